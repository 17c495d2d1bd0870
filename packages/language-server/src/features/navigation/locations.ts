/**
 * Answers point into any file of the workspace, open or not: a path and an offset range become an
 * LSP location through the line index of that file's document.
 */
import type { Analysis } from "@ipxm/core";
import type { Location, Range, TextEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { toLspRange, type OffsetRange } from "../../positions.js";
import type { Snapshot } from "../../snapshot.js";
import { pathToUri } from "../../uris.js";

/** The URI of a workspace file: its document's, or the `file:` URI of its path. */
export function uriOfPath(snapshot: Snapshot, path: string): string {
  return snapshot.documentAtPath(path)?.uri ?? pathToUri(path);
}

/**
 * An offset range of `path` as an LSP range. Every analysed file is a document of the snapshot; the
 * parsed text is the fallback so that an answer never depends on that.
 */
export function lspRangeIn(
  snapshot: Snapshot,
  path: string,
  range: OffsetRange,
  analysis?: Analysis,
): Range | undefined {
  const document = snapshot.documentAtPath(path);
  if (document) return toLspRange(snapshot.lines(document), range);
  const parsed = analysis?.workspace.files.get(path);
  if (!parsed) return undefined;
  return toLspRange(TextDocument.create(pathToUri(path), "ipxm", 0, parsed.source.text), range);
}

export function locationIn(
  snapshot: Snapshot,
  path: string,
  range: OffsetRange,
  analysis?: Analysis,
): Location | undefined {
  const lspRange = lspRangeIn(snapshot, path, range, analysis);
  return lspRange ? { uri: uriOfPath(snapshot, path), range: lspRange } : undefined;
}

/** Collects text edits by file, each file's edits once per range (a name can be reached twice). */
export class EditCollector {
  private readonly byPath = new Map<string, Map<number, { range: OffsetRange; newText: string }>>();

  add(path: string, range: OffsetRange, newText: string): void {
    const start = "start" in range ? range.start : range[0];
    let edits = this.byPath.get(path);
    if (!edits) {
      edits = new Map();
      this.byPath.set(path, edits);
    }
    edits.set(start, { range, newText });
  }

  /** The edits as a `WorkspaceEdit`'s `changes`: URI → text edits in document order. */
  changes(snapshot: Snapshot, analysis?: Analysis): Record<string, TextEdit[]> {
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, edits] of this.byPath) {
      const list: TextEdit[] = [];
      for (const start of [...edits.keys()].sort((a, b) => a - b)) {
        const edit = edits.get(start)!;
        const range = lspRangeIn(snapshot, path, edit.range, analysis);
        if (range) list.push({ range, newText: edit.newText });
      }
      if (list.length > 0) changes[uriOfPath(snapshot, path)] = list;
    }
    return changes;
  }
}
