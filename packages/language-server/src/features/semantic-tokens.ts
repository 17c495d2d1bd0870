/**
 * Semantic tokens for a whole document: what only analysis can tell the editor's grammar (what a
 * name stands for, which commands and settings are iPXE's own). See semantic-tokens-ipxm.ts and
 * semantic-tokens-ipxe.ts for what each language marks.
 */
import {
  SemanticTokensBuilder,
  type SemanticTokens,
  type SemanticTokensDelta,
  type SemanticTokensLegend,
} from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { ipxeLineTokens } from "./semantic-tokens-ipxe.js";
import { ipxmTokens } from "./semantic-tokens-ipxm.js";
import { legend, TokenList } from "./semantic-tokens-list.js";

export const semanticTokensLegend: SemanticTokensLegend = legend;

/**
 * The tokens of each document as last sent, so that the next answer can be the edits from those to
 * the current ones: after a keystroke, a few numbers instead of every token of a long file.
 */
export class SemanticTokensHistory {
  private readonly builders = new Map<string, SemanticTokensBuilder>();

  /** Every token; remembered as the base of the next delta. */
  full(snapshot: Snapshot, document: SourceDocument): SemanticTokens {
    const builder = new SemanticTokensBuilder();
    this.builders.set(document.uri, builder);
    return documentTokens(snapshot, document).encode(document.text, snapshot.lines(document), builder).build();
  }

  /** The edits from the tokens sent as `previousResultId`; every token when those are not the last sent. */
  delta(snapshot: Snapshot, document: SourceDocument, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const builder = this.builders.get(document.uri);
    if (!builder) return this.full(snapshot, document);
    builder.previousResult(previousResultId);
    return documentTokens(snapshot, document).encode(document.text, snapshot.lines(document), builder).buildEdits();
  }

  forget(uri: string): void {
    this.builders.delete(uri);
  }
}

function documentTokens(snapshot: Snapshot, document: SourceDocument): TokenList {
  const tokens = new TokenList();
  if (document.language === "ipxm") {
    const file = snapshot.ipxmFile(document);
    if (file) ipxmTokens(file, snapshot.analysis(), tokens);
  } else {
    const script = snapshot.script(document);
    if (script) ipxeLineTokens(script.lines, document.text, 0, tokens);
  }
  return tokens;
}
