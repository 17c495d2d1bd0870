import { describe, expect, it } from "vitest";
import { textShift } from "../src/text-shift.js";

describe("carrying offsets over an edit", () => {
  it("keeps offsets before the change, moves those after it, and has none inside it", () => {
    const shift = textShift("abcdef", "abXYZdef");
    expect(shift.changed).toEqual({ start: 2, end: 5 });
    expect([0, 1].map(shift.fromOld)).toEqual([0, 1]);
    expect([3, 4, 5, 6].map(shift.fromOld)).toEqual([5, 6, 7, 8]);
    expect(shift.fromOld(2)).toBeUndefined();
    expect([2, 3, 4].map(shift.toOld)).toEqual([undefined, undefined, undefined]);
    expect(shift.toOld(5)).toBe(3);
  });

  it("reads a deletion as an empty change where the text went", () => {
    const shift = textShift("abcdef", "abef");
    expect(shift.changed).toEqual({ start: 2, end: 2 });
    expect(shift.toOld(2)).toBe(4);
    expect(shift.fromOld(3)).toBeUndefined();
  });

  it("takes a repeated character to be inserted once, wherever the run of it is", () => {
    const shift = textShift("aa", "aaa");
    expect(shift.changed.end - shift.changed.start).toBe(1);
    expect(shift.fromOld(0)).toBe(0);
  });

  it("maps everything to itself when nothing changed", () => {
    const shift = textShift("same", "same");
    expect(shift.changed).toEqual({ start: 4, end: 4 });
    expect(shift.toOld(2)).toBe(2);
  });
});
