import { describe, expect, it } from "vitest";
import {
  countdownSeconds,
  initialSelection,
  menuAttributes,
  menuScreenAnsi,
  menuScreenText,
  renderMenuScreen,
  type MenuScreenItem,
} from "../src/menu-screen.js";

const items = (...texts: (string | [string, string])[]): MenuScreenItem[] =>
  texts.map((entry) => (typeof entry === "string" ? { text: entry } : { name: entry[0], text: entry[1] }));

const blank = " ".repeat(80);

describe("the menu screen", () => {
  it("centres the title on row 1 and draws the items from row 3 with two columns of padding", () => {
    const screen = renderMenuScreen({ title: "Boot menu", items: items(["a", "Alpha"], ["b", "Beta"]) });
    expect(screen.rows[0]).toBe(blank);
    expect(screen.rows[1]).toBe(`${" ".repeat(35)}Boot menu`.padEnd(80));
    expect(screen.rows[2]).toBe(blank);
    expect(screen.rows[3]).toBe("   Alpha".padEnd(80));
    expect(screen.rows[4]).toBe("   Beta".padEnd(80));
    expect(screen.rows).toHaveLength(25);
  });

  it("paints the background blue, the title bright, gaps cyan and the highlighted row (columns 1–78) red", () => {
    const screen = renderMenuScreen({ title: "T", items: items("Section", ["a", "Alpha"], ["b", "Beta"]) });
    expect(screen.selected).toBe(1);
    expect(screen.attributes[0]!.every((attribute) => attribute === menuAttributes.normal)).toBe(true);
    expect(screen.attributes[1]![39]).toBe(menuAttributes.title);
    expect(screen.attributes[3]!.slice(1, 79).every((attribute) => attribute === menuAttributes.separator)).toBe(true);
    expect(screen.attributes[4]![0]).toBe(menuAttributes.normal);
    expect(screen.attributes[4]!.slice(1, 79).every((attribute) => attribute === menuAttributes.selected)).toBe(true);
    expect(screen.attributes[4]![79]).toBe(menuAttributes.normal);
    expect(screen.attributes[5]![3]).toBe(menuAttributes.normal);
  });

  it("cuts the title at width − 2 bytes and item texts at width − 6", () => {
    const long = "x".repeat(100);
    const screen = renderMenuScreen({ title: long, items: items(["a", long]) });
    expect(screen.rows[1]).toBe(` ${"x".repeat(78)} `);
    expect(screen.rows[3]).toBe(`   ${"x".repeat(74)}   `);
  });

  it("shows the countdown at the right end of the highlighted row", () => {
    const screen = renderMenuScreen({ title: "T", items: items(["a", "Alpha"]) }, { countdown: 12 });
    expect(screen.rows[3]).toBe(`${"   Alpha".padEnd(73)}(12)   `);
  });

  it("ends the row at a countdown of four digits, which does not fit iPXE's 6-byte field", () => {
    const screen = renderMenuScreen({ title: "T", items: items(["a", "Alpha"]) }, { countdown: 3516 });
    expect(screen.rows[3]).toBe(`${"   Alpha".padEnd(71)}(3516    `);
    expect(screen.attributes[3]![75]).toBe(menuAttributes.selected);
    expect(screen.attributes[3]![76]).toBe(menuAttributes.normal);
  });

  it("shows height − 5 rows and marks rows above and below with ... , scrolling a page at a time", () => {
    const many = Array.from({ length: 30 }, (_, i) => [`i${i + 1}`, `Item ${i + 1}`] as [string, string]);
    const first = renderMenuScreen({ title: "T", items: items(...many) });
    expect(first.rows[22]!.trim()).toBe("Item 20");
    expect(first.rows[2]!.trim()).toBe("");
    expect(first.rows[23]!.trim()).toBe("...");
    expect(first.attributes[23]![3]).toBe(menuAttributes.separator);
    const second = renderMenuScreen({ title: "T", items: items(...many) }, { selected: 21 });
    expect(second.firstVisible).toBe(20);
    expect(second.rows[2]!.trim()).toBe("...");
    expect(second.rows[3]!.trim()).toBe("Item 21");
    expect(second.rows[12]!.trim()).toBe("Item 30");
    expect(second.rows[13]).toBe(blank);
    expect(second.rows[23]!.trim()).toBe("");
  });

  it("fits other screen sizes", () => {
    const screen = renderMenuScreen({ title: "Title", items: items(["a", "x".repeat(50)]) }, { width: 40, height: 10 });
    expect(screen.rows).toHaveLength(10);
    expect(screen.rows[1]).toBe(`${" ".repeat(17)}Title`.padEnd(40));
    expect(screen.rows[3]).toBe(`   ${"x".repeat(34)}   `);
  });

  it("consumes an ANSI sequence inside a text without drawing it, so the rest of the row moves left", () => {
    const screen = renderMenuScreen({ title: "T", items: items(["a", "A $\u001b[0~{x} z"]) });
    expect(screen.rows[3]).toBe("   A ${x} z".padEnd(80));
    expect(screen.attributes[3]![74]).toBe(menuAttributes.selected);
    expect(screen.attributes[3]![75]).toBe(menuAttributes.normal);
  });

  it("prints the next cursor movement as text when the cut leaves a sequence unfinished (as real iPXE does)", () => {
    const text = `${"0".repeat(70)}$\u001b[0~{x}`;
    const screen = renderMenuScreen({ title: "T", items: items(["a", "A"], ["b", text]) });
    expect(screen.rows[4]).toBe(`   ${"0".repeat(70)}$[5;2H `);
  });

  it("draws each byte of a UTF-8 character as a blank cell, and a newline as a new line (as real iPXE does)", () => {
    const screen = renderMenuScreen({ title: "T", items: items(["a", "é!"], ["b", "one\ntwo"]) });
    expect(screen.rows[3]).toBe("     !".padEnd(80));
    expect(screen.rows[4]).toBe("   one".padEnd(80));
    // "two" went to the start of row 5; clearing row 5 from column 1 leaves its first letter.
    expect(screen.rows[5]).toBe("t".padEnd(80));
  });

  it("renders plain text without trailing blanks, and ANSI colours for a terminal", () => {
    const screen = renderMenuScreen({ title: "T", items: items(["a", "Alpha"]) });
    expect(menuScreenText(screen)).toBe(`\n${" ".repeat(39)}T\n\n   Alpha`);
    const ansi = menuScreenAnsi(screen).split("\n");
    expect(ansi).toHaveLength(25);
    expect(ansi[3]).toContain("\u001b[0;1;37;41m  Alpha");
    expect(ansi[3]!.endsWith("\u001b[0m")).toBe(true);
  });
});

describe("the highlighted item when a menu opens", () => {
  const list = [
    { text: "Section" },
    { name: "a", text: "A" },
    { name: "b", text: "B", isDefault: true },
    { name: "c", text: "C" },
  ];

  it("is the one choose --default names, else the item --default, else the first named item", () => {
    expect(initialSelection(list, "c")).toBe(3);
    expect(initialSelection(list)).toBe(2);
    expect(initialSelection(list, "nope")).toBe(1);
    expect(initialSelection([{ text: "gap" }])).toBeUndefined();
  });
});

describe("the countdown", () => {
  it("is the timeout in whole seconds, rounded up", () => {
    expect(countdownSeconds(300_000, "1.21")).toBe(300);
    expect(countdownSeconds(2500, "2")).toBe(3);
    expect(countdownSeconds(0)).toBe(0);
  });

  it("reads the milliseconds as 1/1024 s ticks in Debian's 2019 snapshot (measured)", () => {
    expect(countdownSeconds(10_100, "2019")).toBe(10);
    expect(countdownSeconds(3_600_000, "2019")).toBe(3516);
  });
});
