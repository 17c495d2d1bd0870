/**
 * The legend both languages share, and the list tokens are gathered in before they are encoded.
 * Emitters add tokens by offset in any order; `build` sorts them, drops any that overlaps one before
 * it, and cuts one that crosses a line end into one token per line, as LSP requires.
 */
import { SemanticTokensBuilder, type SemanticTokensLegend } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { toLspPosition } from "../positions.js";

export const tokenTypes = [
  "namespace",
  "enum",
  "enumMember",
  "function",
  "variable",
  "parameter",
  "property",
  "type",
  "number",
  "label",
  "comment",
] as const;

export const tokenModifiers = ["declaration", "readonly", "defaultLibrary", "modification"] as const;

export type TokenType = (typeof tokenTypes)[number];
export type TokenModifier = (typeof tokenModifiers)[number];

export const legend: SemanticTokensLegend = { tokenTypes: [...tokenTypes], tokenModifiers: [...tokenModifiers] };

const typeIndex = new Map<TokenType, number>(tokenTypes.map((type, index) => [type, index]));
const modifierBit = new Map<TokenModifier, number>(tokenModifiers.map((modifier, index) => [modifier, 1 << index]));

interface Token {
  readonly start: number;
  readonly end: number;
  readonly type: number;
  readonly modifiers: number;
}

export class TokenList {
  private readonly tokens: Token[] = [];

  add(start: number, end: number, type: TokenType, modifiers: readonly TokenModifier[] = []): void {
    if (!(end > start) || start < 0) return;
    let bits = 0;
    for (const modifier of modifiers) bits |= modifierBit.get(modifier)!;
    this.tokens.push({ start, end, type: typeIndex.get(type)!, modifiers: bits });
  }

  /** The tokens, encoded by `builder` (a fresh one unless the caller keeps one to compute deltas). */
  encode(text: string, lines: TextDocument, builder = new SemanticTokensBuilder()): SemanticTokensBuilder {
    // Stable: of two tokens at one offset, the one added first wins.
    const sorted = this.tokens.map((token, order) => ({ token, order }));
    sorted.sort((a, b) => a.token.start - b.token.start || a.order - b.order);
    let covered = 0;
    for (const { token } of sorted) {
      if (token.start < covered || token.end > text.length) continue;
      covered = token.end;
      for (const [start, end] of lineSegments(text, token.start, token.end)) {
        const position = toLspPosition(lines, start);
        builder.push(position.line, position.character, end - start, token.type, token.modifiers);
      }
    }
    return builder;
  }
}

/** The pieces of `[start, end)` on each line, without the line ends (CR, LF or CRLF, as LSP counts them). */
function lineSegments(text: string, start: number, end: number): Array<[number, number]> {
  const segments: Array<[number, number]> = [];
  let from = start;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    if (i > from) segments.push([from, i]);
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    from = i + 1;
  }
  if (end > from) segments.push([from, end]);
  return segments;
}
