/**
 * The TextMate grammar of ipxm, generated from the lexer's own vocabulary (@ipxm/core `tokenVocabulary`,
 * `keywords`, `typeNames`), so that highlighting cannot drift from the parser: a keyword added to the
 * lexer is highlighted at the next build, and a kind of token this generator does not know stops the
 * build instead of going silently unhighlighted.
 *
 * TextMate sees one line at a time and cannot tell a keyword used as a name (`menu boot "Boot" {…}`)
 * from the keyword; a few context rules recognise the places where a name follows a keyword, and the
 * language server's semantic tokens settle the rest.
 */
import { builtinSettings, enumValues, ipxeSettingTypes, tokenVocabulary, typeNames } from "@ipxm/core";
import type { TokenDescription } from "@ipxm/core";
import { ipxeRules } from "./ipxe-grammar.js";
import { alternation, escapeRegex, ref } from "./textmate.js";
import type { Grammar, Rule } from "./textmate.js";

export const ipxmScopeName = "source.ipxm";

/** The scope that marks a raw `ipxe { … }` block's content as iPXE (VS Code's `embeddedLanguages`). */
export const embeddedIpxeScope = "meta.embedded.block.ipxe";

/** Thrown when the lexer's vocabulary has a token the generator has no rule for. */
export class UnmappedTokenError extends Error {
  constructor(token: TokenDescription, why: string) {
    super(`ipxm grammar: no TextMate rule for token ${token.name} (kind "${token.kind}"): ${why}`);
    this.name = "UnmappedTokenError";
  }
}

// Names may contain `-`, so a word boundary is "no name character on either side", not `\b`.
const nameChar = "[A-Za-z0-9_-]";
const wordStart = `(?<!${nameChar})`;
const wordEnd = `(?!${nameChar})`;

function words(list: Iterable<string>): string {
  return `${wordStart}(?:${alternation(list)})${wordEnd}`;
}

/** How the keywords group for a theme. Keywords missing here still get `keyword.other.ipxm`. */
const keywordRoles: ReadonlyArray<readonly [scope: string, words: readonly string[]]> = [
  ["constant.language.boolean.ipxm", ["true", "false"]],
  ["keyword.control.ipxm", ["for", "in", "if", "else", "when"]],
  ["keyword.other.declaration.ipxm", ["import", "target", "const", "setting", "menu", "entry", "item", "gap"]],
  [
    "keyword.other.action.ipxm",
    [
      "kernel",
      "initrd",
      "boot",
      "chain",
      "sanboot",
      "memdisk",
      "shell",
      "exit",
      "reboot",
      "back",
      "echo",
      "prompt",
      "set",
      "sleep",
    ],
  ],
];
const otherKeywordScope = "keyword.other.ipxm";
const logicalOperatorScope = "keyword.operator.logical.ipxm";

/** Scopes of symbolic operators and punctuation, by their text. Unlisted ones get a generic scope. */
const symbolScopes: Readonly<Record<string, string>> = {
  "->": "keyword.operator.arrow.ipxm",
  "==": "keyword.operator.comparison.ipxm",
  "!=": "keyword.operator.comparison.ipxm",
  "=": "keyword.operator.assignment.ipxm",
  "{": "punctuation.section.block.begin.ipxm",
  "}": "punctuation.section.block.end.ipxm",
  "[": "punctuation.section.brackets.begin.ipxm",
  "]": "punctuation.section.brackets.end.ipxm",
  "(": "punctuation.section.parens.begin.ipxm",
  ")": "punctuation.section.parens.end.ipxm",
  ",": "punctuation.separator.comma.ipxm",
  ":": "punctuation.separator.type.ipxm",
  ".": "punctuation.accessor.ipxm",
};

/**
 * Places where a name follows a keyword: `[keyword, what follows the name, scope of the name]`. The
 * keywords must exist in the lexer (checked), so a renamed keyword cannot leave a dead rule behind.
 */
