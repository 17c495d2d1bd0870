import { keywords, tokenVocabulary, typeNames } from "@ipxm/core";
import type { TokenDescription } from "@ipxm/core";
import { commandTable, settingTypeNames } from "@ipxm/ipxe";
import { beforeAll, describe, expect, it } from "vitest";
import { commandRole, ipxeGrammar } from "../src/grammars/ipxe-grammar.js";
import type { CommandRole } from "../src/grammars/ipxe-grammar.js";
import { ipxmGrammar, UnmappedTokenError } from "../src/grammars/ipxm-grammar.js";
import { Highlighter } from "./textmate-harness.js";

/** True when one of `scopes` is `prefix` or starts with `prefix.`. */
function has(scopes: readonly string[], prefix: string): boolean {
  return scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}

const ipxeCommandScope: Readonly<Record<CommandRole, string>> = {
  flow: "keyword.control.flow.ipxe",
  condition: "keyword.control.conditional.ipxe",
  command: "support.function.command.ipxe",
};

let ipxm: Highlighter;
let ipxe: Highlighter;

beforeAll(async () => {
  const grammars = [ipxmGrammar(), ipxeGrammar()];
  ipxm = await Highlighter.create("source.ipxm", grammars);
  ipxe = await Highlighter.create("source.ipxe", grammars);
});

