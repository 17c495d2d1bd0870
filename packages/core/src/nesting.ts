/**
 * Limits on nesting. The parser, the checker, elaboration and every tool after them walk the tree
 * recursively; a file nested thousands of levels deep (generated, or hostile) would overflow the
 * stack. No real menu comes near these limits: ours nest a handful of levels.
 */
import type { IToken, TokenType } from "chevrotain";
import { LBrace, LBracket, LParen, RBrace, RBracket, RParen } from "./lexer.js";

/** Brackets (`{`, `[`, `(`) open at once. */
export const maxBracketDepth = 100;

/** Operators, `not`s and nested expressions along one path of an expression tree. */
export const maxExpressionDepth = 256;

/** Index of the first bracket that opens deeper than `maxBracketDepth`, if one does. */
export function firstTooDeepBracket(tokens: readonly IToken[]): number | undefined {
  // Every token of every file passes here: plain comparisons, not a set lookup per token.
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type: TokenType = tokens[i]!.tokenType;
    if (type === LBrace || type === LBracket || type === LParen) {
      if (++depth > maxBracketDepth) return i;
    } else if ((type === RBrace || type === RBracket || type === RParen) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
