/**
 * The built `ipxm` command, run as a user runs it: exit codes, what it prints, what it writes.
 */
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, fixture, ipxm, stackTrace, startIpxm } from "./spawn-helpers.js";

const version = (
  JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

const mainMenu = `import "./linux.ipxm"

menu main "Test site" {
  default local after 5s
  item linux "Linux" key l -> menu linux
  item local "Boot from local disk" -> exit
}
`;
const linuxMenu = `setting mirror: url = "http://mirror.example.org"

menu linux "Linux" {
  item debian "Debian 12" -> boot debian("12")
  item back "Back" key b -> back
}

entry debian(version: string) {
  kernel "\${mirror}/debian/\${version}/linux" args "ip=dhcp"
  initrd "\${mirror}/debian/\${version}/initrd.gz"
  boot
}
`;
const brokenMenu = `menu main "Broken" {
  item linux "Linux" -> menu linx
  item local "Boot from local disk" -> exit
}
`;

const temporaryFolders: string[] = [];
function site(files: Record<string, string | Uint8Array>): string {
  const dir = fixture(files);
  temporaryFolders.push(dir);
  return dir;
}

beforeAll(assertBuilt);
afterAll(() => {
  for (const dir of temporaryFolders) fs.rmSync(dir, { recursive: true, force: true });
});

function expectNoStackTrace(run: { stderr: string; stdout: string }): void {
  expect(run.stderr).not.toMatch(stackTrace);
  expect(run.stdout).not.toMatch(stackTrace);
}

describe("ipxm --help and --version", () => {
  const cwd = fixture({});
  temporaryFolders.push(cwd);

  it.each([[[]], [["build"]], [["check"]], [["serve"]]])(
    "%j --help and -h print help on stdout and exit 0",
    (command) => {
      for (const flag of ["--help", "-h"]) {
        const run = ipxm([...command, flag], cwd);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^Usage: ipxm /m);
        expect(run.stderr).toBe("");
      }
    },
  );

  it.each([[[]], [["build"]], [["check"]], [["serve"]]])(
    "%j --version and -V print the version and exit 0",
    (command) => {
      for (const flag of ["--version", "-V"]) {
        const run = ipxm([...command, flag], cwd);
        expect(run).toEqual({ status: 0, stdout: `ipxm ${version}\n`, stderr: "" });
      }
    },
  );
});

describe("bad usage exits 2 with one line and a hint", () => {
  const cwd = fixture({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu });
  temporaryFolders.push(cwd);

  it.each([
    [["build", ".", "--frobnicate"], "ipxm build: unknown option --frobnicate", "ipxm build"],
    [["build", ".", "-o"], "ipxm build: option --out needs a value", "ipxm build"],
    [["serve", ".", "--port"], "ipxm serve: option --port needs a value", "ipxm serve"],
    [["serve", ".", "--port", "http"], "ipxm serve: --port http: expected a number from 0 to 65535", "ipxm serve"],
    [
      ["check", ".", "--target", "ipxe-99-amiga"],
      'ipxm check: unknown target "ipxe-99-amiga" (targets: ',
      "ipxm check",
    ],
    [["build", ".", "--define", "mirror"], "ipxm build: --define mirror: expected name=value", "ipxm build"],
    [["compile", "."], 'ipxm: unknown command "compile" (commands: build, check, serve, preview, lint, fmt)', "ipxm"],
    [[], "ipxm: missing command", "ipxm"],
  ])("%j", (args, firstLine, helpOf) => {
    const run = ipxm(args, cwd);
    expect(run.status).toBe(2);
    const lines = run.stderr.split("\n");
    expect(lines[0]!.startsWith(firstLine)).toBe(true);
    expect(lines.slice(1)).toEqual([`Try "${helpOf} --help".`, ""]);
    expect(run.stdout).toBe("");
    expect(fs.existsSync(path.join(cwd, "out"))).toBe(false);
  });
});

