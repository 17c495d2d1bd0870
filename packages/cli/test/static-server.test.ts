import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveRequest, startStaticServer, type RunningServer } from "../src/static-server.js";

/** Sends a request target byte for byte (fetch and http.request would normalise or refuse it). */
function rawRequest(
  port: number,
  target: string,
  method = "GET",
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const response = Buffer.concat(chunks).toString("latin1");
      const split = response.indexOf("\r\n\r\n");
      const head = split < 0 ? response : response.slice(0, split);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        headers: head,
        body: split < 0 ? "" : response.slice(split + 4),
      });
    });
    socket.write(Buffer.from(`${method} ${target} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n`, "latin1"));
  });
}

describe("the static server", () => {
  // Created now, not in beforeAll: the table of attacks below names this folder.
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-serve-"));
  const root = path.join(base, "out");
  let server: RunningServer;
  const secret = "TOP-SECRET-OUTSIDE-THE-FOLDER";

  beforeAll(async () => {
    fs.mkdirSync(path.join(root, "sub"), { recursive: true });
    fs.writeFileSync(path.join(root, "main.ipxe"), "#!ipxe\necho hello\n");
    fs.writeFileSync(path.join(root, "main.ipxe.map.json"), "{}\n");
    fs.writeFileSync(path.join(root, "sub", "linux.ipxe"), "#!ipxe\necho linux\n");
    fs.writeFileSync(path.join(root, "notes.txt"), "not a script\n");
    fs.writeFileSync(path.join(root, ".main.ipxe.123.tmp"), "#!ipxe\nhalf");
    fs.writeFileSync(path.join(base, "secret.ipxe"), secret);
    fs.writeFileSync(path.join(base, "secret.txt"), secret);
    fs.symlinkSync(path.join(base, "secret.ipxe"), path.join(root, "escape.ipxe"));
    fs.symlinkSync(base, path.join(root, "up"));
    fs.symlinkSync(path.join(root, "main.ipxe"), path.join(root, "alias.ipxe"));
    server = await startStaticServer({ root, host: "127.0.0.1", port: 0 });
  });

  afterAll(async () => {
    await server.close();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it("listens on a free port when asked for port 0", () => {
    expect(server.port).toBeGreaterThan(0);
  });

  it("serves a script as text/plain", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/main.ipxe`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toBe("#!ipxe\necho hello\n");
  });

  it("serves scripts in subfolders, line maps as JSON, and ignores the query", async () => {
    expect((await rawRequest(server.port, "/sub/linux.ipxe?mac=52:54:00:12:34:56")).body).toBe("#!ipxe\necho linux\n");
    const map = await fetch(`http://127.0.0.1:${server.port}/main.ipxe.map.json`);
    expect(map.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await rawRequest(server.port, "/main.ipxe", "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers).toMatch(/Content-Length: 18/i);
    expect(response.body).toBe("");
  });

  it("refuses other methods with 405", async () => {
    const response = await rawRequest(server.port, "/main.ipxe", "POST");
    expect(response.status).toBe(405);
    expect(response.headers).toMatch(/Allow: GET, HEAD/i);
  });

  it("follows a symbolic link that stays inside the folder", async () => {
    expect((await rawRequest(server.port, "/alias.ipxe")).body).toBe("#!ipxe\necho hello\n");
    // Out through a link and back in: the file itself is inside, so it is served.
    expect((await rawRequest(server.port, "/up/out/main.ipxe")).body).toBe("#!ipxe\necho hello\n");
  });

  it.each([
    ["/", 404],
    ["/notes.txt", 404],
    ["/missing.ipxe", 404],
    ["/sub", 404],
    ["/.main.ipxe.123.tmp", 404],
    ["/escape.ipxe", 404],
    ["/up/secret.ipxe", 404],
    ["/../secret.ipxe", 400],
    ["/sub/../../secret.ipxe", 400],
    ["/%2e%2e/secret.ipxe", 400],
    ["/%2E%2E/secret.ipxe", 400],
    ["/.%2e/secret.ipxe", 400],
    ["/%2e%2e%2fsecret.ipxe", 400],
    ["/sub%2f..%2f..%2fsecret.ipxe", 400],
    ["/%252e%252e/secret.ipxe", 404],
    ["/..%5csecret.ipxe", 400],
    ["/..\\secret.ipxe", 400],
    ["/main.ipxe%00.txt", 400],
    ["/main.ipxe\0", 400],
    ["/%", 400],
    ["/%zz", 400],
    ["//etc/passwd", 404],
    ["/etc/passwd", 404],
    [`/${"%2f".repeat(2)}${base.slice(1)}/secret.ipxe`, 404],
    [`${base}/secret.ipxe`, 404],
    ["http://test/../secret.ipxe", 400],
    ["secret.ipxe", 400],
    ["*", 400],
  ])("never serves a file outside the folder: %j → %i", async (target, status) => {
    const response = await rawRequest(server.port, target);
    // Node's HTTP parser refuses some raw targets (NUL) itself, with 400.
    expect(response.status).toBe(status);
    expect(response.body).not.toContain(secret);
  });
});

describe("resolveRequest", () => {
  it("never returns a path outside the root for hostile targets", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-resolve-"));
    fs.writeFileSync(path.join(root, "a.ipxe"), "#!ipxe\n");
    const hostile = [
      "/..",
      "/../a.ipxe",
      "/%2e%2e%2fa.ipxe",
      "/a/%2e%2e/%2e%2e/x.ipxe",
      "/\0",
      "/%00",
      "/%c0%ae%c0%ae/x.ipxe",
    ];
    for (const target of hostile) {
      const resolution = resolveRequest(root, target);
      if (resolution.status === 200) expect(resolution.file.startsWith(fs.realpathSync(root) + path.sep)).toBe(true);
      else expect([400, 404]).toContain(resolution.status);
    }
    expect(resolveRequest(root, "/a.ipxe")).toEqual({
      status: 200,
      file: path.join(fs.realpathSync(root), "a.ipxe"),
      contentType: "text/plain; charset=utf-8",
    });
    fs.rmSync(root, { recursive: true, force: true });
  });
});
