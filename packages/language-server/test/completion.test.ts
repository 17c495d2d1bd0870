import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { commandNames, defaultProfileName, getProfile, profileNames } from "@ipxm/ipxe";
import { builtinSettings, typeNames } from "@ipxm/core";
import { describe, expect, it } from "vitest";
import { InsertTextFormat, type CompletionItem, type TextEdit } from "vscode-languageserver";
import { completion, completionTriggerCharacters } from "../src/features/completion.js";
import { hover } from "../src/features/hover.js";
import { fixture, type FixtureOptions } from "./support/fixture.js";

function complete(files: Record<string, string>, options: FixtureOptions = {}): CompletionItem[] {
  const fx = fixture(files, options);
  const list = completion(fx.snapshot(), fx.cursor.document, fx.cursor.position);
  expect(list.isIncomplete).toBe(false);
  return list.items;
}

const labels = (items: readonly CompletionItem[]) => items.map((item) => item.label);

/** The items in the order a client shows them (by sort text). */
const sorted = (items: readonly CompletionItem[]) =>
  [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label);

const item = (items: readonly CompletionItem[], label: string) => {
  const found = items.find((candidate) => candidate.label === label);
  if (!found) throw new Error(`no completion "${label}" among ${labels(items).join(", ")}`);
  return found;
};

const edit = (completion: CompletionItem) => completion.textEdit as TextEdit;

const main = (text: string) => ({ "/w/main.ipxm": text });

const menusFolder = fileURLToPath(new URL("../../../menus", import.meta.url));

describe("completion triggers", () => {
  it("fire on the characters that open a completion context in either language", () => {
    for (const character of ["{", ".", ":", "/", '"', "-"]) expect(completionTriggerCharacters).toContain(character);
  });
});

