import { describe, expect, it } from "vitest";
import { analyze, loadWorkspace, parse } from "../src/index.js";
import { maxBracketDepth, maxExpressionDepth } from "../src/nesting.js";

const menu = 'menu main "m" {\n  item a "a" -> shell\n}\n';

/** Parse and analyse one file; what a tool does first with any input. */
function check(text: string) {
  const workspace = loadWorkspace(["/main.ipxm"], {
    readFile: (path) =>
      path === "/main.ipxm" ? { ok: true, text } : { ok: false, code: "file-not-found", message: "" },
  });
  return analyze(workspace);
}

describe("nesting limits", () => {
  it(`reads ${maxBracketDepth} nested brackets as usual`, () => {
    const text = `${menu}const x = ${"[".repeat(maxBracketDepth)}1${"]".repeat(maxBracketDepth)}\n`;
    expect(parse(text, "/main.ipxm").diagnostics).toEqual([]);
  });

  it("reports brackets nested deeper once, at the first bracket too deep, and reads no further", () => {
    const depth = 20_000;
    const text = `${menu}const x = ${"[".repeat(depth)}${"]".repeat(depth)}\nconst y = oops oops\n`;
    const { diagnostics } = parse(text, "/main.ipxm");
    expect(diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
    expect(diagnostics[0]!.range.start).toBe(text.indexOf("[") + maxBracketDepth);
    expect(check(text).diagnostics.map((d) => d.code)).toContain("nesting-too-deep");
  });

  it("stops deeply nested blocks the same way", () => {
    const blocks = "when platform == efi {\n".repeat(5000) + "}\n".repeat(5000);
    const text = `${menu}entry e() {\n${blocks}}\n`;
    expect(check(text).diagnostics.map((d) => d.code)).toContain("nesting-too-deep");
  });

  it("reports an operator chain longer than the limit instead of overflowing the stack", () => {
    const chain = Array.from({ length: 20_000 }, () => "true").join(" and ");
    const { diagnostics } = check(`${menu}const x = ${chain}\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
  });

  it("reports a long run of `not`s the same way", () => {
    const { diagnostics } = check(`${menu}const x = ${"not ".repeat(20_000)}true\n`);
    expect(diagnostics.map((d) => d.code)).toEqual(["nesting-too-deep"]);
  });

  it(`accepts an expression ${maxExpressionDepth - 2} operators long`, () => {
    const chain = Array.from({ length: maxExpressionDepth - 1 }, () => "true").join(" and ");
    expect(check(`${menu}const x = ${chain}\n`).diagnostics).toEqual([]);
  });

  it("counts parentheses and operators together along one path", () => {
    // Each level: the expression, two operators, and the parenthesised rest: 90 × 3 > 256 levels,
    // with fewer brackets than their own limit.
    const level = "true and true and (";
    const depth = 90;
    const text = `${menu}const x = ${level.repeat(depth)}true${")".repeat(depth)}\n`;
    const codes = check(text).diagnostics.map((d) => d.code);
    expect(codes).toContain("nesting-too-deep");
  });
});
