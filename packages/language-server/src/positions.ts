/**
 * The one place where core's offsets (0-based, end-exclusive, in UTF-16 code units) meet LSP's
 * positions (0-based line and UTF-16 character).
 */
import type { Range as CoreRange } from "@ipxm/core";
import type { Position, Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";

/** Core ranges are `{ start, end }`; the iPXE tree's are `[start, end]`. Both convert here. */
export type OffsetRange = CoreRange | readonly [number, number];

export function toLspRange(lines: TextDocument, range: OffsetRange): Range {
  const [start, end] = "start" in range ? [range.start, range.end] : range;
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
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
