import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import plugin from "@ipxm/prettier-plugin";
import { format, resolveConfig } from "prettier";
import { describe, expect, it } from "vitest";
import type { TextEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { formatDocument, formatRange, type FormatConfig } from "../src/features/formatting.js";
import { diffLines, splitLines } from "../src/features/formatting-diff.js";
import type { SourceDocument } from "../src/snapshot.js";
import { fixture } from "./support/fixture.js";
import { prefixesOf, repositoryFile } from "./support/prefixes.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const pluginFixtures = join(root, "packages/prettier-plugin/test/fixtures");

function documentOf(path: string, text: string): SourceDocument {
  return fixture({ [path]: text }).document(path);
}

/** The text after the editor applies the edits (LSP edits all refer to the text before any of them). */
function applied(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create("file:///x", "ipxm", 0, text), [...edits]);
}

/** What `ipxm fmt` prints: Prettier's own entry with the plugin, as the CLI calls it. */
function ipxmFmt(text: string, language: "ipxm" | "ipxe", options: FormatConfig = {}): Promise<string> {
  const input = language === "ipxe" ? text.replace(/\r(?!\n)/g, " ") : text;
  return format(input, { ...options, parser: language, plugins: [plugin] });
}

describe("formatting a whole document", () => {
  for (const language of ["ipxm", "ipxe"] as const) {
    const groups = readdirSync(join(pluginFixtures, language)).sort();
    for (const group of groups) {
      const directory = join(pluginFixtures, language, group);
      const optionsFile = join(directory, "options.json");
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as FormatConfig) : {};
      for (const input of readdirSync(directory).filter((file) => file.endsWith(`.in.${language}`))) {
        it(`gives what ipxm fmt prints for the formatter's fixture ${language}/${group}/${input}`, async () => {
          const text = readFileSync(join(directory, input), "utf8");
          const expected = readFileSync(join(directory, input.replace(".in.", ".out.")), "utf8");
          const document = documentOf(`/w/${input}`, text);
          const edits = await formatDocument(document, options);
          expect(applied(text, edits)).toBe(expected);
          expect(applied(text, edits)).toBe(await ipxmFmt(text, language, options));
        });
      }
    }
  }

  it("leaves the repository's menus as they are under its Prettier configuration, and reformats them as ipxm fmt does under others", async () => {
    const menus = join(root, "menus");
    for (const name of readdirSync(menus).filter((file) => file.endsWith(".ipxm"))) {
      const text = readFileSync(join(menus, name), "utf8");
      const document = documentOf(`/w/${name}`, text);
      // The configuration `ipxm fmt` (and the server) resolves for the file: the repository's printWidth 120.
      const config = ((await resolveConfig(join(menus, name), { editorconfig: true })) ?? {}) as FormatConfig;
      expect(config["printWidth"]).toBe(120);
      expect(await formatDocument(document, config), name).toEqual([]);
      const narrow = { printWidth: 60 };
      expect(applied(text, await formatDocument(document, narrow)), name).toBe(await ipxmFmt(text, "ipxm", narrow));
    }
  });

  it("changes only the lines that change: one edit per run of changed lines", async () => {
    const text = [
      'menu main "Main" {',
      '  item a "A" -> shell',
      "}",
      "",
      "const   x = 1",
      "const y = 2",
      "const   z = 3",
      "",
    ].join("\n");
    const edits = await formatDocument(documentOf("/w/a.ipxm", text), {});
    expect(edits).toEqual([
      { range: { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } }, newText: "const x = 1\n" },
      { range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, newText: "const z = 3\n" },
    ]);
  });

  it("passes the plugin's options through: aligned items, indented labels", async () => {
    const ipxe = "#!ipxe\n:start\necho hi\n";
    const indented = await formatDocument(documentOf("/w/a.ipxe", ipxe), { ipxeIndentLabels: true });
    expect(applied(ipxe, indented)).toBe("#!ipxe\n:start\n  echo hi\n");
    const menu = 'menu m "M" {\n  item a "A" -> shell\n  item long "Long text" -> shell\n}\n';
    const unaligned = await formatDocument(documentOf("/w/a.ipxm", menu), { ipxmAlignItems: false });
    expect(unaligned).toEqual([]);
    const aligned = await formatDocument(documentOf("/w/a.ipxm", menu), {});
    expect(applied(menu, aligned)).toBe(
      'menu m "M" {\n  item a    "A"         -> shell\n  item long "Long text" -> shell\n}\n',
    );
  });

  it("ignores a parser or plugins named by the configuration", async () => {
    const text = "const   x = 1\n";
    const edits = await formatDocument(documentOf("/w/a.ipxm", text), { parser: "babel", plugins: ["nothing"] });
    expect(applied(text, edits)).toBe("const x = 1\n");
  });

  it("returns no edits for a file with a syntax error, or one already formatted", async () => {
    expect(await formatDocument(documentOf("/w/a.ipxm", 'menu main "Main" {\n  item ->\n}\n'), {})).toEqual([]);
    expect(await formatDocument(documentOf("/w/a.ipxm", "const x = 1\n"), {})).toEqual([]);
  });

  it("reads a lone carriage return in an iPXE script as the space iPXE sees, as ipxm fmt does", async () => {
    const text = "#!ipxe\necho a\rb\n";
    const edits = await formatDocument(documentOf("/w/a.ipxe", text), {});
    expect(applied(text, edits)).toBe(await ipxmFmt(text, "ipxe"));
  });
});

