import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeStringLiteral } from "../src/strings.js";

/** One piece of a string literal: how it is written and what it stands for. */
interface Piece {
  readonly written: string;
  readonly text?: string;
  readonly name?: string;
}

const plainCharacter = fc.constantFrom("a", "Z", "0", " ", "-", "/", ":", "{", "}", "é", "€", "\t");
const piece: fc.Arbitrary<Piece> = fc.oneof(
  fc
    .array(plainCharacter, { minLength: 1, maxLength: 6 })
    .map((chars): Piece => ({ written: chars.join(""), text: chars.join("") })),
  fc.constantFrom<Piece>(
    { written: "\\n", text: "\n" },
    { written: "\\t", text: "\t" },
    { written: "\\\\", text: "\\" },
    { written: '\\"', text: '"' },
    { written: "\\$", text: "$" },
    { written: "$x", text: "$x" },
    { written: "$ ", text: "$ " },
  ),
  fc.constantFrom("a", "mirror", "base_url", "v-2").map((name): Piece => ({ written: `\${${name}}`, name })),
);

/** The parts a list of pieces should decode to: adjacent text merged, interpolations apart. */
function expectedParts(pieces: readonly Piece[]): string[] {
  const parts: string[] = [];
  let text: string | undefined;
  for (const p of pieces) {
    if (p.name === undefined) {
      text = (text ?? "") + p.text!;
      continue;
    }
    if (text !== undefined) parts.push(`text:${text}`);
    text = undefined;
    parts.push(`name:${p.name}`);
  }
  if (text !== undefined) parts.push(`text:${text}`);
  return parts;
}

describe("decoding string literals", () => {
  it("gives the text and interpolations written, each with the range it was written at", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(50), (pieces, offset) => {
        const image = `"${pieces.map((p) => p.written).join("")}"`;
        const source = " ".repeat(offset) + image;
        const problems: string[] = [];
        const literal = decodeStringLiteral(image, offset, true, (code) => problems.push(code));
        // The pieces never write `${` but for an interpolation, nor an unknown escape.
        expect(problems).toEqual([]);
        expect(literal).toMatchObject({ start: offset, end: offset + image.length });
        expect(
          literal.parts.map((part) => (part.kind === "Text" ? `text:${part.value}` : `name:${part.name.name}`)),
        ).toEqual(expectedParts(pieces));
        // The parts' ranges tile the text between the quotes, in order.
        let at = offset + 1;
        for (const part of literal.parts) {
          expect(part.start).toBe(at);
          expect(part.end).toBeGreaterThan(at);
          at = part.end;
          if (part.kind === "Interpolation") {
            expect(source.slice(part.start, part.end)).toBe(`\${${part.name.name}}`);
            expect(source.slice(part.name.start, part.name.end)).toBe(part.name.name);
          }
        }
        expect(at).toBe(offset + image.length - 1);
      }),
      { numRuns: 500 },
    );
  });
});
