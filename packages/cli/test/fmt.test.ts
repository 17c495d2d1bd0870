/** `ipxm fmt`, run in process with captured output in a scratch folder. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import type { CliIO } from "../src/io.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-fmt-"));
  folders.push(dir);
  for (const [name, contents] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), contents);
  }
  return dir;
}

function capture(cwd: string, stdin?: string | Buffer) {
  const out = { stdout: "", stderr: "", bytes: [] as Buffer[] };
  const io: CliIO = {
    stdout: {
      write: (data: string | Uint8Array) => {
        if (typeof data === "string") out.stdout += data;
        else out.bytes.push(Buffer.from(data));
      },
    },
    stderr: { write: (text: string) => (out.stderr += text), isTTY: false },
    cwd,
    env: {},
    ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }),
  };
  return { io, out };
}

const messy = 'menu main "Main" {\nitem a "A"->shell\n  item bb "BB" key b -> reboot\n}\n';
const tidy = 'menu main "Main" {\n  item a  "A"        -> shell\n  item bb "BB" key b -> reboot\n}\n';
const script = "#!ipxe\n  echo   hello   ||\n";
const tidyScript = "#!ipxe\necho hello ||\n";
const read = (dir: string, name: string) => fs.readFileSync(path.join(dir, name), "utf8");

describe("ipxm fmt", () => {
  it("prints the formatted files and changes none", async () => {
    const cwd = project({ "menus/main.ipxm": messy, "boot.ipxe": script });
    const { io, out } = capture(cwd);
    expect(await main(["fmt"], io)).toBe(0);
    expect(out.stdout).toBe(tidyScript + tidy);
    expect(read(cwd, "menus/main.ipxm")).toBe(messy);
  });

  it("--check lists the files that would change and exits 1", async () => {
    const cwd = project({ "a.ipxm": messy, "b.ipxm": tidy, "c.ipxe": script });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "--check", "."], io)).toBe(1);
    expect(out.stdout).toBe("a.ipxm\nc.ipxe\n");
    expect(out.stderr).toMatch(/2 files of 3 would be reformatted/);
  });

  it("--check exits 0 when everything is formatted", async () => {
    const cwd = project({ "b.ipxm": tidy });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "--check"], io)).toBe(0);
    expect(out.stdout).toBe("");
  });

  it("--write rewrites the files that change and leaves no temporary file", async () => {
    const cwd = project({ "menus/a.ipxm": messy, "menus/b.ipxm": tidy });
    const before = fs.statSync(path.join(cwd, "menus/b.ipxm")).mtimeMs;
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "--write", "menus"], io)).toBe(0);
    expect(read(cwd, "menus/a.ipxm")).toBe(tidy);
    expect(fs.statSync(path.join(cwd, "menus/b.ipxm")).mtimeMs).toBe(before);
    expect(fs.readdirSync(path.join(cwd, "menus")).sort()).toEqual(["a.ipxm", "b.ipxm"]);
    expect(out.stdout).toBe("menus/a.ipxm\n");
  });

  it("reports a syntax error with file:line:col, leaves that file alone and formats the others", async () => {
    const broken = 'menu main "Main" {\n  item a "A" -> nowhere\n}\n';
    const cwd = project({ "a.ipxm": broken, "b.ipxm": messy });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "--write", "."], io)).toBe(1);
    expect(out.stderr).toMatch(/^a\.ipxm:2:17 {2}error .*syntax-error/m);
    expect(read(cwd, "a.ipxm")).toBe(broken);
    expect(read(cwd, "b.ipxm")).toBe(tidy);
  });

  it("honours .prettierrc", async () => {
    const cwd = project({ ".prettierrc.json": '{ "tabWidth": 4, "ipxmAlignItems": false }', "a.ipxm": messy });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "a.ipxm"], io)).toBe(0);
    expect(out.stdout).toBe('menu main "Main" {\n    item a "A" -> shell\n    item bb "BB" key b -> reboot\n}\n');
  });

  it("honours .prettierignore", async () => {
    const cwd = project({ ".prettierignore": "vendor/\n", "vendor/a.ipxm": messy, "b.ipxm": messy });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "--check", "."], io)).toBe(1);
    expect(out.stdout).toBe("b.ipxm\n");
  });

  it("formats standard input as the file --stdin-filepath names", async () => {
    const cwd = project({});
    const { io, out } = capture(cwd, messy);
    expect(await main(["fmt", "--stdin-filepath", "menus/main.ipxm"], io)).toBe(0);
    expect(out.stdout).toBe(tidy);
    const ipxe = capture(cwd, script);
    expect(await main(["fmt", "--stdin-filepath", "boot.ipxe"], ipxe.io)).toBe(0);
    expect(ipxe.out.stdout).toBe(tidyScript);
  });

  it("keeps the bytes of an .ipxe script that is not UTF-8", async () => {
    const latin1 = Buffer.from("#!ipxe\necho   caf\xe9\n", "latin1");
    const cwd = project({ "a.ipxe": latin1 });
    const { io } = capture(cwd);
    expect(await main(["fmt", "--write", "a.ipxe"], io)).toBe(0);
    expect(fs.readFileSync(path.join(cwd, "a.ipxe"))).toEqual(Buffer.from("#!ipxe\necho caf\xe9\n", "latin1"));
  });

  it("turns a lone carriage return into a space, as iPXE reads it", async () => {
    const cwd = project({ "a.ipxe": "#!ipxe\necho a\rb\n" });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "a.ipxe"], io)).toBe(0);
    expect(out.stdout).toBe("#!ipxe\necho a b\n");
  });

  it("reports a missing path and a file of another kind", async () => {
    const cwd = project({ "notes.txt": "x" });
    const { io, out } = capture(cwd);
    expect(await main(["fmt", "missing.ipxm", "notes.txt"], io)).toBe(1);
    expect(out.stderr).toMatch(/missing\.ipxm does not exist/);
    expect(out.stderr).toMatch(/notes\.txt is not an \.ipxm or \.ipxe file/);
  });

  it.each([
    [["fmt", "--check", "--write"], /--check and --write/],
    [["fmt", "--stdin-filepath", "a.ipxm", "b.ipxm"], /paths cannot be given/],
    [["fmt", "--stdin-filepath", "a.ipxm", "--write"], /--write cannot be used/],
    [["fmt", "--bogus"], /unknown option --bogus/],
  ])("rejects %j with exit code 2", async (args, message) => {
    const { io, out } = capture(project({}));
    expect(await main(args, io)).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it("has --help", async () => {
    const { io, out } = capture(project({}));
    expect(await main(["fmt", "--help"], io)).toBe(0);
    expect(out.stdout).toMatch(/^ipxm fmt: format/);
    expect(out.stdout).toMatch(/--stdin-filepath <path>/);
  });
});
