/**
 * The ipxm lexer: text → tokens. Comments are kept in the `comments` group (the formatter needs them);
 * a byte order mark lands in the `bom` group so that `parse` can warn about it while every offset still
 * counts it. Keywords are contextual: each keyword token also belongs to the `Name` category, so the
 * parser accepts it wherever a name is expected (`menu boot "Boot" { … }`).
 */
import { createToken, Lexer } from "chevrotain";
import type { CustomPatternMatcherReturn, ILexingResult, IToken, TokenType } from "chevrotain";

/** Every keyword of the language. Reserved only where the grammar expects it. */
export const keywords = [
  "import",
  "target",
  "const",
  "setting",
  "menu",
  "entry",
  "item",
  "gap",
  "key",
  "default",
  "after",
  "on",
  "escape",
  "failure",
  "for",
  "in",
  "if",
  "else",
  "when",
  "kernel",
  "initrd",
  "args",
  "as",
  "boot",
  "chain",
  "sanboot",
  "drive",
  "memdisk",
  "shell",
  "exit",
  "reboot",
  "back",
  "echo",
  "prompt",
  "set",
  "sleep",
  "true",
  "false",
  "and",
  "or",
  "not",
] as const;

export type Keyword = (typeof keywords)[number];

/** The language's type names. They are ordinary names to the lexer; the checker knows them. */
export const typeNames = ["string", "int", "bool", "duration", "url", "arch", "platform", "list", "record"] as const;

// ---------------------------------------------------------------------------------------------
// Categories

/** Anything usable as a name: identifiers and every keyword. */
export const Name = createToken({ name: "Name", pattern: Lexer.NA, label: "a name" });
/** Every keyword, for tooling (highlighting, completion). */
export const KeywordCategory = createToken({ name: "Keyword", pattern: Lexer.NA });
/** `"…"`, closed or not: the parser treats both alike, `parse` reports the unclosed one. */
export const StringLiteral = createToken({ name: "StringLiteral", pattern: Lexer.NA, label: "a string" });
/** `==`, `!=`, `and`, `or`: one category, so an expression reads them with one token type, in source order. */
export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA, label: "an operator" });

// ---------------------------------------------------------------------------------------------
// Trivia

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  pattern: /[ \t\r\n]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

export const ByteOrderMark = createToken({ name: "ByteOrderMark", pattern: /\uFEFF/, group: "bom" });

export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\r\n]*/, group: "comments" });

export const BlockComment = createToken({
  name: "BlockComment",
  pattern: /\/\*[\s\S]*?\*\//,
  group: "comments",
  line_breaks: true,
});

/** A `/*` that is never closed runs to the end of the file. */
export const UnterminatedBlockComment = createToken({
  name: "UnterminatedBlockComment",
  pattern: /\/\*[\s\S]*/,
  group: "comments",
  line_breaks: true,
});

// ---------------------------------------------------------------------------------------------
// Raw iPXE block: `ipxe {` … balanced `}` is one token.

/** Where the raw text sits inside a RawBlock token, and whether its braces balanced. */
export interface RawBlockPayload {
  /** Offset of the first character after the opening `{`. */
  readonly textStart: number;
  /** Offset of the closing `}` (or of the end of the file when unterminated). */
  readonly textEnd: number;
  readonly terminated: boolean;
}

const CHAR_OPEN_BRACE = 123;
const CHAR_CLOSE_BRACE = 125;

/** Whether a UTF-16 code unit is whitespace between tokens: space, tab, CR, LF. */
export function isWhiteSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 10;
}

/** Whether a UTF-16 code unit may start a name: `[A-Za-z_]`. */
export function isIdentifierStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}

/** Whether a UTF-16 code unit may continue a name: `[A-Za-z0-9_-]`. */
export function isIdentifierPart(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45
  );
}

/**
 * Tokens after which `ipxe {` cannot open a raw block, because an expression is expected there
 * (`if ipxe { … }` tests a constant named `ipxe`).
 */
const expressionExpectedAfter = new Set(["If", "When", "In", "And", "Or", "Not", "Equals", "NotEquals", "Comma"]);