describe("completion in .ipxm: keywords in context", () => {
  it("offers the declarations at the top level, a menu and an entry as snippets", () => {
    const items = complete(main("const a = 1\n┆"));
    expect(labels(items)).toEqual(expect.arrayContaining(["import", "target", "const", "setting", "menu", "entry"]));
    const menu = item(items, "menu");
    expect(menu.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(edit(menu).newText).toContain("{\n\t$0\n}");
    expect(labels(items)).not.toContain("on failure");
  });

  it("offers the members of a menu inside its body, and no entry statement", () => {
    const items = labels(complete(main('menu main "Main" {\n  item a "A" -> shell\n  ┆\n}')));
    expect(items).toEqual(expect.arrayContaining(["item", "gap", "default", "on escape", "for", "if", "when"]));
    expect(items).not.toContain("kernel");
    expect(items).not.toContain("menu");
  });

  it("offers the statements of an entry inside its body", () => {
    const items = labels(complete(main('entry e() {\n  echo "hi"\n  ┆\n}')));
    expect(items).toEqual(
      expect.arrayContaining([
        "kernel",
        "initrd",
        "boot",
        "chain",
        "sanboot",
        "echo",
        "prompt",
        "set",
        "sleep",
        "on failure",
        "ipxe",
        "exit",
      ]),
    );
    expect(items).not.toContain("item");
  });

  it("offers member keywords inside a menu's when and for blocks too", () => {
    const items = labels(
      complete(
        main('const l = ["a"]\nmenu m "M" {\n  for x in l {\n    when platform == efi {\n      ┆\n    }\n  }\n}'),
      ),
    );
    expect(items).toContain("item");
    expect(items).not.toContain("kernel");
  });

  it("completes a half-typed keyword, replacing what was typed", () => {
    const fx = fixture(main('menu m "M" {\n  it┆\n}'));
    const items = completion(fx.snapshot(), fx.cursor.document, fx.cursor.position).items;
    const found = item(items, "item");
    expect(edit(found).range).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 4 } });
  });

  it("offers nothing right after a block's opening brace, where Enter must not pick an item", () => {
    expect(complete(main('menu m "M" {┆'))).toEqual([]);
  });

  it("offers the actions after ->", () => {
    const items = labels(complete(main('menu m "M" {\n  item a "A" -> ┆\n}')));
    expect(items).toEqual(["menu", "boot", "chain", "sanboot", "memdisk", "shell", "exit", "reboot", "back"]);
  });

  it("offers escape after on in a menu, and failure after on in an entry", () => {
    expect(labels(complete(main('menu m "M" {\n  on ┆\n}')))).toEqual(["escape"]);
    expect(labels(complete(main("entry e() {\n  on ┆\n}")))).toEqual(["failure"]);
  });

  it("offers key and when after an item's text, and the members once its action is complete", () => {
    expect(labels(complete(main('menu m "M" {\n  item a "A" ┆\n}')))).toEqual(["key", "when"]);
    const after = labels(complete(main('menu m "M" {\n  item a "A" -> shell ┆\n}')));
    expect(after).toContain("item");
  });

  it("offers after and the members once a default item is named", () => {
    expect(labels(complete(main('menu m "M" {\n  default a ┆\n  item a "A" -> shell\n}')))).toEqual(
      expect.arrayContaining(["after", "item", "gap"]),
    );
  });

  it("offers in after a loop variable, and else after a when block", () => {
    expect(labels(complete(main('menu m "M" {\n  for v ┆\n}')))).toEqual(["in"]);
    const afterWhen = labels(complete(main('menu m "M" {\n  when platform == efi { item a "A" -> shell }\n  ┆\n}')));
    expect(afterWhen).toEqual(expect.arrayContaining(["else", "item"]));
    expect(afterWhen).not.toContain("else if");
    expect(labels(complete(main('menu m "M" {\n  if true { item a "A" -> shell }\n  ┆\n}')))).toContain("else if");
  });

  it("offers args after a kernel's url, as after an initrd's url", () => {
    expect(labels(complete(main('entry e() {\n  kernel "http://x/linux" ┆\n}')))).toEqual(
      expect.arrayContaining(["args", "initrd", "boot"]),
    );
    expect(labels(complete(main('entry e() {\n  initrd "http://x/initrd" ┆\n}')))).toEqual(
      expect.arrayContaining(["as", "boot"]),
    );
  });

  it("offers and and or after an operand of a condition", () => {
    expect(labels(complete(main("entry e() {\n  when platform == efi ┆\n}")))).toEqual(["and", "or"]);
  });

  it("offers iPXE commands on a line of a raw ipxe block", () => {
    const items = complete(main("entry e() {\n  ipxe {\n    ech┆\n  }\n}"));
    expect(labels(items)).toEqual(expect.arrayContaining(["echo", "imgfetch"]));
    expect(labels(items)).not.toContain("on failure");
  });

  it("reads a raw block's line continued with a backslash as one line", () => {
    const items = labels(complete(main("entry e() {\n  ipxe {\n    choose \\\n      --┆\n  }\n}")));
    expect(items).toContain("--timeout");
    expect(items).not.toContain("imgfetch");
  });

  it("offers nothing inside a comment or a plain string", () => {
    expect(complete(main("// a menu ┆\nmenu m {}"))).toEqual([]);
    expect(complete(main("/* menu\n ┆ */"))).toEqual([]);
    expect(complete(main('menu m "Some ┆ title" {}'))).toEqual([]);
  });
});

