import { describe, expect, it } from "vitest";
import { checkProgram } from "../src/index.js";
import { build, checkBuild, memoryHost, programOf, rangeOf } from "./helpers.js";

describe("a complete program", () => {
  const main = [
    'import "./linux.ipxm"',
    'target "ipxe-2-efi"',
    'setting unused: string = "never read"',
    'menu main "boot ${hostname}" {',
    "  default local after 10s",
    '  gap "Operating systems"',
    '  item linux "Linux" key l -> menu linux',
    "  gap",
    '  item local "Boot from local disk" -> exit',
    "}",
  ].join("\n");
  const linux = [
    'setting mirror: url = "http://mirror.example.org"',
    'const releases = ["24.04", "22.04"]',
    'menu linux "Linux on ${arch}" {',
    '  for r in releases { item "Ubuntu ${r}" -> boot ubuntu(r) }',
    '  item "Back" key F12 -> back',
    "}",
    "entry ubuntu(version: string) {",
    '  kernel "${mirror}/ubuntu/${version}/linux" args "ip=dhcp"',
    "  boot",
    "}",
  ].join("\n");
  const files = { "site/main.ipxm": main, "site/linux.ipxm": linux };
  const at = (file: "site/main.ipxm" | "site/linux.ipxm", snippet: string, occurrence = 1) => ({
    file,
    ...rangeOf(files[file], snippet, occurrence),
  });

  it("is elaborated exactly", () => {
    const program = programOf(files);
    const text = (value: string) => ({ kind: "text", value }) as const;
    const ubuntuItem = (release: string, instance: string) => ({
      kind: "item",
      id: `ubuntu-${release.replace(".", "-")}`,
      text: [text(`Ubuntu ${release}`)],
      action: { kind: "entry", instance, source: at("site/linux.ipxm", "boot ubuntu(r)") },
      source: at("site/linux.ipxm", 'item "Ubuntu ${r}" -> boot ubuntu(r)'),
    });
    const ubuntuInstance = (label: string, release: string) => ({
      label,
      entry: "ubuntu",
      failureMessage: [text("ubuntu failed")],
      body: [
        {
          kind: "kernel",
          url: [{ kind: "setting", reference: "mirror" }, text(`/ubuntu/${release}/linux`)],
          args: [[text("ip=dhcp")]],
          source: at("site/linux.ipxm", 'kernel "${mirror}/ubuntu/${version}/linux" args "ip=dhcp"'),
        },
        { kind: "boot", source: at("site/linux.ipxm", "boot", 2) },
      ],
      source: at("site/linux.ipxm", "ubuntu", 2),
    });
    expect(program).toEqual({
      file: "site/main.ipxm",
      target: "ipxe-2-efi",
      settings: [
        {
          name: "mirror",
          type: "url",
          defaultValue: [text("http://mirror.example.org")],
          source: at("site/linux.ipxm", "mirror"),
        },
      ],
      usesArch: true,
      menus: [
        {
          id: "main",
          title: [text("boot "), { kind: "setting", reference: "hostname" }],
          rows: [
            { kind: "gap", text: [text("Operating systems")], source: at("site/main.ipxm", 'gap "Operating systems"') },
            {
              kind: "item",
              id: "linux",
              text: [text("Linux")],
              key: "l",
              action: { kind: "menu", menu: "linux", source: at("site/main.ipxm", "menu linux") },
              source: at("site/main.ipxm", 'item linux "Linux" key l -> menu linux'),
            },
            { kind: "gap", source: at("site/main.ipxm", "gap", 2) },
            {
              kind: "item",
              id: "local",
              text: [text("Boot from local disk")],
              action: { kind: "exit", status: 0, source: at("site/main.ipxm", "exit") },
              source: at("site/main.ipxm", 'item local "Boot from local disk" -> exit'),
            },
          ],
          defaultItem: "local",
          timeoutMs: 10_000,
          escape: { kind: "exit", status: 0, source: at("site/main.ipxm", "main") },
          source: at("site/main.ipxm", "main"),
        },
        {
          id: "linux",
          title: [text("Linux on "), { kind: "setting", reference: "arch" }],
          rows: [
            ubuntuItem("24.04", "ubuntu"),
            ubuntuItem("22.04", "ubuntu.22.04"),
            {
              kind: "item",
              id: "back",
              text: [text("Back")],
              key: "0x197e",
              action: { kind: "back", source: at("site/linux.ipxm", "back") },
              source: at("site/linux.ipxm", 'item "Back" key F12 -> back'),
            },
          ],
          escape: { kind: "back", source: at("site/linux.ipxm", "linux") },
          source: at("site/linux.ipxm", "linux"),
        },
      ],
      entries: [ubuntuInstance("ubuntu", "24.04"), ubuntuInstance("ubuntu.22.04", "22.04")],
    });
  });

  it("has no diagnostics", () => {
    expect(build(files).diagnostics).toEqual([]);
  });
});

