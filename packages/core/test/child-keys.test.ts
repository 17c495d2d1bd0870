import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Node } from "../src/ast.js";
import { astChildKeys, childrenOf, forEachMenuMember, forEachNode } from "../src/child-keys.js";
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
      starts.push(node.start);
    });
    expect(visited.slice(0, 4)).toEqual(["SourceFile", "Const", "Identifier", "Int"]);
    expect(visited).toContain("Binary");
    expect(visited.filter((kind) => kind === "Item")).toHaveLength(1);
    expect(starts.slice(1)).toEqual([...starts.slice(1)].sort((a, b) => a - b));
  });

  it("tells each node its parent and the parent's key that holds it", () => {
    const { ast } = parse('menu main "M" {\n  item x "X" -> boot e(1, 2)\n}\n', "x.ipxm");
    const places: string[] = [];
    const parents = new Map<Node, Node | undefined>();
    forEachNode(ast, (node, parent, key) => {
      parents.set(node, parent);
      places.push(parent ? `${parent.kind}.${key}>${node.kind}` : `${node.kind}`);
      if (parent) expect(childrenOf(parent)).toContain(node);
    });
    expect(places).toEqual([
      "SourceFile",
      "SourceFile.declarations>Menu",
      "Menu.name>Identifier",
      "Menu.title>String",
      "String.parts>Text",
      "Menu.body>Item",
      "Item.id>Identifier",
      "Item.text>String",
      "String.parts>Text",
      "Item.action>BootEntry",
      "BootEntry.entry>Identifier",
      "BootEntry.args>Int",
      "BootEntry.args>Int",
    ]);
    expect(parents.get(ast)).toBeUndefined();
  });

  it("walks the deepest expression the parser accepts without recursion", () => {
    const chain = Array.from({ length: 250 }, () => "true").join(" and ");
    const { ast } = parse(`const a = ${chain}\n`, "x.ipxm");
    let count = 0;
    forEachNode(ast, () => count++);
    expect(count).toBeGreaterThan(250 * 2);
  });
});

describe("childrenOf", () => {
  it("gives the nodes directly under a node, in source order, skipping absent ones", () => {
    const { ast } = parse("const a = [1, 2]\nentry e(x: int) { boot }\n", "x.ipxm");
    const [constant, entry] = ast.declarations;
    expect(childrenOf(ast)).toEqual([constant, entry]);
    expect(childrenOf(constant!).map((node) => node.kind)).toEqual(["Identifier", "List"]);
    expect(childrenOf(entry!).map((node) => node.kind)).toEqual(["Identifier", "Param", "BootKernel"]);
    const list = childrenOf(constant!)[1]!;
    expect(childrenOf(list).map((node) => node.start)).toEqual([11, 14]);
    expect(childrenOf(childrenOf(list)[0]!)).toEqual([]);
  });
});

describe("forEachMenuMember", () => {
  it("visits a menu's members in source order, through for, if and when blocks", () => {
    const text = [
      'menu main "M" {',
      '  item a "A" -> shell',
      '  for v in ["x"] {',
      '    item "${v}" -> shell',
      "  }",
      "  if true {",
      '    gap "-"',
      "  } else {",
      '    item c "C" -> shell',
      "  }",
      "  when platform == efi {",
      "    default a",
      "  }",
      "  on escape -> exit",
      "}",
    ].join("\n");
    const menu = parse(text, "x.ipxm").ast.declarations[0];
    if (menu?.kind !== "Menu") throw new Error("no menu");
    const visited: string[] = [];
    forEachMenuMember(menu.body, (member) => visited.push(`${member.kind}@${member.start}`));
    expect(visited.map((entry) => entry.split("@")[0])).toEqual(["Item", "Item", "Gap", "Item", "Default", "Escape"]);
    const starts = visited.map((entry) => Number(entry.split("@")[1]));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});
