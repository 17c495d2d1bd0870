/**
 * The loopback HTTP server a boot case talks to. QEMU's user-mode network maps the guest address
 * 10.0.2.2 to the host's 127.0.0.1, so the guest reaches this server as `http://10.0.2.2:PORT/`.
 *
 * Routes:
 * - `/script/<name>`: a script registered with `serve()` (the wrapper, the compiled menu);
 * - `/hit?…`: a callback; logged, answered with `#!ipxe` + `reboot`, which ends the VM (`-no-reboot`);
 *   with `hold=1` the answer waits at a prompt instead, so the screen can still be read;
 * - `/stub/…`: a stand-in kernel, initrd or chained script; logged, answered with a tiny iPXE script
 *   that, once booted, lists the loaded images (`imgstat` prints each one's command line) and calls
 *   `/hit?stub=<path>&hold=1`, so an entry's whole kernel → initrd → boot path is observable;
 * - everything else: 404, logged too (a failed fetch is a case of its own).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** The guest's name for the host's loopback interface under QEMU user networking. */
export const guestHostAddress = "10.0.2.2";

export interface RequestRecord {
  /** The path with its query, as the guest sent it. */
  readonly target: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly status: number;
  /** Milliseconds since the server started. */
  readonly at: number;
  readonly userAgent: string;
}

export class StubServer {
  readonly requests: RequestRecord[] = [];
  private readonly scripts = new Map<string, string>();
  private readonly waiters = new Set<() => void>();
  private readonly started = Date.now();

  private constructor(
    private readonly server: http.Server,
    readonly port: number,
  ) {}

  static async start(): Promise<StubServer> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const stub = new StubServer(server, (server.address() as AddressInfo).port);
    server.on("request", (request, response) => stub.handle(request, response));
    return stub;
  }

  /** The base URL as the guest sees it: `http://10.0.2.2:PORT`. */
  get guestUrl(): string {
    return `http://${guestHostAddress}:${this.port}`;
  }

  /** The same base URL from this machine. */
  get hostUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Serves `text` at `/script/<name>`; returns the guest URL. */
  serve(name: string, text: string): string {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`script name ${JSON.stringify(name)} must be a plain file name`);
    this.scripts.set(name, text);
    return `${this.guestUrl}/script/${name}`;
  }

  /** Requests whose path starts with `prefix`, in arrival order. */
  requestsTo(prefix: string): RequestRecord[] {
    return this.requests.filter((request) => request.path.startsWith(prefix));
  }

  /** The query of every `/hit` callback, in arrival order. */
  hits(): URLSearchParams[] {
    return this.requestsTo("/hit").map((request) => request.query);
  }

  /** Resolves with the first request that satisfies `match` (already logged or still to come). */
  waitForRequest(match: (request: RequestRecord) => boolean, timeoutMs: number): Promise<RequestRecord> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = this.requests.find(match);
        if (!found) return false;
        finish();
        resolve(found);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      const waiter = () => void check();
      if (check()) return;
      this.waiters.add(waiter);
    });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const target = request.url ?? "/";
    const url = new URL(target, this.hostUrl);
    const reply = (status: number, body: string) => {
      this.requests.push({
        target,
        path: url.pathname,
        query: url.searchParams,
        status,
        at: Date.now() - this.started,
        userAgent: request.headers["user-agent"] ?? "",
      });
      response.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(body) });
      response.end(request.method === "HEAD" ? undefined : body);
      for (const waiter of [...this.waiters]) waiter();
    };

    if (url.pathname === "/hit") {
      const held = url.searchParams.get("hold") === "1";
      return reply(200, held ? "#!ipxe\nprompt --timeout 60000 held ||\nreboot\n" : "#!ipxe\nreboot\n");
    }
    if (url.pathname.startsWith("/stub/")) {
      const path = encodeURIComponent(url.pathname);
      return reply(200, `#!ipxe\nimgstat\nchain ${this.guestUrl}/hit?stub=${path}&hold=1\n`);
    }
    if (url.pathname.startsWith("/script/")) {
      const text = this.scripts.get(url.pathname.slice("/script/".length));
      if (text !== undefined) return reply(200, text);
    }
    reply(404, "not found\n");
  }
}
