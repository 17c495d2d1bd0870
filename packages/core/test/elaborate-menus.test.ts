import { describe, expect, it } from "vitest";
import type { MenuRow, ProgramMenu } from "../src/index.js";
import { build, checkBuild, programOf, rangeOf } from "./helpers.js";

const items = (menu: ProgramMenu) =>
  menu.rows.filter((row): row is Extract<MenuRow, { kind: "item" }> => row.kind === "item");
const ids = (menu: ProgramMenu) => items(menu).map((row) => row.id);

describe("the first menu", () => {
  it("is the menu named main", () => {
    const program = programOf('menu other "O" { item "x" -> menu main }\nmenu main "M" { item "x" -> menu other }\n');
    expect(program.menus.map((menu) => menu.id)).toEqual(["main", "other"]);
  });

  it("may come from an imported file", () => {
    const program = programOf({
      "site.ipxm": 'import "./lib/menus.ipxm"\n',
      "lib/menus.ipxm": 'menu main "M" { item "x" -> exit }\n',
    });
    expect(program.menus[0]!.source.file).toBe("lib/menus.ipxm");
  });

  it("is the only menu when none is called main", () => {
    expect(programOf('menu start "S" { item "x" -> exit }\n').menus.map((menu) => menu.id)).toEqual(["start"]);
  });

  it("is missing when there are several menus and none is main (no-main-menu)", () => {
    expect(checkBuild('menu a "A" { item "x" -> exit }\nmenu b "B" { item "x" -> exit }\n')).toEqual([
      {
        code: "no-main-menu",
        file: "main.ipxm",
        at: "",
        message: 'main.ipxm sees 2 menus (a, b) and none is called "main": name the first one main',
      },
    ]);
  });

  it("is missing when there is no menu at all", () => {
    expect(checkBuild("const x = 1\n").map((d) => d.code)).toEqual(["no-main-menu"]);
  });
});

describe("reachable menus", () => {
  it("are those opened by items, escape actions and entries, in the order first reached", () => {
    const text = [
      'menu main "M" { on escape -> menu bye\nitem "a" -> menu linux\nitem "b" -> boot tools() }',
      'menu linux "L" { item "x" -> back }',
      'menu bye "B" { item "x" -> exit }',
      'menu toolbox "T" { item "x" -> back }',
      'menu unused "U" { item "x" -> back }',
      "entry tools() { menu toolbox }",
    ].join("\n");
    expect(programOf(text).menus.map((menu) => menu.id)).toEqual(["main", "bye", "linux", "toolbox"]);
  });
});

describe("item ids", () => {
  it("are the explicit id, else a slug of the text", () => {
    const program = programOf(
      'menu main "M" {\n  item local "Boot from local disk" -> exit\n  item "Debian 12 (bookworm)" -> exit\n  item "Café  Ünïcode!" -> exit\n}\n',
    );
    expect(ids(program.menus[0]!)).toEqual(["local", "debian-12-bookworm", "cafe-unicode"]);
  });

  it("get -2, -3 when slugs collide, and never take an explicit id", () => {
    const program = programOf(
      'menu main "M" {\n  item "Tools" -> exit\n  item "tools!" -> exit\n  item tools-2 "Other" -> exit\n  item "TOOLS" -> exit\n}\n',
    );
    expect(ids(program.menus[0]!)).toEqual(["tools", "tools-3", "tools-2", "tools-4"]);
  });

  it("are made from the literal parts of a text with run-time parts", () => {
    expect(ids(programOf('menu main "M" { item "Boot ${hostname} now" -> exit }\n').menus[0]!)).toEqual(["boot-now"]);
  });

  it("fall back to item for text with no letters or digits", () => {
    expect(ids(programOf('menu main "M" { item "***" -> exit }\n').menus[0]!)).toEqual(["item"]);
  });

  it("written twice by a loop are one duplicate-item, reported once", () => {
    const text = 'const xs = ["a", "b", "c"]\nmenu main "M" { for x in xs { item same "${x}" -> exit } }\n';
    const result = build(text);
    expect(result.program).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "duplicate-item",
        range: rangeOf(text, "same"),
        message: 'menu "main" already has an item "same"; give this one another id',
      }),
    ]);
  });
});

describe("hotkeys", () => {
  it("are one character as written, or iPXE's code for F5 to F12", () => {
    const text =
      'menu main "M" {\n' +
      ["l", '"?"', "F5", "F6", "F7", "F8", "F9", "F10", "F11", "F12"]
        .map((key, i) => `  item "i${i}" key ${key} -> exit`)
        .join("\n") +
      "\n}\n";
    expect(items(programOf(text).menus[0]!).map((row) => row.key)).toEqual([
      "l",
      "?",
      "0x107e",
      "0x127e",
      "0x137e",
      "0x147e",
      "0x157e",
      "0x167e",
      "0x187e",
      "0x197e",
    ]);
  });

  it("warn when two items share one (duplicate-hotkey), and the program is still made", () => {
    const text = 'menu main "M" {\n  item a "A" key x -> exit\n  item b "B" key x -> exit\n}\n';
    const keyAt = (occurrence: number) => {
      const start = rangeOf(text, "key x", occurrence).start + "key ".length;
      return { start, end: start + 1 };
    };
    const result = build(text);
    expect(result.program).toBeDefined();
    expect(result.diagnostics).toEqual([
      {
        code: "duplicate-hotkey",
        severity: "warning",
        message: 'key x is already the hotkey of item "a" in menu "main"; only that item is reached with it',
        file: "main.ipxm",
        range: keyAt(2),
        related: [{ file: "main.ipxm", range: keyAt(1), message: 'the hotkey of "a"' }],
      },
    ]);
  });
});