describe("the target", () => {
  const text = 'target "ipxe-2-pcbios"\nmenu main "M" { item "x" -> exit }\n';

  it("is the entry file's target", () => {
    expect(programOf(text).target).toBe("ipxe-2-pcbios");
  });

  it("is overridden by the option", () => {
    expect(programOf(text, { target: "debian-efi" }).target).toBe("debian-efi");
  });

  it("is ipxe-1.21-pcbios by default", () => {
    expect(programOf('menu main "M" { item "x" -> exit }\n').target).toBe("ipxe-1.21-pcbios");
  });

  it("is named once per file", () => {
    expect(
      checkBuild('target "a"\ntarget "b"\nmenu main "M" { item "x" -> exit }\n').map((d) => [d.code, d.at]),
    ).toEqual([["duplicate-declaration", 'target "b"']]);
  });
});

describe("program settings", () => {
  it("are the declared settings the program reads, in declaration order, imported files first", () => {
    const files = {
      "main.ipxm":
        'import "./lib.ipxm"\nsetting a: string\nsetting b: string\nsetting c: int = 3\nmenu main "${c} ${a}" { item "x" when set(b) -> boot e() }\n',
      "lib.ipxm": 'setting z: string = "z"\nsetting unread: string\nentry e() { prompt z "?" }\n',
    };
    expect(programOf(files).settings.map((setting) => [setting.name, setting.type, setting.defaultValue])).toEqual([
      ["z", "string", [{ kind: "text", value: "z" }]],
      ["a", "string", undefined],
      ["b", "string", undefined],
      ["c", "int", [{ kind: "text", value: "3" }]],
    ]);
  });

  it("come after the settings their defaults read", () => {
    const text =
      'setting kernel: url = "${mirror}/linux"\nsetting mirror: url = "http://m"\nmenu main "M" { item "x" -> chain kernel }\n';
    expect(programOf(text).settings.map((setting) => [setting.name, setting.defaultValue])).toEqual([
      ["mirror", [{ kind: "text", value: "http://m" }]],
      [
        "kernel",
        [
          { kind: "setting", reference: "mirror" },
          { kind: "text", value: "/linux" },
        ],
      ],
    ]);
  });

  it("note whether the CPU architecture is read", () => {
    expect(programOf('menu main "M" { item "x" -> exit }\n').usesArch).toBe(false);
    expect(programOf('menu main "M" { item "x" when arch == x86_64 -> exit }\n').usesArch).toBe(true);
    expect(programOf('menu main "M" { item "x" when buildarch == x86_64 -> exit }\n').usesArch).toBe(false);
  });
});