describe("the ipxm grammar", () => {
  describe("keywords", () => {
    const literals = new Set(["true", "false"]);

    it.each(keywords.filter((word) => !literals.has(word)))("highlights `%s` as a keyword", (word) => {
      expect(ipxm.line(`  ${word} x`).scopesOf(word)).toSatisfy((scopes: string[]) => has(scopes, "keyword"));
    });

    it("highlights `true` and `false` as language constants", () => {
      const line = ipxm.line("const a = [true, false]");
      expect(line.scopesOf("true")).toContain("constant.language.boolean.ipxm");
      expect(line.scopesOf("false")).toContain("constant.language.boolean.ipxm");
    });

    it.each(keywords)("treats `%s` inside a name with a `-` as part of the name", (word) => {
      const line = ipxm.line(`x = pre-${word}-post`);
      expect(line.scopesOf(`pre-${word}-post`)).toContain("variable.other.ipxm");
    });

    it("highlights a keyword used as a menu's name as a name", () => {
      const line = ipxm.line('menu boot "Boot" {');
      expect(line.scopesOf("menu")).toSatisfy((scopes: string[]) => has(scopes, "keyword"));
      expect(line.scopesOf("boot")).toContain("entity.name.type.menu.ipxm");
    });

    it("marks the names that declarations and references put after a keyword", () => {
      const line = ipxm.line('item linux-24 "Linux" key l -> menu linux');
      expect(line.scopesOf("linux-24")).toContain("entity.name.tag.item.ipxm");
      expect(line.scopesOf("l", 2)).toContain("constant.character.hotkey.ipxm");
      expect(line.scopesOf("linux", 2)).toContain("entity.name.type.menu.ipxm");
      expect(ipxm.line("entry debian(v: string) {").scopesOf("debian")).toContain("entity.name.function.entry.ipxm");
      expect(ipxm.line('  -> boot debian("12")').scopesOf("debian")).toContain("entity.name.function.entry.ipxm");
      expect(ipxm.line("  default local after 5m").scopesOf("local")).toContain("entity.name.tag.item.ipxm");
    });
  });

  it.each(typeNames)("highlights the type `%s` after a colon", (type) => {
    const line = ipxm.line(`const c: ${type} = x`);
    expect(line.scopesOf(type)).toContain("storage.type.ipxm");
  });

  describe("strings", () => {
    it("scopes a string with its quotes and escapes", () => {
      const line = ipxm.line('echo "tab\\there \\$ \\u{1F600} \\q"');
      expect(line.scopesOf('"', 1)).toContain("punctuation.definition.string.begin.ipxm");
      expect(line.scopesOf("tab")).toContain("string.quoted.double.ipxm");
      expect(line.scopesOf("\\t")).toContain("constant.character.escape.ipxm");
      expect(line.scopesOf("\\$")).toContain("constant.character.escape.ipxm");
      expect(line.scopesOf("\\u{1F600}")).toContain("constant.character.escape.ipxm");
      expect(line.scopesOf("\\q")).toContain("invalid.illegal.escape.ipxm");
    });

    it("ends an unclosed string with its line, as the lexer does", () => {
      const [first, second] = ipxm.lines('echo "unclosed\nmenu m "M" {}');
      expect(first!.scopesOf("unclosed")).toContain("string.quoted.double.ipxm");
      expect(second!.scopesOf("menu")).not.toContain("string.quoted.double.ipxm");
      expect(second!.scopesOf("menu")).toSatisfy((scopes: string[]) => has(scopes, "keyword"));
    });

    it("scopes `${…}` interpolation inside a string", () => {
      const line = ipxm.line('item "Ubuntu ${r.version} on ${net0/mac:hexhyp} via ${mirror}" -> shell');
      expect(line.scopesOf("${", 1)).toContain("punctuation.section.interpolation.begin.ipxm");
      expect(line.scopesOf("r")).toContain("variable.other.ipxm");
      expect(line.scopesOf(".")).toContain("punctuation.accessor.ipxm");
      expect(line.scopesOf("version")).toContain("variable.other.property.ipxm");
      expect(line.scopesOf("net0")).toContain("entity.name.scope.ipxm");
      expect(line.scopesOf("mac")).toContain("support.variable.builtin.ipxm");
      expect(line.scopesOf("hexhyp")).toContain("support.type.setting-format.ipxm");
      expect(line.scopesOf("mirror")).toContain("variable.other.ipxm");
      expect(line.scopesOf("}", 3)).toContain("punctuation.section.interpolation.end.ipxm");
      for (const part of ["r", "version", "net0", "mirror"]) {
        expect(line.scopesOf(part)).toContain("meta.interpolation.ipxm");
      }
      expect(line.scopesOf(" via ")).not.toContain("meta.interpolation.ipxm");
    });
  });

  describe("comments", () => {
    it("scopes line comments", () => {
      const line = ipxm.line("gap // a separator");
      expect(line.commonScopesOf("// a separator")).toContain("comment.line.double-slash.ipxm");
    });

    it("scopes block comments over several lines", () => {
      const lines = ipxm.lines("/* one\n menu two */ menu m");
      expect(lines[0]!.scopesOf("one")).toContain("comment.block.ipxm");
      expect(lines[1]!.scopesOf("menu two")).toContain("comment.block.ipxm");
      expect(lines[1]!.scopesOf("menu", 2)).not.toContain("comment.block.ipxm");
    });
  });

  describe("numbers", () => {
    it.each(["500ms", "30s", "5m", "1h"])("scopes the duration %s with its unit", (duration) => {
      const line = ipxm.line(`default a after ${duration}`);
      const digits = duration.replace(/[a-z]+$/, "");
      const unit = duration.slice(digits.length);
      expect(line.scopesOf(digits)).toContain("constant.numeric.duration.ipxm");
      expect(line.scopesOf(unit, 1)).toEqual(
        expect.arrayContaining(["constant.numeric.duration.ipxm", "keyword.other.unit.ipxm"]),
      );
    });

    it.each(["42", "0x80"])("scopes the integer %s", (integer) => {
      expect(ipxm.line(`sanboot drive ${integer}`).scopesOf(integer)).toContain("constant.numeric.integer.ipxm");
    });
  });

  it("scopes operators", () => {
    const line = ipxm.line("when not set(x) and b == efi or buildarch != arm64 { set y = z } -> back");
    for (const operator of ["not", "and", "or"])
      expect(line.scopesOf(operator)).toContain("keyword.operator.logical.ipxm");
    expect(line.scopesOf("==")).toContain("keyword.operator.comparison.ipxm");
    expect(line.scopesOf("!=")).toContain("keyword.operator.comparison.ipxm");
    // The fourth `=` is the lone one of `set y = z`; the others belong to `==` and `!=`.
    expect(line.scopesOf("=", 4)).toContain("keyword.operator.assignment.ipxm");
    expect(line.scopesOf("y")).toContain("variable.other.setting.ipxm");
    expect(line.scopesOf("->")).toContain("keyword.operator.arrow.ipxm");
    expect(line.scopesOf("efi")).toContain("support.constant.ipxm");
    expect(line.scopesOf("buildarch")).toContain("support.variable.builtin.ipxm");
  });

  describe("raw `ipxe { … }` blocks", () => {
    const entry = [
      "entry netinfo() {",
      "  ipxe {",
      "    :retry dhcp || goto retry",
      "    echo MAC ${net0/mac:hex} # the address",
      "    iseq ${platform} efi && chain --autofree http://x/${y}",
      "  }",
      '  echo "done"',
      "}",
    ].join("\n");

    it("highlights the lines inside as iPXE", () => {
      const lines = ipxm.lines(entry);
      expect(lines[1]!.scopesOf("ipxe")).toContain("keyword.other.raw.ipxm");
      expect(lines[2]!.scopesOf("retry")).toEqual(
        expect.arrayContaining(["meta.embedded.block.ipxe", "source.ipxe", "entity.name.label.ipxe"]),
      );
      expect(lines[2]!.scopesOf("dhcp")).toContain("support.function.command.ipxe");
      expect(lines[2]!.scopesOf("||")).toContain("keyword.operator.logical.ipxe");
      expect(lines[2]!.scopesOf("goto")).toContain("keyword.control.flow.ipxe");
      expect(lines[2]!.scopesOf("retry", 2)).toContain("entity.name.label.reference.ipxe");
      expect(lines[3]!.scopesOf("echo")).toContain("support.function.command.ipxe");
      expect(lines[3]!.scopesOf("net0")).toContain("entity.name.scope.ipxe");
      expect(lines[3]!.scopesOf("mac")).toContain("variable.other.setting.ipxe");
      expect(lines[3]!.scopesOf("hex")).toContain("support.type.setting.ipxe");
      expect(lines[3]!.commonScopesOf("# the address")).toContain("comment.line.number-sign.ipxe");
      expect(lines[4]!.scopesOf("iseq")).toContain("keyword.control.conditional.ipxe");
      expect(lines[4]!.scopesOf("chain")).toContain("support.function.command.ipxe");
      expect(lines[4]!.scopesOf("--autofree")).toContain("variable.parameter.option.long.ipxe");
    });

    it("returns to ipxm after the block's closing brace", () => {
      const lines = ipxm.lines(entry);
      expect(lines[5]!.scopesOf("}")).toContain("punctuation.section.embedded.end.ipxm");
      expect(lines[6]!.scopesOf("echo")).toContain("keyword.other.action.ipxm");
      expect(lines[6]!.scopesOf("echo")).not.toContain("source.ipxe");
      expect(lines[6]!.commonScopesOf('"done"')).toContain("string.quoted.double.ipxm");
    });

    it("closes a one-line block at its brace, even after a command, a comment or an expansion", () => {
      for (const text of ["ipxe { shell }", "ipxe { echo hi # bye }", "ipxe { echo ${x} }", "ipxe {echo}"]) {
        const line = ipxm.line(`${text} menu m`);
        expect(line.scopesOf("}", text.split("}").length - 1)).toContain("punctuation.section.embedded.end.ipxm");
        expect(line.scopesOf("menu")).toSatisfy((scopes: string[]) => has(scopes, "keyword"));
      }
    });

    it("keeps braces inside the block balanced, as the lexer does", () => {
      const lines = ipxm.lines("ipxe {\n  echo {a}\n  echo still\n} gap");
      expect(lines[2]!.scopesOf("echo")).toContain("source.ipxe");
      expect(lines[3]!.scopesOf("}")).toContain("punctuation.section.embedded.end.ipxm");
      expect(lines[3]!.scopesOf("gap")).toSatisfy((scopes: string[]) => has(scopes, "keyword"));
    });
  });
});

