import { describe, expect, it } from "vitest";
import type { ConstDecl, Expression, Interpolation, StringLiteral } from "../src/index.js";
import { formatType } from "../src/index.js";
import { ExpressionInfoTable, infoOf } from "../src/expression-infos.js";
import { Types } from "../src/types.js";
import { analyzeText, check, show } from "./helpers.js";

const range = { start: 0, end: 0 };
const literal: StringLiteral = { kind: "String", ...range, parts: [] };

/** A fresh `x` read as an expression: facts are kept per node, so each test makes its own. */
function nameX(): Expression {
  return { kind: "Name", ...range, name: { kind: "Identifier", ...range, name: "x" } } as Expression;
}

function described(text: string, name: string): string | undefined {
  const analysis = analyzeText(text);
  const declaration = analysis.workspace.files
    .get("main.ipxm")!
    .ast.declarations.find((d): d is ConstDecl => d.kind === "Const" && d.name.name === name)!;
  const info = analysis.info.get("main.ipxm", declaration.value!);
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
    table.record("a.ipxm", literal, runtime);
    expect(table.get("a.ipxm", literal)).toBe(runtime);
    table.record("a.ipxm", literal, infoOf(Types.string, "compile"));
    expect(table.get("a.ipxm", literal)).toBe(infoOf(Types.string, "compile"));
  });

  it("knows nothing of an unchecked name or interpolation", () => {
    const table = new ExpressionInfoTable();
    const name = nameX();
    const part = { kind: "Interpolation", ...range } as unknown as Interpolation;
    expect(table.get("a.ipxm", name)).toBeUndefined();
    expect(table.get("a.ipxm", part)).toBeUndefined();
  });

  it("keeps each file's facts apart", () => {
    const table = new ExpressionInfoTable();
    const name = nameX();
    const runtime = infoOf(Types.string, "runtime");
    table.record("a.ipxm", name, runtime);
    expect(table.get("a.ipxm", name)).toBe(runtime);
    expect(table.get("b.ipxm", name)).toBeUndefined();
  });

  it("shares one fact object per type and stage", () => {
    expect(infoOf(Types.int, "param")).toBe(infoOf(Types.int, "param"));
    expect(infoOf(Types.int, "param")).not.toBe(infoOf(Types.int, "compile"));
  });
});

describe("the types of lists and records", () => {
  it("gives a list of records with the same fields the record type of its first element", () => {
    expect(described('const l = [{ a: "x", n: 1 }, { a: "y", n: 2 }, { a: "z", n: 3 }]', "l")).toBe(
      "list of record { a: string, n: int } compile",
    );
  });

  it("joins records with different fields into one record with every field", () => {
    expect(described('const l = [{ a: "x" }, { b: 2 }, { a: "z", b: 3 }]', "l")).toBe(
      "list of record { a: string, b: int } compile",
    );
  });

  it("joins a url field and a string field into a string field", () => {
    const text = 'setting u: url = "http://a"\nconst l = [{ a: "x" }, { a: u }]\nconst m = [{ a: u }, { a: "x" }]';
    expect(described(text, "l")).toBe("list of record { a: string } runtime");
    expect(described(text, "m")).toBe("list of record { a: string } runtime");
  });

  it("joins lists of lists element by element", () => {
    expect(described("const l = [[1, 2], [3], []]", "l")).toBe("list of list of int compile");
  });

  it("reports records whose fields cannot share a type", () => {
    expect(check('const l = [{ a: "x" }, { a: 1 }]')).toEqual([
      expect.objectContaining({ code: "type-mismatch", at: "{ a: 1 }" }),
    ]);
  });

  it("reports a field given twice at the second, pointing at the first", () => {
    const text = 'const r = { a: "x", b: 1, a: "y" }';
    const analysis = analyzeText(text);
    expect(show(analysis.diagnostics, text)).toEqual([
      expect.objectContaining({
        code: "duplicate-declaration",
        at: "a",
        message: 'the record already has a field "a"',
      }),
    ]);
    const [duplicate] = analysis.diagnostics;
    expect(duplicate!.range.start).toBe(text.lastIndexOf("a:"));
    expect(duplicate!.related?.map((related) => related.range.start)).toEqual([text.indexOf("a:")]);
  });
});