describe("--define", () => {
  const text = [
    'const greeting = "hello"',
    "const count = 2",
    "const wait: duration = 5s",
    "const show = false",
    'const names = ["a"]',
    "const plat: platform = efi",
    'const base: url = "http://a"',
    'setting mirror: url = "http://m"',
    'menu main "${greeting} ${count} ${base} ${plat}" {',
    "  default first after wait",
    '  item first "First" -> exit',
    '  for n in names { item "${n}" -> exit }',
    '  item debug "Debug" when show -> shell',
    "}",
  ].join("\n");

  it("replaces constants, parsing the text as a value of the constant's type", () => {
    const program = programOf(text, {
      defines: {
        greeting: "hi there ${x}",
        count: "0x20",
        wait: "1m",
        show: "true",
        names: '["b", "c"]',
        plat: "pcbios",
        base: "tftp://t",
      },
    });
    const menu = program.menus[0]!;
    expect(menu.title).toEqual([{ kind: "text", value: "hi there ${x} 32 tftp://t pcbios" }]);
    expect(menu.timeoutMs).toBe(60_000);
    expect(menu.rows.map((row) => (row.kind === "item" ? row.id : "gap"))).toEqual(["first", "b", "c", "debug"]);
  });

  it("reports a name that is no constant, in the pseudo-file <define>", () => {
    expect(build(text, { defines: { greting: "x" } }).diagnostics).toEqual([
      {
        code: "invalid-define",
        severity: "error",
        message: '--define greting: there is no constant "greting"; did you mean "greeting"?',
        file: "<define>",
        range: { start: 0, end: 0 },
      },
    ]);
  });

  it("reports a setting, which is given its value at run time", () => {
    expect(build(text, { defines: { mirror: "http://x" } }).diagnostics[0]!.message).toBe(
      '--define mirror: "mirror" is a setting, not a constant; a setting is given its value at run time (set it before chaining into the menu)',
    );
  });

  it.each([
    ["count", "many", 'a --define value is a literal; "many" is a name'],
    ["count", "2x", "not a value of type int"],
    ["count", '"2"', "the constant is an int, not a string"],
    ["wait", "5", "the constant is a duration, not an int (give a unit: 30s, 5m)"],
    ["names", "[1, 2]", "the constant is a list of string, not a list of int"],
    ["plat", "uefi", '"uefi" is not a platform: use one of pcbios, efi'],
    ["base", "mirror.example.org", '"mirror.example.org" is not a url'],
  ])("reports --define %s=%s as a value of the wrong type", (name, value, message) => {
    const diagnostics = build(text, { defines: { [name]: value } }).diagnostics;
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "invalid-define", file: "<define>", message: expect.stringContaining(message) }),
    ]);
  });
});

describe("elaboration diagnostics", () => {
  it("include the analysis diagnostics of the files the entry point sees, and no program", () => {
    const files = {
      "main.ipxm": 'import "./lib.ipxm"\nmenu main "M" { item "x" -> exit }\n',
      "lib.ipxm": "const x: nope = 1\n",
      "other.ipxm": "const y = zzz\n",
    };
    const result = build(files);
    expect(result.program).toBeUndefined();
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["unknown-type", "lib.ipxm"]]);
  });

  it("report an entry file that was never loaded", () => {
    expect(build({ "main.ipxm": "" }, { entry: "other.ipxm" }).diagnostics.map((d) => d.code)).toEqual([
      "file-not-found",
    ]);
  });

  it("never throw on broken input", () => {
    const broken = [
      'menu main "x" { item',
      "entry e( { kernel }",
      'menu main "M" { item "x" -> boot e(1, 2) }\nentry e(a: int) { if a { exit } }',
      'const a = b\nconst b = a\nmenu main "${a}" { for x in b { item "${x.y}" -> boot q() } }',
      'menu main "M" { default after 5\nitem -> }',
      'menu main "M" { item "x" -> boot e(main) }\nentry e(m: list) { for x in m { echo "${x}" } }',
    ];
    for (const text of broken) expect(() => build(text)).not.toThrow();
  });
});

describe("checkProgram", () => {
  it("loads, analyses and elaborates every entry point in one call", () => {
    const files = {
      "a.ipxm": 'import "./shared.ipxm"\nmenu main "A" { item "x" -> boot hello() }\n',
      "b.ipxm": 'import "./shared.ipxm"\nmenu main "B" { item "y" -> boot hello() }\n',
      "shared.ipxm": 'entry hello() { echo "hello" }\n',
      "broken.ipxm": 'menu main "C" { item "z" -> menu nowhere }\n',
    };
    const result = checkProgram(["a.ipxm", "b.ipxm", "broken.ipxm"], memoryHost(files));
    expect([...result.programs.keys()]).toEqual(["a.ipxm", "b.ipxm"]);
    expect(result.programs.get("b.ipxm")!.menus[0]!.title).toEqual([{ kind: "text", value: "B" }]);
    expect(result.diagnostics.map((d) => [d.code, d.file])).toEqual([["unknown-name", "broken.ipxm"]]);
  });
});
