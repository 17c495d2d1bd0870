/** `ipxm lint` in process: trees, formats, fixes, options and exit codes. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import type { CliIO } from "../src/io.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string | Uint8Array>, parent = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, "ipxm-lint-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

async function lint(cwd: string, ...args: string[]) {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text), isTTY: false },
    cwd,
    env: {},
  };
  const code = await main(["lint", ...args], io);
  return { code, ...out };
}

/** The messages of a JSON report as `file:line:column rule`. */
function summary(stdout: string, cwd: string): string[] {
  const results = JSON.parse(stdout) as {
    filePath: string;
    messages: { line: number; column: number; ruleId: string | null }[];
  }[];
  return results.flatMap((result) =>
    result.messages.map((m) => `${path.relative(cwd, result.filePath)}:${m.line}:${m.column} ${m.ruleId}`),
  );
}

const menu =
  "#!ipxe\nmenu Main\nitem linux Linux\nchoose item || exit 0\ngoto ${item} || exit 1\n:linux\nchain linux.ipxe || exit 1\n";
const linux = "#!ipxe\necho Linux\n";

describe("ipxm lint", () => {
  it("passes a clean tree with exit code 0 and prints nothing", async () => {
    const cwd = project({ "menu.ipxe": menu, "linux.ipxe": linux });
    expect(await lint(cwd)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("lints our own menus/ clean", async () => {
    const repo = fileURLToPath(new URL("../../..", import.meta.url));
    const result = await lint(repo, "menus");
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("reports errors in the stylish format, paths relative to the working directory, exit code 1", async () => {
    const cwd = project({ "site/menu.ipxe": "#!ipxe\ngoto strat\n:start\n" });
    const result = await lint(cwd, "site");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("site/menu.ipxe\n");
    expect(result.stdout).toMatch(
      /2:6\s+error\s+label ":strat" is not defined in this script .*ipxm\/no-undefined-label/,
    );
    expect(result.stdout).toContain("✖ 1 problem (1 error, 0 warnings)");
  });

  it("lints .ipxm, .ipxe and files that start with #!ipxe, as one tree with cross-file checks", async () => {
    const cwd = project({
      "main.ipxm": 'menu main "Main" {\n  item a "A" -> menu mian\n}\n',
      "menu.ipxe": "#!ipxe\n:main_menu\nchain --autofree boot.cfg ||\nchain tools.ipxe || goto main_menu\n",
      "tools.ipxe": "#!ipxe\nmenu Tools\nitem x X\nchoose y || goto main_menu\n",
      "boot.cfg": "#!ipxe\nset mirror http://mirror.example.org\n",
      loader: "#!ipxe\ndhcp ||\nchain http://boot.example.org/menu.ipxe ||\n",
      "notes.txt": "not a script",
    });
    const result = await lint(cwd, ".", "--format", "json");
    expect(summary(result.stdout, cwd)).toEqual([
      "main.ipxm:2:22 ipxm/no-undefined-label",
      "tools.ipxe:4:18 ipxm/no-cross-file-goto",
    ]);
    const linted = (JSON.parse(result.stdout) as { filePath: string }[]).map((r) => path.basename(r.filePath));
    expect(linted).toEqual(["boot.cfg", "loader", "main.ipxm", "menu.ipxe", "tools.ipxe"]);
  });

  it("checks ipxm programs against the target with the compiler", async () => {
    const cwd = project({
      "main.ipxm": 'menu main "Main" {\n  item n "netboot.xyz" -> chain "https://boot.netboot.xyz"\n}\n',
    });
    const plain = await lint(cwd, "--format", "json");
    expect(summary(plain.stdout, cwd)).toEqual(["main.ipxm:2:27 ipxm/target-support"]);
    expect(await lint(cwd, "--target", "ipxe-2-efi")).toMatchObject({ code: 0 });
  });

  it("judges iPXE scripts by --target", async () => {
    const cwd = project({ "menu.ipxe": "#!ipxe\nchain https://boot.netboot.xyz ||\n" });
    expect((await lint(cwd, "--target", "ipxe-2-efi")).code).toBe(0);
    const debian = await lint(cwd, "--target", "debian-efi", "-f", "json");
    expect(summary(debian.stdout, cwd)).toEqual(["menu.ipxe:2:7 ipxm/target-support"]);
  });

  it("exits 0 with warnings, and 1 when they are more than --max-warnings", async () => {
    const cwd = project({ "menu.ipxe": "#!ipxe\n:unused\necho hi\n" });
    expect((await lint(cwd)).code).toBe(0);
    expect((await lint(cwd, "--max-warnings", "1")).code).toBe(0);
    const strict = await lint(cwd, "--max-warnings", "0");
    expect(strict.code).toBe(1);
    expect(strict.stderr).toBe("ipxm lint: 1 warning, more than --max-warnings 0 allows\n");
  });

  it("sets rules with --rule name:severity, for the languages each rule supports", async () => {
    const cwd = project({
      "menu.ipxe": "#!ipxe\n:unused\ngoto nowhere ||\n",
      "main.ipxm": 'menu main "M" { item a "A" -> menu x }\n',
    });
    const result = await lint(
      cwd,
      "--rule",
      "no-unused-label:off",
      "--rule",
      "ipxm/no-undefined-label:warn",
      "-f",
      "json",
    );
    const messages = (JSON.parse(result.stdout) as { messages: { ruleId: string; severity: number }[] }[]).flatMap(
      (r) => r.messages,
    );
    expect(messages.map((m) => [m.ruleId, m.severity])).toEqual([
      ["ipxm/no-undefined-label", 1],
      ["ipxm/no-undefined-label", 1],
    ]);
    expect(result.code).toBe(0);
  });

  it("applies fixes with --fix and reports what is left", async () => {
    const cwd = project({
      "menu.ipxe":
        "\n#!ipxe\niseq ${a} b && set c d\nitem --gap ---- Tools ----\nitem linux --key l Linux\ngoto strat\n:start\n",
    });
    const result = await lint(cwd, "--fix", "-f", "json");
    expect(fs.readFileSync(path.join(cwd, "menu.ipxe"), "utf8")).toBe(
      "#!ipxe\niseq ${a} b && set c d ||\nitem --gap -- ---- Tools ----\nitem --key l linux Linux\ngoto strat\n:start\n",
    );
    expect(summary(result.stdout, cwd)).toEqual(["menu.ipxe:5:6 ipxm/no-undefined-label"]);
    expect(result.code).toBe(1);
    expect(fs.readdirSync(cwd)).toEqual(["menu.ipxe"]);
  });

  it("writes SARIF 2.1.0 for code scanning", async () => {
    const cwd = project({ "site/menu.ipxe": "#!ipxe\ngoto strat\n:start\n:unused\n" });
    const result = await lint(cwd, "--format", "sarif");
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    expect(sarifProblems(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ["ipxm/no-undefined-label", "error"],
      ["ipxm/no-unused-label", "warning"],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "site/menu.ipxe", uriBaseId: "%SRCROOT%", index: 0 },
      region: { startLine: 2, startColumn: 6, endLine: 2, endColumn: 11 },
    });
    expect(run.tool.driver.rules[run.results[0].ruleIndex].id).toBe("ipxm/no-undefined-label");
  });

  it("honours an eslint.config.js that configures the ipxm languages", async () => {
    const repo = fileURLToPath(new URL("../../..", import.meta.url));
    const dist = path.join(repo, "packages/eslint-plugin/dist/index.js");
    expect(fs.existsSync(dist), "build the plugin first (npx tsc -b packages/cli)").toBe(true);
    const cwd = project({
      "eslint.config.js": `import ipxm from ${JSON.stringify(dist)};\nexport default [...ipxm.configs.recommended, { files: ["**/*.ipxe"], rules: { "ipxm/no-unused-label": "off" } }];\n`,
      "menu.ipxe": "#!ipxe\n:unused\ngoto strat\n:start\n",
    });
    const result = await lint(cwd, "-f", "json");
    expect(summary(result.stdout, cwd)).toEqual(["menu.ipxe:3:6 ipxm/no-undefined-label"]);
  });

  it("uses its own rules when an eslint.config.js does not configure ipxm files", async () => {
    const cwd = project({
      "eslint.config.js": "export default [{ files: ['**/*.js'], rules: {} }];\n",
      "menu.ipxe": "#!ipxe\n:unused\n",
    });
    const result = await lint(cwd, "-f", "json");
    expect(summary(result.stdout, cwd)).toEqual(["menu.ipxe:2:2 ipxm/no-unused-label"]);
  });
});

describe("ipxm lint and ipxm check", () => {
  it("agree on every problem of an ipxm site, at the same severity; lint adds its own rules", async () => {
    const site = fileURLToPath(new URL("../../eslint-plugin/test/fixtures/ipxm-site", import.meta.url));
    const check = { stdout: "", stderr: "" };
    const io: CliIO = {
      stdout: { write: (text: string) => (check.stdout += text) },
      stderr: { write: (text: string) => (check.stderr += text), isTTY: false },
      cwd: site,
      env: {},
    };
    await main(["check", "."], io);
    const checked = [...check.stderr.matchAll(/^(\S+:\d+:\d+) {2}(error|warning)/gm)].map((m) => `${m[1]} ${m[2]}`);
    const allLinted = await lintJson(site);
    const lintOnly = new Set(["ipxm/no-unused", "ipxm/no-shadow", "ipxm/max-menu-rows", "ipxm/max-item-text-length"]);
    const linted = allLinted.filter((m) => !lintOnly.has(m.rule)).map((m) => `${m.where} ${m.severity}`);
    expect(checked.length).toBeGreaterThan(5);
    expect(linted).toEqual(checked);
  });
});

async function lintJson(cwd: string): Promise<{ where: string; severity: string; rule: string }[]> {
  const result = await lint(cwd, "-f", "json");
  const results = JSON.parse(result.stdout) as {
    filePath: string;
    messages: { line: number; column: number; severity: number; ruleId: string }[];
  }[];
  return results.flatMap((r) =>
    r.messages.map((m) => ({
      where: `${path.relative(cwd, r.filePath)}:${m.line}:${m.column}`,
      severity: m.severity === 2 ? "error" : "warning",
      rule: m.ruleId,
    })),
  );
}

describe("ipxm lint, bad usage (exit code 2)", () => {
  it.each([
    [["--format", "xml"], /--format xml: expected one of stylish, json, sarif/],
    [["--rule", "no-unused-label"], /--rule no-unused-label: expected name:severity/],
    [["--rule", "no-such-rule:off"], /--rule no-such-rule: no such rule \(rules: no-undefined-label, /],
    [["--max-warnings", "many"], /--max-warnings many: expected a number/],
    [["--target", "ipxe-3"], /unknown target "ipxe-3"/],
    [["missing-dir"], /missing-dir does not exist/],
  ])("%j", async (args, message) => {
    const cwd = project({ "menu.ipxe": "#!ipxe\n" });
    const result = await lint(cwd, ...args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe("ipxm lint, bad input: a message or a clean pass, never a crash", () => {
  it("refuses a binary file and a file that is not UTF-8, with a message", async () => {
    const cwd = project({
      "binary.ipxe": new Uint8Array([0x23, 0x21, 0x69, 0x70, 0x78, 0x65, 0x0a, 0x00, 0xff, 0x10]),
      "latin1.ipxe": new Uint8Array([...Buffer.from("#!ipxe\necho caf"), 0xe9, 0x0a]),
    });
    const result = await lint(cwd, "-f", "json");
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { messages: { message: string; fatal: boolean }[] }[]).map(
      (r) => r.messages[0]!,
    );
    expect(messages).toEqual([
      expect.objectContaining({
        fatal: true,
        message: "binary.ipxe is not a text file (a NUL byte at byte offset 7, line 2); not linted",
      }),
      expect.objectContaining({
        fatal: true,
        message: expect.stringMatching(/^latin1\.ipxe is not valid UTF-8 \(byte 0xE9 at byte offset 15, line 2\)/),
      }),
    ]);
  });

  it("skips binaries without an .ipxe name found in a directory", async () => {
    const cwd = project({ memdisk: new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1]), "menu.ipxe": "#!ipxe\n" });
    expect(await lint(cwd)).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("lints a 1 MB line, CRLF line ends and an empty file", async () => {
    const cwd = project({
      "long.ipxe": `#!ipxe\necho ${"x".repeat(1024 * 1024)}\n`,
      "crlf.ipxe": "#!ipxe\r\ngoto end\r\n:end\r\necho done\r\n",
      "empty.ipxe": "",
    });
    const result = await lint(cwd, "-f", "json");
    expect(summary(result.stdout, cwd)).toEqual(["empty.ipxe:1:1 ipxm/valid-header"]);
  });

  it("lints a directory of 10 000 files", async () => {
    const files: Record<string, string> = {};
    for (let k = 0; k < 10_000; k++)
      files[`d${Math.floor(k / 100)}/s${k}.ipxe`] = `#!ipxe\n:s${k}\necho ${k}\ngoto s${k}\n`;
    const cwd = project(files);
    const result = await lint(cwd, "-f", "json");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toHaveLength(10_000);
  }, 120_000);

  it("says so when there is nothing to lint", async () => {
    const cwd = project({ "notes.txt": "hello" });
    expect(await lint(cwd)).toEqual({ code: 0, stdout: "", stderr: "ipxm lint: no .ipxm or .ipxe files in .\n" });
  });
});

/** What SARIF 2.1.0 requires of the parts this log uses (the schema's required properties and enums). */
function sarifProblems(log: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check(log["version"] === "2.1.0", "version is 2.1.0");
  check(typeof log["$schema"] === "string", "$schema");
  const runs = log["runs"] as Record<string, unknown>[];
  check(Array.isArray(runs) && runs.length === 1, "one run");
  for (const run of runs ?? []) {
    const driver = (run["tool"] as { driver?: Record<string, unknown> })?.driver;
    check(typeof driver?.["name"] === "string", "tool.driver.name");
    const rules = (driver?.["rules"] ?? []) as Record<string, unknown>[];
    for (const rule of rules) check(typeof rule["id"] === "string", "rule.id");
    const artifacts = (run["artifacts"] ?? []) as { location: { uri: string } }[];
    for (const result of run["results"] as Record<string, unknown>[]) {
      check(typeof (result["message"] as { text?: unknown })?.text === "string", "result.message.text");
      check(["none", "note", "warning", "error"].includes(result["level"] as string), "result.level");
      if (result["ruleIndex"] !== undefined)
        check(rules[result["ruleIndex"] as number]?.["id"] === result["ruleId"], "ruleIndex points at ruleId");
      for (const location of result["locations"] as {
        physicalLocation: { artifactLocation: { uri: string; index: number }; region: Record<string, number> };
      }[]) {
        const { artifactLocation, region } = location.physicalLocation;
        check(artifacts[artifactLocation.index]?.location.uri === artifactLocation.uri, "artifact index");
        check(region["startLine"]! >= 1 && region["startColumn"]! >= 1, "1-based region");
        if (region["endLine"] !== undefined)
          check(region["endLine"] >= region["startLine"]!, "endLine after startLine");
      }
    }
  }
  return problems;
}
