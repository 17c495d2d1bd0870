import { describe, expect, it } from "vitest";
import { DocumentHighlightKind, type Location } from "vscode-languageserver";
import { documentHighlights, references } from "../src/features/references.js";
import { fixture, type Fixture } from "./support/fixture.js";

function referencesAt(fx: Fixture, includeDeclaration: boolean): Location[] {
  return references(fx.snapshot(), fx.cursor.document, fx.cursor.position, includeDeclaration);
}

/** The locations of every `[|…|]` of the given files, file by file. */
function marked(fx: Fixture, ...paths: string[]): Location[] {
  return paths.flatMap((path) => fx.ranges(path).map((range) => ({ uri: fx.uri(path), range })));
}

/** Locations in a stable order, for comparing sets. */
function sorted(locations: Location[]): Location[] {
  const key = (l: Location) =>
    `${l.uri} ${String(l.range.start.line).padStart(6, "0")}:${String(l.range.start.character).padStart(6, "0")}`;
  return [...locations].sort((a, b) => key(a).localeCompare(key(b)));
}

describe("find references in .ipxm", () => {
  it("finds every use of a menu in every file, also in closed files that import it", () => {
    const fx = fixture(
      {
        "/w/linux.ipxm": 'menu linux "Linux" {\n  item "Again" -> menu [|linux|]\n  item "Back" -> back\n}',
        "/w/main.ipxm": 'import "./linux.ipxm"\nmenu main "m" { item "Linux" -> menu [|lin┆ux|] }',
        "/w/other.ipxm":
          'import "./linux.ipxm"\nmenu other "o" {\n  item "L" -> menu [|linux|]\n  on escape -> menu [|linux|]\n}',
      },
      { closed: ["/w/other.ipxm", "/w/linux.ipxm"] },
    );
    expect(sorted(referencesAt(fx, false))).toEqual(
      sorted(marked(fx, "/w/linux.ipxm", "/w/main.ipxm", "/w/other.ipxm")),
    );
  });

  it("adds the declaration when asked", () => {
    const fx = fixture({
      "/w/main.ipxm":
        'menu [|main|] "m" { item "Again" -> menu [|main|] }\nmenu second "s" { item "Main" -> menu [|ma┆in|] }',
    });
    expect(sorted(referencesAt(fx, true))).toEqual(sorted(marked(fx, "/w/main.ipxm")));
  });

  it("finds a constant's uses inside strings", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'const mir┆ror = "http://deb.example.org"',
        'menu main "Mirror: ${[|mirror|]}" {',
        '  item "Install" -> chain "${[|mirror|]}/debian/boot.ipxe"',
        "}",
      ].join("\n"),
    });
    expect(referencesAt(fx, false)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("keeps a parameter's uses to its own entry", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'entry a(ver┆sion: string) { chain "http://x/${[|version|]}" }',
        'entry b(version: string) { chain "http://y/${version}" }',
        'menu main "m" { item "a" -> boot a("1")  item "b" -> boot b("2") }',
      ].join("\n"),
    });
    expect(referencesAt(fx, false)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("finds the uses of a loop variable inside its loop", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'const releases = ["24.04", "22.04"]',
        'menu main "m" {',
        '  for [|r|] in releases { item "Ubuntu ${[|r|]}" -> chain "http://x/${[|┆r|]}/boot" }',
        "}",
      ].join("\n"),
    });
    expect(referencesAt(fx, true)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("finds the `default` that names an item", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu main "m" {\n  default [|local|] after 5s\n  item [|lo┆cal|] "Local disk" -> exit\n}',
    });
    expect(referencesAt(fx, true)).toEqual(marked(fx, "/w/main.ipxm"));
  });

  it("finds the uses of a built-in setting, which has no declaration", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu main "${[|build┆arch|]}" { item "x" when [|buildarch|] == x86_64 -> shell }',
      "/w/lib.ipxm": 'const arches = "${[|buildarch|]}"',
    });
    expect(sorted(referencesAt(fx, true))).toEqual(sorted(marked(fx, "/w/lib.ipxm", "/w/main.ipxm")));
  });

  it("finds nothing on text, keywords and enum literals", () => {
    for (const text of [
      'menu main "Bo┆ot" { item "x" -> shell }',
      'menu main "m" { it┆em "x" -> shell }',
      "entry e() { when platform == pc┆bios { shell } }",
    ]) {
      const fx = fixture({ "/w/main.ipxm": text });
      expect(referencesAt(fx, true), text).toEqual([]);
    }
  });
});

describe("find references in .ipxe", () => {
  const menuScript = [
    "#!ipxe",
    ":[|start|]",
    "menu Boot",
    "item [|start|] Start again",
    "item linux Linux",
    "choose --default linux selected || goto [|start|]",
    "goto ${selected}",
    "goto ┆[|start|]",
  ].join("\n");

  it("finds a label's gotos and the items that dispatch to it", () => {
    const fx = fixture({ "/w/menu.ipxe": menuScript });
    expect(referencesAt(fx, true)).toEqual(marked(fx, "/w/menu.ipxe"));
  });

  it("leaves the label out unless asked", () => {
    const fx = fixture({ "/w/menu.ipxe": menuScript });
    expect(referencesAt(fx, false)).toEqual(marked(fx, "/w/menu.ipxe").slice(1));
  });

  it("finds the `choose --default` that names an item no dispatch sends anywhere", () => {
    const fx = fixture({
      "/w/menu.ipxe": [
        "#!ipxe",
        "menu Boot",
        "item [|lo┆cal|] Local",
        "item net Net",
        "choose --default [|local|] next",
      ].join("\n"),
    });
    expect(referencesAt(fx, true)).toEqual(marked(fx, "/w/menu.ipxe"));
  });
});

describe("document highlights", () => {
  it("marks an ipxm declaration as written and its uses in this document as read", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./lib.ipxm"\nconst name = "x"\nmenu main "${name}" { item "${na┆me}" -> shell }',
      "/w/lib.ipxm": 'const other = "${name}"',
    });
    const highlights = documentHighlights(fx.snapshot(), fx.cursor.document, fx.cursor.position);
    const lines = fx.snapshot().lines(fx.cursor.document);
    expect(highlights.map((h) => [lines.getText(h.range), h.kind, h.range.start.line])).toEqual([
      ["name", DocumentHighlightKind.Write, 1],
      ["name", DocumentHighlightKind.Read, 2],
      ["name", DocumentHighlightKind.Read, 2],
    ]);
  });

  it("marks labels as written and the gotos and items that reach them as read", () => {
    const fx = fixture({
      "/w/menu.ipxe": [
        "#!ipxe",
        "menu Boot",
        "item shell Shell",
        "choose target && goto go_${target}",
        ":go_shell",
        "shell",
        "goto go_sh┆ell",
      ].join("\n"),
    });
    const highlights = documentHighlights(fx.snapshot(), fx.cursor.document, fx.cursor.position);
    const lines = fx.snapshot().lines(fx.cursor.document);
    expect(highlights.map((h) => [lines.getText(h.range), h.kind, h.range.start.line])).toEqual([
      ["shell", DocumentHighlightKind.Read, 2],
      ["go_shell", DocumentHighlightKind.Write, 4],
      ["go_shell", DocumentHighlightKind.Read, 6],
    ]);
  });
});
