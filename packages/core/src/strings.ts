/**
 * String literals: escapes are decoded and `${…}` interpolations parsed, with every part's range in
 * the FILE (so a diagnostic inside a string points at the exact characters).
 *
 * Escapes: `\"` `\\` `\n` `\t` `\$` `\u{HEX}`. `\$` is a literal `$` even before `{`; a `$` not
 * followed by `{` is literal too. Interpolations are `name`, `name.member…` or an iPXE setting
 * reference `scope/name[:format]` / `name:format`.
 */
import type { Identifier, Interpolation, StringLiteral, StringPart, TextPart } from "./ast.js";
import type { DiagnosticCode } from "./diagnostics.js";
import { isIdentifierPart, isIdentifierStart } from "./lexer.js";
import type { Range } from "./source.js";

/** The text a string literal stands for, or undefined when it interpolates (its value is known at boot only). */
export function literalText(literal: StringLiteral): string | undefined {
  let text = "";
  for (const part of literal.parts) {
    if (part.kind !== "Text") return undefined;
    text += part.value;
  }
  return text;
}

/**
 * Where the characters between a string literal's quotes are in `text` (the file's text): a string
 * cut short by the end of its line has no closing quote to leave out.
 */
export function unquotedRange(literal: StringLiteral, text: string): Range {
  const { start, end } = literal;
  const closed = end - start >= 2 && text[end - 1] === '"';
  return { start: start + 1, end: closed ? end - 1 : end };
}

export type ProblemReporter = (code: DiagnosticCode, message: string, range: Range) => void;

const BACKSLASH = 92;
const DOLLAR = 36;
const OPEN_BRACE = 123;

/**
 * Decode one string token. `image` is the token's text with its opening quote (and its closing quote
 * when `terminated`); `offset` is where it starts in the file.
 */
export function decodeStringLiteral(
  image: string,
  offset: number,
  terminated: boolean,
  report: ProblemReporter,
): StringLiteral {
  const start = offset;
  const end = offset + image.length;
  const contentEnd = terminated ? image.length - 1 : image.length;
  if (contentEnd <= 1) return { kind: "String", start, end, parts: [] };

  // Most strings are plain text: no escape, no `$`.
  if (!hasSpecialCharacter(image, 1, contentEnd)) {
    const text: TextPart = {
      kind: "Text",
      start: offset + 1,
      end: offset + contentEnd,
      value: image.slice(1, contentEnd),
    };
    return { kind: "String", start, end, parts: [text] };
  }
  return { kind: "String", start, end, parts: decodeParts(image, offset, contentEnd, terminated, report) };
}

function hasSpecialCharacter(image: string, from: number, to: number): boolean {
  return nextSpecialCharacter(image, from, to) < to;
}

function decodeParts(
  image: string,
  offset: number,
  contentEnd: number,
  terminated: boolean,
  report: ProblemReporter,
): StringPart[] {
  const parts: StringPart[] = [];
  /** Start (index in image) of the text part being collected, or -1. */
  let textStart = -1;
  /** Decoded text of the current part, up to `runStart`. */
  let decoded = "";
  /** Start of the current run of characters copied as they are. */
  let runStart = 1;

  const flushText = (end: number): void => {
    if (textStart >= 0 && end > textStart) {
      decoded += image.slice(runStart, end);
      parts.push({ kind: "Text", start: offset + textStart, end: offset + end, value: decoded });
    }
    textStart = -1;
    decoded = "";
  };

  let i = 1;
  while (i < contentEnd) {
    const code = image.charCodeAt(i);
    if (code === BACKSLASH) {
      if (textStart < 0) {
        textStart = i;
        runStart = i;
      }
      decoded += image.slice(runStart, i);
      const escape = decodeEscape(image, i, contentEnd);
      if (escape.value === undefined) {
        // A lone `\` at the end of an unclosed string is part of that one problem.
        if (!(escape.end >= contentEnd && !terminated && escape.end - i === 1)) {
          const written = image.slice(i, escape.end);
          report("invalid-escape", `unknown escape "${written}" in a string: write \\" \\\\ \\n \\t \\$ or \\u{hex}`, {
            start: offset + i,
            end: offset + escape.end,
          });
        }
        decoded += image.slice(i, escape.end);
      } else {
        decoded += escape.value;
      }
      i = escape.end;
      runStart = i;
      continue;
    }
    if (code === DOLLAR && image.charCodeAt(i + 1) === OPEN_BRACE) {
      const close = image.indexOf("}", i + 2);
      if (close < 0 || close >= contentEnd) {
        if (terminated) {
          report("invalid-interpolation", '"${" is not closed with "}" before the end of the string', {
            start: offset + i,
            end: offset + contentEnd,
          });
        }
        // The rest is text (in an unclosed string, that string is the one problem to report).
        if (textStart < 0) {
          textStart = i;
          runStart = i;
        }
        i = contentEnd;
        continue;
      }
      flushText(i);
      const interpolation = parseInterpolation(
        image.slice(i + 2, close),
        offset + i + 2,
        offset + i,
        offset + close + 1,
      );
      if (interpolation === undefined) {
        report(
          "invalid-interpolation",
          `"${image.slice(i, close + 1)}" is not a name, a member path (r.version) or an iPXE setting ` +
            "reference (net0/mac, mac:hexhyp)",
          { start: offset + i, end: offset + close + 1 },
        );
      } else {
        parts.push(interpolation);
      }
      i = close + 1;
      runStart = i;
      continue;
    }
    if (textStart < 0) {
      textStart = i;
      runStart = i;
    }
    i = nextSpecialCharacter(image, i + 1, contentEnd);
  }
  flushText(contentEnd);
  return parts;
}

