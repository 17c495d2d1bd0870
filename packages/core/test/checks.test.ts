import { describe, expect, it } from "vitest";
import { analyzeText, check, rangeOf } from "./helpers.js";

/** A menu around items, so each case can focus on one line. */
const menuWith = (items: string) => `menu main "M" {\n${items}\n}\n`;

describe("type-mismatch", () => {
  it("reports a constant whose value does not fit its declared type", () => {
    expect(check('const retries: int = "three"\n')).toEqual([
      {
        code: "type-mismatch",
        file: "main.ipxm",
        at: '"three"',
        message: 'constant "retries" must be an int, not a string',
      },
    ]);
  });

  it("reports a setting default of the wrong type", () => {
    expect(check("setting verbose: bool = 1\n")).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: "1",
        message: 'the default of setting "verbose" must be a bool, not an int',
      }),
    ]);
  });

  it("reports an argument that does not fit its parameter, naming both", () => {
    const text = "entry e(count: int) { exit }\n" + menuWith('item "x" -> boot e("3")');
    expect(check(text)).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: '"3"',
        message: 'argument 1 of "e" (count) must be an int, not a string',
      }),
    ]);
  });

  it("suggests interpolation for a number where text belongs", () => {
    expect(check(menuWith("item 42 -> exit"))).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: "42",
        message: expect.stringContaining('interpolate it: "${…}"'),
      }),
    ]);
  });

  it("reports a comparison of unrelated types", () => {
    expect(check(menuWith('item "x" when platform == 3 -> exit'))).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: "platform == 3",
        message: expect.stringContaining("cannot compare a platform with an int"),
      }),
    ]);
  });

  it("reports a condition that is not a bool", () => {
    expect(check(menuWith('item "x" when "yes" -> exit'))).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: '"yes"',
        message: "the condition of an item must be a bool, not a string",
      }),
    ]);
  });

  it("reports list elements of different types at the odd one", () => {
    expect(check('const xs = ["a", 2]\n')).toEqual([expect.objectContaining({ code: "type-mismatch", at: "2" })]);
  });

  it("reports `for` over something that is not a list", () => {
    expect(check("const n = 3\n" + menuWith('for x in n { item "x" -> exit }'))).toEqual([
      expect.objectContaining({ code: "type-mismatch", at: "n", message: "`for` repeats over a list; this is an int" }),
    ]);
  });

  it("reports a setting of a compile-time-only type", () => {
    expect(check("setting xs: list\n")).toEqual([expect.objectContaining({ code: "type-mismatch", at: "list" })]);
  });

  it("reports comparing a platform with a value it can never have", () => {
    expect(check(menuWith('item "x" when platform == "uefi" -> exit'))).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: '"uefi"',
        message: 'platform is never "uefi": platforms are pcbios, efi',
      }),
    ]);
  });

  it("accepts text of any text type where a string belongs", () => {
    expect(check('setting m: url = "http://x"\n' + menuWith("item m -> exit\nitem platform -> exit"))).toEqual([]);
  });
});

describe("duration-unit-missing", () => {
  it("reports a bare number as a menu timeout, with a fix that adds a unit", () => {
    const text = menuWith('default x after 300\nitem x "X" -> exit');
    const analysis = analyzeText(text);
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({
        code: "duration-unit-missing",
        range: rangeOf(text, "300"),
        message:
          "the menu timeout needs a unit: a bare number could be seconds or milliseconds; write e.g. 300s or 300ms",
        fix: { description: "Write 300s", edits: [{ range: rangeOf(text, "300"), newText: "300s" }] },
      }),
    ]);
  });

  it("reads a number in the thousands as milliseconds in its fix", () => {
    const text = menuWith('default x after 3000\nitem x "X" -> exit');
    expect(analyzeText(text).diagnostics[0]!.fix!.edits[0]!.newText).toBe("3s");
  });

  it("reports a bare number after sleep", () => {
    expect(check("entry e() { sleep 5 }\n")).toEqual([
      expect.objectContaining({
        code: "duration-unit-missing",
        at: "5",
        message: expect.stringContaining("the time to sleep needs a unit"),
      }),
    ]);
  });

  it("reports an int constant used as a duration", () => {
    expect(check("const wait = 10\nentry e() { sleep wait }\n")).toEqual([
      expect.objectContaining({ code: "duration-unit-missing", at: "wait" }),
    ]);
  });
});

