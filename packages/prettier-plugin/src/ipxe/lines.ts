/**
 * One logical line of an iPXE script, re-spaced. iPXE splits a line into maximal runs of
 * non-whitespace and never looks at the whitespace itself, so the whitespace between tokens may be
 * rewritten freely, and the bytes of every token are copied unchanged. What iPXE does see, and what
 * is therefore never changed:
 *
 * - where logical lines begin and end: no line is joined to another or split;
 * - a continuation (`\` at the very end of a physical line): it is kept, as ` \` followed by the
 *   next physical line indented one level deeper; a gap with more than one continuation, or a token
 *   that runs across one, is copied as written;
 * - a line ending in a `\` token followed by spaces: one space is kept, since without it the line
 *   would continue onto the next one;
 * - a line with a NUL byte, or a last line that ends in `\`: copied as written.
 */
import type { LogicalLine } from "@ipxm/ipxe";

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The label, the tokens and terminators of every command, and the comment, in order. */
export function tokensOf(line: LogicalLine): Span[] {
  const spans: Span[] = [];
  if (line.label !== undefined) spans.push(line.label);
  for (const command of line.commands) {
    spans.push(...command.argv);
    if (command.terminator !== undefined) spans.push(command.terminator.token);
  }
  if (line.comment !== undefined) spans.push(line.comment);
  return spans;
}

/** The line exactly as written: lines iPXE reads specially are never re-spaced. */
export function isVerbatim(line: LogicalLine): boolean {
  return line.nulAt !== undefined || line.unterminated === true;
}

export function isBlank(line: LogicalLine): boolean {
  return tokensOf(line).length === 0 && line.firstLine === line.lastLine;
}

export function isCommentOnly(line: LogicalLine): boolean {
  return line.comment !== undefined && line.label === undefined && line.commands.length === 0;
}

/**
 * The physical lines of a logical line as written, up to (not including) the last line break.
 * `line.end` is not used: it stops at a NUL byte and before the `\` of an unterminated last line.
 */
export function verbatim(text: string, line: LogicalLine): string {
  let position = line.start;
  for (let physical = line.firstLine; physical < line.lastLine; physical++) position = text.indexOf("\n", position) + 1;
  const end = text.indexOf("\n", position);
  return text.slice(line.start, end < 0 ? text.length : end);
}

const singleContinuation = /^[ \t\v\f\r]*\\\n[ \t\v\f\r]*$/;

/**
 * The line with `indentation` before it and one space between tokens. `separator(i)`, when given,
 * replaces the space after token `i` (item columns pad with it).
 */
export function respace(
  text: string,
  line: LogicalLine,
  indentation: string,
  continuationIndentation: string,
  separator?: (index: number) => string,
): string {
  if (isVerbatim(line)) return verbatim(text, line);
  const tokens = tokensOf(line);
  if (tokens.length === 0) return line.firstLine === line.lastLine ? "" : verbatim(text, line);

  const leading = text.slice(line.start, tokens[0]!.start);
  let out = leading.includes("\n") ? leading : indentation;
  tokens.forEach((token, index) => {
    out += text.slice(token.start, token.end);
    const next = tokens[index + 1];
    if (next === undefined) return;
    const gap = text.slice(token.end, next.start);
    if (!gap.includes("\n")) out += separator?.(index) ?? " ";
    else if (singleContinuation.test(gap)) out += ` \\\n${continuationIndentation}`;
    else out += gap;
  });

  const last = tokens.at(-1)!;
  const trailing = text.slice(last.end, line.end);
  if (trailing.includes("\n")) return out + trailing;
  // `echo a\ ` is not a continuation; `echo a\` would be.
  if (trailing.length > 0 && text.charCodeAt(last.end - 1) === 0x5c /* \ */) return `${out} `;
  return out;
}
