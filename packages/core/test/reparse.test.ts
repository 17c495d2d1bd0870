import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeDiagnostic, parse, reparse, wasHandedOver, type ParsedText } from "../src/index.js";

const menusFolder = path.join(import.meta.dirname, "../../../menus");
const menus = fs
  .readdirSync(menusFolder)
  .filter((name) => name.endsWith(".ipxm"))
  .sort()
  .map((name) => fs.readFileSync(path.join(menusFolder, name), "utf8"));

const three = `const a = 1
menu main "Main" {
  item "One" -> boot one()
}
entry one() {
  echo "one"
}
`;

const parsed = (text: string): ParsedText => ({ text, result: parse(text, "f.ipxm") });

describe("reparse", () => {
  it("keeps the declarations before the edit and moves those after it", () => {
    const before = parsed(three);
    const text = three.replace('"Main"', '"Main menu"');
    const result = reparse(before, text, "f.ipxm");

    expect(result).toEqual(parse(text, "f.ipxm"));
    const [kept, , moved] = result.ast.declarations;
    expect(kept).toBe(before.result.ast.declarations[0]);
    expect(moved).not.toBe(before.result.ast.declarations[2]);
    expect(moved!.start).toBe(before.result.ast.declarations[2]!.start + " menu".length);
  });

  it("moves the declarations after the edit in place when the previous parse is handed over", () => {
    const before = parsed(three);
    const last = before.result.ast.declarations[2]!;
    const { start, end } = last;
    const madeFromTheOldTree = makeDiagnostic("syntax-error", "at the last declaration", "f.ipxm", last);
    const text = three.replace('"Main"', '"Main menu"');
    const result = reparse(before, text, "f.ipxm", { inPlace: true });

    expect(result).toEqual(parse(text, "f.ipxm"));
    expect(result.ast.declarations[2]).toBe(last);
    expect(last).toMatchObject({ start: start + " menu".length, end: end + " menu".length });
    // The node moved; a diagnostic made from the old tree keeps its own offsets where they were.
    expect(madeFromTheOldTree.range).toEqual({ start, end });
    expect(wasHandedOver(before.result.ast)).toBe(true);
    expect(wasHandedOver(result.ast)).toBe(false);
  });

  it("parses the whole text again from a parse that was handed over", () => {
    const before = parsed(three);
    reparse(before, three.replace('"Main"', '"Main menu"'), "f.ipxm", { inPlace: true });
    const text = three.replace('"one"', '"two"');
    const result = reparse(before, text, "f.ipxm");
    expect(result).toEqual(parse(text, "f.ipxm"));
    expect(result.ast.declarations[0]).not.toBe(before.result.ast.declarations[0]);
  });

  it("finds the unchanged start and end of long texts exactly, a block at a time", () => {
    // A digit changed right at the first and the last block boundary the search passes: a search one
    // character off would keep the old constant.
    const constant = (name: string) => `const ${name} = 1234567890123\n`;
    const head = `// ${"-".repeat(2032)}\n${constant("a")}`;
    const tail = `${constant("z")}// ${"-".repeat(2032)}\n`;
    const text = head + three + tail;
    const last = text.length - 2049;
    for (const places of [[2048], [last], [2048, last]]) {
      let edited = text;
      for (const at of places) {
        expect(text[at]).toMatch(/[0-9]/);
        edited = edited.slice(0, at) + String((Number(text[at]) + 1) % 10) + edited.slice(at + 1);
      }
      expect(reparse(parsed(text), edited, "f.ipxm")).toEqual(parse(edited, "f.ipxm"));
    }
  });

  it("returns the previous parse when the text did not change", () => {
    const before = parsed(three);
    expect(reparse(before, three, "f.ipxm")).toBe(before.result);
  });

  it("parses everything again after a parse with errors", () => {
    const broken = three.replace("-> boot one()", "-> boot one(");
    const before = parsed(broken);
    const text = broken.replace('"one"', '"two"');
    const result = reparse(before, text, "f.ipxm");
    expect(result).toEqual(parse(text, "f.ipxm"));
    expect(result.ast.declarations[0]).not.toBe(before.result.ast.declarations[0]);
  });

  it("keeps the other declarations while the one being typed into has an error", () => {
    const typing = three.replace('echo "one"', 'echo "one');
    const before = parsed(typing);
    expect(before.result.diagnostics).not.toEqual([]);
    const result = reparse(before, three, "f.ipxm");
    expect(result).toEqual(parse(three, "f.ipxm"));
    expect(result.ast.declarations[0]).toBe(before.result.ast.declarations[0]);
  });

  it("sees a comment opened in one declaration swallow the ones after it", () => {
    const before = parsed(three);
    const text = three.replace('item "One"', '/* item "One"');
    expect(reparse(before, text, "f.ipxm")).toEqual(parse(text, "f.ipxm"));
  });

  it("gives what parse gives after any sequence of edits", () => {
    const fragments = [
      "\n",
      " ",
      '"',
      "\\",
      "{",
      "}",
      "(",
      ")",
      "//",
      "/*",
      "*/",
      "ipxe {",
      "ipxe",
      "${",
      "menu m {\n}\n",
      "entry e() {\n}\n",
      'const c = "v"\n',
      "setting s: string",
      "= 5m",
      "-> back",
      " and ",
      ".",
      "é",
      "\uFEFF",
    ];
    /** What a keystroke or a paste does to the text; `at`, `to` and `length` are fractions of it. */
    const edit = fc.oneof(
      // Typing that keeps most files well formed: letters, spaces, line breaks.
      fc.record({
        kind: fc.constant("type" as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        inserted: fc.constantFrom("x", "ab", " ", "\n", "\n\n", "1"),
      }),
      // Anything, anywhere: brackets, quotes, comments, keywords, cut text.
      fc.record({
        kind: fc.constant("break" as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        removed: fc.nat({ max: 30 }),
        inserted: fc.array(fc.constantFrom(...fragments), { maxLength: 3 }).map((parts) => parts.join("")),
      }),
      // Whole lines cut, or copied to another line start.
      fc.record({
        kind: fc.constantFrom("cut lines" as const, "paste lines" as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        length: fc.double({ min: 0, max: 0.3, noNaN: true }),
        to: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    );
    type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;
    const lineStart = (text: string, fraction: number) => {
      const at = Math.floor(fraction * text.length);
      return text.lastIndexOf("\n", at - 1) + 1;
    };
    const apply = (text: string, change: Edit): string => {
      if (change.kind === "type" || change.kind === "break") {
        const at = Math.floor(change.at * text.length);
        const removed = change.kind === "break" ? change.removed : 0;
        return text.slice(0, at) + change.inserted + text.slice(at + removed);
      }
      const from = lineStart(text, change.at);
      const end = lineStart(text, Math.min(1, change.at + change.length));
      const lines = text.slice(from, end);
      if (change.kind === "cut lines") return text.slice(0, from) + text.slice(end);
      const to = lineStart(text, change.to);
      return text.slice(0, to) + lines + text.slice(to);
    };

    // Every menu file in one text too: long enough that the unchanged start and end are found a block at a time.
    const samples = [three, ...menus, menus.join("\n")];
    let edits = 0;
    let reusing = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: samples.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (which, changes, inPlace) => {
          let previous = parsed(samples[which]!);
          for (const change of changes) {
            const text = apply(previous.text, change);
            const result = reparse(previous, text, "f.ipxm", { inPlace });
            expect(result).toEqual(parse(text, "f.ipxm"));
            edits++;
            const kept = new Set<object>(previous.result.ast.declarations);
            if (result.ast.declarations.some((declaration) => kept.has(declaration))) reusing++;
            previous = { text, result };
          }
        },
      ),
      { numRuns: 400 },
    );
    // The comparison proves something only if a good share of the edits took the reusing path.
    expect(reusing / edits).toBeGreaterThan(0.2);
  });
});