describe("ipxm build", () => {
  it("builds the entry point of a folder and nothing it imports", () => {
    const cwd = site({ "menus/main.ipxm": mainMenu, "menus/linux.ipxm": linuxMenu });
    const run = ipxm(["build", "menus"], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^built 1 script into out\/ \(\d+(\.\d)? k?B\)\n$/);
    expect(fs.readdirSync(path.join(cwd, "out"))).toEqual(["main.ipxe"]);
    const script = fs.readFileSync(path.join(cwd, "out", "main.ipxe"), "utf8");
    expect(script.startsWith("#!ipxe\n")).toBe(true);
    expect(script).toContain("mirror.example.org");
  });

  it("writes to -o, keeps subfolders, and writes the line map with --map", () => {
    const cwd = site({
      "menus/main.ipxm": mainMenu,
      "menus/linux.ipxm": linuxMenu,
      "menus/extra/rescue.ipxm": mainMenu.replace('import "./linux.ipxm"', 'import "../linux.ipxm"'),
    });
    const run = ipxm(["build", "menus", "-o", "public/boot", "--map"], cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^built 2 scripts into public\/boot\/ \(.+\) with line maps\n$/);
    const out = path.join(cwd, "public", "boot");
    expect(fs.readdirSync(out).sort()).toEqual(["extra", "main.ipxe", "main.ipxe.map.json"]);
    expect(fs.readdirSync(path.join(out, "extra")).sort()).toEqual(["rescue.ipxe", "rescue.ipxe.map.json"]);
    const map = JSON.parse(fs.readFileSync(path.join(out, "main.ipxe.map.json"), "utf8")) as {
      version: number;
      script: string;
      lines: { line: number; file: string; start: number; end: number; sourceLine: number; sourceColumn: number }[];
    };
    expect(map.version).toBe(1);
    expect(map.script).toBe("main.ipxe");
    expect(map.lines.length).toBeGreaterThan(0);
    const scriptLines = fs.readFileSync(path.join(out, "main.ipxe"), "utf8").split("\n").length;
    for (const entry of map.lines) {
      expect(["../../menus/main.ipxm", "../../menus/linux.ipxm"]).toContain(entry.file);
      expect(entry.line).toBeGreaterThanOrEqual(1);
      expect(entry.line).toBeLessThanOrEqual(scriptLines);
      expect(entry.sourceLine).toBeGreaterThanOrEqual(1);
    }
  });

  it("builds the working directory when no path is given", () => {
    const cwd = site({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu });
    const run = ipxm(["build"], cwd);
    expect(run.status).toBe(0);
    expect(fs.readdirSync(path.join(cwd, "out"))).toEqual(["main.ipxe"]);
  });

  it("builds the same bytes twice", () => {
    const cwd = site({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu });
    expect(ipxm(["build", ".", "-o", "a"], cwd).status).toBe(0);
    expect(ipxm(["build", "main.ipxm", "-o", "b"], cwd).status).toBe(0);
    expect(fs.readFileSync(path.join(cwd, "a", "main.ipxe"))).toEqual(
      fs.readFileSync(path.join(cwd, "b", "main.ipxe")),
    );
  });

  it("prints each error with its location, line and caret, the count, and writes nothing at all", () => {
    const cwd = site({
      "menus/main.ipxm": brokenMenu,
      "menus/other.ipxm": mainMenu.replace('import "./linux.ipxm"\n', "").replace("-> menu linux", "-> exit"),
      "out/main.ipxe": "#!ipxe\necho previous good build\n",
    });
    const run = ipxm(["build", "menus"], cwd);
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n");
    const line = '  item linux "Linux" -> menu linx';
    expect(lines[0]).toMatch(
      new RegExp(`^menus/main\\.ipxm:2:${line.indexOf("linx") + 1} {2}error {2}.*linx.* {2}unknown-name$`),
    );
    expect(lines[1]).toBe(`  2 | ${line}`);
    expect(lines[2]).toBe(`    | ${" ".repeat(line.indexOf("linx"))}^^^^`);
    expect(run.stderr).toMatch(/\n1 error\nnothing written\n$/);
    // The other entry point was fine, but nothing is written while any error exists.
    expect(fs.readdirSync(path.join(cwd, "out"))).toEqual(["main.ipxe"]);
    expect(fs.readFileSync(path.join(cwd, "out", "main.ipxe"), "utf8")).toBe("#!ipxe\necho previous good build\n");
    expectNoStackTrace(run);
  });

  it("colours nothing when stderr is not a terminal", () => {
    const cwd = site({ "main.ipxm": brokenMenu });
    const run = ipxm(["build", "."], cwd, { NO_COLOR: "" });
    expect(run.stderr).not.toContain("\x1b[");
  });
});

