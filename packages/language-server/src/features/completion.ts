/**
 * Completion for both languages: what may be written at the cursor, from the text before it and the
 * snapshot's analysis (see completion/ipxm.ts and completion/ipxe.ts).
 */
import type { CompletionList, Position } from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { toOffset } from "../positions.js";
import { ipxeCompletion } from "./completion/ipxe.js";
import { ipxmCompletion } from "./completion/ipxm.js";

/**
 * Characters after which the client asks for completion without being told to:
 * `{` of `${` (settings and names inside a string; a block's `{` alone gets nothing), `.` of a member
 * (`r.version`), `:` before a type (`const t: duration`) or a setting type (`${mac:hexhyp}`), `/` of a
 * scoped setting (`net0/mac`) and of import paths, `"` of an import path or a target, and `-` of an
 * iPXE option (`--timeout`).
 */
export const completionTriggerCharacters: string[] = ["{", ".", ":", "/", '"', "-"];

export function completion(snapshot: Snapshot, document: SourceDocument, position: Position): CompletionList {
  const offset = toOffset(snapshot.lines(document), position);
  const items =
    document.language === "ipxm"
      ? ipxmCompletion(snapshot, document, offset)
      : ipxeCompletion(snapshot, document, offset);
  return { isIncomplete: false, items };
}