const namedAfterKeyword: ReadonlyArray<readonly [keyword: string, followedBy: string, scope: string]> = [
  ["menu", '(?=\\s*")', "entity.name.type.menu.ipxm"],
  ["entry", "(?=\\s*\\()", "entity.name.function.entry.ipxm"],
  ["item", '(?=\\s*")', "entity.name.tag.item.ipxm"],
  ["const", "", "variable.other.constant.ipxm"],
  ["setting", "", "variable.other.setting.ipxm"],
  ["for", "(?=\\s+in(?![A-Za-z0-9_-]))", "variable.other.loop.ipxm"],
  ["boot", "(?=\\s*\\()", "entity.name.function.entry.ipxm"],
  ["menu", "", "entity.name.type.menu.ipxm"],
  ["default", "", "entity.name.tag.item.ipxm"],
  ["key", "", "constant.character.hotkey.ipxm"],
  ["prompt", "", "variable.other.setting.ipxm"],
  ["set", "(?=\\s*=)", "variable.other.setting.ipxm"],
];

/** The rules the generator builds, by the group they are tried in (earlier groups win ties). */
interface RuleGroups {
  comment: Rule[];
  raw: Rule[];
  string: Rule[];
  number: Rule[];
  keyword: Rule[];
  identifier: Rule[];
  operator: Rule[];
  punctuation: Rule[];
}

export function ipxmGrammar(vocabulary: readonly TokenDescription[] = tokenVocabulary): Grammar {
  const groups: RuleGroups = {
    comment: [],
    raw: [],
    string: [],
    number: [],
    keyword: [],
    identifier: [],
    operator: [],
    punctuation: [],
  };
  const keywordWords: string[] = [];
  const operatorWords: string[] = [];
  const operatorSymbols: string[] = [];
  const punctuation: string[] = [];
  let identifier: TokenDescription | undefined;

  for (const token of vocabulary) {
    switch (token.kind) {
      case "comment":
        groups.comment.push(commentRule(token));
        break;
      case "raw":
        groups.raw.push(rawBlockRule(token));
        break;
      case "string":
        groups.string.push(stringRule(token));
        break;
      case "number":
        groups.number.push(numberRule(token));
        break;
      case "keyword":
        keywordWords.push(literalOf(token));
        break;
      case "operator": {
        const text = literalOf(token);
        (/^[A-Za-z]/.test(text) ? operatorWords : operatorSymbols).push(text);
        break;
      }
      case "punctuation":
        punctuation.push(literalOf(token));
        break;
      case "identifier":
        if (identifier !== undefined) throw new UnmappedTokenError(token, "a second kind of name");
        identifier = token;
        break;
      default:
        throw new UnmappedTokenError(token, "unknown token kind; teach packages/vscode/src/grammars/ipxm-grammar.ts");
    }
  }

  groups.keyword.push(...keywordRules(keywordWords));
  if (operatorWords.length > 0) groups.keyword.push({ name: logicalOperatorScope, match: words(operatorWords) });
  groups.operator.push(...symbolRules(operatorSymbols, "keyword.operator.ipxm"));
  groups.punctuation.push(...symbolRules(punctuation, "punctuation.other.ipxm"));
  if (identifier !== undefined) groups.identifier.push(...identifierRules(identifier));

  const allWords = new Set([...keywordWords, ...operatorWords]);
  const namePattern = identifier === undefined ? undefined : sourceOf(identifier);

  return {
    name: "ipxm",
    scopeName: ipxmScopeName,
    fileTypes: ["ipxm"],
    comment: "Generated from @ipxm/core's lexer vocabulary by packages/vscode/src/grammars. Do not edit.",
    patterns: [ref("statements")],
    repository: {
      statements: {
        patterns: [
          ref("comments"),
          ref("raw-ipxe"),
          ref("strings"),
          ref("names-after-keywords"),
          ref("type-annotations"),
          ref("numbers"),
          ref("keywords"),
          ref("identifiers"),
          ref("operators"),
          ref("punctuation"),
        ],
      },
      comments: { patterns: groups.comment },
      "raw-ipxe": { patterns: groups.raw },
      strings: { patterns: groups.string },
      "names-after-keywords": { patterns: namePattern === undefined ? [] : contextRules(allWords, namePattern) },
      "type-annotations": {
        match: `(:)\\s*${wordStart}(${alternation(typeNames)})${wordEnd}`,
        captures: {
          1: { name: symbolScopes[":"] ?? "punctuation.separator.ipxm" },
          2: { name: "storage.type.ipxm" },
        },
      },
      numbers: { patterns: groups.number },
      keywords: { patterns: groups.keyword },
      identifiers: { patterns: groups.identifier },
      operators: { patterns: groups.operator },
      punctuation: { patterns: groups.punctuation },
      interpolation: interpolationRule(),
      ...embeddedIpxeRepository(),
    },
  };
}