describe("bad-interpolation", () => {
  it.each([
    ["a bool", "const b = true", "${b}"],
    ["a duration", "const d = 5m", "${d}"],
    ["a list", 'const l = ["a"]', "${l}"],
    ["a record", 'const r = { a: "1" }', "${r}"],
  ])("reports %s inside ${}", (_name, declaration, interpolation) => {
    const text = `${declaration}\n${menuWith(`item "x ${interpolation}" -> exit`)}`;
    expect(check(text)).toEqual([expect.objectContaining({ code: "bad-interpolation", at: interpolation })]);
  });

  it("accepts strings, ints, urls, arches and platforms", () => {
    const text =
      'const s = "a"\nconst i = 1\nsetting u: url\n' +
      menuWith('item "${s} ${i} ${u} ${buildarch} ${platform}" -> exit');
    expect(check(text)).toEqual([]);
  });

  it("accepts a field of a record", () => {
    const text = 'const r = { name: "x" }\n' + menuWith('item "${r.name}" -> exit');
    expect(check(text)).toEqual([]);
  });
});

describe("invalid-url", () => {
  it("reports text without a scheme at a url position", () => {
    expect(check('entry e() { kernel "deb.debian.org/linux" }\n')).toEqual([
      expect.objectContaining({
        code: "invalid-url",
        at: '"deb.debian.org/linux"',
        message: expect.stringContaining('"deb.debian.org/linux" is not a url'),
      }),
    ]);
  });

  it.each(["http://h/x", "https://h/x", "tftp://h/x", "ftp://h/x", "nfs://h/x", "file:/x"])("accepts %s", (url) => {
    expect(check(`entry e() { chain "${url}" }\n`)).toEqual([]);
  });

  it("accepts a url that starts with an interpolated url setting", () => {
    expect(check('setting mirror: url\nentry e() { initrd "${mirror}/initrd" }\n')).toEqual([]);
  });

  it("reports a url that starts with a setting that is not a url", () => {
    expect(check('entry e() { chain "${next-server}/boot.ipxe" }\n')).toEqual([
      expect.objectContaining({ code: "invalid-url", at: '"${next-server}/boot.ipxe"' }),
    ]);
  });

  it("checks url settings, url parameters and their arguments", () => {
    const text = 'setting m: url = "mirror"\nentry e(u: url = "x") { chain u }\n' + menuWith('item "x" -> boot e("y")');
    expect(check(text).map((d) => [d.code, d.at])).toEqual([
      ["invalid-url", '"mirror"'],
      ["invalid-url", '"x"'],
      ["invalid-url", '"y"'],
    ]);
  });

  it("checks sanboot and memdisk urls", () => {
    const text =
      'setting memdisk: url = "http://x/memdisk"\n' +
      menuWith('item "a" -> sanboot "disk.iso"\nitem "b" -> memdisk "x.iso"');
    expect(check(text).map((d) => [d.code, d.at])).toEqual([
      ["invalid-url", '"disk.iso"'],
      ["invalid-url", '"x.iso"'],
    ]);
  });
});

describe("invalid-key", () => {
  it("reports a key of more than one character, at the key", () => {
    expect(check(menuWith('item "x" key ab -> exit'))).toEqual([
      expect.objectContaining({ code: "invalid-key", at: "ab" }),
    ]);
  });

  it("reports a function key iPXE menus cannot bind", () => {
    expect(check(menuWith('item "x" key F1 -> exit'))).toEqual([
      expect.objectContaining({ code: "invalid-key", at: "F1" }),
    ]);
  });

  it("offers F5 for f5", () => {
    const text = menuWith('item "x" key f5 -> exit');
    expect(analyzeText(text).diagnostics[0]!.fix).toEqual({
      description: "Write F5",
      edits: [{ range: rangeOf(text, "f5"), newText: "F5" }],
    });
  });

  it("accepts one character, quoted or not, and F5 to F12", () => {
    expect(
      check(
        menuWith(
          'item "a" key l -> exit\nitem "b" key 1 -> exit\nitem "c" key "?" -> exit\nitem "d" key F5 -> exit\nitem "e" key F12 -> exit',
        ),
      ),
    ).toEqual([]);
  });
});

