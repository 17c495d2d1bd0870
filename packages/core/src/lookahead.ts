/**
 * Chevrotain's LL(k) lookahead with one change, for alternations that have a gated alternative.
 * Chevrotain's own function for those copies the gates of every alternative into a new array on
 * every call; the operand of every value is such an alternation, so on a 4 MB site that was
 * 29 MB of garbage per parse. This one reads each gate where it is needed and makes nothing. The paths
 * are Chevrotain's (`getLookaheadPaths`), tried in the same order, so the choice is the same.
 */
import { getLookaheadPaths, LLkLookaheadStrategy, tokenMatcher } from "chevrotain";
import type { IOrAlt, IToken, Rule, TokenType } from "chevrotain";

/** The parser as a lookahead function sees it (`this`). */
interface LookingParser {
  LA(howMuch: number): IToken;
}

export class GateReadingLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: {
    prodOccurrence: number;
    rule: Rule;
    maxLookahead: number;
    hasPredicates: boolean;
    dynamicTokensEnabled: boolean;
  }): (orAlts?: IOrAlt<unknown>[]) => number | undefined {
    if (!options.hasPredicates) return super.buildLookaheadForAlternation(options);
    const paths: TokenType[][][] = getLookaheadPaths({
      occurrence: options.prodOccurrence,
      rule: options.rule,
      prodType: "Alternation",
      maxLookahead: options.maxLookahead,
    });
    return function (this: LookingParser, orAlts?: IOrAlt<unknown>[]): number | undefined {
      for (let alternative = 0; alternative < paths.length; alternative++) {
        const gate = orAlts?.[alternative]?.GATE;
        if (gate !== undefined && !gate.call(this)) continue;
        for (const path of paths[alternative]!) if (startsHere(this, path)) return alternative;
      }
      return undefined;
    };
  }
}

/** Whether the next tokens are `path` (an empty path always matches). */
function startsHere(parser: LookingParser, path: readonly TokenType[]): boolean {
  for (let index = 0; index < path.length; index++) {
    if (!tokenMatcher(parser.LA(index + 1), path[index]!)) return false;
  }
  return true;
}
