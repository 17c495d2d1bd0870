import { describe, expect, it } from "vitest";
import type { Declaration } from "../src/ast.js";
import { AstBuilder } from "../src/build-ast.js";
import { tokenize } from "../src/lexer.js";
import { parse } from "../src/parse.js";
import { describeFound } from "../src/parser-messages.js";
import { getParser, parseTokens } from "../src/parser.js";
import { FILE } from "./parse-helpers.js";

/** The parser on its own: the declarations it builds and how many syntax errors it found. */
function declarationsOf(text: string): { declarations: Declaration[]; errors: number; problems: string[] } {
  const problems: string[] = [];
  const builder = new AstBuilder(text, (_code, message) => problems.push(message));
  const { declarations, parser } = parseTokens(tokenize(text).tokens, text, builder);
  return { declarations, errors: parser.errors.length, problems };
}

describe("parser", () => {
  it("is built once and reused", () => {
    expect(getParser()).toBe(getParser());
    parse('menu m "M" { gap }', FILE);
    expect(parseTokens([], "", new AstBuilder("", () => undefined)).parser).toBe(getParser());
  });

  it("starts every parse afresh, whatever the previous input left behind", () => {
    expect(parse("menu { { {", FILE).diagnostics.length).toBeGreaterThan(0);
    expect(parse('menu m "M" { gap }', FILE).diagnostics).toEqual([]);
    expect(declarationsOf("const a = 1")).toMatchObject({ errors: 0, declarations: [{ kind: "Const" }] });
  });

  it("builds the nodes as it reads, with no syntax tree in between", () => {
    const { declarations } = declarationsOf('const a = "x"');
    expect(declarations).toEqual([
      {
        kind: "Const",
        start: 0,
        end: 13,
        name: { kind: "Identifier", start: 6, end: 7, name: "a" },
        value: {
          kind: "String",
          start: 10,
          end: 13,
          parts: [{ kind: "Text", start: 11, end: 12, value: "x" }],
        },
      },
    ]);
  });

  it("reads operators and operands in source order and applies precedence after", () => {
    const [constant] = declarationsOf("const a = x == y and not z").declarations;
    expect(constant).toMatchObject({
      value: {
        kind: "Binary",
        operator: "and",
        left: { kind: "Binary", operator: "==", left: { name: { name: "x" } }, right: { name: { name: "y" } } },
        right: { kind: "Not", start: 21, end: 26, operand: { name: { name: "z" } } },
      },
    });
  });

  it("tells the item id apart from the item text", () => {
    const [menu] = declarationsOf('menu m "M" { item a "A" -> shell }').declarations;
    expect(menu).toMatchObject({ body: [{ kind: "Item", id: { name: "a" }, text: { kind: "String" } }] });
  });

  it("takes a raw block as one statement", () => {
    const [entry] = declarationsOf("entry e() { ipxe { echo } }").declarations;
    expect(entry).toMatchObject({ body: [{ kind: "RawIpxe", text: " echo ", start: 12, end: 25 }] });
  });

  describe("when an error ends a rule early", () => {
    it("keeps what a block had read when the declaration after it is where the parser recovers", () => {
      const text = 'menu m "M" {\n  item a "A" -> shell\nentry e() { exit }\n';
      const { declarations, errors } = declarationsOf(text);
      expect(errors).toBe(1);
      expect(declarations).toMatchObject([
        { kind: "Menu", start: 0, end: text.indexOf("\nentry"), body: [{ kind: "Item" }] },
        { kind: "Entry", name: { name: "e" } },
      ]);
    });

    it("keeps a declaration the end of the file cut short", () => {
      const { declarations } = declarationsOf('menu m "M" { item a "A" -> shell');
      expect(declarations).toMatchObject([{ kind: "Menu", start: 0, end: 32, body: [{ kind: "Item" }] }]);
    });

    it("ends a node's range at the last token it really read", () => {
      // `)` is missing: recovery inserts one, which has no place in the text.
      const [menu] = declarationsOf('menu m "M" { item a "A" -> boot x("1" }').declarations;
      expect(menu).toMatchObject({ body: [{ action: { kind: "BootEntry", start: 27, end: 37 } }] });
    });

    it("still reports what is wrong inside a declaration that recovery drops", () => {
      const { declarations, problems } = declarationsOf('menu m default "M" { item "x" -> boot }');
      expect(declarations).toEqual([]);
      expect(problems).toEqual(['in a menu, "boot" needs an entry to run: boot NAME(ARGUMENTS)']);
    });
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
      const { parser } = parseTokens(tokenize("menu").tokens, "menu", new AstBuilder("menu", () => undefined));
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
