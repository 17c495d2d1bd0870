import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectInputs } from "../src/inputs.js";
import { selectEntryPoints } from "../src/pipeline.js";
import { scriptName } from "../src/project.js";

const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-inputs-"));
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

function touch(...names: string[]): void {
  for (const name of names) {
    fs.mkdirSync(path.dirname(path.join(cwd, name)), { recursive: true });
    fs.writeFileSync(path.join(cwd, name), "");
  }
}

touch(
  "menus/main.ipxm",
  "menus/linux/ubuntu.ipxm",
  "menus/linux/debian.ipxm",
  "menus/Zeta.ipxm",
  "menus/notes.txt",
  "menus/.hidden/secret.ipxm",
  "menus/node_modules/pkg/x.ipxm",
  "empty/readme.md",
  "loose.ipxe-source",
);
fs.symlinkSync(path.join(cwd, "menus"), path.join(cwd, "menus", "linux", "loop"));

describe("collecting the input files", () => {
  it("expands a directory to every .ipxm below it, sorted, skipping hidden folders and node_modules", () => {
    const inputs = collectInputs(["menus"], cwd);
    expect(inputs.files.map((file) => file.path)).toEqual([
      "menus/Zeta.ipxm",
      "menus/linux/debian.ipxm",
      "menus/linux/ubuntu.ipxm",
      "menus/main.ipxm",
    ]);
    expect(inputs.files.every((file) => file.base === "menus")).toBe(true);
    expect(inputs.directories).toEqual(["menus"]);
    expect(inputs.diagnostics).toEqual([]);
  });

  it("names files relative to the working directory, whichever way they were given", () => {
    const inputs = collectInputs([path.join(cwd, "menus", "main.ipxm"), "./menus/../menus/linux/debian.ipxm"], cwd);
    expect(inputs.files).toEqual([
      { path: "menus/main.ipxm", base: "menus" },
      { path: "menus/linux/debian.ipxm", base: "menus/linux" },
    ]);
  });

  it("takes a file given by name whatever its extension, and each file once", () => {
    const inputs = collectInputs(["loose.ipxe-source", "menus/main.ipxm", "menus"], cwd);
    expect(inputs.files.map((file) => file.path)).toEqual([
      "loose.ipxe-source",
      "menus/main.ipxm",
      "menus/Zeta.ipxm",
      "menus/linux/debian.ipxm",
      "menus/linux/ubuntu.ipxm",
    ]);
  });

  it("reports a path that does not exist", () => {
    const inputs = collectInputs(["menus", "nowhere"], cwd);
    expect(inputs.files).toHaveLength(4);
    expect(inputs.diagnostics).toEqual([
      {
        code: "file-not-found",
        severity: "error",
        message: "nowhere does not exist",
        file: "nowhere",
        range: { start: 0, end: 0 },
      },
    ]);
  });

  it("reports a directory without any .ipxm file", () => {
    const inputs = collectInputs(["empty"], cwd);
    expect(inputs.files).toEqual([]);
    expect(inputs.diagnostics.map((d) => [d.code, d.message])).toEqual([
      ["no-input-files", "empty holds no .ipxm file (looked in every folder below it)"],
    ]);
  });

  it("accepts the working directory itself", () => {
    const inputs = collectInputs(["."], path.join(cwd, "menus", "linux"));
    expect(inputs.files.map((file) => file.path)).toEqual([
      "debian.ipxm",
      "loop/Zeta.ipxm",
      "loop/main.ipxm",
      "ubuntu.ipxm",
    ]);
  });
});

describe("choosing the entry points", () => {
  it("keeps the given files that no loaded file imports", () => {
    const graph = new Map([
      ["menus/main.ipxm", ["menus/linux.ipxm", "menus/tools.ipxm"]],
      ["menus/linux.ipxm", ["menus/data.ipxm"]],
      ["menus/tools.ipxm", []],
      ["menus/data.ipxm", []],
      ["menus/extra.ipxm", ["menus/data.ipxm"]],
    ]);
    const given = ["menus/data.ipxm", "menus/extra.ipxm", "menus/linux.ipxm", "menus/main.ipxm", "menus/tools.ipxm"];
    expect(selectEntryPoints(given, graph)).toEqual(["menus/extra.ipxm", "menus/main.ipxm"]);
  });

  it("ignores a file importing itself but drops both sides of a cycle", () => {
    const graph = new Map([
      ["a.ipxm", ["a.ipxm"]],
      ["b.ipxm", ["c.ipxm"]],
      ["c.ipxm", ["b.ipxm"]],
    ]);
    expect(selectEntryPoints(["a.ipxm", "b.ipxm", "c.ipxm"], graph)).toEqual(["a.ipxm"]);
  });
});

describe("naming the scripts", () => {
  it.each([
    ["main.ipxm", "main.ipxe"],
    ["linux/ubuntu.ipxm", "linux/ubuntu.ipxe"],
    ["site.menu", "site.menu.ipxe"],
  ])("%s → %s", (source, script) => {
    expect(scriptName(source)).toBe(script);
  });
});
