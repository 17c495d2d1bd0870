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
  return document.language === "ipxm" ? ipxmHover(snapshot, document, offset) : ipxeHover(snapshot, document, offset);
}
