import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createSourceHost, maxSourceBytes, readSourceFile } from "../src/host.js";
import { decodeUtf8, firstInvalidUtf8Offset } from "../src/utf8.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-host-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, contents: string | Uint8Array): string {
  const full = path.join(dir, name);
  fs.writeFileSync(full, contents);
  return full;
}

describe("reading a source file", () => {
  it("returns the text of a UTF-8 file", () => {
    expect(readSourceFile(file("ok.ipxm", 'menu main "Grüße ✓" {}\n'))).toEqual({
      ok: true,
      text: 'menu main "Grüße ✓" {}\n',
    });
  });

  it("keeps a byte order mark, so the parser can warn about it", () => {
    const result = readSourceFile(file("bom.ipxm", "\uFEFFmenu main {}\n"));
    expect(result).toEqual({ ok: true, text: "\uFEFFmenu main {}\n" });
  });

  it("keeps CRLF line ends as they are", () => {
    expect(readSourceFile(file("crlf.ipxm", "a\r\nb\r\n"))).toEqual({ ok: true, text: "a\r\nb\r\n" });
  });

  it("reports a missing file", () => {
    expect(readSourceFile(path.join(dir, "nope.ipxm"))).toMatchObject({
      ok: false,
      code: "file-not-found",
      message: "does not exist",
    });
    expect(readSourceFile(path.join(dir, "ok.ipxm", "below.ipxm"))).toMatchObject({
      ok: false,
      code: "file-not-found",
    });
  });

  it("reports a directory as unreadable", () => {
    fs.mkdirSync(path.join(dir, "folder.ipxm"));
    expect(readSourceFile(path.join(dir, "folder.ipxm"))).toEqual({
      ok: false,
      code: "file-unreadable",
      message: "is a directory, not a file",
    });
  });

  it("reports a file that is not a regular file (a socket) as unreadable, without blocking", async () => {
    const socketPath = path.join(dir, "socket.ipxm");
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    expect(readSourceFile(socketPath)).toEqual({
      ok: false,
      code: "file-unreadable",
      message: "is not a regular file",
    });
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses a file over 8 MiB without reading it", () => {
    const big = path.join(dir, "big.ipxm");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * 1024 * 1024); // sparse: no 50 MB written to disk
    expect(readSourceFile(big)).toEqual({
      ok: false,
      code: "file-too-large",
      message: "is 52.4 MB; source files may be at most 8 MiB",
    });
  });

  it("accepts a file of exactly 8 MiB", () => {
    const edge = path.join(dir, "edge.ipxm");
    fs.writeFileSync(edge, "");
    fs.truncateSync(edge, maxSourceBytes);
    const result = readSourceFile(edge);
    expect(result.ok).toBe(true);
  });

  it("reports invalid UTF-8 with the byte offset and line", () => {
    const bytes = Buffer.concat([Buffer.from("menu main {\n  // caf"), Buffer.from([0xe9]), Buffer.from("\n}\n")]);
    expect(readSourceFile(file("latin1.ipxm", bytes))).toEqual({
      ok: false,
      code: "invalid-utf8",
      message: "is not valid UTF-8: byte 0xE9 at byte offset 20 (line 2); save the file as UTF-8",
    });
  });

  it("records every name a host was asked for, relative to its directory", () => {
    const host = createSourceHost(dir);
    expect(host.readFile("ok.ipxm").ok).toBe(true);
    expect(host.readFile("missing.ipxm").ok).toBe(false);
    expect([...host.pathsRead]).toEqual(["ok.ipxm", "missing.ipxm"]);
  });
});

describe("finding the first invalid UTF-8 byte", () => {
  it.each([
    [[0x41, 0xff], 1],
    [[0xc0, 0x80], 0], // overlong NUL
    [[0xe0, 0x80, 0x80], 0], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x41, 0xe2, 0x82], 1], // truncated at the end
    [[0xe2, 0x82, 0xac, 0x80], 3], // stray continuation byte
    [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
  ])("%j → %i", (bytes, offset) => {
    expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
  });

  it("agrees with TextDecoder on which byte arrays are valid", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Offset(bytes) === -1).toBe(valid);
        expect(decodeUtf8(bytes).ok).toBe(valid);
      }),
      { numRuns: 5000 },
    );
  });

  it("points at a byte that TextDecoder also rejects when decoding stops there", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.uint8Array({ minLength: 1, maxLength: 4 }), (prefix, tail) => {
        const bytes = Buffer.concat([Buffer.from(prefix, "utf8"), Buffer.from(tail)]);
        const offset = firstInvalidUtf8Offset(bytes);
        if (offset >= 0) {
          // Everything before the reported byte is valid on its own.
          expect(firstInvalidUtf8Offset(bytes.subarray(0, offset))).toBe(-1);
          expect(offset).toBeGreaterThanOrEqual(Buffer.byteLength(prefix, "utf8"));
        }
      }),
    );
  });
});
