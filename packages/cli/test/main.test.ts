/** `main(args, io)` in process: the same command line, with captured output and a chosen cwd. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import type { CliIO } from "../src/io.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-main-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function capture(cwd: string, options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text), isTTY: options.tty ?? false },
    cwd,
    env: options.env ?? {},
  };
  return { io, out };
}

const good = {
  "main.ipxm":
    'import "./tools.ipxm"\nmenu main "Site" {\n  item tools "Tools" -> menu tools\n  item local "Local disk" -> exit\n}\n',
  "tools.ipxm": 'menu tools "Tools" {\n  item shell "Shell" key s -> shell\n  item back "Back" -> back\n}\n',
};

describe("main", () => {
  it("builds into the output folder relative to the given cwd", async () => {
    const cwd = project(good);
    const { io, out } = capture(cwd);
    expect(await main(["build", "."], io)).toBe(0);
    expect(out.stderr).toMatch(/^built 1 script into out\/ /);
    expect(fs.readdirSync(path.join(cwd, "out"))).toEqual(["main.ipxe"]);
  });

  it("writes no file at all, not even a partial one, when any entry point has an error", async () => {
    const cwd = project({
      ...good,
      "rescue.ipxm": 'menu rescue "Rescue" {\n  item x "X" -> menu missing\n}\n',
    });
    const { io, out } = capture(cwd);
    expect(await main(["build", ".", "-o", "public"], io)).toBe(1);
    expect(out.stderr).toMatch(/unknown-name/);
    expect(fs.existsSync(path.join(cwd, "public"))).toBe(false);
  });

  it("colours diagnostics on a terminal unless NO_COLOR is set", async () => {
    const cwd = project({ "main.ipxm": 'menu main "M" {\n  item x "X" -> menu missing\n}\n' });
    const tty = capture(cwd, { tty: true });
    await main(["check", "."], tty.io);
    expect(tty.out.stderr).toContain("\x1b[31merror\x1b[39m");
    const noColour = capture(cwd, { tty: true, env: { NO_COLOR: "1" } });
    await main(["check", "."], noColour.io);
    expect(noColour.out.stderr).not.toContain("\x1b[");
    expect(noColour.out.stderr).toBe(tty.out.stderr.replace(/\x1b\[\d+m/g, ""));
  });

  it("turns an unexpected exception into one line and exit code 70", async () => {
    const cwd = project({});
    const out = { stderr: "" };
    const io: CliIO = {
      stdout: {
        write: () => {
          throw new Error("stdout exploded");
        },
      },
      stderr: { write: (text: string) => (out.stderr += text) },
      cwd,
      env: {},
    };
    expect(await main(["--version"], io)).toBe(70);
    expect(out.stderr.split("\n")[0]).toBe("ipxm: internal error: stdout exploded");
    expect(out.stderr).toMatch(/please report/);
    expect(out.stderr).not.toMatch(/\n\s+at /);
  });

  it("prints the stack of an internal error when IPXM_DEBUG=1", async () => {
    const out = { stderr: "" };
    const io: CliIO = {
      stdout: {
        write: () => {
          throw new Error("stdout exploded");
        },
      },
      stderr: { write: (text: string) => (out.stderr += text) },
      cwd: os.tmpdir(),
      env: { IPXM_DEBUG: "1" },
    };
    expect(await main(["--version"], io)).toBe(70);
    expect(out.stderr).toMatch(/^Error: stdout exploded\n\s+at /);
  });

  it("serves until its signal aborts", async () => {
    const cwd = project(good);
    const controller = new AbortController();
    const out = { stderr: "" };
    const io: CliIO = {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (out.stderr += text) },
      cwd,
      env: {},
      signal: controller.signal,
    };
    const running = main(["serve", ".", "--port", "0"], io);
    const chain = /chain (http:\S+)/;
    while (!chain.test(out.stderr)) await new Promise((resolve) => setTimeout(resolve, 10));
    const url = chain.exec(out.stderr)![1]!;
    expect(await (await fetch(url)).text()).toMatch(/^#!ipxe\n/);
    controller.abort();
    expect(await running).toBe(0);
    expect(out.stderr).toMatch(/stopped\n$/);
  });
});