describe("completion in .ipxm: names in scope", () => {
  const library = {
    "/w/lib.ipxm": [
      'menu linux "Linux installers" { item back "Back" -> back }',
      "entry ubuntu(version: string, bits: int) { boot }",
      'const base = "http://mirror"',
    ].join("\n"),
  };

  it("offers the menus a file sees (imported ones too) where an item opens a menu, with their titles", () => {
    const items = complete({
      ...library,
      "/w/main.ipxm": 'import "./lib.ipxm"\nmenu main "Main" {\n  item l "Linux" -> menu ┆\n}',
      "/w/other.ipxm": 'menu unseen "Not imported" { item a "A" -> shell }',
    });
    expect(labels(items)).toEqual(expect.arrayContaining(["linux", "main"]));
    expect(labels(items)).not.toContain("unseen");
    expect(labels(items)).not.toContain("ubuntu");
    expect(labels(items)).not.toContain("base");
    expect(item(items, "linux").detail).toBe('menu "Linux installers"');
  });

  it("offers entries where an item runs one, with a snippet that calls it with its parameters", () => {
    const items = complete({
      ...library,
      "/w/main.ipxm": 'import "./lib.ipxm"\nmenu main "Main" {\n  item u "U" -> boot ┆\n}',
    });
    expect(labels(items)).toEqual(["ubuntu"]);
    const ubuntu = item(items, "ubuntu");
    expect(ubuntu.insertTextFormat).toBe(InsertTextFormat.Snippet);
    expect(edit(ubuntu).newText).toBe("ubuntu(${1:version}, ${2:bits})");
    expect(ubuntu.detail).toBe("entry ubuntu(version: string, bits: int)");
  });

  it("offers entries after boot in an entry only on boot's own line (a bare boot boots the kernel)", () => {
    const sameLine = labels(complete({ ...library, "/w/main.ipxm": 'import "./lib.ipxm"\nentry e() {\n  boot ┆\n}' }));
    expect(sameLine).toContain("ubuntu");
    const nextLine = labels(
      complete({ ...library, "/w/main.ipxm": 'import "./lib.ipxm"\nentry e() {\n  boot\n  ┆\n}' }),
    );
    expect(nextLine).not.toContain("ubuntu");
    expect(nextLine).toContain("kernel");
  });

  it("offers constants, settings, parameters and loop variables in an expression, with their type as detail", () => {
    const items = complete(
      main(
        [
          "setting mirror: url",
          'const releases = ["24.04", "22.04"]',
          "entry e(version: string) {",
          "  for r in releases {",
          "    echo ┆",
          "  }",
          "}",
        ].join("\n"),
      ),
    );
    expect(labels(items)).toEqual(
      expect.arrayContaining(["mirror", "releases", "version", "r", "buildarch", "platform"]),
    );
    expect(item(items, "mirror").detail).toBe("url");
    expect(item(items, "releases").detail).toBe("list of string");
    expect(item(items, "version").detail).toBe("string");
    expect(item(items, "r").detail).toBe("string");
    expect(item(items, "mirror").labelDetails?.description).toBe("setting");
    // What is local comes first.
    expect(sorted(items).slice(0, 2)).toEqual(["r", "version"]);
  });

  it("ranks first the names whose type fits the position", () => {
    const items = complete(main('const wait = 5m\nconst title = "x"\nentry e() {\n  sleep ┆\n}'));
    const order = sorted(items);
    expect(order.indexOf("wait")).toBeLessThan(order.indexOf("title"));
  });

  it("offers a constant's doc comment with it", () => {
    const items = complete(
      main('// Where every installer comes from.\nconst base = "http://m"\nentry e() {\n  chain ┆\n}'),
    );
    expect(item(items, "base").documentation).toEqual({ kind: "markdown", value: "Where every installer comes from." });
  });

  it("offers the platforms when a value is compared with ${platform}", () => {
    const items = complete(main("entry e() {\n  when platform == ┆\n}"));
    expect(sorted(items).slice(0, 2).sort()).toEqual(["efi", "pcbios"]);
  });

  it("offers declared settings after prompt and set, and every setting inside set(…)", () => {
    const prompted = labels(complete(main("setting answer: string\nconst c = 1\nentry e() {\n  prompt ┆\n}")));
    expect(prompted).toEqual(["answer"]);
    const tested = labels(complete(main("setting answer: string\nentry e() {\n  when set(┆\n}")));
    expect(tested).toEqual(expect.arrayContaining(["answer", "dhcp-server"]));
  });

  it("offers the type names after : in a declaration", () => {
    for (const text of ["const x: ┆", "setting x: ┆", "entry e(v: ┆"]) {
      expect(labels(complete(main(text)))).toEqual([...typeNames]);
    }
  });

  it("offers the memdisk modes after as", () => {
    expect(labels(complete(main('menu m "M" {\n  item a "A" -> memdisk "http://x/a.img" as ┆\n}')))).toEqual([
      "iso",
      "harddisk",
      "floppy",
    ]);
  });

  it("offers the fields of a record after a dot", () => {
    const items = complete(
      main(
        'const debian = [{ version: "12", codename: "bookworm" }]\nmenu m "M" {\n  for d in debian {\n    item "Debian" -> boot x(d.┆)\n  }\n}',
      ),
    );
    expect(labels(items).sort()).toEqual(["codename", "version"]);
  });
});