describe("the iPXE grammar", () => {
  it("scopes the #!ipxe signature on the first line only", () => {
    const lines = ipxe.lines("#!ipxe\n#!ipxe");
    expect(lines[0]!.scopesOf("#!")).toContain("punctuation.definition.directive.ipxe");
    expect(lines[0]!.scopesOf("ipxe")).toContain("keyword.control.directive.signature.ipxe");
    expect(lines[1]!.commonScopesOf("#!ipxe")).toContain("comment.line.number-sign.ipxe");
  });

  it("scopes labels, and the command that may follow one", () => {
    const line = ipxe.line("  :start echo again");
    expect(line.scopesOf(":")).toContain("punctuation.definition.label.ipxe");
    expect(line.scopesOf("start")).toContain("entity.name.label.ipxe");
    expect(line.scopesOf("echo")).toContain("support.function.command.ipxe");
  });

  it.each([...commandTable.values()].map((command) => [command.name, commandRole(command)] as const))(
    "scopes the command `%s` at the start of a line (%s)",
    (name, role) => {
      expect(ipxe.line(`${name} x`).scopesOf(name)).toContain(ipxeCommandScope[role]);
    },
  );

  it("scopes a command only at a command position", () => {
    const line = ipxe.line("echo goto chain");
    expect(line.scopesOf("goto chain")).toEqual(["source.ipxe"]);
  });

  it("scopes every option of every command", () => {
    for (const command of commandTable.values()) {
      for (const option of command.options) {
        const long = ipxe.line(`${command.name} --${option.long} x`);
        expect(long.scopesOf(`--${option.long}`)).toContain("variable.parameter.option.long.ipxe");
        const short = ipxe.line(`${command.name} -${option.short} x`);
        expect(short.scopesOf(`-${option.short}`)).toContain("variable.parameter.option.short.ipxe");
      }
    }
  });

  it("scopes an option's `=value`", () => {
    const line = ipxe.line("imgfetch --name=k http://x/k");
    expect(line.scopesOf("--name")).toContain("variable.parameter.option.long.ipxe");
    expect(line.scopesOf("=")).toContain("punctuation.separator.option-value.ipxe");
  });

  it("scopes `||`, `&&` and `;` only as whole tokens, with a command after each", () => {
    const line = ipxe.line("dhcp || goto retry && echo ok ; reboot a||b");
    expect(line.scopesOf("||")).toContain("keyword.operator.logical.ipxe");
    expect(line.scopesOf("&&")).toContain("keyword.operator.logical.ipxe");
    expect(line.scopesOf(";")).toContain("punctuation.terminator.statement.ipxe");
    expect(line.scopesOf("goto")).toContain("keyword.control.flow.ipxe");
    expect(line.scopesOf("retry")).toContain("entity.name.label.reference.ipxe");
    expect(line.scopesOf("echo")).toContain("support.function.command.ipxe");
    expect(line.scopesOf("reboot")).toContain("support.function.command.ipxe");
    expect(line.scopesOf("a||b")).not.toContain("keyword.operator.logical.ipxe");
  });

  it("scopes `${scope/name:type}` expansions", () => {
    const line = ipxe.line("echo ${net0/mac:hex} ${x:nonsense}");
    expect(line.scopesOf("${", 1)).toContain("punctuation.definition.expansion.begin.ipxe");
    expect(line.scopesOf("net0")).toContain("entity.name.scope.ipxe");
    expect(line.scopesOf("/")).toContain("punctuation.separator.scope.ipxe");
    expect(line.scopesOf("mac")).toContain("variable.other.setting.ipxe");
    expect(line.scopesOf(":", 1)).toContain("punctuation.separator.type.ipxe");
    expect(line.scopesOf("hex")).toContain("support.type.setting.ipxe");
    expect(line.scopesOf("}", 1)).toContain("punctuation.definition.expansion.end.ipxe");
    expect(line.scopesOf("nonsense")).toContain("entity.name.type.setting.ipxe");
  });

  it.each(settingTypeNames)("knows the setting type `%s`", (type) => {
    expect(ipxe.line(`echo \${x:${type}}`).scopesOf(type)).toContain("support.type.setting.ipxe");
  });

  it("scopes nested expansions innermost first", () => {
    const line = ipxe.line("echo ${${name}}");
    expect(line.scopesOf("name")).toEqual(
      expect.arrayContaining(["meta.expansion.ipxe", "variable.other.setting.ipxe"]),
    );
    expect(line.scopesOf("name").filter((scope) => scope === "meta.expansion.ipxe")).toHaveLength(2);
  });

  it("starts a comment only with a token that begins with `#`", () => {
    expect(ipxe.line("echo a # b").commonScopesOf("# b")).toContain("comment.line.number-sign.ipxe");
    expect(ipxe.line("echo a#b").scopesOf("a#b")).not.toContain("comment.line.number-sign.ipxe");
  });

  it("continues a command across a trailing backslash", () => {
    const lines = ipxe.lines("kernel vmlinuz \\\n  initrd=x \\\n  quiet\nboot");
    expect(lines[0]!.scopesOf("\\")).toContain("constant.character.escape.line-continuation.ipxe");
    expect(lines[1]!.scopesOf("initrd=x")).toContain("meta.continuation.ipxe");
    expect(lines[2]!.scopesOf("quiet")).toContain("meta.continuation.ipxe");
    expect(lines[3]!.scopesOf("boot")).not.toContain("meta.continuation.ipxe");
    expect(lines[3]!.scopesOf("boot")).toContain("support.function.command.ipxe");
  });
});

