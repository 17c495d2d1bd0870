import { defaultProfileName, getProfile, profileNames } from "@ipxm/ipxe";
import { describe, expect, it } from "vitest";
import type { Hover, MarkupContent } from "vscode-languageserver";
import { hover } from "../src/features/hover.js";
import { fixture, type FixtureOptions } from "./support/fixture.js";

interface Shown {
  readonly text: string;
  readonly hover: Hover;
}

/** Hover at the cursor; the `[|…|]` range of the cursor's file, if any, is what the hover must cover. */
function hoverAt(files: Record<string, string>, options: FixtureOptions = {}): Shown | null {
  const fx = fixture(files, options);
  const found = hover(fx.snapshot(), fx.cursor.document, fx.cursor.position);
  if (!found) return null;
  const expected = fx.ranges(fx.cursor.document.path);
  if (expected.length > 0) expect(found.range).toEqual(expected[0]);
  const contents = found.contents as MarkupContent;
  expect(contents.kind).toBe("markdown");
  return { text: contents.value, hover: found };
}

function shown(files: Record<string, string>, options: FixtureOptions = {}): string {
  const found = hoverAt(files, options);
  if (!found) throw new Error("no hover");
  return found.text;
}

const main = (text: string) => ({ "/w/main.ipxm": text });

describe("hover in .ipxm: names", () => {
  it("shows a constant's type, where it is declared and its doc comment, across an import", () => {
    const text = shown({
      "/w/main.ipxm": 'import "./lib.ipxm"\nentry e() {\n  chain "${[|ba┆se|]}/x"\n}',
      "/w/lib.ipxm": '// Where every installer comes from.\n// (Override with --define.)\nconst base = "http://mirror"',
    });
    expect(text).toContain('const base: string = "http://mirror"');
    expect(text).toContain("declared in `./lib.ipxm` at line 3");
    expect(text).toContain("Where every installer comes from.\n(Override with --define.)");
  });

  it("does not take a comment after a blank line, or at the end of a line above, for a doc comment", () => {
    expect(shown(main("// about nothing\n\nconst [|a┆|] = 1"))).not.toContain("about nothing");
    expect(shown(main("const b = 1 // about b\nconst [|a┆|] = 1"))).not.toContain("about b");
  });

  it("shows a menu with its title and the iPXE lines of its header", () => {
    const text = shown(main('menu [|ma┆in|] "Boot menu" {\n  item local "Local" -> exit\n}'));
    expect(text).toContain('menu main "Boot menu"');
    expect(text).toContain("```ipxe\n:main\nset ipxm_menu main\nmenu Boot menu");
    expect(text).toContain("choose ipxm_choice");
  });

  it("shows an entry's signature where it is run", () => {
    const text = shown(
      main(
        'menu m "M" {\n  item a "A" -> boot [|ubu┆ntu|]("24.04")\n}\nentry ubuntu(version: string, bits: int = 64) { boot }',
      ),
    );
    expect(text).toContain("entry ubuntu(version: string, bits: int = 64)");
    expect(text).toContain("Entry, declared in this file at line 4.");
  });

  it("shows a parameter with its type and its entry", () => {
    const text = shown(main('entry ubuntu(version: string) {\n  echo "${[|vers┆ion|]}"\n}'));
    expect(text).toContain("(parameter) version: string");
    expect(text).toContain("Parameter of entry `ubuntu`");
  });

  it("shows a loop variable with its type", () => {
    const text = shown(main('const rs = ["a"]\nmenu m "M" {\n  for r in rs { item "${[|┆r|]}" -> shell }\n}'));
    expect(text).toContain("(loop variable) r: string");
  });

  it("shows what iPXE keeps in a built-in setting", () => {
    const text = shown(main('entry e() {\n  echo "${[|build┆arch|]}"\n}'));
    expect(text).toContain("(built-in iPXE setting) buildarch: arch");
    expect(text).toContain("The CPU architecture iPXE was built for");
  });

  it("shows the value of an enum literal", () => {
    expect(shown(main("entry e() {\n  when platform == [|ef┆i|] { shell }\n}"))).toContain("UEFI firmware");
  });

  it("shows the item a default names", () => {
    const text = shown(main('menu m "M" {\n  default [|lo┆cal|]\n  item local "Local disk" -> exit\n}'));
    expect(text).toContain('(item) local "Local disk"');
    expect(text).toContain("Item of menu `m`");
  });
});

