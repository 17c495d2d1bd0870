import { CstParser, createToken, Lexer, LLkLookaheadStrategy, type ILookaheadStrategy } from "chevrotain";
import { describe, expect, it } from "vitest";
import { GateReadingLookahead } from "../src/lookahead.js";

// A small grammar with what the ipxm operand has: a token category, alternatives two tokens deep,
// and a gated alternative that overlaps the ones before it.
const Word = createToken({ name: "Word", pattern: Lexer.NA });
const Plain = createToken({ name: "Plain", pattern: /[a-z]+/, categories: [Word] });
const Key = createToken({ name: "Key", pattern: /K/, categories: [Word] });
const Open = createToken({ name: "Open", pattern: /\(/ });
const Number = createToken({ name: "Number", pattern: /[0-9]+/ });
const Space = createToken({ name: "Space", pattern: / +/, group: Lexer.SKIPPED });
const tokens = [Space, Key, Plain, Open, Number, Word];

class ChoiceParser extends CstParser {
  gates = { key: true, word: true };
  chosen = -1;

  constructor(lookaheadStrategy: ILookaheadStrategy) {
    super(tokens, { maxLookahead: 3, lookaheadStrategy, recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  choice = this.RULE("choice", () => {
    this.OR([
      { ALT: () => this.pick(0, () => (this.CONSUME(Key), this.CONSUME(Open))) },
      { GATE: () => this.gates.key, ALT: () => this.pick(1, () => this.CONSUME2(Key)) },
      { ALT: () => this.pick(2, () => this.CONSUME(Number)) },
      { GATE: () => this.gates.word, ALT: () => this.pick(3, () => this.CONSUME(Word)), IGNORE_AMBIGUITIES: true },
      { ALT: () => this.pick(4, () => (this.CONSUME2(Open), this.CONSUME2(Number))) },
    ]);
  });

  private pick(index: number, consume: () => unknown): void {
    this.ACTION(() => (this.chosen = index));
    consume();
  }
}

const lexer = new Lexer(tokens);
const ours = new ChoiceParser(new GateReadingLookahead({ maxLookahead: 3 }));
const chevrotains = new ChoiceParser(new LLkLookaheadStrategy({ maxLookahead: 3 }));

function choose(parser: ChoiceParser, text: string, gates: ChoiceParser["gates"]): number {
  parser.gates = gates;
  parser.chosen = -1;
  parser.input = lexer.tokenize(text).tokens;
  parser.choice();
  return parser.errors.length > 0 ? -1 : parser.chosen;
}

describe("the lookahead of gated alternatives", () => {
  const words = ["K", "a", "(", "1", ""];
  const inputs = words.flatMap((first) => words.map((second) => `${first} ${second}`.trim()));
  const gateSettings = [true, false].flatMap((key) => [true, false].map((word) => ({ key, word })));

  it("chooses what Chevrotain's own lookahead chooses, for every input and every state of the gates", () => {
    for (const text of inputs) {
      for (const gates of gateSettings) {
        expect({ text, gates, chosen: choose(ours, text, gates) }).toEqual({
          text,
          gates,
          chosen: choose(chevrotains, text, gates),
        });
      }
    }
  });

  it("takes the first matching alternative whose gate is open", () => {
    expect(choose(ours, "K", { key: true, word: true })).toBe(1);
    expect(choose(ours, "K", { key: false, word: true })).toBe(3);
    expect(choose(ours, "K (", { key: true, word: true })).toBe(0);
    expect(choose(ours, "a", { key: true, word: false })).toBe(-1);
  });
});