describe("completion in .ipxm: inside strings", () => {
  it("offers names in scope and iPXE's own settings inside ${", () => {
    const items = complete(main('setting mirror: url\nentry e(version: string) {\n  kernel "${mirror}/${┆"\n}'));
    expect(labels(items)).toEqual(expect.arrayContaining(["version", "mirror", ...builtinSettings.keys(), "net0/mac"]));
    expect(item(items, "buildarch").documentation).toMatchObject({ kind: "markdown" });
    expect(sorted(items)[0]).toBe("version");
  });

  it("replaces only what follows ${ and leaves an escaped \\${ alone", () => {
    const fx = fixture(main('entry e(version: string) {\n  echo "v=${ver┆"\n}'));
    const found = item(completion(fx.snapshot(), fx.cursor.document, fx.cursor.position).items, "version");
    expect(edit(found).range).toEqual({ start: { line: 1, character: 12 }, end: { line: 1, character: 15 } });
    expect(complete(main('entry e(version: string) {\n  echo "v=\\${┆"\n}'))).toEqual([]);
  });

  it("offers iPXE's settings after a scope such as net0/", () => {
    const items = labels(complete(main('entry e() {\n  echo "${net0/┆"\n}')));
    expect(items).toEqual(expect.arrayContaining(["mac", "ip"]));
  });

  it("offers the setting types after : in ${mac:", () => {
    expect(labels(complete(main('entry e() {\n  echo "${mac:┆"\n}')))).toContain("hexhyp");
  });

  it("offers the fields of a loop variable's record after ${r.", () => {
    const items = labels(
      complete(
        main(
          'const debian = [{ version: "12", codename: "bookworm" }]\nmenu m "M" {\n  for r in debian {\n    item "Debian ${r.┆" -> shell\n  }\n}',
        ),
      ),
    );
    expect(items.sort()).toEqual(["codename", "version"]);
  });

  it('offers the other .ipxm files of the workspace inside import "', () => {
    const items = complete({
      "/w/main.ipxm": 'import "┆',
      "/w/linux.ipxm": "const a = 1",
      "/w/lib/tools.ipxm": "const b = 2",
      "/w/scripts/boot.ipxe": "#!ipxe\n",
    });
    expect(labels(items).sort()).toEqual(["./lib/tools.ipxm", "./linux.ipxm"]);
  });

  it("offers the paths with their quotes right after import", () => {
    const items = complete({ "/w/main.ipxm": "import ┆", "/w/linux.ipxm": "const a = 1" });
    expect(edit(item(items, "./linux.ipxm")).newText).toBe('"./linux.ipxm"');
  });

  it('offers the target profiles inside target "', () => {
    expect(labels(complete(main('target "┆')))).toEqual([...profileNames]);
  });
});

