import { describe, expect, it } from "vitest";
import { analyzeText, check, rangeOf } from "./helpers.js";

describe("top-level names", () => {
  it("share one namespace: a second declaration of a name is a duplicate, related to the first", () => {
    const files = {
      "main.ipxm": 'import "./lib.ipxm"\nmenu debian "Debian" { item "x" -> exit }\n',
      "lib.ipxm": "entry debian() { exit }\n",
    };
    const analysis = analyzeText(files);
    expect(analysis.diagnostics).toEqual([
      {
        code: "duplicate-declaration",
        severity: "error",
        message:
          '"debian" is already declared (as an entry in lib.ipxm); names of menus, entries, constants and settings must be unique',
        file: "main.ipxm",
        range: rangeOf(files["main.ipxm"], "debian"),
        related: [
          { file: "lib.ipxm", range: rangeOf(files["lib.ipxm"], "debian"), message: '"debian" is first declared here' },
        ],
      },
    ]);
  });

  it("do not clash between files that no file sees together", () => {
    const files = {
      "site-a.ipxm": 'menu main "A" { item "x" -> exit }\n',
      "site-b.ipxm": 'menu main "B" { item "x" -> exit }\n',
    };
    expect(analyzeText(files, ["site-a.ipxm", "site-b.ipxm"]).diagnostics).toEqual([]);
  });

  it("are visible through imports, but not to the file that is imported", () => {
    const files = {
      "main.ipxm": 'import "./lib.ipxm"\nconst greeting = "hi"\nmenu main "${greeting}" { item "x" -> boot hello() }\n',
      "lib.ipxm": 'entry hello() { echo "${greeting}" }\n',
    };
    expect(check(files)).toEqual([
      { code: "unknown-name", file: "lib.ipxm", at: "greeting", message: 'unknown name "greeting"' },
    ]);
  });
});

describe("unknown names", () => {
  it("suggest the closest name of the right kind, in the message and as a fix", () => {
    const text =
      'menu main "M" { item "Ubuntu" -> menu ubnutu }\nmenu ubuntu "U" { item "x" -> back }\nentry ubuntus() { exit }\n';
    const analysis = analyzeText(text);
    expect(analysis.diagnostics).toEqual([
      {
        code: "unknown-name",
        severity: "error",
        message: 'unknown menu "ubnutu"; did you mean "ubuntu"?',
        file: "main.ipxm",
        range: rangeOf(text, "ubnutu"),
        fix: { description: 'Change to "ubuntu"', edits: [{ range: rangeOf(text, "ubnutu"), newText: "ubuntu" }] },
      },
    ]);
  });

  it("suggest entries after boot", () => {
    const text = 'menu main "M" { item "x" -> boot debain() }\nentry debian() { exit }\n';
    expect(check(text)).toEqual([
      {
        code: "unknown-name",
        file: "main.ipxm",
        at: "debain",
        message: 'unknown entry "debain"; did you mean "debian"?',
      },
    ]);
  });

  it("suggest values (constants, settings, parameters, built-in settings) inside expressions", () => {
    const text =
      'setting mirror: url = "http://m"\nentry e(version: string) { echo "${mirorr} ${verison} ${hostnam}" }\nmenu main "M" { item "x" -> boot e("1") }\n';
    expect(check(text).map((d) => [d.at, d.message])).toEqual([
      ["mirorr", 'unknown name "mirorr"; did you mean "mirror"?'],
      ["verison", 'unknown name "verison"; did you mean "version"?'],
      ["hostnam", 'unknown name "hostnam"; did you mean "hostname"?'],
    ]);
  });

  it("say nothing about a suggestion when no name is close", () => {
    expect(check("const a = zzz\n")).toEqual([
      { code: "unknown-name", file: "main.ipxm", at: "zzz", message: 'unknown name "zzz"' },
    ]);
  });

  it("name a menu used as a value, and say how to open it", () => {
    expect(check('menu main "M" { item "${main}" -> exit }\n')).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: "main",
        message: '"main" is a menu, not a value; open it with `-> menu main`',
      }),
    ]);
  });

  it("name an entry used where a menu belongs", () => {
    expect(check('menu main "M" { item "x" -> menu tools }\nentry tools() { shell }\n')).toEqual([
      expect.objectContaining({
        code: "type-mismatch",
        at: "tools",
        message: '"tools" is an entry, not a menu; run it with `boot tools(…)`',
      }),
    ]);
  });
});