/** One rule per symbol, longest first so that `==` is not read as two `=`. */
function symbolRules(symbols: readonly string[], fallbackScope: string): Rule[] {
  return [...symbols]
    .sort((a, b) => b.length - a.length)
    .map((text) => ({ name: symbolScopes[text] ?? fallbackScope, match: escapeRegex(text) }));
}

function literalOf(token: TokenDescription): string {
  if (typeof token.pattern !== "string") {
    throw new UnmappedTokenError(token, "a keyword, operator or punctuation must be literal text, not a regex");
  }
  return token.pattern;
}

function sourceOf(token: TokenDescription): string {
  return typeof token.pattern === "string" ? escapeRegex(token.pattern) : token.pattern.source;
}

/**
 * Structured tokens (comments, strings, raw blocks) become begin/end rules whose delimiters the generator
 * knows. It checks that the lexer's pattern still has that shape, so a change to the lexer fails here.
 */
function assertShape(token: TokenDescription, samples: readonly string[], expectation: string): void {
  const pattern = typeof token.pattern === "string" ? new RegExp(escapeRegex(token.pattern)) : token.pattern;
  for (const sample of samples) {
    const match = new RegExp(`^(?:${pattern.source})`, pattern.flags).exec(sample);
    if (match === null || match[0] !== sample) {
      throw new UnmappedTokenError(
        token,
        `expected ${expectation}, but the lexer's pattern does not match ${JSON.stringify(sample)}`,
      );
    }
  }
}

function commentRule(token: TokenDescription): Rule {
  switch (token.name) {
    case "LineComment":
      assertShape(token, ["// text", "//"], "a `//` comment to the end of the line");
      return {
        name: "comment.line.double-slash.ipxm",
        match: "(//).*$",
        captures: { 1: { name: "punctuation.definition.comment.ipxm" } },
      };
    case "BlockComment":
      assertShape(token, ["/* text */", "/*\n*/"], "a `/* … */` comment");
      return {
        name: "comment.block.ipxm",
        begin: "/\\*",
        end: "\\*/",
        beginCaptures: { 0: { name: "punctuation.definition.comment.begin.ipxm" } },
        endCaptures: { 0: { name: "punctuation.definition.comment.end.ipxm" } },
      };
    default:
      throw new UnmappedTokenError(token, "an unknown kind of comment");
  }
}

function stringRule(token: TokenDescription): Rule {
  if (token.name !== "String") throw new UnmappedTokenError(token, "an unknown kind of string");
  assertShape(token, ['"text"', '"a \\" b"', '"${x}"'], 'a `"…"` string on one line with `\\` escapes');
  return {
    name: "string.quoted.double.ipxm",
    begin: '"',
    // A string never spans lines: an unclosed one ends with its line, as in the lexer.
    end: '"|$',
    beginCaptures: { 0: { name: "punctuation.definition.string.begin.ipxm" } },
    endCaptures: { 0: { name: "punctuation.definition.string.end.ipxm" } },
    patterns: [
      { name: "constant.character.escape.ipxm", match: '\\\\(?:["\\\\nt$]|u\\{[0-9A-Fa-f]{1,6}\\})' },
      { name: "invalid.illegal.escape.ipxm", match: "\\\\." },
      ref("interpolation"),
    ],
  };
}

/** `${name}`, `${r.version}`, `${net0/mac:hexhyp}` inside a string. */
function interpolationRule(): Rule {
  return {
    name: "meta.interpolation.ipxm",
    begin: "\\$\\{",
    end: '\\}|(?=")|$',
    beginCaptures: { 0: { name: "punctuation.section.interpolation.begin.ipxm" } },
    endCaptures: { 0: { name: "punctuation.section.interpolation.end.ipxm" } },
    contentName: "meta.embedded.expression.ipxm",
    patterns: [
      {
        match: "([A-Za-z0-9_-]+)(/)",
        captures: {
          1: { name: "entity.name.scope.ipxm" },
          2: { name: "punctuation.separator.scope.ipxm" },
        },
      },
      {
        match: `(:)(?:(${alternation(ipxeSettingTypes)})${wordEnd}|([^\\s"}]*))`,
        captures: {
          1: { name: "punctuation.separator.format.ipxm" },
          2: { name: "support.type.setting-format.ipxm" },
          3: { name: "entity.name.type.setting-format.ipxm" },
        },
      },
      ...memberRules(),
      { name: "support.variable.builtin.ipxm", match: words(builtinSettings.keys()) },
      { name: "variable.other.ipxm", match: "[A-Za-z_][A-Za-z0-9_-]*" },
    ],
  };
}

