import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EntryDecl, MenuDecl } from "../src/ast.js";
import { parse } from "../src/parse.js";
import { expectRangesCoverText, FILE, slice } from "./parse-helpers.js";

/** Parse text expected to have problems; every diagnostic is returned with the text it covers. */
function problems(text: string) {
  const result = parse(text, FILE);
  expectRangesCoverText(text, result.ast);
  return {
    ...result,
    found: result.diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      at: slice(text, diagnostic.range),
      message: diagnostic.message,
    })),
  };
}

function outline(ast: ReturnType<typeof parse>["ast"]): string[] {
  return ast.declarations.map((declaration) => {
    if (declaration.kind === "Menu") {
      const items = declaration.body.map((member) => (member.kind === "Item" ? (member.id?.name ?? "?") : member.kind));
      return `menu ${declaration.name.name}: ${items.join(" ")}`;
    }
    return "name" in declaration ? `${declaration.kind} ${declaration.name.name}` : declaration.kind;
  });
}

describe("syntax errors", () => {
  it("reports a missing arrow in the user's words, at the token found instead", () => {
    const { found } = problems('menu m "M" {\n  item b "B" menu x\n}');
    expect(found).toEqual([
      { code: "syntax-error", at: "menu", message: 'expected "->" and an action after the item text, found "menu"' },
    ]);
  });

  it("reports a missing action", () => {
    const { found } = problems('menu m "M" {\n  item b "B" ->\n  item c "C" -> exit\n}');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "syntax-error", at: "item" });
    expect(found[0]!.message).toMatch(/^expected an action \(menu, boot, .*\), found "item"$/);
  });

  it("reports an unknown member of a menu", () => {
    const { found } = problems('menu m "M" {\n  itme a "A" -> shell\n}');
    expect(found).toEqual([
      {
        code: "syntax-error",
        at: "itme",
        message: 'expected a menu member (item, gap, default, on escape, for, if, when) or "}", found "itme"',
      },
    ]);
  });

  it("reports junk at the top level", () => {
    const { found } = problems('foo bar\nmenu m "M" { gap }');
    expect(found).toEqual([
      {
        code: "syntax-error",
        at: "foo",
        message: 'expected a declaration (import, target, const, setting, menu or entry), found "foo"',
      },
    ]);
  });

  it("reports a missing closing brace with an empty range at the end of the file", () => {
    const text = 'menu m "M" { item a "A" -> shell';
    const { diagnostics, ast } = problems(text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.range).toEqual({ start: text.length, end: text.length });
    expect(diagnostics[0]!.message).toMatch(/found the end of the file$/);
    expect(outline(ast)).toEqual(["menu m: a"]);
  });

  it("keeps declarations that the end of the file cuts short", () => {
    const { ast } = problems('const a = 1\nentry e() {\n  echo "x"\n  boot');
    expect(outline(ast)).toEqual(["Const a", "Entry e"]);
    expect((ast.declarations[1] as EntryDecl).body.map((statement) => statement.kind)).toEqual(["Echo", "BootKernel"]);
  });

  it("reports a bare boot in a menu, where it must run an entry", () => {
    const { found } = problems('menu m "M" { item a "A" -> boot }');
    expect(found).toEqual([
      { code: "syntax-error", at: "boot", message: 'in a menu, "boot" needs an entry to run: boot NAME(ARGUMENTS)' },
    ]);
  });

  it("tells on escape from on failure", () => {
    expect(problems("entry e() { on escape -> exit }").found[0]).toMatchObject({
      at: "escape",
      message: 'expected "failure" after "on" (an entry has "on failure MESSAGE"), found "escape"',
    });
    expect(problems('menu m "M" { on failure "x" }').found[0]).toMatchObject({
      at: "failure",
      message: 'expected "escape" after "on" (a menu has "on escape -> ACTION"), found "failure"',
    });
  });

  it("reports a missing value before the next declaration, not a reference to a keyword", () => {
    const { found, ast } = problems("const x =\nconst y = 2");
    expect(found).toMatchObject([{ code: "syntax-error", at: "const" }]);
    expect(outline(ast)).toEqual(["Const y"]);
  });

  it("reports a malformed number once", () => {
    const { found } = problems("const d = 5min");
    expect(found).toEqual([
      {
        code: "syntax-error",
        at: "5min",
        message: '"5min" is not a number or a duration: write 42, 0x80, or a duration such as 500ms, 30s, 5m, 1h',
      },
    ]);
  });

  it("keeps a menu without a title, reporting the missing title once", () => {
    const { found, ast } = problems('menu m { item a "A" -> shell }');
    expect(found).toEqual([
      { code: "syntax-error", at: "{", message: 'expected the menu\'s title (a string) after its name, found "{"' },
    ]);
    expect(outline(ast)).toEqual(["menu m: a"]);
    const menu = ast.declarations[0] as MenuDecl;
    expect(menu.title).toMatchObject({ kind: "String", parts: [] });
    expect(menu.title.start).toBe(menu.title.end);
  });

  it("gives every syntax diagnostic the syntax-error code, error severity and the file", () => {
    const { diagnostics } = problems("entry e( { boot }");
    expect(diagnostics).toEqual([expect.objectContaining({ code: "syntax-error", severity: "error", file: FILE })]);
  });
});