/**
 * Index of the first `\` or `$` at or after `from`, or `to` when there is none before it. indexOf
 * scans natively, several times faster than a loop over the characters.
 */
function nextSpecialCharacter(image: string, from: number, to: number): number {
  const backslash = image.indexOf("\\", from);
  const dollar = image.indexOf("$", from);
  const next = backslash < 0 ? dollar : dollar < 0 ? backslash : Math.min(backslash, dollar);
  return next < 0 || next > to ? to : next;
}

interface DecodedEscape {
  /** The decoded text, or undefined for an unknown escape. */
  readonly value: string | undefined;
  /** Index just past the escape. */
  readonly end: number;
}

function decodeEscape(image: string, start: number, contentEnd: number): DecodedEscape {
  if (start + 1 >= contentEnd) return { value: undefined, end: contentEnd };
  const next = image.charAt(start + 1);
  switch (next) {
    case '"':
      return { value: '"', end: start + 2 };
    case "\\":
      return { value: "\\", end: start + 2 };
    case "n":
      return { value: "\n", end: start + 2 };
    case "t":
      return { value: "\t", end: start + 2 };
    case "$":
      return { value: "$", end: start + 2 };
    case "u":
      return decodeUnicodeEscape(image, start, contentEnd);
    default:
      return { value: undefined, end: start + 1 + codePointLength(image, start + 1) };
  }
}

/** `\u{1F600}`: one to six hex digits naming a Unicode scalar value. */
function decodeUnicodeEscape(image: string, start: number, contentEnd: number): DecodedEscape {
  if (image.charCodeAt(start + 2) !== OPEN_BRACE) return { value: undefined, end: start + 2 };
  const close = image.indexOf("}", start + 3);
  if (close < 0 || close >= contentEnd) return { value: undefined, end: start + 3 };
  const hex = image.slice(start + 3, close);
  const end = close + 1;
  if (!/^[0-9A-Fa-f]{1,6}$/.test(hex)) return { value: undefined, end };
  const codePoint = Number.parseInt(hex, 16);
  if (codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return { value: undefined, end };
  return { value: String.fromCodePoint(codePoint), end };
}

function codePointLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? 2 : 1;
}

/**
 * `scope/` (optional) `name` `.member`* `:format` (optional). Members exclude scope and format: a
 * member path reads a compile-time record, a scope or format addresses an iPXE setting.
 */
const interpolationPattern =
  /^(?:([A-Za-z_][A-Za-z0-9_.-]*)\/)?([A-Za-z_][A-Za-z0-9_-]*)((?:\.[A-Za-z_][A-Za-z0-9_-]*)*)(?::([A-Za-z][A-Za-z0-9_-]*))?$/;

/**
 * Parse the text between `${` and `}`. `contentOffset` is the file offset of its first character;
 * `start` and `end` cover the whole `${…}`. Returns undefined when the text is not an allowed form.
 */
export function parseInterpolation(
  content: string,
  contentOffset: number,
  start: number,
  end: number,
): Interpolation | undefined {
  // Most interpolations are a bare name: no match object or captured strings for those.
  if (isPlainName(content)) {
    return { kind: "Interpolation", start, end, name: identifierAt(content, contentOffset), members: noMembers };
  }
  const match = interpolationPattern.exec(content);
  if (match === null) return undefined;
  const scope: string | undefined = match[1];
  const name = match[2]!;
  const memberText = match[3] ?? "";
  const format: string | undefined = match[4];
  if (memberText.length > 0 && (scope !== undefined || format !== undefined)) return undefined;

  const nameStart = scope === undefined ? 0 : scope.length + 1;
  const nameIdentifier = identifierAt(name, contentOffset + nameStart);
  const members: Identifier[] = [];
  if (memberText.length > 0) {
    let position = nameStart + name.length;
    for (const member of memberText.slice(1).split(".")) {
      position += 1; // the dot
      members.push(identifierAt(member, contentOffset + position));
      position += member.length;
    }
  }
  const interpolation: { -readonly [K in keyof Interpolation]: Interpolation[K] } = {
    kind: "Interpolation",
    start,
    end,
    name: nameIdentifier,
    members: members.length > 0 ? members : noMembers,
  };
  if (scope !== undefined) interpolation.scope = scope;
  if (format !== undefined) interpolation.format = format;
  return interpolation;
}

/**
 * The members of every interpolation that has none (most of them): one array rather than one each.
 * Not frozen: V8 iterates a frozen array through a slow path, and the type is readonly already.
 */
const noMembers: readonly Identifier[] = [];

/** `[A-Za-z_][A-Za-z0-9_-]*`, the name part of `interpolationPattern`. */
function isPlainName(text: string): boolean {
  if (text.length === 0 || !isIdentifierStart(text.charCodeAt(0))) return false;
  for (let index = 1; index < text.length; index++) if (!isIdentifierPart(text.charCodeAt(index))) return false;
  return true;
}

/** Same key order as the parser's identifiers: one object shape for every identifier. */
function identifierAt(name: string, start: number): Identifier {
  return { kind: "Identifier", start, end: start + name.length, name };
}