describe("completion in .ipxm: menus", () => {
  it("offers the ids of the menu's items after default, those made from text too", () => {
    const items = complete(
      main(
        'menu m "M" {\n  default ┆\n  item linux "Linux" -> shell\n  item "Local disk" -> exit\n}\nmenu other "O" { item nope "N" -> back }',
      ),
    );
    expect(labels(items)).toEqual(["linux", "local-disk"]);
    expect(item(items, "local-disk").detail).toBe('item "Local disk"');
  });

  it("offers the free hotkeys, the letters of the item's own text first", () => {
    const items = complete(
      main(
        'menu m "M" {\n  item linux "Linux" key l -> shell\n  item sh "Shell" key ┆\n  item s "Setup" key s -> shell\n}',
      ),
    );
    const keys = sorted(items);
    expect(keys.slice(0, 2)).toEqual(["h", "e"]);
    expect(keys).not.toContain("l");
    expect(keys).not.toContain("s");
    expect(keys).toContain("9");
  });

  it("offers the duration units after a number where a duration goes, with the value in ms", () => {
    const fx = fixture(main('menu m "M" {\n  default a after 5┆\n  item a "A" -> shell\n}'));
    const items = completion(fx.snapshot(), fx.cursor.document, fx.cursor.position).items;
    expect(labels(items)).toEqual(["5ms", "5s", "5m", "5h"]);
    expect(item(items, "5m").detail).toBe("300000 ms");
    expect(edit(item(items, "5s")).range).toEqual({
      start: { line: 1, character: 18 },
      end: { line: 1, character: 19 },
    });
    expect(labels(complete(main("entry e() {\n  sleep 30┆\n}")))).toContain("30s");
  });

  it("offers no unit after a number where an int goes", () => {
    expect(complete(main('menu m "M" {\n  item a "A" -> exit 1┆\n}'))).toEqual([]);
  });
});

describe("completion in .ipxe scripts", () => {
  const target = getProfile(defaultProfileName)!;

  it("offers the commands at the start of a command: a line, after a label, after ||, && and ;", () => {
    for (const text of [
      "#!ipxe\n┆",
      "#!ipxe\n:start ┆",
      "#!ipxe\ndhcp || ┆",
      "#!ipxe\nisset ${x} && ┆",
      "#!ipxe\necho a ; ┆",
    ]) {
      expect(labels(complete({ "/w/a.ipxe": text }))).toEqual(
        expect.arrayContaining(["chain", "goto", "menu", "choose"]),
      );
    }
    expect(item(complete({ "/w/a.ipxe": "#!ipxe\ngo┆" }), "goto").detail).toBe("goto <label>");
  });

  it("describes a command as hover does: its synopsis, how it fails and whether the target has it", () => {
    const documentation = item(complete({ "/w/a.ipxe": "#!ipxe\n┆" }), "imgfetch").documentation;
    expect(documentation).toMatchObject({ kind: "markdown" });
    const text = (documentation as { value: string }).value;
    expect(text).toContain("```ipxe\nimgfetch [--name <name>]");
    expect(text).toContain("a failure aborts the script unless the command is guarded with `||`");
    expect(text).toContain(`Available in the target \`${target.name}\``);
  });

  it("marks the commands the target profile lacks and shows them last", () => {
    const missing = commandNames.find((name) => !target.commands.has(name))!;
    const items = complete({ "/w/a.ipxe": "#!ipxe\n┆" });
    expect(item(items, missing).labelDetails?.description).toBe(`not in ${target.name}`);
    expect(sorted(items).indexOf(missing)).toBeGreaterThan(sorted(items).indexOf("chain"));
    expect(item(items, "chain").labelDetails).toBeUndefined();
  });

  it("follows the target chosen in the editor", () => {
    const efi = getProfile("ipxe-2-efi")!;
    const command = commandNames.find((name) => efi.commands.has(name) && !target.commands.has(name))!;
    const items = complete({ "/w/a.ipxe": "#!ipxe\n┆" }, { target: "ipxe-2-efi" });
    expect(item(items, command).labelDetails).toBeUndefined();
  });

  it("offers the script's labels after goto", () => {
    const items = complete({ "/w/a.ipxe": "#!ipxe\n:start\ngoto ┆\n:retry\ngoto start\n" });
    expect(labels(items).sort()).toEqual(["retry", "start"]);
    expect(item(items, "start").detail).toBe("label, 1 goto");
  });

  it("offers the current menu's item names after choose --default", () => {
    const text =
      "#!ipxe\nmenu Old\nitem old Old\nchoose x\nmenu Boot\nitem --gap Systems\nitem linux Linux\nitem local Local disk\nchoose --default ┆ target";
    const items = complete({ "/w/a.ipxe": text });
    expect(labels(items)).toEqual(["linux", "local"]);
    expect(item(items, "local").detail).toBe("Local disk");
  });

  it("offers the free hotkeys after item --key", () => {
    const keys = labels(complete({ "/w/a.ipxe": "#!ipxe\nmenu Boot\nitem --key a one One\nitem --key ┆" }));
    expect(keys).not.toContain("a");
    expect(keys).toContain("b");
  });

  it("offers the command's long options after -", () => {
    const items = complete({ "/w/a.ipxe": "#!ipxe\nchoose --┆" });
    expect(labels(items)).toEqual(["--menu", "--default", "--timeout", "--retimeout", "--keep"]);
    expect(item(items, "--timeout").detail).toBe("-t <timeout-ms>");
    // `--retimeout` is new in iPXE 2; the default target is a 1.x build.
    expect(item(items, "--retimeout").labelDetails?.description).toBe(`not in ${target.name}`);
  });

  it("reads a line continued with a backslash as one line", () => {
    expect(labels(complete({ "/w/a.ipxe": "#!ipxe\nchoose \\\n  --┆" }))).toContain("--timeout");
  });

  it("offers the settings the script sets and iPXE's own inside ${", () => {
    const items = labels(complete({ "/w/a.ipxe": "#!ipxe\nset base http://x\nchain ${base}/${┆" }));
    expect(items).toEqual(expect.arrayContaining(["base", "buildarch", "platform", "mac"]));
  });

  it("offers nothing in a comment or a label's name", () => {
    expect(complete({ "/w/a.ipxe": "#!ipxe\n# chain ┆" })).toEqual([]);
    expect(complete({ "/w/a.ipxe": "#!ipxe\n:sta┆" })).toEqual([]);
  });
});

