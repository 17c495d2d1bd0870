import { makeDiagnostic, SourceText, type Diagnostic } from "@ipxm/core";
import { describe, expect, it } from "vitest";
import { formatCounts, formatDiagnostic, formatDiagnostics } from "../src/printer.js";

const cwd = "/work/site";
const plain = { cwd, colour: false };

function sourceOf(name: string, text: string): Map<string, SourceText> {
  return new Map([[name, new SourceText(name, text)]]);
}

/** The range of the first occurrence of `needle` in `text`. */
function rangeOf(text: string, needle: string): { start: number; end: number } {
  const start = text.indexOf(needle);
  if (start < 0) throw new Error(`${needle} not in text`);
  return { start, end: start + needle.length };
}

describe("printing a diagnostic", () => {
  const text = 'menu main "Boot" {\n  item linux "Linux" -> menu linx\n}\n';
  const sources = sourceOf("menus/main.ipxm", text);
  const unknownMenu = makeDiagnostic(
    "unknown-name",
    'no menu "linx"; did you mean "linux"?',
    "menus/main.ipxm",
    rangeOf(text, "linx\n"),
  );

  it("shows the location, severity, message and code, the line and a caret under the range", () => {
    const diagnostic = { ...unknownMenu, range: rangeOf(text, "linx") };
    expect(formatDiagnostic(diagnostic, sources, plain)).toBe(
      [
        'menus/main.ipxm:2:30  error  no menu "linx"; did you mean "linux"?  unknown-name',
        '  2 |   item linux "Linux" -> menu linx',
        "    |                              ^^^^",
        "",
      ].join("\n"),
    );
  });

  it("prints paths relative to the working directory, also for absolute names", () => {
    const absolute = new Map([["/work/site/menus/main.ipxm", new SourceText("/work/site/menus/main.ipxm", text)]]);
    const diagnostic = { ...unknownMenu, file: "/work/site/menus/main.ipxm", range: rangeOf(text, "linx") };
    expect(formatDiagnostic(diagnostic, absolute, plain)).toMatch(/^menus\/main\.ipxm:2:30 {2}error/);
    const outside = { ...diagnostic, file: "/work/other/x.ipxm" };
    expect(formatDiagnostic(outside, new Map(), plain)).toMatch(/^\.\.\/other\/x\.ipxm {2}error/);
  });

  it("puts a single caret under an empty range", () => {
    const at = text.indexOf("->");
    const diagnostic = makeDiagnostic("syntax-error", "expected an action", "menus/main.ipxm", { start: at, end: at });
    const line = '  item linux "Linux" -> menu linx';
    expect(formatDiagnostic(diagnostic, sources, plain).split("\n")[2]).toBe(
      `    | ${" ".repeat(line.indexOf("->"))}^`,
    );
  });

  it("underlines to the end of the first line of a range that spans lines", () => {
    const diagnostic = makeDiagnostic("empty-menu", 'menu "main" has no item', "menus/main.ipxm", {
      start: 0,
      end: text.length,
    });
    expect(formatDiagnostic(diagnostic, sources, plain).split("\n").slice(1, 3)).toEqual([
      '  1 | menu main "Boot" {',
      "    | ^^^^^^^^^^^^^^^^^^",
    ]);
  });

  it("expands tabs so the caret lines up", () => {
    const tabbed = 'menu main "T" {\n\titem\ta "A" -> menu nowhere\n}\n';
    const diagnostic = makeDiagnostic("unknown-name", 'no menu "nowhere"', "t.ipxm", rangeOf(tabbed, "nowhere"));
    expect(formatDiagnostic(diagnostic, sourceOf("t.ipxm", tabbed), plain).split("\n").slice(0, 3)).toEqual([
      't.ipxm:2:21  error  no menu "nowhere"  unknown-name',
      '  2 |     item    a "A" -> menu nowhere',
      "    |                           ^^^^^^^",
    ]);
  });

  it("ignores a CR before the line end", () => {
    const crlf = 'menu main "T" {\r\n  item a "A" -> menu x\r\n}\r\n';
    const diagnostic = makeDiagnostic("unknown-name", 'no menu "x"', "c.ipxm", rangeOf(crlf, "x\r"));
    expect(formatDiagnostic(diagnostic, sourceOf("c.ipxm", crlf), plain).split("\n").slice(1, 3)).toEqual([
      '  2 |   item a "A" -> menu x',
      "    |                      ^",
    ]);
  });

  it("does not count an invisible byte order mark as a column", () => {
    const bom = "\uFEFFmenu main {}\n";
    const diagnostic = makeDiagnostic("byte-order-mark", "the file starts with a byte order mark", "b.ipxm", {
      start: 1,
      end: 5,
    });
    expect(formatDiagnostic(diagnostic, sourceOf("b.ipxm", bom), plain)).toBe(
      [
        "b.ipxm:1:1  warning  the file starts with a byte order mark  byte-order-mark",
        "  1 | menu main {}",
        "    | ^^^^",
        "",
      ].join("\n"),
    );
  });

  it("prints only the file when its text is unknown", () => {
    const diagnostic = makeDiagnostic("file-not-found", "menus does not exist", "menus", { start: 0, end: 0 });
    expect(formatDiagnostic(diagnostic, new Map(), plain)).toBe("menus  error  menus does not exist  file-not-found\n");
  });

  it("lists related locations and the fix", () => {
    const diagnostic: Diagnostic = {
      ...unknownMenu,
      range: rangeOf(text, "linx"),
      related: [{ file: "menus/main.ipxm", range: rangeOf(text, "main"), message: "in this menu" }],
      fix: { description: 'change to "linux"', edits: [] },
    };
    expect(formatDiagnostic(diagnostic, sources, plain).split("\n").slice(3)).toEqual([
      "  menus/main.ipxm:1:6  note  in this menu",
      '  fix: change to "linux"',
      "",
    ]);
  });

  it("never lets control characters from a message reach the terminal", () => {
    const diagnostic = makeDiagnostic("syntax-error", "bad \x1b[2J text", "x.ipxm", { start: 0, end: 0 });
    expect(formatDiagnostic(diagnostic, new Map(), plain)).not.toContain("\x1b");
  });

  it("colours the severity, location and caret only when asked", () => {
    const diagnostic = { ...unknownMenu, range: rangeOf(text, "linx") };
    const coloured = formatDiagnostic(diagnostic, sources, { cwd, colour: true });
    expect(coloured).toContain("\x1b[31merror\x1b[39m");
    expect(coloured).toContain("\x1b[1mmenus/main.ipxm:2:30\x1b[22m");
    expect(coloured.replace(/\x1b\[\d+m/g, "")).toBe(formatDiagnostic(diagnostic, sources, plain));
  });

  it("prints several diagnostics one after the other", () => {
    const first = { ...unknownMenu, range: rangeOf(text, "linx") };
    const second = makeDiagnostic("file-not-found", "x does not exist", "x", { start: 0, end: 0 });
    expect(formatDiagnostics([first, second], sources, plain)).toBe(
      formatDiagnostic(first, sources, plain) + formatDiagnostic(second, sources, plain),
    );
  });
});

describe("the count line", () => {
  const at = { start: 0, end: 0 };
  const error = makeDiagnostic("syntax-error", "e", "f", at);
  const warning = makeDiagnostic("duplicate-hotkey", "w", "f", at);
  it.each([
    [[], ""],
    [[error], "1 error"],
    [[error, error, warning], "2 errors, 1 warning"],
    [[warning, warning], "2 warnings"],
    [[{ ...warning, severity: "info" as const }], "1 info"],
  ])("%#: %s", (diagnostics, line) => {
    expect(formatCounts(diagnostics)).toBe(line);
  });
});
