import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeName, LabelAllocator } from "../src/labels.js";

describe("names written bare into a script", () => {
  it("are letters and digits of any script, _, and . or - after the first character", () => {
    const character = fc.constantFrom(
      "a",
      "Z",
      "7",
      "_",
      ".",
      "-",
      " ",
      "$",
      "{",
      "#",
      ":",
      "é",
      "Ж",
      "٣",
      "🙂",
      "\u00a0",
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 6 }), (characters) => {
        const name = characters.join("");
        expect(isSafeName(name)).toBe(/^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(name));
      }),
      { numRuns: 500 },
    );
  });

  it("takes the usual labels", () => {
    expect(["main", "debian-12", "linux.skip.1", "_x", "9am", "ubuntu_24.04"].every(isSafeName)).toBe(true);
    expect(["", ".a", "-a", "a b", "a${b}", "a#"].some(isSafeName)).toBe(false);
  });
});

describe("the label allocator", () => {
  it("hands out the preferred label, then numbered ones", () => {
    const labels = new LabelAllocator();
    expect(labels.reserve("main")).toBe(true);
    expect(labels.allocate("main")).toBe("main.2");
    expect(labels.allocate("main")).toBe("main.3");
    expect(labels.allocateNumbered("main", "skip", { next: 1 })).toBe("main.skip.1");
    expect(labels.reserve("main")).toBe(false);
  });
});
