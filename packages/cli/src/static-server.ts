/**
 * A read-only HTTP server for the output directory. It answers GET and HEAD for the scripts and
 * line maps in that directory and nothing else: any way out of the folder (`..`, its percent
 * encodings, backslashes, NUL bytes, absolute-form targets, symbolic links that lead outside) is
 * refused before the file system is asked about anything but the folder itself.
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";

export type Resolution =
  | { readonly status: 200; readonly file: string; readonly contentType: string }
  | { readonly status: 400 | 404; readonly reason: string };

const servedTypes: readonly (readonly [suffix: string, contentType: string])[] = [
  [".ipxe.map.json", "application/json; charset=utf-8"],
  [".ipxe", "text/plain; charset=utf-8"],
];

/** Maps a request target to a file inside `root`, or says why not. */
export function resolveRequest(root: string, target: string): Resolution {
  // Only origin-form targets ("/path?query"): no "http://host/…", no "*", no relative paths.
  if (!target.startsWith("/")) return { status: 400, reason: "not a path" };
  const cut = target.search(/[?#]/);
  const rawPath = cut < 0 ? target : target.slice(0, cut);
  if (/[\0\\]/.test(rawPath)) return { status: 400, reason: "forbidden character" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400, reason: "malformed percent-encoding" };
  }
  if (/[\0\\]/.test(decoded)) return { status: 400, reason: "forbidden character" };
  const segments = decoded.split("/").filter((segment) => segment !== "");
  if (segments.some((segment) => segment === "." || segment === "..")) {
    return { status: 400, reason: "path leaves the folder" };
  }
  const name = segments.at(-1);
  if (name === undefined) return { status: 404, reason: "no index" };
  if (segments.some((segment) => segment.startsWith("."))) return { status: 404, reason: "hidden file" };
  const type = servedTypes.find(([suffix]) => name.endsWith(suffix));
  if (!type) return { status: 404, reason: "not a script" };

  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return { status: 400, reason: "path leaves the folder" };
  // Symbolic links are followed only when they stay inside the folder.
  let real: string;
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    real = fs.realpathSync(candidate);
  } catch {
    return { status: 404, reason: "no such file" };
  }
  if (!isInside(realRoot, real)) return { status: 404, reason: "link leaves the folder" };
  try {
    if (!fs.statSync(real).isFile()) return { status: 404, reason: "not a file" };
  } catch {
    return { status: 404, reason: "no such file" };
  }
  return { status: 200, file: real, contentType: type[1] };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
}

export interface RequestLog {
  readonly method: string;
  readonly target: string;
  readonly status: number;
  readonly bytes: number;
  readonly milliseconds: number;
  readonly remote: string;
}

export function createStaticHandler(
  root: string,
  log: (entry: RequestLog) => void = () => {},
): (request: http.IncomingMessage, response: http.ServerResponse) => void {
  return (request, response) => {
    const started = performance.now();
    const method = request.method ?? "";
    const target = request.url ?? "";
    const finish = (status: number, body: Buffer | string, headers: http.OutgoingHttpHeaders) => {
      const payload = typeof body === "string" ? Buffer.from(body, "utf8") : body;
      response.writeHead(status, {
        "Content-Length": payload.length,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        ...headers,
      });
      response.end(method === "HEAD" ? undefined : payload);
      log({
        method,
        target,
        status,
        bytes: method === "HEAD" ? 0 : payload.length,
        milliseconds: performance.now() - started,
        remote: request.socket.remoteAddress ?? "?",
      });
    };
    const text = { "Content-Type": "text/plain; charset=utf-8" };
    if (method !== "GET" && method !== "HEAD") {
      finish(405, "method not allowed\n", { ...text, Allow: "GET, HEAD" });
      return;
    }
    const resolution = resolveRequest(root, target);
    if (resolution.status !== 200) {
      finish(resolution.status, resolution.status === 400 ? "bad request\n" : "not found\n", text);
      return;
    }
    fs.readFile(resolution.file, (error, contents) => {
      if (error) finish(404, "not found\n", text);
      else finish(200, contents, { "Content-Type": resolution.contentType });
    });
  };
}

export interface RunningServer {
  readonly server: http.Server;
  /** The address actually bound (the port is real when 0 was asked for). */
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export function startStaticServer(options: {
  readonly root: string;
  readonly host: string;
  readonly port: number;
  readonly log?: (entry: RequestLog) => void;
}): Promise<RunningServer> {
  const server = http.createServer(createStaticHandler(options.root, options.log));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        server,
        host: options.host,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
