/**
 * Find references and document highlights. In `.ipxm`: every use of a symbol in every file of the
 * workspace (open or not), and its declaration when asked. In `.ipxe`: a label's gotos and the menu
 * items dispatched to it; an item's `choose --default` values.
 */
import type { DocumentHighlight, Location, Position } from "vscode-languageserver";
import { toOffset } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { ipxeDocumentHighlights, ipxeReferences } from "./navigation/ipxe.js";
import { ipxmDocumentHighlights, ipxmReferences } from "./navigation/ipxm.js";

export function references(
  snapshot: Snapshot,
  document: SourceDocument,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const offset = toOffset(snapshot.lines(document), position);
  return document.language === "ipxm"
    ? ipxmReferences(snapshot, document, offset, includeDeclaration)
    : ipxeReferences(snapshot, document, offset, includeDeclaration);
}

/** The occurrences of the name at the cursor in this document: declarations as Write, uses as Read. */
export function documentHighlights(
  snapshot: Snapshot,
  document: SourceDocument,
  position: Position,
): DocumentHighlight[] {
  const offset = toOffset(snapshot.lines(document), position);
  return document.language === "ipxm"
    ? ipxmDocumentHighlights(snapshot, document, offset)
    : ipxeDocumentHighlights(snapshot, document, offset);
}
