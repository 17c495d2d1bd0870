import { describe, expect, it } from "vitest";
import type { CstNode, IToken } from "chevrotain";
import { tokenize } from "../src/lexer.js";
import { parse } from "../src/parse.js";
import { describeFound } from "../src/parser-messages.js";
import { getParser, parseTokens } from "../src/parser.js";
import { FILE } from "./parse-helpers.js";

function cstOf(text: string): { cst: CstNode; errors: number } {
  const { cst, parser } = parseTokens(tokenize(text).tokens, text);
  return { cst, errors: parser.errors.length };
}

function child(node: CstNode, key: string, index = 0): CstNode {
  return node.children[key]![index] as CstNode;
}

function token(node: CstNode, key: string, index = 0): IToken {
  return node.children[key]![index] as IToken;
}

describe("parser", () => {
  it("is built once and reused", () => {
    expect(getParser()).toBe(getParser());
    parse('menu m "M" { gap }', FILE);
    expect(parseTokens([], "").parser).toBe(getParser());
  });

  it("starts every parse afresh, whatever the previous input left behind", () => {
    expect(parse("menu { { {", FILE).diagnostics.length).toBeGreaterThan(0);
    expect(parse('menu m "M" { gap }', FILE).diagnostics).toEqual([]);
    expect(cstOf("const a = 1").errors).toBe(0);
  });

  it("keeps a single value two CST nodes deep: the expression holds its first operand", () => {
    const { cst } = cstOf('const a = "x"');
    const expression = child(child(cst, "constDecl"), "value");
    expect(expression.name).toBe("expression");
    expect(token(expression, "StringLiteral").image).toBe('"x"');
    expect(expression.children["operand"]).toBeUndefined();
  });

  it("keeps operators and further operands in source order", () => {
    const { cst } = cstOf("const a = x == y and not z");
    const expression = child(child(cst, "constDecl"), "value");
    expect((expression.children["operator"] as IToken[]).map((operator) => operator.image)).toEqual(["==", "and"]);
    expect((expression.children["operand"] as CstNode[]).map((operand) => operand.name)).toEqual([
      "operand",
      "operand",
    ]);
    expect(token(child(expression, "operand", 1), "Not").image).toBe("not");
  });

  it("labels the item id apart from the item text", () => {
    const { cst } = cstOf('menu m "M" { item a "A" -> shell }');
    const item = child(child(child(cst, "menuDecl"), "body"), "item");
    expect(token(item, "id").image).toBe("a");
    expect(child(item, "text").name).toBe("expression");
  });

  it("consumes a raw block as one token of the statement block", () => {
    const { cst } = cstOf("entry e() { ipxe { echo } }");
    const block = child(child(cst, "entryDecl"), "body");
    expect(token(block, "RawBlock").image).toBe("ipxe { echo }");
  });

  it("never invents a name during recovery", () => {
    const { ast, diagnostics } = parse('menu "M" { gap }', FILE);
    expect(diagnostics).toMatchObject([{ code: "syntax-error" }]);
    expect(ast.declarations).toEqual([]);
  });

  it("inserts a missing closing parenthesis and keeps the call", () => {
    const { ast, diagnostics } = parse('menu m "M" { item a "A" -> boot x("1" }', FILE);
    expect(diagnostics).toHaveLength(1);
    const menu = ast.declarations[0]!;
    expect(menu.kind === "Menu" && menu.body[0]).toMatchObject({
      action: { kind: "BootEntry", args: [{ kind: "String" }] },
    });
  });

  describe("messages", () => {
    it("shows a found token by its text, and the end of the file in words", () => {
      const tokens = tokenize('menu "a very long title that goes on and on"').tokens;
      expect(describeFound(tokens[0]!)).toBe('"menu"');
      expect(describeFound(tokens[1]!)).toBe('"\\"a very long title that …"');
      const { parser } = parseTokens(tokenize("menu").tokens, "menu");
      expect(parser.errors[0]!.message).toMatch(/found the end of the file$/);
    });

    it("shows only the first line of a multi-line token", () => {
      const raw = tokenize("ipxe {\n x\n}").tokens[0]!;
      expect(describeFound(raw)).toBe('"ipxe {…"');
    });

    it("names what was expected where it was expected", () => {
      expect(parse("entry e(a string) { }", FILE).diagnostics[0]!.message).toBe(
        'expected ":" and the parameter\'s type after its name, found "string"',
      );
      expect(parse("setting s = 1", FILE).diagnostics[0]!.message).toBe(
        'expected ":" and the setting\'s type after its name, found "="',
      );
      expect(parse("const c 1", FILE).diagnostics[0]!.message).toBe(
        'expected "=" and the constant\'s value, found "1"',
      );
      expect(parse('menu m "M" { for r releases { } }', FILE).diagnostics[0]!.message).toBe(
        'expected "in" after the loop variable, found "releases"',
      );
      expect(parse("entry e() { set x 1 }", FILE).diagnostics[0]!.message).toBe(
        'expected "=" and a value after the setting\'s name, found "1"',
      );
      expect(parse("const c = [1 2]", FILE).diagnostics[0]!.message).toBe('expected "," or "]" in the list, found "2"');
      expect(parse("const c = { a 1 }", FILE).diagnostics[0]!.message).toBe(
        'expected ":" after the field name, found "1"',
      );
      expect(parse("import menu", FILE).diagnostics[0]!.message).toBe('expected a string after "import", found "menu"');
      expect(parse("const c = (a or b", FILE).diagnostics[0]!.message).toBe(
        'expected ")" to close the parenthesis, found the end of the file',
      );
      expect(parse('menu m "M" { item a "A" -> menu }', FILE).diagnostics[0]!.message).toBe(
        'expected the name of the menu to open after "menu", found "}"',
      );
    });
  });
});