function numberRule(token: TokenDescription): Rule {
  const body = sourceOf(token);
  switch (token.name) {
    case "Duration":
      assertShape(token, ["500ms", "30s", "5m", "1h"], "digits followed by a unit");
      return {
        name: "constant.numeric.duration.ipxm",
        match: `${wordStart}[0-9]+((?:ms|s|m|h))${wordEnd}`,
        captures: { 1: { name: "keyword.other.unit.ipxm" } },
      };
    case "Integer":
      return {
        name: "constant.numeric.integer.ipxm",
        match: `${wordStart}(?:${body})${wordEnd}`,
      };
    default:
      // A new kind of number is still a number: highlight it with the lexer's own pattern.
      return { name: "constant.numeric.ipxm", match: `${wordStart}(?:${body})${wordEnd}` };
  }
}

function keywordRules(keywordWords: readonly string[]): Rule[] {
  const remaining = new Set(keywordWords);
  const rules: Rule[] = [];
  for (const [scope, roleWords] of keywordRoles) {
    const present = roleWords.filter((word) => remaining.delete(word));
    if (present.length > 0) rules.push({ name: scope, match: words(present) });
  }
  if (remaining.size > 0) rules.push({ name: otherKeywordScope, match: words(remaining) });
  return rules;
}

function identifierRules(token: TokenDescription): Rule[] {
  assertShape(token, ["ubuntu-24", "_x", "a_b-c9"], "names that may contain `-`");
  return [
    ...memberRules(),
    { name: "support.constant.ipxm", match: words([...enumValues.arch, ...enumValues.platform]) },
    { name: "support.variable.builtin.ipxm", match: words(builtinSettings.keys()) },
    { name: "variable.other.ipxm", match: `${wordStart}(?:${sourceOf(token)})` },
  ];
}

/** `r.version`: a field of a record, whatever its name. */
function memberRules(): Rule[] {
  return [
    {
      match: "(\\.)([A-Za-z_][A-Za-z0-9_-]*)",
      captures: {
        1: { name: symbolScopes["."] ?? "punctuation.accessor.ipxm" },
        2: { name: "variable.other.property.ipxm" },
      },
    },
  ];
}

function contextRules(known: ReadonlySet<string>, namePattern: string): Rule[] {
  return namedAfterKeyword.map(([keyword, followedBy, scope]) => {
    if (!known.has(keyword)) {
      throw new Error(`ipxm grammar: a context rule names the keyword "${keyword}", which the lexer does not have`);
    }
    return {
      match: `${wordStart}(${escapeRegex(keyword)})[ \\t]+(${namePattern})${followedBy}`,
      captures: {
        1: { name: keywordScope(keyword) },
        2: { name: scope },
      },
    };
  });
}

function keywordScope(word: string): string {
  return keywordRoles.find(([, roleWords]) => roleWords.includes(word))?.[0] ?? otherKeywordScope;
}

function rawBlockRule(token: TokenDescription): Rule {
  if (token.name !== "RawBlock") throw new UnmappedTokenError(token, "an unknown kind of raw block");
  assertShape(token, ["ipxe {", "ipxe{"], "`ipxe` followed by `{`");
  const content = ipxeContent();
  return {
    begin: `${wordStart}(ipxe)\\s*(\\{)`,
    end: "\\}",
    beginCaptures: {
      1: { name: "keyword.other.raw.ipxm" },
      2: { name: "punctuation.section.embedded.begin.ipxm" },
    },
    endCaptures: { 0: { name: "punctuation.section.embedded.end.ipxm" } },
    contentName: `${embeddedIpxeScope} source.ipxe`,
    patterns: content,
  };
}

/** Raw text is iPXE; its braces balance, so a `{` inside opens a group the block's `}` does not close. */
function ipxeContent(): Rule[] {
  return [...ipxeRules({ embedded: true, keyPrefix: "ipxe-" }).patterns, ref("raw-ipxe-braces")];
}

function embeddedIpxeRepository(): Record<string, Rule> {
  return {
    ...ipxeRules({ embedded: true, keyPrefix: "ipxe-" }).repository,
    "raw-ipxe-braces": { begin: "\\{", end: "\\}", patterns: ipxeContent() },
  };
}
