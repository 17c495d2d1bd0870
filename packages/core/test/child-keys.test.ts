import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { astChildKeys } from "../src/child-keys.js";
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
