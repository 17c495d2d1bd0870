import { describe, expect, it } from "vitest";
import type { Interpolation, StringLiteral, TextPart } from "../src/ast.js";
import { parse } from "../src/parse.js";
import { expressionOf, FILE, slice } from "./parse-helpers.js";

function stringOf(literal: string): { text: string; string: StringLiteral } {
  const { text, expression } = expressionOf(literal);
  expect(expression.kind).toBe("String");
  return { text, string: expression as StringLiteral };
}

function problemsIn(literal: string) {
  const text = `const x = ${literal}`;
  return { text, diagnostics: parse(text, FILE).diagnostics };
}

describe("string literals", () => {
  it("has no parts when empty", () => {
    const { text, string } = stringOf('""');
    expect(string.parts).toEqual([]);
    expect(slice(text, string)).toBe('""');
  });

  it("is one text part when plain, ranging over the characters between the quotes", () => {
    const { text, string } = stringOf('"boot.example.org"');
    expect(string.parts).toHaveLength(1);
    expect(string.parts[0]).toMatchObject({ kind: "Text", value: "boot.example.org" });
    expect(slice(text, string.parts[0]!)).toBe("boot.example.org");
  });

  describe("escapes", () => {
    it("decodes every escape", () => {
      const { string } = stringOf('"q\\" b\\\\ n\\n t\\t d\\$ u\\u{1F600} e\\u{e9}"');
      expect(string.parts).toHaveLength(1);
      expect((string.parts[0] as TextPart).value).toBe('q" b\\ n\n t\t d$ u\u{1F600} e\u00e9');
    });

    it("ranges a text part over its escapes as written", () => {
      const { text, string } = stringOf('"a\\tb"');
      expect(slice(text, string.parts[0]!)).toBe("a\\tb");
    });

    it("makes \\$ a literal dollar even before a brace", () => {
      const { string } = stringOf('"cost \\${x}"');
      expect(string.parts).toEqual([expect.objectContaining({ kind: "Text", value: "cost ${x}" })]);
    });

    it("keeps a dollar that is not followed by a brace", () => {
      const { string } = stringOf('"$5 and $x"');
      expect(string.parts).toEqual([expect.objectContaining({ kind: "Text", value: "$5 and $x" })]);
    });

    it("reports an unknown escape at exactly its characters", () => {
      const { text, diagnostics } = problemsIn('"a\\qb"');
      expect(diagnostics).toHaveLength(1);
      expect(diagnostics[0]).toMatchObject({ code: "invalid-escape", severity: "error", file: FILE });
      expect(slice(text, diagnostics[0]!.range)).toBe("\\q");
    });

    it("reports malformed unicode escapes over the escape", () => {
      const cases: Array<[string, string]> = [
        ['"\\u{zz}"', "\\u{zz}"],
        ['"\\u{110000}"', "\\u{110000}"],
        ['"\\u{D800}"', "\\u{D800}"],
        ['"\\u0041"', "\\u"],
        ['"\\u{}"', "\\u{}"],
      ];
      for (const [literal, escape] of cases) {
        const { text, diagnostics } = problemsIn(literal);
        expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["invalid-escape"]);
        expect(slice(text, diagnostics[0]!.range)).toBe(escape);
      }
    });
  });

  describe("interpolation", () => {
    it("splits text and interpolations, each with its file range", () => {
      const { text, string } = stringOf('"Ubuntu ${version} for ${arch}"');
      expect(string.parts.map((part) => part.kind)).toEqual(["Text", "Interpolation", "Text", "Interpolation"]);
      expect(string.parts.map((part) => slice(text, part))).toEqual(["Ubuntu ", "${version}", " for ", "${arch}"]);
      const version = string.parts[1] as Interpolation;
      expect(version).toMatchObject({ name: { name: "version" }, members: [] });
      expect(version.scope).toBeUndefined();
      expect(version.format).toBeUndefined();
      expect(slice(text, version.name)).toBe("version");
    });

    it("parses a member path", () => {
      const { text, string } = stringOf('"${r.version.major}"');
      const interpolation = string.parts[0] as Interpolation;
      expect(interpolation.name.name).toBe("r");
      expect(interpolation.members.map((member) => member.name)).toEqual(["version", "major"]);
      expect(interpolation.members.map((member) => slice(text, member))).toEqual(["version", "major"]);
    });

    it("parses iPXE setting references with scope and format", () => {
      const cases: Array<[string, string | undefined, string, string | undefined]> = [
        ["${net0/mac:hexhyp}", "net0", "mac", "hexhyp"],
        ["${net0/mac}", "net0", "mac", undefined],
        ["${mac:hexhyp}", undefined, "mac", "hexhyp"],
        ["${next-server}", undefined, "next-server", undefined],
        ["${netX/ip}", "netX", "ip", undefined],
        ["${net0.dhcp/next-server:ipv4}", "net0.dhcp", "next-server", "ipv4"],
      ];
      for (const [written, scope, name, format] of cases) {
        const { text, string } = stringOf(`"${written}"`);
        const interpolation = string.parts[0] as Interpolation;
        expect(interpolation).toMatchObject({ kind: "Interpolation", name: { name }, members: [] });
        expect(interpolation.scope).toBe(scope);
        expect(interpolation.format).toBe(format);
        expect(slice(text, interpolation)).toBe(written);
        expect(slice(text, interpolation.name)).toBe(name);
      }
    });

    it("computes ranges after escapes correctly", () => {
      const { text, string } = stringOf('"\\"${a}\\n${b}"');
      expect(string.parts.map((part) => slice(text, part))).toEqual(['\\"', "${a}", "\\n", "${b}"]);
      expect(string.parts.map((part) => (part.kind === "Text" ? part.value : part.name.name))).toEqual([
        '"',
        "a",
        "\n",
        "b",
      ]);
    });

    it("reports a ${…} that is no allowed form at the whole interpolation", () => {
      for (const bad of ["${}", "${ a }", "${a+b}", "${a.b:hex}", "${net0/a.b}", "${1x}", "${a..b}"]) {
        const { text, diagnostics } = problemsIn(`"x ${bad} y"`);
        expect(
          diagnostics.map((diagnostic) => diagnostic.code),
          bad,
        ).toEqual(["invalid-interpolation"]);
        expect(slice(text, diagnostics[0]!.range)).toBe(bad);
      }
    });

    it("reports an unclosed ${ up to the end of the string's content", () => {
      const { text, diagnostics } = problemsIn('"a ${b c"');
      expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["invalid-interpolation"]);
      expect(slice(text, diagnostics[0]!.range)).toBe("${b c");
    });

    it("keeps the text around an invalid interpolation", () => {
      const { ast } = parse('const x = "a ${!} b"', FILE);
      const declaration = ast.declarations[0]!;
      expect(
        declaration.kind === "Const" && declaration.value.kind === "String" && declaration.value.parts,
      ).toMatchObject([
        { kind: "Text", value: "a " },
        { kind: "Text", value: " b" },
      ]);
    });
  });
});