describe("default and timeout", () => {
  it("give the default item and the timeout in milliseconds", () => {
    const menu = programOf('menu main "M" { default local after 5m\nitem x "X" -> shell\nitem local "L" -> exit }\n')
      .menus[0]!;
    expect(menu.defaultItem).toBe("local");
    expect(menu.timeoutMs).toBe(300_000);
  });

  it("may name an item made by a loop", () => {
    const menu = programOf(
      'const vs = ["24.04"]\nmenu main "M" { default ubuntu-24-04\nfor v in vs { item "Ubuntu ${v}" -> exit } }\n',
    ).menus[0]!;
    expect(menu.defaultItem).toBe("ubuntu-24-04");
  });

  it("report a default that names no item after expansion, with a suggestion", () => {
    const text =
      'const vs = ["24.04"]\nmenu main "M" { default ubuntu-2404\nfor v in vs { item "Ubuntu ${v}" -> exit } }\n';
    const result = build(text);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        code: "unknown-item",
        range: rangeOf(text, "ubuntu-2404"),
        message: 'menu "main" has no item "ubuntu-2404"; did you mean "ubuntu-24-04"?',
        fix: {
          description: 'Change to "ubuntu-24-04"',
          edits: [{ range: rangeOf(text, "ubuntu-2404"), newText: "ubuntu-24-04" }],
        },
      }),
    ]);
  });

  it("take a timeout from a constant and warn when it is zero", () => {
    const text = 'const wait = 0ms\nmenu main "M" { default x after wait\nitem x "X" -> exit }\n';
    expect(checkBuild(text)).toEqual([expect.objectContaining({ code: "timeout-out-of-range", at: "wait" })]);
  });
});

describe("a second default", () => {
  it("is reported as a duplicate of the first", () => {
    expect(
      checkBuild('menu main "M" { default a\ndefault b\nitem a "A" -> exit\nitem b "B" -> exit }\n').map((d) => [
        d.code,
        d.at,
      ]),
    ).toEqual([["duplicate-declaration", "default b"]]);
  });
});

describe("escape", () => {
  it("exits (status 0) from the first menu and goes back from the others by default", () => {
    const program = programOf('menu main "M" { item "x" -> menu sub }\nmenu sub "S" { item "y" -> back }\n');
    expect(program.menus.map((menu) => menu.escape.kind)).toEqual(["exit", "back"]);
    expect(program.menus[0]!.escape).toEqual({
      kind: "exit",
      status: 0,
      source: { file: "main.ipxm", start: 5, end: 9 },
    });
  });

  it("does what `on escape` says", () => {
    const program = programOf('menu main "M" { on escape -> reboot\nitem "x" -> exit }\n');
    expect(program.menus[0]!.escape.kind).toBe("reboot");
  });

  it("is said once per menu", () => {
    expect(
      checkBuild('menu main "M" { on escape -> reboot\non escape -> shell\nitem "x" -> exit }\n').map((d) => [
        d.code,
        d.at,
      ]),
    ).toEqual([["duplicate-declaration", "on escape -> shell"]]);
  });
});

describe("empty-menu", () => {
  it("is reported for a menu with no rows or only gaps", () => {
    expect(checkBuild('menu main "M" { gap "a"\ngap }\n')).toEqual([
      expect.objectContaining({
        code: "empty-menu",
        at: "main",
        message: 'menu "main" has no item to choose (only gaps); iPXE cannot show it',
      }),
    ]);
    expect(checkBuild('menu main "M" { }\n').map((d) => d.code)).toEqual(["empty-menu"]);
  });

  it("is reported when `if` and `for` leave no item", () => {
    expect(
      checkBuild(
        'const xs: list = []\nmenu main "M" { if false { item "x" -> exit }\nfor x in xs { item "${x}" -> exit } }\n',
      ).map((d) => d.code),
    ).toEqual(["empty-menu"]);
  });

  it("is not reported when the items are gated by a run-time condition", () => {
    expect(checkBuild('menu main "M" { item "x" when platform == efi -> exit }\n')).toEqual([]);
  });
});

describe("runtime-gated items", () => {
  it("carry their condition; a `when` block gates its rows and its else branch the opposite", () => {
    const menu = programOf(
      'menu main "M" {\n  when platform == efi { item "E" -> exit\ngap } else { item "B" when set(hostname) -> exit }\n}\n',
    ).menus[0]!;
    const efi = {
      kind: "equals",
      left: [{ kind: "setting", reference: "platform" }],
      right: [{ kind: "text", value: "efi" }],
    };
    expect(menu.rows.map((row) => row.condition)).toEqual([
      efi,
      efi,
      { kind: "and", left: { kind: "not", operand: efi }, right: { kind: "isset", setting: "hostname" } },
    ]);
  });

  it("are folded when the condition is known at compile time", () => {
    const menu = programOf(
      'const debug = false\nmenu main "M" {\n  when debug { item "Debug" -> shell } else { item "Normal" -> exit }\n  item "Always" when not debug -> exit\n}\n',
    ).menus[0]!;
    expect(items(menu).map((row) => [row.id, row.condition])).toEqual([
      ["normal", undefined],
      ["always", undefined],
    ]);
  });
});

describe("menu titles and texts", () => {
  it("merge adjacent text and insert compile-time values exactly", () => {
    const menu = programOf(
      'const n = 0x10\nconst name = "boot  ||  \\${x}"\nmenu main "${name} #${n} on ${mac}" { item "x" -> exit }\n',
    ).menus[0]!;
    expect(menu.title).toEqual([
      { kind: "text", value: "boot  ||  ${x} #16 on " },
      { kind: "setting", reference: "mac" },
    ]);
  });
});
