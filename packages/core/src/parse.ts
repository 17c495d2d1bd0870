/**
 * The front end's public entry: text → AST, comments and diagnostics. Never throws on bad input;
 * every problem becomes a Diagnostic, at most one per offset.
 */
import type { ILexingResult, IToken } from "chevrotain";
import type { SourceFileNode } from "./ast.js";
import { AstBuilder, tokenRange } from "./build-ast.js";
import { makeDiagnostic, sortDiagnostics } from "./diagnostics.js";
import type { Diagnostic, DiagnosticCode } from "./diagnostics.js";
import { MalformedNumber, RawBlock, tokenize, UnterminatedBlockComment, UnterminatedString } from "./lexer.js";
import type { RawBlockPayload } from "./lexer.js";
import { firstTooDeepBracket, maxBracketDepth } from "./nesting.js";
import { parseTokens } from "./parser.js";
import type { Range } from "./source.js";

export { isIdentifierPart, isIdentifierStart, keywords, tokenVocabulary, typeNames } from "./lexer.js";
export type { Keyword, TokenDescription } from "./lexer.js";

/** A comment as written, `//` or `/* … *\/` included. */
export interface Comment {
  kind: "line" | "block";
  text: string;
  range: Range;
}

export interface ParseResult {
  readonly ast: SourceFileNode;
  readonly comments: readonly Comment[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parse one file. `file` is only copied into the diagnostics. */
export function parse(text: string, file: string): ParseResult {
  const diagnostics = new DiagnosticCollector(file);
  const lexed = tokenize(text);
  const lexical = reportLexicalProblems(text, lexed, diagnostics);
  // Too deep a nesting is read no further: what follows it is not parsed (see nesting.ts).
  const tooDeep = firstTooDeepBracket(lexed.tokens);
  const readUpTo = tooDeep === undefined ? Infinity : lexed.tokens[tooDeep]!.startOffset;
  if (tooDeep !== undefined) {
    const bracket = lexed.tokens[tooDeep]!;
    diagnostics.add(
      "nesting-too-deep",
      `more than ${maxBracketDepth} brackets are open here; ipxm reads no further than this one`,
      tokenRange(bracket),
    );
    lexed.tokens = lexed.tokens.slice(0, tooDeep);
  }

  const astProblems: Array<[DiagnosticCode, string, Range]> = [];
  const builder = new AstBuilder(text, (code, message, range) => astProblems.push([code, message, range]));
  const { declarations, parser } = parseTokens(lexed.tokens, text, builder);

  for (const error of parser.errors) {
    const range = errorRange(error.token, text.length);
    if (lexical.runsToEnd && range.start === text.length) continue;
    if (range.start >= readUpTo) continue;
    // An unclosed string swallowed the rest of its line; what went missing there is that problem.
    if ((error as { previousToken?: IToken }).previousToken?.tokenType === UnterminatedString) continue;
    diagnostics.add("syntax-error", error.message, range);
  }
  for (const [code, message, range] of astProblems) diagnostics.add(code, message, range);
  // Let go of this file's tokens: the parser instance lives on.
  parser.input = [];

  return {
    ast: { kind: "SourceFile", start: 0, end: text.length, declarations },
    comments: lexical.comments,
    diagnostics: diagnostics.sorted(),
  };
}

/**
 * Report what the lexer found wrong and collect the comments. `runsToEnd` tells that an unclosed
 * comment or raw block swallowed the rest of the file, which explains any "found the end of the
 * file" the parser reports after it.
 */
function reportLexicalProblems(
  text: string,
  lexed: ILexingResult,
  diagnostics: DiagnosticCollector,
): { comments: Comment[]; runsToEnd: boolean } {
  let runsToEnd = false;
  for (const mark of lexed.groups["bom"] ?? []) {
    if (mark.startOffset === 0) {
      diagnostics.add("byte-order-mark", "the file starts with a byte order mark; it is ignored", tokenRange(mark));
    } else {
      diagnostics.add("invalid-character", "unexpected byte order mark (U+FEFF) inside the file", tokenRange(mark));
    }
  }
  for (const error of lexed.errors) {
    const characters = text.slice(error.offset, error.offset + error.length);
    diagnostics.add("invalid-character", describeInvalidCharacters(characters), {
      start: error.offset,
      end: error.offset + error.length,
    });
  }

  const comments = (lexed.groups["comments"] ?? []).map((token): Comment => {
    if (token.tokenType === UnterminatedBlockComment) {
      runsToEnd = true;
      diagnostics.add("unterminated-comment", 'this comment is not closed: add "*/" where it ends', {
        start: token.startOffset,
        end: token.startOffset + 2,
      });
    }
    return {
      kind: token.image.charCodeAt(1) === 47 /* / */ ? "line" : "block",
      text: token.image,
      range: tokenRange(token),
    };
  });

  for (const token of lexed.tokens) {
    const type = token.tokenType;
    if (type === UnterminatedString) {
      diagnostics.add(
        "unterminated-string",
        'this string is not closed: add a " before the end of the line',
        tokenRange(token),
      );
    } else if (type === RawBlock && !(token.payload as RawBlockPayload).terminated) {
      runsToEnd = true;
      diagnostics.add("unterminated-raw-block", "this ipxe { … } block is not closed: its braces do not balance", {
        start: token.startOffset,
        end: (token.payload as RawBlockPayload).textStart,
      });
    } else if (type === MalformedNumber) {
      diagnostics.add(
        "syntax-error",
        `"${token.image}" is not a number or a duration: write 42, 0x80, or a duration such as 500ms, 30s, 5m, 1h`,
        tokenRange(token),
      );
    }
  }
  return { comments, runsToEnd };
}

/** Collects diagnostics, keeping the first one reported at each offset (no cascades). */
class DiagnosticCollector {
  private readonly diagnostics: Diagnostic[] = [];
  private readonly seenOffsets = new Set<number>();

  constructor(private readonly file: string) {}

  add(code: DiagnosticCode, message: string, range: Range): void {
    if (this.seenOffsets.has(range.start)) return;
    this.seenOffsets.add(range.start);
    this.diagnostics.push(makeDiagnostic(code, message, this.file, range));
  }

  sorted(): Diagnostic[] {
    return sortDiagnostics(this.diagnostics);
  }
}

/** The offending token's range, or an empty range at the end for "found the end of the file". */
function errorRange(token: IToken, textLength: number): Range {
  if (Number.isNaN(token.startOffset) || token.tokenType.name === "EOF") return { start: textLength, end: textLength };
  return tokenRange(token);
}

function describeInvalidCharacters(characters: string): string {
  const codePoints = [...characters];
  const allPrintable = codePoints.every((character) => {
    const code = character.codePointAt(0)!;
    return code > 32 && code < 127;
  });
  const shown = allPrintable
    ? JSON.stringify(characters)
    : codePoints
        .map((character) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`)
        .join(" ");
  return codePoints.length === 1 ? `unexpected character ${shown}` : `unexpected characters ${shown}`;
}
