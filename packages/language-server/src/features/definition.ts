/**
 * Go to definition. In `.ipxm`: from any use of a name to its declaration (across imported files),
 * from an import's path to the imported file; on a declaring name, the declaration itself (editors
 * then offer its references). In `.ipxe`: from a `goto`, a dispatched menu item or a label to the
 * label iPXE jumps to, and from `choose --default` to the item it names.
 */
import type { Location, Position } from "vscode-languageserver";
import { toOffset } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { ipxeDefinition } from "./navigation/ipxe.js";
import { ipxmDefinition } from "./navigation/ipxm.js";

export function definition(snapshot: Snapshot, document: SourceDocument, position: Position): Location[] {
  const offset = toOffset(snapshot.lines(document), position);
  return document.language === "ipxm"
    ? ipxmDefinition(snapshot, document, offset)
    : ipxeDefinition(snapshot, document, offset);
}
