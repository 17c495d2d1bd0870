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

const opening: ReadonlySet<TokenType> = new Set([LBrace, LBracket, LParen]);
const closing: ReadonlySet<TokenType> = new Set([RBrace, RBracket, RParen]);

/** Index of the first bracket that opens deeper than `maxBracketDepth`, if one does. */
export function firstTooDeepBracket(tokens: readonly IToken[]): number | undefined {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (opening.has(type)) {
      if (++depth > maxBracketDepth) return i;
    } else if (closing.has(type) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