describe("built-in iPXE settings", () => {
  it("need no declaration", () => {
    const text =
      'menu main "${platform} ${buildarch} ${arch} ${mac} ${ip} ${netmask} ${gateway} ${dns} ${hostname} ${uuid} ${manufacturer} ${product} ${serial} ${asset} ${version} ${next-server} ${dhcp-server} ${filename} ${errno}" { item "x" -> exit }\n';
    expect(check(text)).toEqual([]);
  });

  it("include dhcp-server, which a script may test with set(…) but not overwrite", () => {
    expect(check('entry e() { when not set(dhcp-server) { echo "static address" } }\n')).toEqual([]);
    expect(check('entry e() { set dhcp-server = "10.0.0.1" }\n')).toEqual([
      expect.objectContaining({ code: "read-only-setting", at: "dhcp-server" }),
    ]);
  });

  it("give way to a declaration of the same name", () => {
    const analysis = analyzeText('const version = "1.0"\nmenu main "v${version}" { item "x" -> exit }\n');
    const reference = analysis.references.find((r) => r.name === "version")!;
    expect(reference.target?.kind).toBe("const");
  });

  it("may be written with a scope and a type, taken as written", () => {
    expect(check('menu main "${net0/mac} ${mac:hexhyp} ${smbios/serial:string}" { item "x" -> exit }\n')).toEqual([]);
  });

  it("warn about an iPXE type that does not exist, at the type", () => {
    expect(check('menu main "${mac:hexdash}" { item "x" -> exit }\n')).toEqual([
      expect.objectContaining({ code: "unknown-ipxe-setting", at: "hexdash" }),
    ]);
  });
});

describe("symbols and references", () => {
  const files = {
    "main.ipxm":
      'import "./lib.ipxm"\nmenu main "M" {\n  default local\n  for v in versions { item "V ${v}" -> boot install(v) }\n  item local "Local" -> menu tools\n}\n',
    "lib.ipxm":
      'const versions = ["1", "2"]\nsetting answer: string\nmenu tools "T" { item "x" -> exit }\nentry install(release: string) {\n  prompt answer "?"\n  when set(answer) { echo "${answer} ${release}" }\n}\n',
  };
  const analysis = analyzeText(files);

  it("describe every declaration with its kind, file, name range and type", () => {
    const byName = (name: string) => [...analysis.symbols.values()].find((s) => s.name === name)!;
    expect(byName("versions")).toMatchObject({
      kind: "const",
      file: "lib.ipxm",
      nameRange: rangeOf(files["lib.ipxm"], "versions"),
    });
    expect(byName("versions").type).toEqual({ kind: "list", element: { kind: "string" } });
    expect(byName("answer")).toMatchObject({ kind: "setting", type: { kind: "string" } });
    expect(byName("release")).toMatchObject({ kind: "param", type: { kind: "string" } });
    expect(byName("release").container?.name).toBe("install");
    expect(byName("v")).toMatchObject({ kind: "loop-variable", type: { kind: "string" } });
    expect(byName("local")).toMatchObject({ kind: "item", file: "main.ipxm" });
    expect(byName("local").container?.name).toBe("main");
    expect(byName("mac")).toMatchObject({ kind: "builtin-setting", type: { kind: "string" } });
    expect(byName("mac").file).toBeUndefined();
  });

  it("record every use of a name with its range and target", () => {
    const shown = analysis.references.map((r) => [
      r.kind,
      r.file,
      files[r.file as keyof typeof files].slice(r.range.start, r.range.end),
      r.target?.kind,
    ]);
    expect(shown).toEqual([
      ["item", "main.ipxm", "local", "item"],
      ["name", "main.ipxm", "versions", "const"],
      ["name", "main.ipxm", "v", "loop-variable"],
      ["name", "main.ipxm", "install", "entry"],
      ["name", "main.ipxm", "v", "loop-variable"],
      ["name", "main.ipxm", "tools", "menu"],
      ["name", "lib.ipxm", "answer", "setting"],
      ["name", "lib.ipxm", "answer", "setting"],
      ["name", "lib.ipxm", "answer", "setting"],
      ["name", "lib.ipxm", "release", "param"],
    ]);
  });

  it("record unresolved names with no target", () => {
    const unresolved = analyzeText('menu main "${nope}" { item "x" -> exit }\n').references;
    expect(unresolved).toEqual([
      { kind: "name", file: "main.ipxm", range: expect.objectContaining({ start: 13, end: 17 }), name: "nope" },
    ]);
  });
});
