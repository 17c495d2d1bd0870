import { describe, expect, it } from "vitest";
import type { IToken } from "chevrotain";
import { allTokens, keywords, keywordTokens, Name, tokenize, tokenVocabulary, typeNames } from "../src/lexer.js";
import type { RawBlockPayload } from "../src/lexer.js";

function lex(text: string): { kinds: string[]; images: string[]; tokens: IToken[] } {
  const result = tokenize(text);
  expect(result.errors).toEqual([]);
  return {
    kinds: result.tokens.map((token) => token.tokenType.name),
    images: result.tokens.map((token) => token.image),
    tokens: result.tokens,
  };
}

describe("lexer", () => {
  describe("names and keywords", () => {
    it("lexes every keyword as its own token", () => {
      for (const word of keywords) {
        expect(lex(word).kinds).toEqual([keywordTokens[word].name]);
      }
    });

    it("lexes words that merely start with a keyword as identifiers", () => {
      expect(lex("menus bootx initrds in_x items set-up").kinds).toEqual([
        "Identifier",
        "Identifier",
        "Identifier",
        "Identifier",
        "Identifier",
        "Identifier",
      ]);
    });

    it("puts every keyword in the Name category, so grammar names accept keywords", () => {
      for (const word of keywords) {
        expect(keywordTokens[word].CATEGORIES).toContain(Name);
      }
    });

    it("allows - inside identifiers but not at their start", () => {
      expect(lex("ubuntu-24 _x a-b-c").images).toEqual(["ubuntu-24", "_x", "a-b-c"]);
      expect(lex("x -> y").kinds).toEqual(["Identifier", "Arrow", "Identifier"]);
    });

    it("treats type names as ordinary names", () => {
      expect(lex(typeNames.join(" ")).kinds.every((kind) => kind === "Identifier")).toBe(true);
    });
  });

  describe("numbers and durations", () => {
    it("lexes decimal and hexadecimal integers", () => {
      expect(lex("42 0x80 0XfF").kinds).toEqual(["Integer", "Integer", "Integer"]);
    });

    it("lexes a duration as one token when the unit follows the digits directly", () => {
      expect(lex("500ms 30s 5m 1h").kinds).toEqual(["Duration", "Duration", "Duration", "Duration"]);
      expect(lex("5 m").kinds).toEqual(["Integer", "Identifier"]);
    });

    it("lexes digits run into letters as one malformed number", () => {
      expect(lex("5min 0xZZ 12abc").kinds).toEqual(["MalformedNumber", "MalformedNumber", "MalformedNumber"]);
    });

    it("ends a number at punctuation", () => {
      expect(lex("key 1->shell").kinds).toEqual(["Key", "Integer", "Arrow", "Shell"]);
    });
  });

  describe("strings", () => {
    it("lexes a string with escaped quotes as one token", () => {
      expect(lex('"say \\"hi\\"" x').images).toEqual(['"say \\"hi\\""', "x"]);
    });

    it("ends an unclosed string at the end of its line", () => {
      const { kinds, images } = lex('"open\nmenu');
      expect(kinds).toEqual(["UnterminatedString", "Menu"]);
      expect(images[0]).toBe('"open');
    });

    it("ends an unclosed string before a CRLF line end", () => {
      expect(lex('"open\r\nx').images).toEqual(['"open', "x"]);
    });

    it("keeps interpolations inside the string token", () => {
      expect(lex('"a ${b} c"').kinds).toEqual(["String"]);
    });
  });

  describe("comments", () => {
    it("keeps line and block comments in the comments group, out of the token stream", () => {
      const result = tokenize("a // one\n/* two\nlines */ b");
      expect(result.tokens.map((token) => token.image)).toEqual(["a", "b"]);
      expect(result.groups["comments"]!.map((token) => token.image)).toEqual(["// one", "/* two\nlines */"]);
    });

    it("does not take the \\r of a CRLF line end into a line comment", () => {
      expect(tokenize("// c\r\nx").groups["comments"]![0]!.image).toBe("// c");
    });

    it("runs an unclosed block comment to the end of the file", () => {
      const comment = tokenize("a /* b\nc").groups["comments"]![0]!;
      expect(comment.tokenType.name).toBe("UnterminatedBlockComment");
      expect(comment.image).toBe("/* b\nc");
    });
  });

  describe("raw ipxe blocks", () => {
    it("lexes ipxe { … } with balanced braces as one token", () => {
      const text = "ipxe {\n  echo ${net0/mac}\n  iseq ${a} b && goto { x }\n} boot";
      const { kinds, tokens } = lex(text);
      expect(kinds).toEqual(["RawBlock", "Boot"]);
      const payload = tokens[0]!.payload as RawBlockPayload;
      expect(payload.terminated).toBe(true);
      expect(text.slice(payload.textStart, payload.textEnd)).toBe(
        "\n  echo ${net0/mac}\n  iseq ${a} b && goto { x }\n",
      );
    });

    it("allows a line break between ipxe and its brace", () => {
      expect(lex("ipxe\n{ x }").kinds).toEqual(["RawBlock"]);
    });

    it("lexes ipxe not followed by { as an identifier", () => {
      expect(lex('ipxe "x" ipxe-x { }').kinds).toEqual(["Identifier", "String", "Identifier", "LBrace", "RBrace"]);
    });

    it("does not open a raw block where a condition is expected", () => {
      expect(lex("if ipxe { }").kinds).toEqual(["If", "Identifier", "LBrace", "RBrace"]);
      expect(lex("when a and ipxe { }").kinds).toEqual(["When", "Identifier", "And", "Identifier", "LBrace", "RBrace"]);
    });

    it("marks a block whose braces never balance as unterminated, running to the end", () => {
      const text = "ipxe { echo {\n";
      const token = lex(text).tokens[0]!;
      expect(token.image).toBe(text);
      expect((token.payload as RawBlockPayload).terminated).toBe(false);
    });
  });

  describe("other input", () => {
    it("lexes all punctuation", () => {
      expect(lex("-> == != = { } [ ] ( ) , : .").kinds).toEqual([
        "Arrow",
        "Equals",
        "NotEquals",
        "Assign",
        "LBrace",
        "RBrace",
        "LBracket",
        "RBracket",
        "LParen",
        "RParen",
        "Comma",
        "Colon",
        "Dot",
      ]);
    });

    it("treats CR, LF and tabs as white space", () => {
      expect(lex("a\r\n\tb\rc").images).toEqual(["a", "b", "c"]);
    });

    it("reports a run of unknown characters once, with its offset and length", () => {
      const result = tokenize("a @# b");
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatchObject({ offset: 2, length: 2 });
    });

    it("sets a byte order mark aside in the bom group", () => {
      const result = tokenize("\uFEFFmenu");
      expect(result.groups["bom"]).toHaveLength(1);
      expect(result.tokens.map((token) => [token.image, token.startOffset])).toEqual([["menu", 1]]);
    });

    it("gives end-inclusive offsets (converted once, by the AST builder)", () => {
      const token = lex("  menu").tokens[0]!;
      expect([token.startOffset, token.endOffset]).toEqual([2, 5]);
    });

    it("gives every token its offsets and nothing else of its place", () => {
      const token = lex("a\n  menu").tokens[1]!;
      expect(token).toEqual({
        image: "menu",
        tokenType: keywordTokens.menu,
        tokenTypeIdx: keywordTokens.menu.tokenTypeIdx,
        startOffset: 4,
        endOffset: 7,
      });
    });
  });

  describe("vocabulary", () => {
    it("lists every keyword once", () => {
      expect(new Set(keywords).size).toBe(keywords.length);
      expect(keywords).toContain("sanboot");
    });

    it("describes keywords, literals, comments and punctuation for grammar generators", () => {
      const names = tokenVocabulary.map((entry) => entry.name);
      expect(names).toEqual(
        expect.arrayContaining(["LineComment", "BlockComment", "Identifier", "String", "Duration"]),
      );
      for (const word of keywords) {
        expect(tokenVocabulary.some((entry) => entry.pattern === word)).toBe(true);
      }
    });

    it("exports every token type the lexer uses", () => {
      expect(allTokens).toContain(keywordTokens.menu);
    });
  });
});
