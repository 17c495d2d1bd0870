/**
 * Formatting changes layout only. Every `.ipxm` file of the repository (menus/, the compiler's
 * golden sources, the formatter's own fixtures) formats to text with the same AST that compiles to
 * the very same scripts; every `.ipxe` file (the golden outputs, the fixtures) formats to a script
 * iPXE reads as the same tokens, logical line by logical line. Formatting twice changes nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileAll, formatIpxe, formatIpxm, ipxeTokens, shapeOf } from "./helpers.js";

const repository = fileURLToPath(new URL("../../../", import.meta.url));

function filesBelow(directory: string, extension: string): string[] {
  return readdirSync(join(repository, directory), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(repository, directory, name))
    .sort();
}

const ipxmSources = [
  ...filesBelow("menus", ".ipxm"),
  ...filesBelow("packages/compiler/test/golden", ".ipxm"),
  ...filesBelow("packages/prettier-plugin/test/fixtures", ".ipxm"),
];
const ipxeScripts = [
  ...filesBelow("packages/compiler/test/golden", ".ipxe"),
  ...filesBelow("packages/prettier-plugin/test/fixtures", ".ipxe"),
];
const name = (path: string) => relative(repository, path);

describe("formatting .ipxm", () => {
  it("covers menus/, the golden sources and the fixtures", () => {
    expect(ipxmSources.filter((path) => name(path).startsWith("menus/")).length).toBeGreaterThanOrEqual(10);
    expect(ipxmSources.filter((path) => name(path).includes("golden")).length).toBeGreaterThanOrEqual(6);
  });

  for (const path of ipxmSources) {
    it(`keeps the AST of ${name(path)} and is idempotent`, async () => {
      const text = readFileSync(path, "utf8");
      const formatted = await formatIpxm(text, { filepath: path });
      expect(shapeOf(formatted)).toEqual(shapeOf(text));
      expect(await formatIpxm(formatted, { filepath: path })).toBe(formatted);
    });
  }
});

describe("compiling formatted sources", () => {
  const trees = [
    { root: "menus", entries: ["menus/main.ipxm"] },
    {
      root: "packages/compiler/test/golden",
      entries: filesBelow("packages/compiler/test/golden", ".ipxm")
        .map(name)
        .filter((path) => !path.includes("/shared/")),
    },
  ];
  for (const { root, entries } of trees) {
    it(`gives byte-identical scripts for ${root}`, async () => {
      const original = new Map<string, string>();
      const formatted = new Map<string, string>();
      for (const path of filesBelow(root, ".ipxm")) {
        const text = readFileSync(path, "utf8");
        original.set(name(path), text);
        formatted.set(name(path), await formatIpxm(text, { filepath: path }));
      }
      const before = compileAll(original, entries);
      const after = compileAll(formatted, entries);
      expect(before.size).toBe(entries.length);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [entry, script] of before) expect(after.get(entry), entry).toBe(script);
    });
  }
});

describe("formatting .ipxe", () => {
  it("covers the golden outputs", () => {
    expect(ipxeScripts.filter((path) => name(path).includes("golden")).length).toBeGreaterThanOrEqual(6);
  });

  for (const path of ipxeScripts) {
    for (const options of [{}, { ipxeIndentLabels: true }, { ipxmAlignItems: false }]) {
      it(`keeps the iPXE tokens of ${name(path)} with ${JSON.stringify(options)}`, async () => {
        const text = readFileSync(path, "utf8");
        const formatted = await formatIpxe(text, options);
        expect(ipxeTokens(formatted)).toEqual(ipxeTokens(text));
        expect(await formatIpxe(formatted, options)).toBe(formatted);
      });
    }
  }
});