describe("ipxm check", () => {
  it("checks without writing and says so", () => {
    const cwd = site({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu });
    const run = ipxm(["check", "."], cwd);
    expect(run).toMatchObject({ status: 0, stdout: "" });
    expect(run.stderr).toBe("checked 2 files (1 entry point): no problems\n");
    expect(fs.readdirSync(cwd).sort()).toEqual(["linux.ipxm", "main.ipxm"]);
  });

  it("exits 1 on errors", () => {
    const cwd = site({ "main.ipxm": brokenMenu });
    const run = ipxm(["check", "main.ipxm"], cwd);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/unknown-name\n/);
    expect(run.stderr).toMatch(/\n1 error\n$/);
  });
});

describe("bad input is reported, never a crash", () => {
  const bad = (files: Record<string, string | Uint8Array>, args: string[]) => {
    const cwd = site(files);
    const run = ipxm(args, cwd);
    expectNoStackTrace(run);
    return { run, cwd };
  };

  it("a path that does not exist: file-not-found", () => {
    const { run } = bad({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu }, ["build", "main.ipxm", "nowhere"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^nowhere {2}error {2}nowhere does not exist {2}file-not-found$/m);
  });

  it("a folder without .ipxm files: no-input-files", () => {
    const { run } = bad({ "empty/README.md": "nothing here" }, ["check", "empty"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^empty {2}error {2}empty holds no \.ipxm file.* {2}no-input-files$/m);
  });

  it("a file that is not UTF-8: invalid-utf8 with the byte offset", () => {
    const bytes = Buffer.concat([
      Buffer.from('menu main "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('" {\n  item a "A" -> exit\n}\n'),
    ]);
    const { run, cwd } = bad({ "main.ipxm": bytes }, ["build", "."]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/main\.ipxm.*byte 0xE9 at byte offset 14 \(line 1\).* {2}invalid-utf8$/m);
    expect(fs.existsSync(path.join(cwd, "out"))).toBe(false);
  });

  it("an imported file that is not UTF-8: invalid-utf8 at the import", () => {
    const { run } = bad({ "main.ipxm": mainMenu, "linux.ipxm": Buffer.from([0x6d, 0x65, 0x6e, 0x75, 0xff]) }, [
      "build",
      "main.ipxm",
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^main\.ipxm:1:8 {2}error {2}.*byte 0xFF at byte offset 4.* {2}invalid-utf8$/m);
  });

  it("a byte order mark: accepted with a warning", () => {
    const { run, cwd } = bad({ "main.ipxm": `\uFEFF${mainMenu}`, "linux.ipxm": linuxMenu }, ["build", "."]);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^main\.ipxm:1:1 {2}warning {2}.* {2}byte-order-mark$/m);
    expect(run.stderr).toMatch(/\n1 warning\nbuilt 1 script/);
    expect(fs.readFileSync(path.join(cwd, "out", "main.ipxe"), "utf8").startsWith("#!ipxe\n")).toBe(true);
  });

  it("CRLF line ends: compiled like LF, LF in the output", () => {
    const crlf = (text: string) => text.replace(/\n/g, "\r\n");
    const { run, cwd } = bad({ "main.ipxm": crlf(mainMenu), "linux.ipxm": crlf(linuxMenu) }, ["build", "."]);
    expect(run).toMatchObject({ status: 0 });
    const lf = site({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu });
    expect(ipxm(["build", "."], lf).status).toBe(0);
    const script = fs.readFileSync(path.join(cwd, "out", "main.ipxe"), "utf8");
    expect(script).not.toContain("\r");
    expect(script).toBe(fs.readFileSync(path.join(lf, "out", "main.ipxe"), "utf8"));
  });

  it("an import cycle: import-cycle", () => {
    const { run } = bad(
      {
        "main.ipxm": 'import "./a.ipxm"\nmenu main "M" { item x "X" -> exit }\n',
        "a.ipxm": 'import "./b.ipxm"\n',
        "b.ipxm": 'import "./a.ipxm"\n',
      },
      ["build", "main.ipxm"],
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/ {2}error {2}.* {2}import-cycle$/m);
  });

  it("a 50 MB file: file-too-large, without reading it", () => {
    const cwd = site({ "main.ipxm": "" });
    fs.truncateSync(path.join(cwd, "main.ipxm"), 50 * 1024 * 1024);
    const started = performance.now();
    const run = ipxm(["build", "."], cwd);
    expect(performance.now() - started).toBeLessThan(5000);
    expectNoStackTrace(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^main\.ipxm {2}error {2}main\.ipxm is 52\.4 MB; source files may be at most 8 MiB {2}file-too-large$/m,
    );
  });

  it("a file that cannot be read (a socket): file-unreadable", async () => {
    const cwd = site({});
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(path.join(cwd, "main.ipxm"), resolve));
    try {
      const run = ipxm(["build", "main.ipxm"], cwd);
      expectNoStackTrace(run);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/^main\.ipxm {2}error {2}main\.ipxm is not a regular file {2}file-unreadable$/m);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a folder where an imported file should be: file-unreadable at the import", () => {
    const cwd = site({ "main.ipxm": mainMenu, "linux.ipxm/inner.ipxm": linuxMenu });
    const run = ipxm(["build", "main.ipxm"], cwd);
    expectNoStackTrace(run);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^main\.ipxm:1:8 {2}error {2}.*linux\.ipxm is a directory, not a file {2}file-unreadable$/m,
    );
  });

  it("an import of a file that does not exist: import-not-found", () => {
    const { run } = bad({ "main.ipxm": mainMenu }, ["check", "main.ipxm"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^main\.ipxm:1:8 {2}error {2}.* {2}import-not-found$/m);
  });

  it("an output folder that cannot be created: one line, exit 1", () => {
    const { run } = bad({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu, blocked: "a file" }, [
      "build",
      "main.ipxm",
      "-o",
      "blocked/out",
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^ipxm build: cannot write blocked\/out: a file is in the way of a directory$/m);
  });
});

describe("ipxm serve", () => {
  it("builds, serves on a free port, rebuilds on change, keeps the last good output on errors, stops on Ctrl-C", async () => {
    const cwd = site({ "menus/main.ipxm": mainMenu, "menus/linux.ipxm": linuxMenu });
    const child = startIpxm(["serve", "menus", "--port", "0"], cwd);
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const waitFor = async (pattern: RegExp, from = 0): Promise<RegExpMatchArray> => {
      const deadline = Date.now() + 15_000;
      for (;;) {
        const match = stderr.slice(from).match(pattern);
        if (match) return match;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; stderr so far:\n${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    };
    try {
      const [, url] = await waitFor(/chain (http:\/\/127\.0\.0\.1:\d+\/main\.ipxe)\n/);
      expect(stderr).toMatch(/^built 1 script into out\/ /m);
      expect(stderr).toMatch(/--host 0\.0\.0\.0/);

      const first = await fetch(url!);
      expect(first.status).toBe(200);
      expect(first.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      const firstScript = await first.text();
      expect(firstScript.startsWith("#!ipxe\n")).toBe(true);
      expect((await fetch(new URL("/../menus/main.ipxm", url))).status).toBe(404);
      await waitFor(/ GET \/main\.ipxe {2}200 /);

      // A change is picked up and served.
      let mark = stderr.length;
      fs.writeFileSync(
        path.join(cwd, "menus/linux.ipxm"),
        linuxMenu.replace("mirror.example.org", "changed.example.org"),
      );
      await waitFor(/rebuilt 1 script/, mark);
      const changed = await (await fetch(url!)).text();
      expect(changed).toContain("changed.example.org");

      // A broken change prints diagnostics and keeps serving the last good script.
      mark = stderr.length;
      fs.writeFileSync(path.join(cwd, "menus/main.ipxm"), brokenMenu);
      await waitFor(/build failed; still serving the last good output/, mark);
      expect(stderr.slice(mark)).toMatch(/unknown-name/);
      expect(await (await fetch(url!)).text()).toBe(changed);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/stopped\n$/);
    expect(stderr).not.toMatch(stackTrace);
  });

  it("says so and exits 1 when the port is taken", async () => {
    const cwd = site({ "main.ipxm": mainMenu, "linux.ipxm": linuxMenu });
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const run = ipxm(["serve", ".", "--port", String(port)], cwd);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`^ipxm serve: port ${port} on 127\\.0\\.0\\.1 is in use; choose another with --port`, "m"),
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
