/**
 * The bracket pairs of an `.ipxm` text (`{ }`, `[ ]`, `( )`), read from core's lexer, so that what
 * it skips is skipped here too: strings (whose `${…}` holds braces), comments, and the inside of raw
 * `ipxe { … }` blocks (iPXE lines, whose quotes and `#` mean nothing to ipxm). Lexing the text
 * rather than walking the AST keeps the folds of a file that does not parse at the moment.
 */
import {
  LBrace,
  LBracket,
  LParen,
  RawBlock,
  RBrace,
  RBracket,
  RParen,
  tokenize,
  type RawBlockPayload,
} from "@ipxm/core";

export interface BracketPair {
  readonly open: number;
  readonly close: number;
}

type BracketToken = typeof LBrace;

const closerOf: ReadonlyMap<BracketToken, BracketToken> = new Map([
  [LBrace, RBrace],
  [LBracket, RBracket],
  [LParen, RParen],
]);
const closers: ReadonlySet<BracketToken> = new Set([RBrace, RBracket, RParen]);

export function bracketPairs(text: string): BracketPair[] {
  const pairs: BracketPair[] = [];
  const open: { closer: BracketToken; at: number }[] = [];
  for (const token of tokenize(text).tokens) {
    const type = token.tokenType;
    const closer = closerOf.get(type);
    if (closer) {
      open.push({ closer, at: token.startOffset });
    } else if (closers.has(type)) {
      // A stray closer (half-typed code) closes the nearest opener of its kind, if any.
      let k = open.length - 1;
      while (k >= 0 && open[k]!.closer !== type) k--;
      if (k >= 0) {
        pairs.push({ open: open[k]!.at, close: token.startOffset });
        open.length = k;
      }
    } else if (type === RawBlock) {
      // An unclosed raw block swallows the rest of the file, as the lexer reads it: no pair.
      const raw = token.payload as RawBlockPayload;
      if (raw.terminated) pairs.push({ open: raw.textStart - 1, close: raw.textEnd });
    }
  }
  return pairs.sort((a, b) => a.open - b.open);
}
