import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { astChildKeys, forEachNode } from "../src/child-keys.js";
import { parse } from "../src/parse.js";

const goldenDir = fileURLToPath(new URL("../../compiler/test/golden/", import.meta.url));
const menusDir = fileURLToPath(new URL("../../../menus/", import.meta.url));
const sources = [goldenDir, menusDir].flatMap((dir) =>
  readdirSync(dir)
    .filter((name) => name.endsWith(".ipxm"))
    .map((name) => readFileSync(dir + name, "utf8")),
);

const isNode = (value: unknown): value is { kind: string } =>
  typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";

describe("astChildKeys", () => {
  it("lists, for every node kind met in real programs, exactly the properties that hold nodes", () => {
    const seen = new Set<string>();
    const visit = (node: { kind: string }): void => {
      seen.add(node.kind);
      const keys = astChildKeys[node.kind];
      expect(keys, node.kind).toBeDefined();
      const holdingNodes = Object.entries(node)
        .filter(([, value]) => isNode(value) || (Array.isArray(value) && value.some(isNode)))
        .map(([key]) => key);
      for (const key of holdingNodes) expect(keys, `${node.kind}.${key}`).toContain(key);
      for (const key of keys!) {
        const value = (node as unknown as Record<string, unknown>)[key];
        for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child);
      }
    };
    for (const text of sources) visit(parse(text, "x.ipxm").ast);
    expect(seen.size).toBeGreaterThan(30);
  });
});

describe("forEachNode", () => {
  it("visits every node once, in source order", () => {
    const { ast } = parse('const a = 1\nmenu main "M" {\n  item x "X" when platform == efi -> shell\n}\n', "x.ipxm");
    const visited: string[] = [];
    const starts: number[] = [];
    forEachNode(ast, (node) => {
      visited.push(node.kind);
      starts.push(node.range.start);
    });
    expect(visited.slice(0, 4)).toEqual(["SourceFile", "Const", "Identifier", "Int"]);
    expect(visited).toContain("Binary");
    expect(visited.filter((kind) => kind === "Item")).toHaveLength(1);
    expect(starts.slice(1)).toEqual([...starts.slice(1)].sort((a, b) => a - b));
  });

  it("walks the deepest expression the parser accepts without recursion", () => {
    const chain = Array.from({ length: 250 }, () => "true").join(" and ");
    const { ast } = parse(`const a = ${chain}\n`, "x.ipxm");
    let count = 0;
    forEachNode(ast, () => count++);
    expect(count).toBeGreaterThan(250 * 2);
  });
});
