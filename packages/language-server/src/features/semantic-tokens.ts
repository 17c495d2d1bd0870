/**
 * Semantic tokens for a whole document: what only analysis can tell the editor's grammar (what a
 * name stands for, which commands and settings are iPXE's own). See semantic-tokens-ipxm.ts and
 * semantic-tokens-ipxe.ts for what each language marks.
 */
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { ipxeLineTokens } from "./semantic-tokens-ipxe.js";
import { ipxmTokens } from "./semantic-tokens-ipxm.js";
import { legend, TokenList } from "./semantic-tokens-list.js";

export const semanticTokensLegend: SemanticTokensLegend = legend;

export function semanticTokens(snapshot: Snapshot, document: SourceDocument): SemanticTokens {
  const tokens = new TokenList();
  if (document.language === "ipxm") {
    const file = snapshot.ipxmFile(document);
    if (file) ipxmTokens(file, snapshot.analysis(), tokens);
  } else {
    const script = snapshot.script(document);
    if (script) ipxeLineTokens(script.lines, document.text, 0, tokens);
  }
  return tokens.build(document.text, snapshot.lines(document));
}