function matchRawBlock(text: string, offset: number, tokens: IToken[]): CustomPatternMatcherReturn | null {
  if (!text.startsWith("ipxe", offset)) return null;
  let i = offset + 4;
  if (i < text.length && isIdentifierPart(text.charCodeAt(i))) return null;
  while (i < text.length && isWhiteSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== CHAR_OPEN_BRACE) return null;
  const previous = tokens.length > 0 ? tokens[tokens.length - 1]! : undefined;
  if (previous !== undefined && expressionExpectedAfter.has(previous.tokenType.name)) return null;

  const textStart = i + 1;
  let depth = 1;
  i = textStart;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === CHAR_OPEN_BRACE) depth++;
    else if (code === CHAR_CLOSE_BRACE && --depth === 0) break;
    i++;
  }
  const terminated = depth === 0;
  const end = terminated ? i + 1 : text.length;
  const match = [text.slice(offset, end)] as unknown as CustomPatternMatcherReturn;
  const payload: RawBlockPayload = { textStart, textEnd: terminated ? i : text.length, terminated };
  match.payload = payload;
  return match;
}

export const RawBlock = createToken({
  name: "RawBlock",
  pattern: { exec: matchRawBlock },
  start_chars_hint: ["i"],
  line_breaks: true,
  label: "an ipxe { … } block",
});

// ---------------------------------------------------------------------------------------------
// Names and keywords

export const Identifier = createToken({
  name: "Identifier",
  pattern: /[A-Za-z_][A-Za-z0-9_-]*/,
  categories: [Name],
  label: "a name",
});

function keywordTokenName(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

const operatorKeywords: ReadonlySet<string> = new Set(["and", "or"]);

/**
 * One token type per keyword, by keyword. The lexer matches no keyword itself: a word is read as an
 * identifier and becomes a keyword when it is one, whole (see `OffsetTokenLexer`). Trying every
 * keyword that starts with a word's first letter, and then the identifier that might be longer, cost
 * several regular expressions per word.
 */
export const keywordTokens = Object.fromEntries(
  keywords.map((word) => [
    word,
    createToken({
      name: keywordTokenName(word),
      pattern: Lexer.NA,
      categories: operatorKeywords.has(word) ? [Name, KeywordCategory, BinaryOperator] : [Name, KeywordCategory],
      label: `"${word}"`,
    }),
  ]),
) as { readonly [K in Keyword]: TokenType };

const keywordByWord: ReadonlyMap<string, TokenType> = new Map(Object.entries(keywordTokens));
/** Longer words are never keywords, so they skip the lookup. */
const longestKeyword = Math.max(...keywords.map((word) => word.length));

// ---------------------------------------------------------------------------------------------
// Literals

export const StringToken = createToken({
  name: "String",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/,
  categories: [StringLiteral],
  label: "a string",
});

/** A string not closed before the end of its line. */
export const UnterminatedString = createToken({
  name: "UnterminatedString",
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n]?)*/,
  categories: [StringLiteral],
  label: "a string",
});

export const Duration = createToken({
  name: "Duration",
  pattern: /[0-9]+(?:ms|s|m|h)(?![A-Za-z0-9_])/,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  label: "a duration",
});

export const Integer = createToken({
  name: "Integer",
  pattern: /(?:0[xX][0-9A-Fa-f]+|[0-9]+)(?![A-Za-z0-9_])/,
  start_chars_hint: ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"],
  label: "a number",
});

/**
 * Digits run into letters (`5min`, `0xZZ`): neither a number nor a duration. It parses where a
 * number may stand, and the AST builder reports it, so one typo gives one diagnostic.
 */
export const MalformedNumber = createToken({
  name: "MalformedNumber",
  pattern: /[0-9][A-Za-z0-9_]*/,
  categories: [Integer],
  label: "a number",
});

// ---------------------------------------------------------------------------------------------
// Punctuation

export const Arrow = createToken({ name: "Arrow", pattern: "->", label: '"->"' });
export const Equals = createToken({ name: "Equals", pattern: "==", categories: [BinaryOperator], label: '"=="' });
export const NotEquals = createToken({ name: "NotEquals", pattern: "!=", categories: [BinaryOperator], label: '"!="' });
export const Assign = createToken({ name: "Assign", pattern: "=", label: '"="' });
export const LBrace = createToken({ name: "LBrace", pattern: "{", label: '"{"' });
export const RBrace = createToken({ name: "RBrace", pattern: "}", label: '"}"' });
export const LBracket = createToken({ name: "LBracket", pattern: "[", label: '"["' });
export const RBracket = createToken({ name: "RBracket", pattern: "]", label: '"]"' });
export const LParen = createToken({ name: "LParen", pattern: "(", label: '"("' });
export const RParen = createToken({ name: "RParen", pattern: ")", label: '")"' });
export const Comma = createToken({ name: "Comma", pattern: ",", label: '","' });
export const Colon = createToken({ name: "Colon", pattern: ":", label: '":"' });
export const Dot = createToken({ name: "Dot", pattern: ".", label: '"."' });