describe("wrong-argument-count", () => {
  it("reports too few arguments with the entry's signature", () => {
    const text =
      "entry debian(version: string, codename: string) { exit }\n" + menuWith('item "x" -> boot debian("12")');
    expect(check(text)).toEqual([
      {
        code: "wrong-argument-count",
        file: "main.ipxm",
        at: 'debian("12")',
        message: "debian(version: string, codename: string) takes 2 arguments, but 1 is given",
      },
    ]);
  });

  it("reports too many arguments at the extra ones", () => {
    const text = "entry e(a: int, b: int = 2) { exit }\n" + menuWith('item "x" -> boot e(1, 2, 3, 4)');
    expect(check(text)).toEqual([
      expect.objectContaining({
        code: "wrong-argument-count",
        at: "3, 4",
        message: "e(a: int, b: int = …) takes 1 to 2 arguments, but 4 are given",
      }),
    ]);
  });

  it("accepts leaving out parameters that have defaults", () => {
    expect(check("entry e(a: int, b: int = 2) { exit }\n" + menuWith('item "x" -> boot e(1)'))).toEqual([]);
  });
});

describe("unknown-field", () => {
  it("reports a field no record of the list has, with a suggestion", () => {
    const text = 'const rs = [{ version: "1", name: "a" }]\n' + menuWith('for r in rs { item "${r.verison}" -> exit }');
    const analysis = analyzeText(text);
    expect(analysis.diagnostics).toEqual([
      expect.objectContaining({
        code: "unknown-field",
        range: rangeOf(text, "verison"),
        message: 'the record has no field "verison"; did you mean "version"? (fields: version, name)',
        fix: { description: 'Change to "version"', edits: [{ range: rangeOf(text, "verison"), newText: "version" }] },
      }),
    ]);
  });

  it("reports a field of something that is not a record", () => {
    expect(check('const s = "x"\nconst t = s.name\n')).toEqual([
      expect.objectContaining({
        code: "unknown-field",
        at: "name",
        message: '"name" is not a field: a string has no fields',
      }),
    ]);
  });
});

describe("not-compile-time", () => {
  it("reports `if` on a run-time setting and points to `when`", () => {
    expect(check(menuWith('if platform == efi { item "x" -> exit }'))).toEqual([
      expect.objectContaining({
        code: "not-compile-time",
        at: "platform == efi",
        message:
          'the condition of `if` must be known at compile time, but setting "platform" is only known at run time; use `when` to test it at run time',
      }),
    ]);
  });

  it("reports a constant whose value is read at run time", () => {
    expect(check("setting mirror: url\nconst m = mirror\n")).toEqual([
      expect.objectContaining({
        code: "not-compile-time",
        at: "mirror",
        message: expect.stringContaining("use a setting for a run-time value"),
      }),
    ]);
  });

  it("reports a timeout, a sleep, an exit status and a drive read from settings", () => {
    const text =
      "setting d: duration\nsetting n: int\nentry e() { sleep d\nexit n\nsanboot drive n }\n" +
      menuWith('default x after d\nitem x "x" -> exit');
    expect(check(text).map((d) => [d.code, d.at])).toEqual([
      ["not-compile-time", "d"],
      ["not-compile-time", "n"],
      ["not-compile-time", "n"],
      ["not-compile-time", "d"],
    ]);
  });

  it("reports constants that depend on themselves", () => {
    expect(check("const a = b\nconst b = a\n")).toEqual([
      expect.objectContaining({
        code: "not-compile-time",
        at: "a",
        message: 'constant "a" is defined in terms of itself, so it has no value',
      }),
    ]);
  });

  it("accepts `for` and `if` over constants and loop variables", () => {
    const text =
      'const show = true\nconst xs = [["a"], ["b"]]\n' +
      menuWith('if show { for x in xs { for y in x { item "${y}" -> exit } } }');
    expect(check(text)).toEqual([]);
  });
});

