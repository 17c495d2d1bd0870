import { describe, expect, it } from "vitest";
import type { BinaryExpr, Expression, ListLiteral, MemberAccess, NotExpr, RecordLiteral } from "../src/ast.js";
import { expressionOf, slice } from "./parse-helpers.js";

/** A compact rendering of an expression's structure: `(and (not (== a b)) c)`. */
function shape(expression: Expression): string {
  switch (expression.kind) {
    case "Binary":
      return `(${expression.operator} ${shape(expression.left)} ${shape(expression.right)})`;
    case "Not":
      return `(not ${shape(expression.operand)})`;
    case "Member":
      return `${shape(expression.object)}.${expression.member.name}`;
    case "Name":
      return expression.name.name;
    case "IsSet":
      return `set(${expression.setting.name})`;
    case "Int":
    case "Duration":
      return expression.text;
    case "Bool":
      return String(expression.value);
    case "String":
      return JSON.stringify(expression.parts.map((part) => (part.kind === "Text" ? part.value : "${}")).join(""));
    case "List":
      return `[${expression.elements.map(shape).join(" ")}]`;
    case "Record":
      return `{${expression.fields.map((field) => `${field.name.name}:${shape(field.value)}`).join(" ")}}`;
  }
}

function shapeOf(source: string): string {
  return shape(expressionOf(source).expression);
}

describe("expressions", () => {
  describe("literals", () => {
    it("parses decimal and hexadecimal integers with their text", () => {
      expect(expressionOf("42").expression).toMatchObject({ kind: "Int", value: 42, text: "42" });
      expect(expressionOf("0x80").expression).toMatchObject({ kind: "Int", value: 128, text: "0x80" });
    });

    it("parses durations with amount and unit", () => {
      for (const [text, amount, unit] of [
        ["500ms", 500, "ms"],
        ["30s", 30, "s"],
        ["5m", 5, "m"],
        ["1h", 1, "h"],
      ] as const) {
        expect(expressionOf(text).expression).toMatchObject({ kind: "Duration", amount, unit, text });
      }
    });

    it("parses true and false", () => {
      expect(expressionOf("true").expression).toMatchObject({ kind: "Bool", value: true });
      expect(expressionOf("false").expression).toMatchObject({ kind: "Bool", value: false });
    });

    it("parses lists, with a trailing comma and empty", () => {
      const { text, expression } = expressionOf('["24.04", "22.04",]');
      expect((expression as ListLiteral).elements.map((element) => slice(text, element))).toEqual([
        '"24.04"',
        '"22.04"',
      ]);
      expect(slice(text, expression)).toBe('["24.04", "22.04",]');
      expect(expressionOf("[]").expression).toMatchObject({ kind: "List", elements: [] });
    });

    it("parses records, with a trailing comma and empty", () => {
      const { text, expression } = expressionOf('{ version: "12", codename: "bookworm", }');
      const record = expression as RecordLiteral;
      expect(record.fields.map((field) => field.name.name)).toEqual(["version", "codename"]);
      expect(record.fields.map((field) => slice(text, field))).toEqual(['version: "12"', 'codename: "bookworm"']);
      expect(slice(text, record)).toBe('{ version: "12", codename: "bookworm", }');
      expect(expressionOf("{}").expression).toMatchObject({ kind: "Record", fields: [] });
    });

    it("parses a list of records, as in the language reference", () => {
      const source = '[\n  { version: "13", codename: "trixie" },\n  { version: "12", codename: "bookworm" },\n]';
      expect(shapeOf(source)).toBe('[{version:"13" codename:"trixie"} {version:"12" codename:"bookworm"}]');
    });

    it("accepts keywords as record field names", () => {
      expect(shapeOf('{ default: 1, menu: "m" }')).toBe('{default:1 menu:"m"}');
    });
  });

  describe("names", () => {
    it("parses a name reference", () => {
      const { text, expression } = expressionOf("mirror");
      expect(expression).toMatchObject({ kind: "Name", name: { kind: "Identifier", name: "mirror" } });
      expect(slice(text, expression)).toBe("mirror");
    });

    it("parses member access as nested Member nodes, each covering its prefix", () => {
      const { text, expression } = expressionOf("a.b.c");
      const outer = expression as MemberAccess;
      expect(shape(outer)).toBe("a.b.c");
      expect(slice(text, outer)).toBe("a.b.c");
      expect(slice(text, outer.object)).toBe("a.b");
      expect(slice(text, outer.member)).toBe("c");
    });

    it("parses set(NAME)", () => {
      const { text, expression } = expressionOf("set(kickstart)");
      expect(expression).toMatchObject({ kind: "IsSet", setting: { name: "kickstart" } });
      expect(slice(text, expression)).toBe("set(kickstart)");
    });

    it("accepts keywords as names and members", () => {
      expect(shapeOf("boot.menu")).toBe("boot.menu");
    });
  });

  describe("operators", () => {
    it("parses == and !=", () => {
      expect(shapeOf("platform == efi")).toBe("(== platform efi)");
      expect(shapeOf("a != b")).toBe("(!= a b)");
    });

    it("binds and tighter than or", () => {
      expect(shapeOf("a or b and c")).toBe("(or a (and b c))");
      expect(shapeOf("a and b or c")).toBe("(or (and a b) c)");
    });

    it("binds not looser than == and tighter than and", () => {
      expect(shapeOf("not a == b")).toBe("(not (== a b))");
      expect(shapeOf("not a and b")).toBe("(and (not a) b)");
      expect(shapeOf("a and not b or c")).toBe("(or (and a (not b)) c)");
      expect(shapeOf("not not a")).toBe("(not (not a))");
    });

    it("is left-associative", () => {
      expect(shapeOf("a or b or c")).toBe("(or (or a b) c)");
      expect(shapeOf("a == b == c")).toBe("(== (== a b) c)");
    });

    it("lets parentheses override precedence", () => {
      expect(shapeOf("(a or b) and c")).toBe("(and (or a b) c)");
      expect(shapeOf("not (a and b)")).toBe("(not (and a b))");
    });

    it("binds member access tightest", () => {
      expect(shapeOf("r.arch == x86_64 and set(m)")).toBe("(and (== r.arch x86_64) set(m))");
    });

    it("gives operator nodes ranges that include parentheses at their edges", () => {
      const { text, expression } = expressionOf("(a or b) and not (c)");
      const and = expression as BinaryExpr;
      expect(slice(text, and)).toBe("(a or b) and not (c)");
      expect(slice(text, and.left)).toBe("a or b");
      const not = and.right as NotExpr;
      expect(slice(text, not)).toBe("not (c)");
      expect(slice(text, not.operand)).toBe("c");
    });

    it("gives member access on a parenthesised object a range from the parenthesis", () => {
      const { text, expression } = expressionOf("(a).b");
      expect(slice(text, expression)).toBe("(a).b");
    });

    it("gives each binary node the range of its operands", () => {
      const { text, expression } = expressionOf("a == b or not set(c)");
      const or = expression as BinaryExpr;
      expect(slice(text, or)).toBe("a == b or not set(c)");
      expect(slice(text, or.left)).toBe("a == b");
      expect(slice(text, or.right)).toBe("not set(c)");
    });
  });
});