describe("hover in .ipxm: what it compiles to", () => {
  it("shows a duration literal in milliseconds", () => {
    const text = shown(main('menu m "M" {\n  default a after [|5┆m|]\n  item a "A" -> shell\n}'));
    expect(text).toContain("= 300000 ms");
  });

  it("shows a duration constant's value in milliseconds where it is used", () => {
    const text = shown(main('const wait = 30s\nmenu m "M" {\n  default a after [|wa┆it|]\n  item a "A" -> shell\n}'));
    expect(text).toContain("= 30000 ms");
  });

  it("shows a url's pattern: settings as iPXE ${…}, constants folded, parameters as placeholders", () => {
    const text = shown(
      main(
        [
          'const site = "http://example.org"',
          'const base = "${site}/boot"',
          "setting mirror: url",
          "entry e(version: string) {",
          '  kernel [|"${base}/${mirror}/${version}/li┆nux"|]',
          "}",
          'menu m "M" { item a "A" -> boot e("1") }',
        ].join("\n"),
      ),
    );
    expect(text).toContain("```ipxe\nhttp://example.org/boot/${mirror}/‹version›/linux\n```");
  });

  it("shows what elaboration makes of a string in each instance of its entry", () => {
    const text = shown(
      main(
        [
          "setting mirror: url",
          'const releases = ["24.04", "22.04"]',
          'menu m "M" {',
          '  for r in releases { item "Ubuntu ${r}" -> boot ubuntu(r) }',
          "}",
          "entry ubuntu(version: string) {",
          '  kernel [|"${mirror}/ubuntu/${version}/lin┆ux"|]',
          "  boot",
          "}",
        ].join("\n"),
      ),
    );
    expect(text).toContain("Compiles to:\n```ipxe\n${mirror}/ubuntu/24.04/linux\n${mirror}/ubuntu/22.04/linux\n```");
  });

  it("shows the iPXE lines the compiler generates for an item", () => {
    const text = shown(
      main(
        'menu main "Boot" {\n  it┆em linux "Linux" key l -> menu linux\n}\nmenu linux "Linux" { item back "Back" -> back }',
      ),
    );
    expect(text).toContain("A selectable row of the menu");
    expect(text).toContain("```ipxe\nitem --key l linux Linux\n# …\n:main.linux\ngoto linux\n```");
  });

  it("shows the generated lines over an item's id too", () => {
    const text = shown(main('menu main "Boot" {\n  item [|lo┆cal|] "Local disk" -> exit\n}'));
    expect(text).toContain("item local Local disk");
    expect(text).toContain(":main.local\nexit 0");
  });
});

describe("hover in .ipxm: words", () => {
  it("shows what a keyword does, by what it belongs to", () => {
    expect(shown(main('entry e() {\n  [|ker┆nel|] "http://x/linux"\n}'))).toContain("Downloads the kernel");
    expect(shown(main('menu m "M" {\n  item a "A" -> [|me┆nu|] m\n}'))).toContain("Opens another menu.");
    expect(shown(main('[|me┆nu|] m "M" {\n  item a "A" -> shell\n}'))).toContain("Declares a menu");
    expect(shown(main("entry e() {\n  [|bo┆ot|]\n}"))).toContain("Boots the loaded kernel.");
  });

  it("shows what a type name means", () => {
    expect(shown(main("setting wait: [|dura┆tion|]"))).toContain("emitted in milliseconds");
  });

  it("shows an iPXE command of a raw ipxe block with its synopsis", () => {
    expect(shown(main("entry e() {\n  ipxe {\n    [|imgf┆etch|] http://x/a\n  }\n}"))).toContain(
      "imgfetch [--name <name>]",
    );
  });

  it("shows a quoted hotkey from its opening quote, even when the key is an escaped quote", () => {
    const text = shown(main('menu m "M" {\n  item a "A" key [|┆"\\""|] -> shell\n}'));
    expect(text).toContain("Hotkey: pressing");
    expect(shown(main('menu m "M" {\n  item a "A" [|k┆ey|] "\\"" -> shell\n}'))).toContain("The item's hotkey");
  });

  it("reads a raw block's line continued with a backslash as one line: only its first word is a command", () => {
    const raw = (line: string) => main(`entry e() {\n  ipxe {\n    ${line}\n  }\n}`);
    expect(hoverAt(raw("imgfetch \\\n      d┆hcp"))).toBeNull();
    expect(shown(raw("[|imgf┆etch|] \\\n      dhcp"))).toContain("imgfetch [--name <name>]");
  });

  it("shows nothing in a comment", () => {
    expect(hoverAt(main("// the menu┆ of menus\nmenu m {}"))).toBeNull();
  });
});