describe("the ipxm grammar generator", () => {
  /** Text of each token whose pattern is a regex; literal tokens are their own sample. */
  const regexSamples: Readonly<Record<string, string>> = {
    LineComment: "// note",
    BlockComment: "/* note */",
    RawBlock: "ipxe { echo }",
    Identifier: "ubuntu-24",
    String: '"text"',
    Duration: "30s",
    Integer: "0x80",
  };

  it.each(tokenVocabulary.map((token) => [token.name, token] as const))(
    "gives the lexer's token %s a scope",
    (_name, token) => {
      const sample = typeof token.pattern === "string" ? token.pattern : regexSamples[token.name];
      expect(sample, `a sample text for ${token.name}`).toBeDefined();
      const line = ipxm.line(sample!);
      const first = line.tokens[0]!;
      expect(first.start).toBe(0);
      expect(first.scopes.length, `scopes of ${JSON.stringify(sample)}`).toBeGreaterThan(1);
    },
  );

  it("fails loudly on a kind of token it does not know", () => {
    const fake = { name: "Fake", kind: "annotation", pattern: "@" } as unknown as TokenDescription;
    expect(() => ipxmGrammar([...tokenVocabulary, fake])).toThrow(UnmappedTokenError);
    expect(() => ipxmGrammar([...tokenVocabulary, fake])).toThrow(/Fake.*annotation/);
  });

  it("fails loudly on a structured token whose shape it does not know", () => {
    const heredoc: TokenDescription = { name: "Heredoc", kind: "string", pattern: /<<[A-Z]+/ };
    expect(() => ipxmGrammar([...tokenVocabulary, heredoc])).toThrow(UnmappedTokenError);
    const hashComment: TokenDescription = { name: "LineComment", kind: "comment", pattern: /#[^\n]*/ };
    const changed = tokenVocabulary.map((token) => (token.name === "LineComment" ? hashComment : token));
    expect(() => ipxmGrammar(changed)).toThrow(/LineComment/);
  });

  it("fails loudly on a keyword that is not literal text", () => {
    const pattern: TokenDescription = { name: "Fancy", kind: "keyword", pattern: /fanc(y|ier)/ };
    expect(() => ipxmGrammar([...tokenVocabulary, pattern])).toThrow(UnmappedTokenError);
  });

  it("highlights a keyword the lexer gains without being told about it", async () => {
    const extra: TokenDescription = { name: "Include", kind: "keyword", pattern: "include" };
    const highlighter = await Highlighter.create("source.ipxm", [ipxmGrammar([...tokenVocabulary, extra])]);
    expect(highlighter.line('include "x"').scopesOf("include")).toContain("keyword.other.ipxm");
  });
});