describe("completion and hover on broken and half-typed text", () => {
  const broken: Record<string, string>[] = [
    {
      "/w/main.ipxm": [
        'import "./lib.ipxm',
        'menu main "Boot ${ {',
        '  item "A" key -> ',
        "  default after",
        '  item x "Y" when platform == -> boot u(',
        "}",
        'entry u(v: , w: string = ) { kernel "${mirror}/${v" args ipxe { echo ${net0/mac',
      ].join("\n"),
      "/w/lib.ipxm": "/* never closed\nmenu",
    },
    {
      "/w/main.ipxm": [
        'menu m "M" {',
        '  for x in { item "${x.}" -> memdisk "u" as }',
        "  if else when {",
        "}",
        "}",
        "}",
        "const = ",
        "setting s: = 5min",
        "entry e() { set = ; prompt ; on ; sleep 0x ; sanboot drive ; exit 1 2 ; boot e(1,, ) ipxe { }",
        'menu n "é\\u{1F600} \\"q\\" \\$ \\u{zz}" {\r\n  item a "A" key "?" -> chain "http://x"\r\n  default a after 5m\r\n}\r\n',
        "->->{{[[((",
      ].join("\n"),
    },
    { "/w/main.ipxm": "" },
    {
      "/w/a.ipxe": [
        "#!ipxe",
        ":start",
        "menu --name m Boot ${x",
        "item --menu m --key  a A",
        "choose --menu m --default --timeout abc x || goto",
        "goto ${x",
        "set \\",
        "  y",
        "# comment ${",
        "chain --replace -- ${base}/x ||",
        ":",
        "item --key",
      ].join("\n"),
    },
    { "/w/b.ipxe": "not a header\n||&&;\n${}\n\\" },
    { "/w/c.ipxe": "" },
  ];

  it("answer at every offset of every file without failing", () => {
    for (const files of broken) {
      const fx = fixture(files);
      const snapshot = fx.snapshot();
      for (const path of Object.keys(files)) {
        const document = fx.document(path);
        for (let offset = 0; offset <= document.text.length; offset++) {
          const position = fx.position(path, offset);
          expect(() => completion(snapshot, document, position), `completion in ${path} at ${offset}`).not.toThrow();
          expect(() => hover(snapshot, document, position), `hover in ${path} at ${offset}`).not.toThrow();
        }
      }
    }
  });

  it("answer at every offset of a real menu file", () => {
    const files = Object.fromEntries(
      ["linux.ipxm", "ubuntu.ipxm", "utils.ipxm"].map((name) => [
        `/w/${name}`,
        readFileSync(`${menusFolder}/${name}`, "utf8"),
      ]),
    );
    const fx = fixture(files);
    const snapshot = fx.snapshot();
    const document = fx.document("/w/ubuntu.ipxm");
    let answered = 0;
    for (let offset = 0; offset <= document.text.length; offset++) {
      const position = fx.position("/w/ubuntu.ipxm", offset);
      if (completion(snapshot, document, position).items.length > 0) answered++;
      hover(snapshot, document, position);
    }
    expect(answered).toBeGreaterThan(0);
  });
});