describe("formatting a range", () => {
  const text = ["const   a = 1", "const b = 2", "const   c = 3", "const   d = 4", ""].join("\n");

  it("formats the whole file but returns only the changes on the selected lines", async () => {
    const document = documentOf("/w/a.ipxm", text);
    const edits = await formatRange(document, { start: { line: 2, character: 3 }, end: { line: 2, character: 5 } }, {});
    expect(edits).toEqual([
      {
        range: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } },
        newText: "const c = 3\nconst d = 4\n",
      },
    ]);
  });

  it("does not take the line a selection ends at the start of", async () => {
    const document = documentOf("/w/a.ipxm", text);
    const edits = await formatRange(document, { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } }, {});
    expect(applied(text, edits)).toBe(["const a = 1", "const b = 2", "const   c = 3", "const   d = 4", ""].join("\n"));
  });

  it("returns no edits for a range of a file with a syntax error", async () => {
    const document = documentOf("/w/a.ipxm", "const   a = 1\nconst = \n");
    expect(
      await formatRange(document, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, {}),
    ).toEqual([]);
  });
});

describe("formatting broken text", () => {
  it("gives no edits or exactly ipxm fmt's text, for prefixes of a menu file and of a script", async () => {
    const cases = [
      { path: "/w/main.ipxm", language: "ipxm" as const, text: repositoryFile("menus/main.ipxm") },
      {
        path: "/w/menu.ipxe",
        language: "ipxe" as const,
        text: repositoryFile("packages/eslint-plugin/test/fixtures/netbootxyz/menu.ipxe"),
      },
    ];
    for (const { path, language, text } of cases) {
      for (const { text: prefix, document } of prefixesOf(path, text, 11)) {
        const edits = await formatDocument(document, {});
        const whole = { start: { line: 0, character: 0 }, end: { line: prefix.split("\n").length, character: 0 } };
        expect(await formatRange(document, whole, {})).toEqual(edits);
        if (edits.length > 0) expect(applied(prefix, edits)).toBe(await ipxmFmt(prefix, language));
      }
    }
  });
});

describe("the line diff behind the edits", () => {
  const cases: Array<[string, string]> = [
    ["", "a\n"],
    ["a\n", ""],
    ["a\nb\nc\n", "a\nc\n"],
    ["a\nc\n", "a\nb\nc\n"],
    ["a\nb\nc\nd\n", "x\nb\ny\nd\nz\n"],
    ["a\r\nb\r\n", "a\nb\n"],
    ["no end", "no end\n"],
    ["1\n2\n3\n4\n5\n6\n", "6\n5\n4\n3\n2\n1\n"],
  ];
  for (const [before, after] of cases) {
    it(`turns ${JSON.stringify(before)} into ${JSON.stringify(after)}`, () => {
      const old = splitLines(before);
      const next = splitLines(after);
      let result = "";
      let line = 0;
      for (const hunk of diffLines(old, next)) {
        result += old.slice(line, hunk.oldStart).join("") + next.slice(hunk.newStart, hunk.newEnd).join("");
        line = hunk.oldEnd;
      }
      expect(result + old.slice(line).join("")).toBe(after);
    });
  }

  it("rebuilds the new text from the old for many random pairs, keeping a longest run of shared lines", () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const lines = (count: number) => Array.from({ length: count }, () => `${"abcd"[random(4)]}\n`);
    for (let round = 0; round < 300; round++) {
      const old = lines(random(12));
      const next = lines(random(12));
      let result = "";
      let line = 0;
      let kept = 0;
      for (const hunk of diffLines(old, next)) {
        expect(hunk.oldStart).toBeGreaterThanOrEqual(line);
        kept += hunk.oldStart - line;
        result += old.slice(line, hunk.oldStart).join("") + next.slice(hunk.newStart, hunk.newEnd).join("");
        line = hunk.oldEnd;
      }
      kept += old.length - line;
      expect(result + old.slice(line).join("")).toBe(next.join(""));
      expect(kept).toBe(longestCommonSubsequence(old, next));
    }
  });

  it("keeps the lines the texts share", () => {
    expect(diffLines(splitLines("a\nb\nc\nd\n"), splitLines("a\nB\nc\nd\nE\n"))).toEqual([
      { oldStart: 1, oldEnd: 2, newStart: 1, newEnd: 2 },
      { oldStart: 4, oldEnd: 4, newStart: 4, newEnd: 5 },
    ]);
  });

  it("replaces the middle in one hunk when the texts differ almost everywhere", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `old ${i}\n`);
    const after = Array.from({ length: 3000 }, (_, i) => `new ${i}\n`);
    expect(diffLines(before, after)).toEqual([{ oldStart: 0, oldEnd: 3000, newStart: 0, newEnd: 3000 }]);
  });
});

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  return table[a.length]![b.length]!;
}
