/**
 * Tokenises text with the generated grammars the way VS Code does: vscode-textmate on the Oniguruma
 * WebAssembly build, one line at a time with the rule stack carried over.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as oniguruma from "vscode-oniguruma";
import { INITIAL, parseRawGrammar, Registry } from "vscode-textmate";
import type { IGrammar, StateStack } from "vscode-textmate";
import type { Grammar } from "../src/grammars/textmate.js";

const require = createRequire(import.meta.url);

let onigLoaded: Promise<void> | undefined;

function loadOniguruma(): Promise<void> {
  onigLoaded ??= oniguruma.loadWASM(readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")));
  return onigLoaded;
}

export interface Token {
  readonly text: string;
  readonly start: number;
  readonly scopes: readonly string[];
}

export class TokenizedLine {
  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
  ) {}

  /**
   * The scopes of `needle` (its `occurrence`-th appearance on the line). Every character of the needle
   * must carry the same scopes, so a test cannot pass on a token that merely overlaps it.
   */
  scopesOf(needle: string, occurrence = 1): readonly string[] {
    const covering = this.tokensOf(needle, occurrence);
    const first = covering[0]!;
    for (const token of covering) {
      if (token.scopes.join(" ") !== first.scopes.join(" ")) {
        throw new Error(`${JSON.stringify(needle)} spans tokens with different scopes: ${describe(covering)}`);
      }
    }
    return first.scopes;
  }

  /** The scopes every character of `needle` carries, for a construct made of several tokens (`"text"`). */
  commonScopesOf(needle: string, occurrence = 1): readonly string[] {
    const [first, ...rest] = this.tokensOf(needle, occurrence);
    return first!.scopes.filter((scope) => rest.every((token) => token.scopes.includes(scope)));
  }

  private tokensOf(needle: string, occurrence: number): Token[] {
    let start = -1;
    for (let seen = 0; seen < occurrence; seen++) {
      start = this.text.indexOf(needle, start + 1);
      if (start < 0) throw new Error(`${JSON.stringify(needle)} (#${occurrence}) not in ${JSON.stringify(this.text)}`);
    }
    const end = start + needle.length;
    return this.tokens.filter((token) => token.start < end && token.start + token.text.length > start);
  }
}

function describe(tokens: readonly Token[]): string {
  return tokens.map((token) => `${JSON.stringify(token.text)} [${token.scopes.join(" ")}]`).join(", ");
}

export class Highlighter {
  private constructor(private readonly grammar: IGrammar) {}

  /** A highlighter for `scopeName`, with every grammar of `grammars` available for includes. */
  static async create(scopeName: string, grammars: readonly Grammar[]): Promise<Highlighter> {
    await loadOniguruma();
    const registry = new Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
        createOnigString: (text: string) => oniguruma.createOnigString(text),
      }),
      loadGrammar: async (scope) => {
        const grammar = grammars.find((candidate) => candidate.scopeName === scope);
        return grammar === undefined ? null : parseRawGrammar(JSON.stringify(grammar), `${scope}.json`);
      },
    });
    const grammar = await registry.loadGrammar(scopeName);
    if (grammar === null) throw new Error(`no grammar for ${scopeName}`);
    return new Highlighter(grammar);
  }

  /** Tokenises a whole document; line `i` of the result is line `i` of the text. */
  lines(text: string): TokenizedLine[] {
    let state: StateStack = INITIAL;
    return text.split("\n").map((line) => {
      const result = this.grammar.tokenizeLine(line, state);
      state = result.ruleStack;
      const tokens = result.tokens.map((token) => ({
        text: line.slice(token.startIndex, token.endIndex),
        start: token.startIndex,
        scopes: token.scopes,
      }));
      return new TokenizedLine(line, tokens);
    });
  }

  /** Tokenises one line of a document that starts with it. */
  line(text: string): TokenizedLine {
    return this.lines(text)[0]!;
  }
}