describe("completion while the latest text is not analysed yet", () => {
  /**
   * The editor state after typing: the document was analysed (diagnostics ran), then `typed` was
   * inserted at the marker `┆` and completion is asked for right after it.
   */
  function afterTyping(before: string, typed: string) {
    const cursor = before.indexOf("┆");
    const original = before.replace("┆", "");
    const fx = fixture({ "/w/main.ipxm": original });
    const uri = fx.uri("/w/main.ipxm");
    fx.snapshot().analysis();
    const text = original.slice(0, cursor) + typed + original.slice(cursor);
    fx.workspace.changeDocument(uri, 2, text);
    const snapshot = fx.snapshot();
    const document = snapshot.document(uri)!;
    const position = snapshot.lines(document).positionAt(cursor + typed.length);
    return { snapshot, items: completion(snapshot, document, position).items };
  }

  it("answers from the last analysis, without analysing the new text", () => {
    const { snapshot, items } = afterTyping(
      'menu main "Main" {\n  item a "A" -> menu l┆\n}\nmenu linux "Linux" {\n  item b "Back" -> back\n}\n',
      "i",
    );
    expect(labels(items)).toContain("linux");
    expect(snapshot.analysisIfMade()).toBeUndefined();
  });

  it("sees parameters, with their types, after an edit earlier in the file", () => {
    const original =
      'const a = 1\nmenu main "Main" {\n  item a "A" -> boot e("1")\n}\nentry e(version: string) {\n  echo ver\n}\n';
    const fx = fixture({ "/w/main.ipxm": original });
    const uri = fx.uri("/w/main.ipxm");
    fx.snapshot().analysis();
    // `23` typed after `const a = 1` moves everything below; then completion is asked for at `echo ver`.
    const edited = original.replace("const a = 1", "const a = 123");
    fx.workspace.changeDocument(uri, 2, edited);
    const snapshot = fx.snapshot();
    const document = snapshot.document(uri)!;
    const at = snapshot.lines(document).positionAt(edited.indexOf("echo ver") + "echo ver".length);
    const items = completion(snapshot, document, at).items;
    expect(snapshot.analysisIfMade()).toBeUndefined();
    expect(item(items, "version").detail).toBe("string");
  });

  it("leaves out what the edit itself touched, and still answers", () => {
    const original =
      'menu main "Main" {\n  item a "A" -> menu l\n}\nmenu linux "Linux" {\n  item b "Back" -> back\n}\n';
    const fx = fixture({ "/w/main.ipxm": original });
    const uri = fx.uri("/w/main.ipxm");
    fx.snapshot().analysis();
    // The whole second menu is cut away; its name comes from the older analysis, the text is read as it is.
    const edited = original.slice(0, original.indexOf("menu linux"));
    fx.workspace.changeDocument(uri, 2, edited);
    const snapshot = fx.snapshot();
    const document = snapshot.document(uri)!;
    const at = snapshot.lines(document).positionAt(edited.indexOf("menu l") + "menu l".length);
    expect(labels(completion(snapshot, document, at).items)).toContain("main");
  });

  it("analyses the text when no analysis was ever made", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu main "Main" {\n  item a "A" -> menu ┆\n}\n' });
    const items = completion(fx.snapshot(), fx.cursor.document, fx.cursor.position).items;
    expect(labels(items)).toContain("main");
    expect(fx.snapshot().analysisIfMade()).toBeDefined();
  });
});
