/**
 * Hover for both languages: what the construct under the cursor means, and for `.ipxm` what it
 * compiles to (see hover/ipxm.ts and hover/ipxe.ts). Markdown, with the range of what it describes.
 */
import type { Hover, Position } from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { toOffset } from "../positions.js";
import { ipxeHover } from "./hover/ipxe.js";
import { ipxmHover } from "./hover/ipxm.js";

export function hover(snapshot: Snapshot, document: SourceDocument, position: Position): Hover | null {
  const offset = toOffset(snapshot.lines(document), position);
  if (document.language === "ipxe") return ipxeHover(snapshot, document, offset);
  return fromLatestAnalysis(snapshot, document, offset) ?? ipxmHover(snapshot, document, offset);
}

/**
 * While the latest text is not analysed yet (typing goes on), a hover on a line the typing did not
 * touch is answered from the last analysis made, its range carried over to the current text.
 * Undefined when that cannot be done; the caller then analyses the current text.
 */
function fromLatestAnalysis(snapshot: Snapshot, document: SourceDocument, offset: number): Hover | null | undefined {
  const carried = snapshot.carriedAnalysis(document);
  if (!carried) return undefined;
  const { shift, older } = carried;
  const lines = snapshot.lines(document);
  const { line } = lines.positionAt(offset);
  const lineStart = lines.offsetAt({ line, character: 0 });
  const lineEnd = lines.offsetAt({ line: line + 1, character: 0 });
  // The line must lie wholly before or after what changed (a deletion right at its edge counts as touching it).
  if (shift.changed.start <= lineEnd && shift.changed.end >= lineStart) return undefined;
  const oldOffset = shift.toOld(offset);
  if (oldOffset === undefined) return undefined;
  const answer = ipxmHover(carried.snapshot, older, oldOffset);
  if (!answer?.range) return answer;
  const oldLines = carried.snapshot.lines(older);
  const start = shift.fromOld(oldLines.offsetAt(answer.range.start));
  const end = shift.fromOld(oldLines.offsetAt(answer.range.end));
  if (start === undefined || end === undefined) return undefined;
  return { ...answer, range: { start: lines.positionAt(start), end: lines.positionAt(end) } };
}
