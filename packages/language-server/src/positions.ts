/**
 * The one place where core's offsets (0-based, end-exclusive, in UTF-16 code units) meet LSP's
 * positions (0-based line and UTF-16 character).
 */
import type { Range as CoreRange, SourceText } from "@ipxm/core";
import type { Position, Range } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";

/** Core ranges are `{ start, end }`; the iPXE tree's are `[start, end]`. Both convert here. */
export type OffsetRange = CoreRange | readonly [number, number];

/** The line index of a text, as an editor counts lines (`\n`, `\r\n` and a lone `\r` end one). */
export function lineIndex(document: {
  readonly uri: string;
  readonly language: string;
  readonly version?: number;
  readonly text: string;
}): TextDocument {
  return TextDocument.create(document.uri, document.language, document.version ?? 0, document.text);
}

export function toLspRange(lines: TextDocument, range: OffsetRange): Range {
  const [start, end] = "start" in range ? [range.start, range.end] : range;
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

export function toLspPosition(lines: TextDocument, offset: number): Position {
  return lines.positionAt(offset);
}

/** The empty range at the very start of a document: where a whole-file answer points. */
export function startOfDocument(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

/** The 0-based line that holds `offset`. */
export function lineOf(lines: TextDocument, offset: number): number {
  return lines.positionAt(offset).line;
}

/** The offset where the line that holds `offset` starts. */
export function lineStartOf(lines: TextDocument, offset: number): number {
  return offset - lines.positionAt(offset).character;
}

export function toOffset(lines: TextDocument, position: Position): number {
  return lines.offsetAt(position);
}

export function toOffsetRange(lines: TextDocument, range: Range): CoreRange {
  return { start: lines.offsetAt(range.start), end: lines.offsetAt(range.end) };
}

/** Whether `offset` lies in `range` or touches its end (a cursor right after a name is on it). */
export function touches(range: OffsetRange, offset: number): boolean {
  const [start, end] = "start" in range ? [range.start, range.end] : range;
  return start <= offset && offset <= end;
}

// ---------------------------------------------------------------------------------------------
// Lines ended by `\n` alone, as ESLint and the formatter's line diff count them (core's SourceText
// keeps their table). An editor also ends a line at a lone `\r`: these never become LSP positions.

/** The offset of a 0-based line and column, kept within the text and within the line. */
export function offsetOfLineColumn(source: SourceText, line: number, column: number): number {
  const starts = source.lineStarts;
  if (line < 0) return 0;
  if (line >= starts.length) return source.text.length;
  const lineEnd = line + 1 < starts.length ? starts[line + 1]! - 1 : source.text.length;
  return Math.min(starts[line]! + Math.max(0, column), lineEnd);
}

/** The 0-based line that holds `offset`. */
export function newlineLineAt(source: SourceText, offset: number): number {
  return source.positionAt(offset).line - 1;
}

/** The offset where a 0-based line starts; the end of the text for a line past the last one. */
export function newlineLineStart(source: SourceText, line: number): number {
  return source.lineStarts[line] ?? source.text.length;
}