describe("settings written by prompt and set", () => {
  it("must be declared settings (not-runtime-setting)", () => {
    const text = 'const answer = "x"\nentry e(p: string) { prompt answer "?"\nset p = "y" }\n';
    expect(check(text).map((d) => [d.code, d.at])).toEqual([
      ["not-runtime-setting", "answer"],
      ["not-runtime-setting", "p"],
    ]);
  });

  it("may not be iPXE's own (read-only-setting)", () => {
    expect(check('entry e() { set hostname = "box"\nprompt mac "?" }\n').map((d) => [d.code, d.at])).toEqual([
      ["read-only-setting", "hostname"],
      ["read-only-setting", "mac"],
    ]);
  });

  it("may be tested with set(…), iPXE's own included", () => {
    expect(check("setting answer: string\nentry e() { when set(answer) or set(next-server) { exit } }\n")).toEqual([]);
  });

  it("reports set(…) of something that is not a setting", () => {
    expect(check("const c = 1\nentry e() { when set(c) { exit } }\n")).toEqual([
      expect.objectContaining({ code: "not-runtime-setting", at: "c" }),
    ]);
  });

  it("reports an undeclared setting with a suggestion", () => {
    expect(check('setting answer: string\nentry e() { prompt answr "?" }\n')).toEqual([
      expect.objectContaining({
        code: "unknown-name",
        at: "answr",
        message: expect.stringContaining('did you mean "answer"?'),
      }),
    ]);
  });

  it("checks the value of set against the setting's type", () => {
    expect(check('setting n: int\nentry e() { set n = "x" }\n')).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: '"x"',
        message: 'the value of setting "n" must be an int, not a string',
      }),
    ]);
  });
});

describe("unknown-type", () => {
  it("reports a type name that is not a type, with a suggestion", () => {
    const text = "setting mirror: uri\n";
    expect(analyzeText(text).diagnostics).toEqual([
      expect.objectContaining({
        code: "unknown-type",
        range: rangeOf(text, "uri"),
        message:
          'unknown type "uri"; did you mean "url"? (types: string, int, bool, duration, url, arch, platform, list, record)',
        fix: { description: 'Change to "url"', edits: [{ range: rangeOf(text, "uri"), newText: "url" }] },
      }),
    ]);
  });

  it("reports it on parameters and constants too, once each", () => {
    expect(check("const x: integer = 1\nentry e(a: strng) { exit }\n").map((d) => [d.code, d.at])).toEqual([
      ["unknown-type", "integer"],
      ["unknown-type", "strng"],
    ]);
  });
});

describe("duplicate-parameter", () => {
  it("reports the second parameter of a name, related to the first", () => {
    const text = "entry e(a: int, a: string) { exit }\n";
    expect(analyzeText(text).diagnostics).toEqual([
      expect.objectContaining({
        code: "duplicate-parameter",
        range: rangeOf(text, "a", 2),
        related: [{ file: "main.ipxm", range: rangeOf(text, "a", 1), message: "first declared here" }],
      }),
    ]);
  });
});

describe("enum literals", () => {
  it("read a bare platform or arch name as a value when the other side is a platform or arch", () => {
    const text = menuWith(
      'item "a" when platform == efi -> exit\nitem "b" when x86_64 != buildarch -> exit\nitem "c" when arch == arm64 -> exit',
    );
    const analysis = analyzeText(text);
    expect(analysis.diagnostics).toEqual([]);
    const efi = [...analysis.resolutions.inFile("main.ipxm")].find(([id]) => id.name === "efi")![1];
    expect(efi).toEqual({ kind: "enum", type: "platform", value: "efi" });
  });

  it("read them where the expected type is a platform or arch", () => {
    expect(
      check("const p: platform = pcbios\nentry e(a: arch = i386) { exit }\n" + menuWith('item "x" -> boot e(riscv64)')),
    ).toEqual([]);
  });

  it("give way to a declaration of the same name", () => {
    const analysis = analyzeText('const efi = "x"\n' + menuWith('item "a" when platform == efi -> exit'));
    const efi = [...analysis.resolutions.inFile("main.ipxm")].find(([id]) => id.name === "efi" && id.start > 20)![1];
    expect(efi.kind).toBe("symbol");
  });

  it("are not values anywhere else", () => {
    expect(check("const p = efi\n")).toEqual([expect.objectContaining({ code: "unknown-name", at: "efi" })]);
  });

  it("of the other enum are a mismatch", () => {
    expect(check(menuWith('item "a" when platform == x86_64 -> exit'))).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: "platform == x86_64",
        message: expect.stringContaining("cannot compare a platform with an arch"),
      }),
    ]);
  });
});

