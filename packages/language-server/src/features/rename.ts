/**
 * Rename, with prepareRename. In `.ipxm`: a declaration and every use of it in every file (closed
 * files too), refused when the new name is not a name, is a keyword, or would clash with or hide
 * another declaration where the symbol is seen. In `.ipxe`: a label with its gotos and the menu
 * items dispatched to it.
 */
import type { Position, Range, WorkspaceEdit } from "vscode-languageserver";
import { toOffset } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { ipxePrepareRename, ipxeRename } from "./navigation/ipxe.js";
import { ipxmPrepareRename, ipxmRename } from "./navigation/ipxm.js";

/** The name under the cursor and its text, or null where nothing can be renamed. */
export function prepareRename(
  snapshot: Snapshot,
  document: SourceDocument,
  position: Position,
): { range: Range; placeholder: string } | null {
  const offset = toOffset(snapshot.lines(document), position);
  return document.language === "ipxm"
    ? ipxmPrepareRename(snapshot, document, offset)
    : ipxePrepareRename(snapshot, document, offset);
}

/** The edits of a rename, or `refused` with the message the editor shows. */
export function rename(
  snapshot: Snapshot,
  document: SourceDocument,
  position: Position,
  newName: string,
): WorkspaceEdit | { refused: string } {
  const offset = toOffset(snapshot.lines(document), position);
  return document.language === "ipxm"
    ? ipxmRename(snapshot, document, offset, newName)
    : ipxeRename(snapshot, document, offset, newName);
}
