import { describe, expect, it } from "vitest";
import type { Location } from "vscode-languageserver";
import { definition } from "../src/features/definition.js";
import { documentHighlights, references } from "../src/features/references.js";
import { prepareRename, rename } from "../src/features/rename.js";
import { fixture, type Fixture } from "./support/fixture.js";

/** Go to definition at the fixture's cursor. */
function definitionAt(fx: Fixture): Location[] {
  return definition(fx.snapshot(), fx.cursor.document, fx.cursor.position);
}

/** The locations of every `[|…|]` of a file, in order. */
function marked(fx: Fixture, path: string): Location[] {
  return fx.ranges(path).map((range) => ({ uri: fx.uri(path), range }));
}

const startOf = (fx: Fixture, path: string): Location => ({
  uri: fx.uri(path),
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
});

describe("go to definition in .ipxm", () => {
  it("jumps from an item to the menu it opens, in another file", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./linux.ipxm"\nmenu main "Boot" {\n  item "Linux" -> menu li┆nux\n}',
      "/w/linux.ipxm": 'menu [|linux|] "Linux" {\n  item "Back" -> back\n}',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/linux.ipxm"));
  });

  it("jumps from an item to the entry it boots", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu main "Boot" { item "Shell" -> boot ┆tools() }\nentry [|tools|]() { shell }',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("jumps to a declaration in a file that is not open in the editor", () => {
    const fx = fixture(
      {
        "/w/main.ipxm": 'import "./lib.ipxm"\nmenu main "Boot" { item "Debian" -> boot deb┆ian("12") }',
        "/w/lib.ipxm": 'entry [|debian|](version: string) { chain "http://x/${version}" }',
      },
      { closed: ["/w/lib.ipxm"] },
    );
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/lib.ipxm"));
  });

  it("jumps from a constant's use inside a string to the constant", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const [|release|] = "12"\nmenu main "Debian ${rele┆ase}" { item "x" -> shell }',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("jumps from the setting a statement sets to its declaration", () => {
    const fx = fixture({
      "/w/main.ipxm":
        'setting [|answer|]: string\nentry ask() { prompt ans┆wer "Which?" }\nmenu main "m" { item "x" -> boot ask() }',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("jumps from a use of a parameter to the parameter", () => {
    const fx = fixture({
      "/w/main.ipxm": 'entry deb([|version|]: string) { chain "http://x/${ver┆sion}/boot" }',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("jumps from a loop variable inside an interpolated member access to the loop variable", () => {
    const fx = fixture({
      "/w/main.ipxm":
        'const rs = [{ v: "1" }]\nmenu main "m" {\n  for [|r|] in rs { item "Release ${┆r.v}" -> shell }\n}',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("jumps from `default` to the item with that id", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu main "m" {\n  default lo┆cal after 5s\n  item [|local|] "Local disk" -> exit\n}',
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("answers the declaration itself on a declaring name", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu [|ma┆in|] "m" { item "x" -> shell }' });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("takes a cursor just after a name as being on it", () => {
    const fx = fixture({ "/w/main.ipxm": 'const [|a|] = "x"\nconst b = a┆' });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("jumps from an import's path to the start of the imported file", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./lib/to┆ols.ipxm"\nmenu main "m" { item "x" -> shell }',
      "/w/lib/tools.ipxm": 'const x = "y"',
    });
    expect(definitionAt(fx)).toEqual([startOf(fx, "/w/lib/tools.ipxm")]);
  });

  it("has no answer for an import of a file that does not exist", () => {
    const fx = fixture({ "/w/main.ipxm": 'import "./miss┆ing.ipxm"' });
    expect(definitionAt(fx)).toEqual([]);
  });

  it("has no answer for built-in settings, enum literals, unknown names and keywords", () => {
    for (const text of [
      'menu main "${build┆arch}" { item "x" -> shell }',
      "entry e() { when platform == e┆fi { shell } }",
      'menu main "m" { item "x" -> menu nowh┆ere }',
      'me┆nu main "m" { item "x" -> shell }',
      'menu main "m" { item "x" -> sh┆ell }',
    ]) {
      const fx = fixture({ "/w/main.ipxm": text });
      expect(definitionAt(fx), text).toEqual([]);
    }
  });
});

describe("go to definition in .ipxe", () => {
  it("jumps from a goto to its label", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:[|retry|]\ndhcp || goto re┆try\n" });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/boot.ipxe"));
  });

  it("jumps to the first label of that name, which is the one iPXE's goto finds", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\ngoto ┆end\n:[|end|]\necho one\n:end\necho two\n" });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/boot.ipxe"));
  });

  it("answers a label itself on a label line", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:end\n:[|e┆nd|]\n" });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/boot.ipxe"));
  });

  it("jumps from a menu item to the label a dispatching goto sends it to", () => {
    const fx = fixture({
      "/w/menu.ipxe": [
        "#!ipxe",
        "menu Boot",
        "item lin┆ux Linux",
        "item bsd BSD",
        "choose target && goto os_${target}",
        ":[|os_linux|]",
        "echo linux",
      ].join("\n"),
    });
    expect(definitionAt(fx)).toEqual(marked(fx, "/w/menu.ipxe"));
  });

  it("jumps from `choose --default` to the item it names", () => {
    for (const chooseLine of ["choose --default bs┆d target", "choose --default=bs┆d target"]) {
      const fx = fixture({
        "/w/menu.ipxe": ["#!ipxe", "menu Boot", "item linux Linux", "item [|bsd|] BSD", chooseLine].join("\n"),
      });
      expect(definitionAt(fx), chooseLine).toEqual(marked(fx, "/w/menu.ipxe"));
    }
  });

  it("has no answer for a goto whose target is computed, or names no label", () => {
    for (const text of ["#!ipxe\n:a\ngoto ${ta┆rget}\n", "#!ipxe\n:a\ngoto nowh┆ere\n", "#!ipxe\n:a\nec┆ho a\n"]) {
      const fx = fixture({ "/w/boot.ipxe": text });
      expect(definitionAt(fx), text).toEqual([]);
    }
  });
});

