import { describe, expect, it } from "vitest";
import type { ConstDecl, Expression, Interpolation, StringLiteral } from "../src/index.js";
import { formatType } from "../src/index.js";
import { ExpressionInfoTable, infoOf } from "../src/expression-infos.js";
import { Types } from "../src/types.js";
import { analyzeText } from "./helpers.js";

const range = { start: 0, end: 0 };
const literal: StringLiteral = { kind: "String", range, parts: [] };

function described(text: string, name: string): string | undefined {
  const analysis = analyzeText(text);
  const declaration = analysis.workspace.files
    .get("main.ipxm")!
    .ast.declarations.find((d): d is ConstDecl => d.kind === "Const" && d.name.name === name)!;
  const info = analysis.info.get(declaration.value!);
  return info && `${formatType(info.type)} ${info.stage}`;
}

describe("what the checker found for each expression", () => {
  it("answers a literal by its kind", () => {
    expect(described('const a = "text"\nconst b = 5s\nconst c = true\nconst d = 42', "a")).toBe("string compile");
    expect(described('const a = "text"\nconst b = 5s\nconst c = true\nconst d = 42', "b")).toBe("duration compile");
    expect(described('const a = "text"\nconst b = 5s\nconst c = true\nconst d = 42', "c")).toBe("bool compile");
    expect(described('const a = "text"\nconst b = 5s\nconst c = true\nconst d = 42', "d")).toBe("int compile");
  });

  it("keeps what a string's interpolations make of it", () => {
    expect(described('setting mirror: url = "http://a"\nconst u = "${mirror}/x"', "u")).toBe("string runtime");
  });

  it("keeps the type of names, lists and records", () => {
    const text = 'const n = [1, 2]\nconst r = { a: "x" }\nconst m = n';
    expect(described(text, "n")).toBe("list of int compile");
    expect(described(text, "m")).toBe("list of int compile");
    expect(described(text, "r")).toBe("record { a: string } compile");
  });

  it("answers by kind for what is recorded as the kind's own facts, and stores what differs", () => {
    const table = new ExpressionInfoTable();
    const runtime = infoOf(Types.string, "runtime");
    table.record(literal, runtime);
    expect(table.get(literal)).toBe(runtime);
    table.record(literal, infoOf(Types.string, "compile"));
    expect(table.get(literal)).toBe(infoOf(Types.string, "compile"));
  });

  it("knows nothing of an unchecked name or interpolation", () => {
    const table = new ExpressionInfoTable();
    const name: Expression = { kind: "Name", range, name: { kind: "Identifier", range, name: "x" } } as Expression;
    const part = { kind: "Interpolation", range } as unknown as Interpolation;
    expect(table.get(name)).toBeUndefined();
    expect(table.get(part)).toBeUndefined();
  });

  it("shares one fact object per type and stage", () => {
    expect(infoOf(Types.int, "param")).toBe(infoOf(Types.int, "param"));
    expect(infoOf(Types.int, "param")).not.toBe(infoOf(Types.int, "compile"));
  });
});
