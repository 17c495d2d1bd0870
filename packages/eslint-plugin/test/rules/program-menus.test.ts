import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { utf8Length } from "../../src/rules/program-menus.js";

describe("utf8Length", () => {
  it("counts the bytes UTF-8 takes, a lone surrogate as the replacement character", () => {
    expect(utf8Length("Debian")).toBe(6);
    expect(utf8Length("é")).toBe(2);
    expect(utf8Length("€")).toBe(3);
    expect(utf8Length("😀")).toBe(4);
    expect(utf8Length("\uD800x")).toBe(4);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(utf8Length(text)).toBe(Buffer.byteLength(text, "utf8"));
      }),
    );
  });
});