describe("navigation on half-typed text", () => {
  const brokenFiles: Record<string, string>[] = [
    { "/w/main.ipxm": 'import "./lib.ipxm"\nmenu main { item "x" -> ' },
    {
      "/w/main.ipxm":
        'menu main "m" { default  item local "${bu" key -> boot e(\nentry e(a: , b: string = a) { for x in { echo "${x.',
    },
    { "/w/main.ipxm": 'import "./main.ipxm"\nconst = \nsetting s: url = "${s}\nmenu m "${m}" { item -> menu m }' },
    {
      "/w/boot.ipxe":
        "#!ipxe\n:\ngoto\nmenu\nitem\nitem --key\nchoose --default\nchoose --default= x\ngoto ${\n:a b\ngoto a\\",
    },
    { "/w/menu.ipxe": "#!ipxe\nmenu M\nitem a A\nchoose --default a s || goto x_${s}\n:x_a\ngoto x_a ||\n:x_" },
  ];

  it("answers every request at every offset without throwing", () => {
    for (const files of brokenFiles) {
      const fx = fixture(files);
      for (const [path, text] of Object.entries(files)) {
        const snapshot = fx.snapshot();
        const document = fx.document(path);
        for (let offset = 0; offset <= text.length; offset++) {
          const position = fx.position(path, offset);
          const where = `${path} at ${offset}`;
          expect(() => definition(snapshot, document, position), where).not.toThrow();
          expect(() => references(snapshot, document, position, true), where).not.toThrow();
          expect(() => references(snapshot, document, position, false), where).not.toThrow();
          expect(() => documentHighlights(snapshot, document, position), where).not.toThrow();
          expect(() => prepareRename(snapshot, document, position), where).not.toThrow();
          for (const newName of ["renamed", "", "a b", "menu"]) {
            expect(() => rename(snapshot, document, position, newName), where).not.toThrow();
          }
        }
      }
    }
  });
});
