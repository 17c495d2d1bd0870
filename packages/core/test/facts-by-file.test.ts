import { describe, expect, it } from "vitest";
import { FactTable } from "../src/facts-by-file.js";

const node = (name: string) => ({ name });

describe("facts kept by file", () => {
  it("answers a fact in the file it was set in, and nowhere else", () => {
    const facts = new FactTable<{ name: string }, number>();
    const a = node("a");
    facts.set("one.ipxm", a, 1);
    expect(facts.get("one.ipxm", a)).toBe(1);
    expect(facts.get("two.ipxm", a)).toBeUndefined();
    expect(facts.get("one.ipxm", node("a"))).toBeUndefined();
  });

  it("keeps every file's facts when files take turns", () => {
    const facts = new FactTable<{ name: string }, string>();
    const [a, b, c, d] = ["a", "b", "c", "d"].map(node);
    facts.set("one.ipxm", a!, "a");
    expect(facts.get("two.ipxm", a!)).toBeUndefined();
    facts.set("two.ipxm", b!, "b");
    expect(facts.get("one.ipxm", a!)).toBe("a");
    facts.set("one.ipxm", c!, "c");
    expect(facts.get("two.ipxm", b!)).toBe("b");
    facts.set("two.ipxm", d!, "d");
    expect([...facts.inFile("one.ipxm")]).toEqual([
      [a, "a"],
      [c, "c"],
    ]);
    expect([...facts.inFile("two.ipxm")]).toEqual([
      [b, "b"],
      [d, "d"],
    ]);
  });

  it("forgets a deleted fact, and has none for a file it never saw", () => {
    const facts = new FactTable<{ name: string }, number>();
    const a = node("a");
    facts.set("one.ipxm", a, 1);
    facts.delete("one.ipxm", a);
    expect(facts.get("one.ipxm", a)).toBeUndefined();
    expect(facts.inFile("three.ipxm").size).toBe(0);
  });
});
