/** `ipxm lint` as users run it: the built command in a child process, ESLint and the plugin loaded from node_modules. */
import * as fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, fixture, ipxm, stackTrace } from "./spawn-helpers.js";

const folders: string[] = [];
beforeAll(assertBuilt);
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function tree(files: Record<string, string | Uint8Array>): string {
  const dir = fixture(files);
  folders.push(dir);
  return dir;
}

describe("the ipxm lint command", () => {
  it("exits 0 on a clean tree", () => {
    const cwd = tree({
      "menu.ipxe": "#!ipxe\ngoto end\n:end\n",
      "main.ipxm": 'menu main "M" { item a "A" -> exit }\n',
    });
    expect(ipxm(["lint", "."], cwd)).toEqual({ status: 0, stdout: "", stderr: "" });
  });

  it("exits 1 with the stylish report, and never a stack trace for bad input", () => {
    const cwd = tree({
      "menu.ipxe": "#!ipxe\ngoto strat\n:start\n",
      "broken.ipxm": 'menu main "M" {\n',
      "binary.ipxe": new Uint8Array([0, 1, 2, 3]),
    });
    const result = ipxm(["lint", "."], cwd);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/menu\.ipxe\n\s+2:6\s+error\s+label ":strat"/);
    expect(result.stdout).toMatch(/broken\.ipxm\n\s+2:1\s+error\s+Parsing error: /);
    expect(result.stdout).toContain("binary.ipxe is not a text file");
    expect(result.stdout + result.stderr).not.toMatch(stackTrace);
  });

  it("exits 2 on bad usage", () => {
    const cwd = tree({ "menu.ipxe": "#!ipxe\n" });
    const result = ipxm(["lint", "--format", "xml"], cwd);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--format xml: expected one of stylish, json, sarif");
  });
});
