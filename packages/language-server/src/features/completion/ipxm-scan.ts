/**
 * A small lexer for the text before the cursor. It reads only a window (from the start of the
 * declaration the cursor is in), says whether the cursor sits in code, a comment, a string or a raw
 * `ipxe { … }` block, and hands the tokens to the completion parser. It follows the rules of core's
 * lexer (the same token shapes, the same raw-block rule) but keeps what completion needs that the real
 * lexer drops: where a string the cursor is in begins, and whether a line break precedes a token.
 */
import { isIdentifierPart, isIdentifierStart, isWhiteSpace } from "@ipxm/core";

export type WindowTokenKind = "name" | "string" | "number" | "duration" | "punct" | "raw";

export interface WindowToken {
  readonly kind: WindowTokenKind;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** A line break lies between the previous token (or the window start) and this one. */
  readonly newlineBefore: boolean;
}

export type CursorPlace =
  | { readonly kind: "code" }
  | { readonly kind: "comment" }
  /** Inside a string: `start` is the opening quote; the string's text runs to the cursor. */
  | { readonly kind: "string"; readonly start: number }
  /** Inside a raw `ipxe { … }` block whose text starts at `textStart`. */
  | { readonly kind: "raw"; readonly textStart: number };

export interface ScannedWindow {
  /** Every complete token before the cursor. */
  readonly tokens: readonly WindowToken[];
  /** The name or number the cursor is at the end of (not in `tokens`). */
  readonly partial?: WindowToken;
  readonly place: CursorPlace;
  /** A line break lies between the last token and the cursor. */
  readonly cursorOnNewLine: boolean;
}

const punctuation = ["->", "==", "!=", "=", "{", "}", "[", "]", "(", ")", ",", ":", "."] as const;

/** After these, `ipxe {` is a name and a record, not a raw block (as in core's lexer). */
const expressionExpectedAfter = new Set(["if", "when", "in", "and", "or", "not", "==", "!=", ","]);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Tokens of `text` from `from` up to the cursor `to`. */
export function scanWindow(text: string, from: number, to: number): ScannedWindow {
  const tokens: WindowToken[] = [];
  let newline = false;
  let i = from;
  const push = (kind: WindowTokenKind, start: number, end: number) => {
    tokens.push({ kind, text: text.slice(start, end), start, end, newlineBefore: newline });
    newline = false;
  };
  while (i < to) {
    const code = text.charCodeAt(i);
    if (isWhiteSpace(code)) {
      if (code === 10) newline = true;
      i++;
      continue;
    }
    if (code === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf("\n", i);
      if (end < 0 || end >= to) return finish(tokens, { kind: "comment" }, false);
      i = end;
      continue;
    }
    if (code === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf("*/", i + 2);
      if (end < 0 || end + 2 > to) return finish(tokens, { kind: "comment" }, false);
      if (text.lastIndexOf("\n", end) > i) newline = true;
      i = end + 2;
      continue;
    }
    if (code === 34 /* " */) {
      const start = i;
      i++;
      let closed = false;
      while (i < to) {
        const c = text.charCodeAt(i);
        if (c === 10 || c === 13) break;
        if (c === 92 /* \ */) {
          i += text.charCodeAt(i + 1) === 10 ? 1 : 2;
          continue;
        }
        i++;
        if (c === 34) {
          closed = true;
          break;
        }
      }
      // A string runs to its line's end at most: reaching the cursor first means the cursor is in it.
      if (!closed && i >= to) return finish(tokens, { kind: "string", start }, false);
      push("string", start, Math.min(i, to));
      continue;
    }
    if (isDigit(code)) {
      const start = i;
      while (i < to && isIdentifierPart(text.charCodeAt(i)) && text.charCodeAt(i) !== 45) i++;
      const word = text.slice(start, i);
      push(/^[0-9]+(?:ms|s|m|h)$/.test(word) ? "duration" : "number", start, i);
      continue;
    }
    if (isIdentifierStart(code)) {
      const start = i;
      while (i < to && isIdentifierPart(text.charCodeAt(i))) i++;
      if (text.slice(start, i) === "ipxe" && i < to) {
        const raw = rawBlockAt(text, i, to, tokens);
        if (raw === "cursor-inside") {
          return finish(tokens, { kind: "raw", textStart: text.indexOf("{", i) + 1 }, false);
        }
        if (raw !== undefined) {
          push("raw", start, raw);
          i = raw;
          continue;
        }
      }
      push("name", start, i);
      continue;
    }
    const mark = punctuation.find((p) => text.startsWith(p, i));
    if (mark !== undefined && i + mark.length <= to) {
      push("punct", i, i + mark.length);
      i += mark.length;
      continue;
    }
    // A character no token starts with (or `-` of an unfinished `->`): skipped, as the lexer reports it.
    i++;
  }
  return finish(tokens, { kind: "code" }, newline, to);
}

/**
 * The end of the raw block whose `ipxe` ends at `afterWord`, `cursor-inside` when the cursor is
 * within its braces, or undefined when no raw block starts here.
 */
function rawBlockAt(
  text: string,
  afterWord: number,
  to: number,
  tokens: readonly WindowToken[],
): number | "cursor-inside" | undefined {
  let i = afterWord;
  while (i < to && isWhiteSpace(text.charCodeAt(i))) i++;
  if (i >= to || text.charCodeAt(i) !== 123) return undefined;
  const previous = tokens[tokens.length - 1];
  if (previous !== undefined && expressionExpectedAfter.has(previous.text)) return undefined;
  let depth = 1;
  i++;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 123) depth++;
    else if (code === 125 && --depth === 0) return i + 1;
    i++;
  }
  return "cursor-inside";
}

function finish(tokens: WindowToken[], place: CursorPlace, cursorOnNewLine: boolean, to = -1): ScannedWindow {
  if (place.kind !== "code") return { tokens, place, cursorOnNewLine };
  const last = tokens[tokens.length - 1];
  // The word being typed: a name or number that runs up to the cursor.
  if (last && last.end === to && (last.kind === "name" || last.kind === "number" || last.kind === "duration")) {
    return { tokens: tokens.slice(0, -1), partial: last, place, cursorOnNewLine: last.newlineBefore };
  }
  return { tokens, place, cursorOnNewLine };
}