describe("menu items before elaboration", () => {
  it("reports an explicit id written twice in a menu (duplicate-item)", () => {
    const text = menuWith('item local "A" -> exit\nitem local "B" -> exit');
    expect(analyzeText(text).diagnostics).toEqual([
      expect.objectContaining({
        code: "duplicate-item",
        range: rangeOf(text, "local", 2),
        related: [{ file: "main.ipxm", range: rangeOf(text, "local", 1), message: "the first item with this id" }],
      }),
    ]);
  });

  it("reports a default that names no item, suggesting one (unknown-item)", () => {
    const text = menuWith('default lcoal\nitem local "Local" -> exit\nitem "Debian 12" -> exit');
    expect(analyzeText(text).diagnostics).toEqual([
      expect.objectContaining({
        code: "unknown-item",
        range: rangeOf(text, "lcoal"),
        message: 'menu "main" has no item "lcoal"; did you mean "local"?',
        fix: { description: 'Change to "local"', edits: [{ range: rangeOf(text, "lcoal"), newText: "local" }] },
      }),
    ]);
  });

  it("accept a default that names an id made from an item's text", () => {
    expect(check(menuWith('default debian-12\nitem "Debian 12" -> exit'))).toEqual([]);
  });

  it("warn about a literal timeout of zero or of more than a day", () => {
    expect(check(menuWith('default x after 0s\nitem x "x" -> exit')).map((d) => [d.code, d.at])).toEqual([
      ["timeout-out-of-range", "0s"],
    ]);
    expect(check(menuWith('default x after 25h\nitem x "x" -> exit')).map((d) => [d.code, d.at])).toEqual([
      ["timeout-out-of-range", "25h"],
    ]);
  });
});

describe("memdisk-loader-missing", () => {
  it("reports memdisk without a `setting memdisk: url`", () => {
    expect(check(menuWith('item "x" -> memdisk "http://x/a.iso"'))).toEqual([
      expect.objectContaining({ code: "memdisk-loader-missing", at: 'memdisk "http://x/a.iso"' }),
    ]);
  });

  it("reports a memdisk setting that is not a url", () => {
    expect(check("setting memdisk: string\n" + menuWith('item "x" -> memdisk "http://x/a.iso"'))).toEqual([
      expect.objectContaining({
        code: "memdisk-loader-missing",
        message: expect.stringContaining('"memdisk" here is a string setting'),
      }),
    ]);
  });
});

describe("unknown-memdisk-mode", () => {
  const withLoader = (action: string) =>
    'setting memdisk: url = "http://x/memdisk"\n' + menuWith(`item "x" -> ${action}`);

  it("accepts iso, harddisk and floppy, and no mode at all", () => {
    for (const mode of ["iso", "harddisk", "floppy"]) {
      expect(check(withLoader(`memdisk "http://x/a.img" as ${mode}`)), mode).toEqual([]);
    }
    expect(check(withLoader('memdisk "http://x/a.iso"'))).toEqual([]);
  });

  it("reports any other mode at the mode, listing the three", () => {
    expect(check(withLoader('memdisk "http://x/a.img" as cdrom'))).toEqual([
      {
        code: "unknown-memdisk-mode",
        file: "main.ipxm",
        at: "cdrom",
        message: 'memdisk cannot load an image as "cdrom": use one of "iso", "harddisk", "floppy"',
      },
    ]);
  });

  it("suggests the mode a typo was meant to be, with a fix", () => {
    const text = withLoader('memdisk "http://x/a.img" as hardisk');
    const [diagnostic] = analyzeText(text).diagnostics;
    expect(diagnostic).toMatchObject({
      code: "unknown-memdisk-mode",
      message: expect.stringContaining('did you mean "harddisk"?'),
      fix: { edits: [{ range: rangeOf(text, "hardisk"), newText: "harddisk" }] },
    });
  });
});

describe("analysis", () => {
  it("never throws on broken input", () => {
    const broken = [
      'menu main "x" { item',
      "entry e( { kernel }",
      "const = ",
      'menu m "${',
      "for x in { }",
      "@@@",
      'menu main "M" { default after }',
    ];
    for (const text of broken) expect(() => analyzeText(text)).not.toThrow();
  });
});