describe("recovery", () => {
  it("keeps the items and menus after a broken item", () => {
    const text = [
      'menu main "Main" {',
      '  item a "A" -> shell',
      '  item b "B" -> ',
      '  item c "C" -> exit',
      "}",
      'menu second "Second" {',
      '  item d "D" -> back',
      "}",
    ].join("\n");
    const { ast, diagnostics } = problems(text);
    expect(diagnostics).toHaveLength(1);
    expect(outline(ast)).toEqual(["menu main: a c", "menu second: d"]);
  });

  it("repairs a missing arrow and keeps the item", () => {
    const { ast } = problems('menu m "M" {\n  item a "A" menu x\n  item b "B" -> back\n}');
    expect(outline(ast)).toEqual(["menu m: a b"]);
  });

  it("skips an unknown member and resumes at the next one", () => {
    const { ast } = problems('menu m "M" {\n  itme a "A" -> shell\n  item c "C" -> exit\n}\nmenu n "N" { gap }');
    expect(outline(ast)).toEqual(["menu m: c", "menu n: Gap"]);
  });

  it("keeps the statements after a broken one", () => {
    const { ast, diagnostics } = problems('entry e() {\n  kernel\n  initrd "i"\n  boot\n}\nentry f() { exit }');
    expect(diagnostics).toHaveLength(1);
    expect((ast.declarations[0] as EntryDecl).body.map((statement) => statement.kind)).toEqual([
      "Initrd",
      "BootKernel",
    ]);
    expect(outline(ast)).toEqual(["Entry e", "Entry f"]);
  });

  it("recovers from a broken parameter list", () => {
    const { ast, diagnostics } = problems('entry e( { boot }\nmenu m "M" { gap }');
    expect(diagnostics).toHaveLength(1);
    expect(outline(ast)).toEqual(["Entry e", "menu m: Gap"]);
  });

  it("recovers from junk between declarations", () => {
    const { ast } = problems("const a = 1\n} ) ]\nconst b = 2");
    expect(outline(ast)).toEqual(["Const a", "Const b"]);
  });

  it("reports one diagnostic per offset", () => {
    const { diagnostics } = problems("}}} ]]] menu");
    const starts = diagnostics.map((diagnostic) => diagnostic.range.start);
    expect(new Set(starts).size).toBe(starts.length);
  });

  it("never throws on any sequence of tokens, and keeps every range inside the text", () => {
    const fragments = [
      ...["menu", "item", "gap", "default", "after", "on", "escape", "failure", "key", "when", "else", "if", "for"],
      ...["in", "entry", "kernel", "args", "initrd", "as", "boot", "exit", "shell", "const", "setting", "not", "and"],
      ...["set", "true", "x", "y", '"x"', '"a ${b} \\q"', '"open\n', "5m", "0x80", "5min", "ipxe {", "@", "\n"],
      ...["->", "{", "}", "(", ")", "[", "]", "=", "==", ",", ":", ".", "// c\n", "/* c */"],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 40 }), (words) => {
        const text = words.join(" ");
        const result = parse(text, FILE);
        expectRangesCoverText(text, result.ast);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.range.start).toBeLessThanOrEqual(diagnostic.range.end);
          expect(diagnostic.range.end).toBeLessThanOrEqual(text.length);
        }
        const declarations = result.ast.declarations;
        for (let i = 1; i < declarations.length; i++) {
          expect(declarations[i]!.start).toBeGreaterThanOrEqual(declarations[i - 1]!.end);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("lexical errors", () => {
  it("reports an invalid character at exactly that character, and parses around it", () => {
    const { found, ast } = problems('entry e() { echo "a" @ echo "b" }');
    expect(found).toEqual([{ code: "invalid-character", at: "@", message: 'unexpected character "@"' }]);
    expect((ast.declarations[0] as EntryDecl).body.map((statement) => statement.kind)).toEqual(["Echo", "Echo"]);
  });

  it("reports a run of invalid characters once", () => {
    expect(problems("const a = 1 §§ const b = 2").found).toEqual([
      { code: "invalid-character", at: "§§", message: "unexpected characters U+00A7 U+00A7" },
    ]);
  });

  it("reports an unterminated string from its quote to the end of its line, and nothing else", () => {
    const text = 'menu m "M" {\n  item a "unterminated -> shell\n  item b "B" -> back\n}';
    const { found, ast } = problems(text);
    expect(found).toEqual([
      {
        code: "unterminated-string",
        at: '"unterminated -> shell',
        message: 'this string is not closed: add a " before the end of the line',
      },
    ]);
    expect(outline(ast)).toEqual(["menu m: b"]);
  });

  it("reports an unterminated string on a CRLF line without its \\r", () => {
    expect(problems('const a = "open\r\nconst b = 1').found).toMatchObject([
      { code: "unterminated-string", at: '"open' },
    ]);
  });

  it("reports an unterminated block comment at its opening, and nothing else", () => {
    const { found, comments } = problems('const a = 1\n/* open\nmenu m "M" { gap }');
    expect(found).toEqual([
      { code: "unterminated-comment", at: "/*", message: 'this comment is not closed: add "*/" where it ends' },
    ]);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.text).toBe('/* open\nmenu m "M" { gap }');
  });

  it("reports an unterminated raw block at its opening, and nothing else", () => {
    const { found, ast } = problems('entry e() {\n  ipxe { echo {\n}\nmenu m "M" { gap }');
    expect(found).toEqual([
      {
        code: "unterminated-raw-block",
        at: "ipxe {",
        message: "this ipxe { … } block is not closed: its braces do not balance",
      },
    ]);
    expect((ast.declarations[0] as EntryDecl).body.map((statement) => statement.kind)).toEqual(["RawIpxe"]);
  });

  it("reports invalid escapes and interpolations in strings at their characters", () => {
    const { found } = problems('const a = "x\\qy ${a b}"');
    expect(found.map(({ code, at }) => ({ code, at }))).toEqual([
      { code: "invalid-escape", at: "\\q" },
      { code: "invalid-interpolation", at: "${a b}" },
    ]);
  });

  it("sorts diagnostics by position", () => {
    const { diagnostics } = problems('const a = "\\q" @\nconst b = 5min');
    const starts = diagnostics.map((diagnostic) => diagnostic.range.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([
      "invalid-escape",
      "invalid-character",
      "syntax-error",
    ]);
  });
});