// ---------------------------------------------------------------------------------------------
// The vocabulary, in matching order (first match wins; keywords are read as identifiers first).

export const allTokens: readonly TokenType[] = [
  WhiteSpace,
  ByteOrderMark,
  LineComment,
  BlockComment,
  UnterminatedBlockComment,
  RawBlock,
  Identifier,
  // Matched as identifiers (see `keywordTokens`); listed for the parser.
  ...keywords.map((word) => keywordTokens[word]),
  StringToken,
  UnterminatedString,
  Duration,
  Integer,
  MalformedNumber,
  Arrow,
  Equals,
  NotEquals,
  Assign,
  LBrace,
  RBrace,
  LBracket,
  RBracket,
  LParen,
  RParen,
  Comma,
  Colon,
  Dot,
  // Categories last: they match nothing themselves.
  Name,
  KeywordCategory,
  StringLiteral,
  BinaryOperator,
];

/** What a tool such as a TextMate grammar generator needs to know about one kind of token. */
export interface TokenDescription {
  readonly name: string;
  readonly kind: "comment" | "keyword" | "identifier" | "string" | "number" | "punctuation" | "operator" | "raw";
  /** A regular expression for the token, or its literal text. */
  readonly pattern: RegExp | string;
}

/** The lexical vocabulary of ipxm, for generators of editor grammars. */
export const tokenVocabulary: readonly TokenDescription[] = [
  { name: "LineComment", kind: "comment", pattern: /\/\/[^\r\n]*/ },
  { name: "BlockComment", kind: "comment", pattern: /\/\*[\s\S]*?\*\// },
  { name: "RawBlock", kind: "raw", pattern: /\bipxe\s*\{/ },
  ...keywords.map((word): TokenDescription => ({
    name: keywordTokenName(word),
    kind: operatorKeywords.has(word) || word === "not" ? "operator" : "keyword",
    pattern: word,
  })),
  { name: "Identifier", kind: "identifier", pattern: /[A-Za-z_][A-Za-z0-9_-]*/ },
  { name: "String", kind: "string", pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*"/ },
  { name: "Duration", kind: "number", pattern: /[0-9]+(?:ms|s|m|h)\b/ },
  { name: "Integer", kind: "number", pattern: /0[xX][0-9A-Fa-f]+|[0-9]+/ },
  { name: "Arrow", kind: "operator", pattern: "->" },
  { name: "Equals", kind: "operator", pattern: "==" },
  { name: "NotEquals", kind: "operator", pattern: "!=" },
  { name: "Assign", kind: "operator", pattern: "=" },
  ...(["{", "}", "[", "]", "(", ")", ",", ":", "."] as const).map((text): TokenDescription => ({
    name: text,
    kind: "punctuation",
    pattern: text,
  })),
];

/**
 * Chevrotain's lexer, keeping offsets only: nothing of ipxm reads a token's line or column (a
 * `SourceText` turns offsets into positions when a message needs one), and tracking them costs a
 * check for line breaks in every token and four more fields per token.
 *
 * Its tokens list their properties in a different order than the parser's own end-of-file and
 * recovery tokens. Those carry NaN positions, and V8 shares object shapes between literals with the
 * same keys in the same order, so with the same order every position field of every token would be
 * stored as a boxed double, with the memory and GC time that go with it. Chevrotain's offset-only
 * tokens also lack `endOffset`, which the tokens `tokenize` hands out keep. `createOffsetOnlyToken` is an internal
 * hook of Chevrotain 11's Lexer; lexer.test.ts checks the token fields and keywords, so a rename
 * would show. It is also where a word becomes a keyword (see `keywordTokens`).
 */
class OffsetTokenLexer extends Lexer {
  protected createOffsetOnlyToken(
    image: string,
    startOffset: number,
    tokenTypeIdx: number,
    tokenType: TokenType,
  ): IToken {
    if (tokenType === Identifier && image.length <= longestKeyword) {
      const keyword = keywordByWord.get(image);
      if (keyword !== undefined) {
        tokenType = keyword;
        tokenTypeIdx = keyword.tokenTypeIdx!;
      }
    }
    return {
      tokenType,
      tokenTypeIdx,
      image,
      startOffset,
      endOffset: startOffset + image.length - 1,
    };
  }
}

export const lexer: Lexer = new OffsetTokenLexer(allTokens as TokenType[], {
  ensureOptimizations: true,
  positionTracking: "onlyOffset",
});

/** Tokenise a whole file. Comments are in `groups.comments`, a byte order mark in `groups.bom`. */
export function tokenize(text: string): ILexingResult {
  return lexer.tokenize(text);
}