describe("hover in .ipxe scripts", () => {
  const target = getProfile(defaultProfileName)!;

  it("shows a command's synopsis, its options and whether a failure aborts the script", () => {
    const text = shown({ "/w/a.ipxe": "#!ipxe\n[|cho┆ose|] --default linux --timeout 5000 target\n" });
    expect(text).toContain("choose [--menu <menu>] [--default <name>] [--timeout <timeout>] [--keep] <setting>");
    expect(text).toContain("`--timeout` `-t` <timeout-ms>");
    expect(text).toContain("a failure aborts the script unless the command is guarded with `||`");
  });

  it("says when the command is guarded on its line", () => {
    expect(shown({ "/w/a.ipxe": "#!ipxe\n[|ch┆ain|] http://x/next.ipxe || goto failed\n:failed\n" })).toContain(
      "guarded here by `||`",
    );
  });

  it("lists the target profiles that have the command, marking the snapshot's target", () => {
    const text = shown({ "/w/a.ipxe": "#!ipxe\n[|ch┆ain|] http://x/next.ipxe\n" });
    for (const name of profileNames) expect(text).toContain(`\`${name}\``);
    expect(text).toContain(`\`${target.name}\` **(target)**`);
  });

  it("says when the target lacks the command", () => {
    const missing = [...getProfile("ipxe-2-efi")!.commands].find((name) => !target.commands.has(name))!;
    const text = shown({ "/w/a.ipxe": `#!ipxe\n[|${missing.slice(0, 1)}┆${missing.slice(1)}|]\n` });
    expect(text).toContain(`Not available in the target \`${target.name}\``);
  });

  it("shows a label and how many gotos reach it", () => {
    const text = shown({ "/w/a.ipxe": "#!ipxe\n[|:st┆art|]\ngoto start\nchoose x || goto start\n" });
    expect(text).toContain("Label, reached by 2 `goto`s.");
  });

  it("shows the line a goto jumps to", () => {
    const text = shown({ "/w/a.ipxe": "#!ipxe\ngoto [|ret┆ry|]\necho hi\n:retry echo again\n" });
    expect(text).toContain("Goes to label `retry` at line 4:");
    expect(text).toContain("```ipxe\n:retry echo again\n```");
  });

  it("says when a goto's label is missing from the script", () => {
    expect(shown({ "/w/a.ipxe": "#!ipxe\ngoto [|nowh┆ere|]\n" })).toContain(
      "There is no label `nowhere` in this script",
    );
  });

  it("shows where the script sets a ${setting}", () => {
    const text = shown({ "/w/a.ipxe": "#!ipxe\nset base http://x\nchain [|${ba┆se}|]/boot.ipxe\n" });
    expect(text).toContain("- line 2: `set base http://x`");
  });

  it("shows what iPXE keeps in one of its own settings", () => {
    expect(shown({ "/w/a.ipxe": "#!ipxe\necho [|${plat┆form}|]\n" })).toContain("The firmware iPXE runs on");
  });

  it("shows what an option means", () => {
    const text = shown({ "/w/a.ipxe": "#!ipxe\nchoose [|--time┆out|] 5000 target\n" });
    expect(text).toContain("Picks the highlighted item after this many milliseconds");
    expect(text).toContain("Takes a time in milliseconds");
  });

  it("shows nothing in a comment", () => {
    expect(hoverAt({ "/w/a.ipxe": "#!ipxe\n# chain┆ this\n" })).toBeNull();
  });
});

describe("hover while the latest text is not analysed yet", () => {
  const original = 'const timeout = 30s\nmenu main "Main" {\n  default a after timeout\n  item a "A" -> shell\n}\n';

  /** The document analysed, then edited by `edit`; the hover is asked for at `at` in the new text. */
  function afterEdit(edit: (text: string) => string, at: (text: string) => number) {
    const fx = fixture({ "/w/main.ipxm": original });
    const uri = fx.uri("/w/main.ipxm");
    fx.snapshot().analysis();
    const text = edit(original);
    fx.workspace.changeDocument(uri, 2, text);
    const snapshot = fx.snapshot();
    const document = snapshot.document(uri)!;
    const lines = snapshot.lines(document);
    return { snapshot, text, lines, found: hover(snapshot, document, lines.positionAt(at(text))) };
  }

  it("answers on an untouched line from the last analysis, its range carried over to the new text", () => {
    const { snapshot, text, lines, found } = afterEdit(
      (text) => `// a comment typed at the top\n${text}`,
      (text) => text.indexOf("after timeout") + "after ti".length,
    );
    expect(snapshot.analysisIfMade()).toBeUndefined();
    expect((found!.contents as MarkupContent).value).toContain("30000 ms");
    const start = text.indexOf("after timeout") + "after ".length;
    expect(found!.range).toEqual({ start: lines.positionAt(start), end: lines.positionAt(start + "timeout".length) });
  });

  it("analyses the new text for a hover on the line being edited", () => {
    const { snapshot, found } = afterEdit(
      (text) => text.replace("after timeout", "after timeout "),
      (text) => text.indexOf("after timeout") + "after ti".length,
    );
    expect(snapshot.analysisIfMade()).toBeDefined();
    expect((found!.contents as MarkupContent).value).toContain("30000 ms");
  });
});
