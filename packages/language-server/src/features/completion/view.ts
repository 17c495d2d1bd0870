/**
 * What completion reads of the analysis. Completion is asked for at every keystroke, before the new
 * text has been analysed (diagnostics run only once typing pauses), and analysing a large file takes
 * far longer than a keystroke. So when this snapshot has no analysis yet, completion reads the last one
 * made — the names declared, their types, where the file's declarations start — with its offsets
 * carried over the edit since (`Snapshot.carriedAnalysis`). What the edit itself touched is read from the text, as
 * completion always does for the declaration under the cursor.
 */
import type { Analysis, ParsedFile } from "@ipxm/core";
import type { Snapshot, SourceDocument } from "../../snapshot.js";

export interface CompletionView {
  readonly analysis: Analysis;
  /** The document's parse in `analysis` (possibly of an older text: use the offsets below). */
  readonly file: ParsedFile | undefined;
  /** Where the file's top-level declarations start, in the current text; those the edit touched are left out. */
  readonly declarationStarts: readonly number[];
  /** An offset of the current text as `analysis` knows it, or undefined inside the edit. */
  toAnalysed(offset: number): number | undefined;
}

export function completionView(snapshot: Snapshot, document: SourceDocument): CompletionView {
  const carried = snapshot.carriedAnalysis(document);
  const olderFile = carried?.analysis.workspace.files.get(document.path);
  if (carried && olderFile) {
    const declarationStarts: number[] = [];
    for (const declaration of olderFile.ast.declarations) {
      const start = carried.shift.fromOld(declaration.start);
      if (start !== undefined) declarationStarts.push(start);
    }
    return { analysis: carried.analysis, file: olderFile, declarationStarts, toAnalysed: carried.shift.toOld };
  }
  const analysis = snapshot.analysis();
  const file = analysis.workspace.files.get(document.path);
  return {
    analysis,
    file,
    declarationStarts: file?.ast.declarations.map((declaration) => declaration.start) ?? [],
    toAnalysed: (offset) => offset,
  };
}
