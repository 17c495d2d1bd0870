import { describe, expect, it } from "vitest";
import type { StringLiteral } from "../src/ast.js";
import { literalText, parse, unquotedRange } from "../src/index.js";

/** The string literal that is the value of `const s = …` in `source`. */
function literal(source: string): StringLiteral {
  const declaration = parse(source, "x.ipxm").ast.declarations[0];
  if (declaration?.kind !== "Const" || declaration.value.kind !== "String") throw new Error("no string constant");
  return declaration.value;
}

describe("literalText", () => {
  it("gives the text a string stands for, escapes decoded", () => {
    expect(literalText(literal('const s = "a\\tb \\$ c"\n'))).toBe("a\tb $ c");
    expect(literalText(literal('const s = ""\n'))).toBe("");
  });

  it("gives nothing for a string that interpolates", () => {
    expect(literalText(literal('const s = "v${n}"\n'))).toBeUndefined();
  });
});

describe("unquotedRange", () => {
  it("leaves out both quotes of a closed string", () => {
    const text = 'const s = "abc"\n';
    const range = unquotedRange(literal(text), text);
    expect(text.slice(range.start, range.end)).toBe("abc");
  });

  it("leaves out only the opening quote of a string cut short by the line end", () => {
    const text = 'const s = "abc\n';
    const range = unquotedRange(literal(text), text);
    expect(text.slice(range.start, range.end)).toBe("abc");
  });
});
