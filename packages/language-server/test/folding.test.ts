import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import { foldingRanges } from "../src/features/folding.js";
import { fixture } from "./support/fixture.js";
import { prefixesOf, repositoryFile } from "./support/prefixes.js";

const menus = new URL("../../../menus/", import.meta.url);
const netbootxyz = new URL("../../eslint-plugin/test/fixtures/netbootxyz/", import.meta.url);

function folds(path: string, text: string): FoldingRange[] {
  const fx = fixture({ [path]: text });
  return foldingRanges(fx.snapshot(), fx.document(path));
}

/** [startLine, endLine, kind] of each range. */
function shape(ranges: readonly FoldingRange[]): Array<[number, number, string | undefined]> {
  return ranges.map((range) => [range.startLine, range.endLine, range.kind]);
}

describe("folding an .ipxm file", () => {
  it("folds each block over more than one line, keeping its closing brace visible", () => {
    const text = [
      'menu main "Main" {', // 0
      '  item a "A" -> shell', // 1
      "  when platform == efi {", // 2
      '    item b "B" -> shell', // 3
      "  } else {", // 4
      '    item c "C" -> shell', // 5
      "  }", // 6
      "}", // 7
      "entry e() { boot }", // 8
      "const list = [", // 9
      '  { name: "a" },', // 10
      "]", // 11
    ].join("\n");
    expect(shape(folds("/w/a.ipxm", text))).toEqual([
      [0, 6, undefined],
      [2, 3, undefined],
      [4, 5, undefined],
      [9, 10, undefined],
    ]);
  });

  it("folds to the closing brace's line when code comes before it on that line", () => {
    const text = ["entry e() {", '  echo "a"', "  boot }"].join("\n");
    expect(shape(folds("/w/a.ipxm", text))).toEqual([[0, 2, undefined]]);
  });

  it("does not take braces inside strings, comments or raw ipxe blocks for blocks", () => {
    const text = [
      'const a = "${x} {"', // 0
      "// {", // 1
      "entry e() {", // 2
      "  ipxe {", // 3
      "    echo \"it's ${net0/mac} // x", // 4
      "  }", // 5
      "  /* } */ boot", // 6
      "}", // 7
    ].join("\n");
    expect(shape(folds("/w/a.ipxm", text))).toEqual([
      [2, 6, undefined],
      [3, 4, undefined],
    ]);
  });

  it("reads `if ipxe {` as the lexer does: a condition on a constant, not a raw block", () => {
    const text = [
      "const ipxe = true", // 0
      "entry e() {", // 1
      "  if ipxe {", // 2
      '    echo "}"', // 3
      "    boot", // 4
      "  }", // 5
      "}", // 6
    ].join("\n");
    expect(shape(folds("/w/a.ipxm", text))).toEqual([
      [1, 5, undefined],
      [2, 4, undefined],
    ]);
  });

  it("folds block comments, runs of two or more line comments, and runs of imports", () => {
    const text = [
      "// The main menu.", // 0
      "// Boots the disk.", // 1
      'import "./a.ipxm"', // 2
      'import "./b.ipxm"', // 3
      'import "./c.ipxm"', // 4
      "/* one", // 5
      "   two */", // 6
      "// alone", // 7
      "", // 8
      "const x = 1 // after code", // 9
      "// next", // 10
      'import "./d.ipxm"', // 11
    ].join("\n");
    const fx = fixture({ "/w/main.ipxm": text, "/w/a.ipxm": "", "/w/b.ipxm": "", "/w/c.ipxm": "", "/w/d.ipxm": "" });
    expect(shape(foldingRanges(fx.snapshot(), fx.document("/w/main.ipxm")))).toEqual([
      [0, 1, FoldingRangeKind.Comment],
      [2, 4, FoldingRangeKind.Imports],
      [5, 6, FoldingRangeKind.Comment],
    ]);
  });

  it("still folds the blocks of a file that does not parse", () => {
    const text = ['menu main "Main" {', "  item ->", '  item b "B" -> shell', "}"].join("\n");
    expect(shape(folds("/w/a.ipxm", text))).toEqual([[0, 2, undefined]]);
  });

  it("folds every menu and entry of every file in menus/", () => {
    for (const name of readdirSync(menus).filter((file) => file.endsWith(".ipxm"))) {
      const text = readFileSync(new URL(name, menus), "utf8");
      const lines = text.split("\n");
      const ranges = folds(`/w/${name}`, text);
      const starts = new Set(ranges.map((range) => range.startLine));
      lines.forEach((line, index) => {
        const opensBlock = /^(menu|entry) .*\{$/.test(line);
        const closesOnNextLine = lines[index + 1] === "}";
        if (opensBlock && !closesOnNextLine) expect(starts, `${name}:${index + 1}`).toContain(index);
      });
      for (const range of ranges) {
        expect(range.startLine).toBeLessThan(range.endLine);
        expect(range.endLine).toBeLessThan(lines.length);
      }
      expect(ranges.map((range) => range.startLine)).toEqual([...starts].sort((a, b) => a - b));
    }
  });

  it("folds the imports and the main menu of menus/main.ipxm", () => {
    const text = readFileSync(new URL("main.ipxm", menus), "utf8");
    const lines = text.split("\n");
    const menuLine = lines.findIndex((line) => line.startsWith("menu main"));
    const closing = lines.indexOf("}", menuLine);
    expect(shape(folds("/w/main.ipxm", text))).toEqual([
      [1, 6, FoldingRangeKind.Imports],
      [menuLine, closing - 1, undefined],
    ]);
  });
});

describe("folding an iPXE script", () => {
  it("folds each label's section up to its last line with content", () => {
    const text = ["#!ipxe", ":start", "dhcp", "goto menu", "", ":menu", "echo hi", "", ":end"].join("\n");
    expect(shape(folds("/w/a.ipxe", text))).toEqual([
      [1, 3, FoldingRangeKind.Region],
      [5, 6, FoldingRangeKind.Region],
    ]);
  });

  it("folds runs of comment lines, and a menu's item lines under its menu line", () => {
    const text = [
      "#!ipxe", // 0
      "# Boot menu for the lab.", // 1
      "# Edit with care.", // 2
      "", // 3
      "menu Pick one", // 4
      "item a Alpha", // 5
      "item --gap", // 6
      "item b Beta", // 7
      "choose x && goto ${x}", // 8
      "# alone", // 9
    ].join("\n");
    expect(shape(folds("/w/a.ipxe", text))).toEqual([
      [0, 2, FoldingRangeKind.Comment],
      [4, 7, undefined],
    ]);
  });

  it("folds the sections and the menu of a real script", () => {
    const text = readFileSync(new URL("menu.ipxe", netbootxyz), "utf8");
    const lines = text.split("\n");
    const ranges = folds("/w/menu.ipxe", text);
    const labelLines = lines.flatMap((line, index) => (line.startsWith(":") ? [index] : []));
    const sections = ranges.filter((range) => range.kind === FoldingRangeKind.Region).map((range) => range.startLine);
    // Every label whose section holds more than its own line.
    for (const line of labelLines) {
      const next = labelLines.find((other) => other > line) ?? lines.length;
      const content = lines.slice(line + 1, next).some((text) => text.trim() !== "");
      if (content) expect(sections).toContain(line);
    }
    const menuLine = lines.findIndex((line) => line.startsWith("menu "));
    const lastItem = lines.findLastIndex((line) => /(^|&& )item /.test(line));
    expect(ranges).toContainEqual({ startLine: menuLine, endLine: lastItem });
  });
});

describe("folding broken text", () => {
  it("answers for every prefix of a menu file and of a script, with well-formed ranges", () => {
    const cases = [
      { path: "/w/bsd.ipxm", text: repositoryFile("menus/bsd.ipxm") },
      { path: "/w/menu.ipxe", text: repositoryFile("packages/eslint-plugin/test/fixtures/netbootxyz/menu.ipxe") },
    ];
    for (const { path, text } of cases) {
      for (const prefix of prefixesOf(path, text, 3)) {
        const lineCount = prefix.text.split("\n").length;
        for (const range of foldingRanges(prefix.snapshot, prefix.document)) {
          expect(range.startLine).toBeLessThan(range.endLine);
          expect(range.endLine).toBeLessThan(lineCount);
        }
      }
    }
  });
});
