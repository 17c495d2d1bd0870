import { describe, expect, it } from "vitest";
import { makeDiagnostic, parse, type ConstDecl } from "../src/index.js";

describe("makeDiagnostic", () => {
  const constant = parse('const greeting = "hello"\n', "main.ipxm").ast.declarations[0] as ConstDecl;

  it("keeps the offsets of a node, not the node (a node is a Range)", () => {
    const diagnostic = makeDiagnostic("type-mismatch", "wrong", "main.ipxm", constant.value!);
    expect(diagnostic.range).toEqual({ start: 17, end: 24 });
    expect(JSON.parse(JSON.stringify(diagnostic)).range).toEqual({ start: 17, end: 24 });
  });

  it("keeps the offsets of the nodes its related information and fix name", () => {
    const diagnostic = makeDiagnostic("unknown-name", "unknown", "main.ipxm", constant.name, {
      related: [{ file: "main.ipxm", range: constant, message: "here" }],
      fix: { description: "rename", edits: [{ range: constant.name, newText: "greet" }] },
    });
    expect(diagnostic.related).toEqual([{ file: "main.ipxm", range: { start: 0, end: 24 }, message: "here" }]);
    expect(diagnostic.fix).toEqual({
      description: "rename",
      edits: [{ range: { start: 6, end: 14 }, newText: "greet" }],
    });
  });

  it("stays where it was made when the node moves", () => {
    const node = parse("const a = 1\n", "main.ipxm").ast.declarations[0]!;
    const diagnostic = makeDiagnostic("syntax-error", "here", "main.ipxm", node);
    (node as { start: number }).start += 10;
    expect(diagnostic.range).toEqual({ start: 0, end: 11 });
  });
});
