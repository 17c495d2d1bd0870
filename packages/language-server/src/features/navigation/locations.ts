/**
 * Answers point into any file of the workspace, open or not: a path and an offset range become an
 * LSP location through the line index of that file's document (every analysed file is one).
 */
import type { Location, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { toLspRange, type OffsetRange } from "../../positions.js";
import type { Snapshot } from "../../snapshot.js";
import { pathToUri } from "../../uris.js";

/** What a rename answers: the edits, or why it refused (the message the editor shows). */
export type RenameAnswer = WorkspaceEdit | { refused: string };

/** The URI of a workspace file: its document's, or the `file:` URI of its path. */
export function uriOfPath(snapshot: Snapshot, path: string): string {
  return snapshot.documentAtPath(path)?.uri ?? pathToUri(path);
}

/** An offset range of `path` as an LSP range, or undefined when the snapshot has no such document. */
function lspRangeIn(snapshot: Snapshot, path: string, range: OffsetRange): Range | undefined {
  const document = snapshot.documentAtPath(path);
  return document ? toLspRange(snapshot.lines(document), range) : undefined;
}

export function locationIn(snapshot: Snapshot, path: string, range: OffsetRange): Location | undefined {
  const lspRange = lspRangeIn(snapshot, path, range);
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
  changes(snapshot: Snapshot): Record<string, TextEdit[]> {
    const changes: Record<string, TextEdit[]> = {};
    for (const [path, edits] of this.byPath) {
      const list: TextEdit[] = [];
      for (const start of [...edits.keys()].sort((a, b) => a - b)) {
        const edit = edits.get(start)!;
        const range = lspRangeIn(snapshot, path, edit.range);
        if (range) list.push({ range, newText: edit.newText });
      }
      if (list.length > 0) changes[uriOfPath(snapshot, path)] = list;
    }
    return changes;
  }
}
