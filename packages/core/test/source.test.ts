import { describe, expect, it } from "vitest";
import { SourceText } from "../src/source.js";

describe("SourceText", () => {
  const source = new SourceText("a.ipxm", "ab\ncd\r\n\nef");

  it("maps offsets to 1-based lines and columns", () => {
    expect(source.positionAt(0)).toEqual({ line: 1, column: 1 });
    expect(source.positionAt(3)).toEqual({ line: 2, column: 1 });
    expect(source.positionAt(4)).toEqual({ line: 2, column: 2 });
    expect(source.positionAt(7)).toEqual({ line: 3, column: 1 });
    expect(source.positionAt(9)).toEqual({ line: 4, column: 2 });
  });

  it("clamps offsets past the end", () => {
    expect(source.positionAt(99)).toEqual({ line: 4, column: 3 });
  });

  it("returns a line's text without its line end", () => {
    expect(source.lineText(2)).toBe("cd");
    expect(source.lineText(3)).toBe("");
    expect(source.lineText(4)).toBe("ef");
  });
});
