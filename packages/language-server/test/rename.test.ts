import { describe, expect, it } from "vitest";
import type { WorkspaceEdit } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { prepareRename, rename } from "../src/features/rename.js";
import { uriToPath } from "../src/uris.js";
import { fixture, type Fixture } from "./support/fixture.js";

function renameAt(fx: Fixture, newName: string): WorkspaceEdit | { refused: string } {
  return rename(fx.snapshot(), fx.cursor.document, fx.cursor.position, newName);
}

/** The text of every file the rename changes, after its edits. */
function renamed(fx: Fixture, newName: string): Record<string, string> {
  const answer = renameAt(fx, newName);
  if ("refused" in answer) throw new Error(`refused: ${answer.refused}`);
  const texts: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(answer.changes ?? {})) {
    const document = fx.snapshot().document(uri)!;
    texts[uriToPath(uri)] = TextDocument.applyEdits(fx.snapshot().lines(document), edits);
  }
  return texts;
}

function refusal(fx: Fixture, newName: string): string {
  const answer = renameAt(fx, newName);
  if (!("refused" in answer)) throw new Error(`not refused: ${JSON.stringify(answer)}`);
  return answer.refused;
}

describe("rename in .ipxm", () => {
  it("renames a menu's declaration and every use of it, across files", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./linux.ipxm"\nmenu main "m" { item "Linux" -> menu li┆nux }',
      "/w/linux.ipxm": 'menu linux "Linux" { item "Again" -> menu linux }',
    });
    expect(renamed(fx, "distros")).toEqual({
      "/w/main.ipxm": 'import "./linux.ipxm"\nmenu main "m" { item "Linux" -> menu distros }',
      "/w/linux.ipxm": 'menu distros "Linux" { item "Again" -> menu distros }',
    });
  });

  it("renames a menu in a closed file that imports it", () => {
    const fx = fixture(
      {
        "/w/linux.ipxm": 'menu lin┆ux "Linux" { item "Back" -> back }',
        "/w/main.ipxm": 'import "./linux.ipxm"\nmenu main "m" { item "Linux" -> menu linux }',
      },
      { closed: ["/w/main.ipxm"] },
    );
    expect(fx.document("/w/main.ipxm").open).toBe(false);
    expect(renamed(fx, "distros")).toEqual({
      "/w/linux.ipxm": 'menu distros "Linux" { item "Back" -> back }',
      "/w/main.ipxm": 'import "./linux.ipxm"\nmenu main "m" { item "Linux" -> menu distros }',
    });
  });

  it("renames a constant's uses inside strings", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const mirror = "http://x"\nmenu main "${mirror}" { item "Go" -> chain "${mir┆ror}/boot.ipxe" }',
    });
    expect(renamed(fx, "site")).toEqual({
      "/w/main.ipxm": 'const site = "http://x"\nmenu main "${site}" { item "Go" -> chain "${site}/boot.ipxe" }',
    });
  });

  it("renames an entry and the items that boot it", () => {
    const fx = fixture({
      "/w/main.ipxm":
        'menu main "m" { item "a" -> boot deb("1")  item "b" -> boot deb("2") }\nentry d┆eb(v: string) { chain "http://x/${v}" }',
    });
    expect(renamed(fx, "debian")).toEqual({
      "/w/main.ipxm":
        'menu main "m" { item "a" -> boot debian("1")  item "b" -> boot debian("2") }\nentry debian(v: string) { chain "http://x/${v}" }',
    });
  });

  it("renames a parameter within its entry only", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'entry a(v: string) { echo "${┆v}" chain "http://x/${v}" }',
        'entry b(v: string) { echo "${v}" }',
        'menu main "m" { item "a" -> boot a("1")  item "b" -> boot b("2") }',
      ].join("\n"),
    });
    expect(renamed(fx, "version")["/w/main.ipxm"]).toBe(
      [
        'entry a(version: string) { echo "${version}" chain "http://x/${version}" }',
        'entry b(v: string) { echo "${v}" }',
        'menu main "m" { item "a" -> boot a("1")  item "b" -> boot b("2") }',
      ].join("\n"),
    );
  });

  it("renames a loop variable and its member accesses", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const rs = [{ v: "1" }]\nmenu main "m" { for ┆r in rs { item "${r.v}" -> shell } }',
    });
    expect(renamed(fx, "release")["/w/main.ipxm"]).toBe(
      'const rs = [{ v: "1" }]\nmenu main "m" { for release in rs { item "${release.v}" -> shell } }',
    );
  });

  it("renames an item id together with the `default` that names it", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu main "m" {\n  default local after 5s\n  item lo┆cal "Local disk" -> exit\n}',
    });
    expect(renamed(fx, "disk")["/w/main.ipxm"]).toBe(
      'menu main "m" {\n  default disk after 5s\n  item disk "Local disk" -> exit\n}',
    );
  });

  it("refuses a new name that is not a name", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu ma┆in "m" { item "x" -> shell }' });
    for (const newName of ["", "two words", "1st", "a.b", "${x}", "-lead"]) {
      expect(refusal(fx, newName), newName).toMatch(/is not a valid name for a menu/);
    }
  });

  it("refuses to rename to a keyword", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu ma┆in "m" { item "x" -> shell }' });
    expect(refusal(fx, "menu")).toBe('"menu" is a keyword of ipxm and cannot name a menu.');
    expect(refusal(fx, "duration")).toMatch(/keyword/);
  });

  it("refuses a name that another declaration seen from the same file already has", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./lib.ipxm"\nmenu ma┆in "m" { item "x" -> shell }',
      "/w/lib.ipxm": 'const tools = "t"',
    });
    expect(refusal(fx, "tools")).toBe(
      '"tools" is already declared as a constant (lib.ipxm:1), and main.ipxm sees both; menus, entries, constants and settings share one namespace.',
    );
  });

  it("refuses a name already taken in a file that imports the declaration", () => {
    const fx = fixture({
      "/w/lib.ipxm": 'menu lin┆ux "L" { item "x" -> shell }',
      "/w/main.ipxm": 'import "./lib.ipxm"\nmenu main "m" { item "L" -> menu linux }',
    });
    expect(refusal(fx, "main")).toMatch(/already declared as a menu \(main\.ipxm:2\), and main\.ipxm sees both/);
  });

  it("allows a name that only files which never see each other use", () => {
    const fx = fixture({
      "/w/a.ipxm": 'menu ma┆in "a" { item "x" -> shell }',
      "/w/b.ipxm": 'menu other "b" { item "x" -> shell }',
    });
    expect(renamed(fx, "other")).toEqual({ "/w/a.ipxm": 'menu other "a" { item "x" -> shell }' });
  });

  it("refuses the names of iPXE's built-in settings and of enum values", () => {
    const fx = fixture({ "/w/main.ipxm": 'const na┆me = "x"' });
    expect(refusal(fx, "buildarch")).toMatch(/built-in settings/);
    expect(refusal(fx, "efi")).toMatch(/platform value/);
    expect(refusal(fx, "x86_64")).toMatch(/arch value/);
  });

  it("refuses a name that a parameter would hide where the renamed constant is used", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const mir┆ror = "http://x"\nentry e(base: string) { chain "${mirror}/${base}" }',
    });
    expect(refusal(fx, "base")).toBe(
      'The parameter "base" (main.ipxm:2) would hide the renamed constant where it is used at main.ipxm:2.',
    );
  });

  it("refuses a parameter name that another parameter of the entry has", () => {
    const fx = fixture({ "/w/main.ipxm": 'entry e(┆a: string, b: string) { echo "${a}${b}" }' });
    expect(refusal(fx, "b")).toMatch(/a parameter "b" is already declared/i);
  });

  it("refuses a parameter name that would hide a declaration the file sees", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./lib.ipxm"\nentry e(┆a: string) { chain "http://x/${a}" }',
      "/w/lib.ipxm": 'const mirror = "http://x"',
    });
    expect(refusal(fx, "mirror")).toBe(
      '"mirror" is already declared as a constant (lib.ipxm:1); the renamed parameter would hide it.',
    );
  });

  it("refuses a loop variable name that would hide a built-in setting used inside the loop", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const rs = ["a"]\nmenu main "m" { for ┆r in rs { item "${r} on ${buildarch}" -> shell } }',
    });
    expect(refusal(fx, "buildarch")).toMatch(/"buildarch" at main\.ipxm:2 means the built-in iPXE setting "buildarch"/);
  });

  it("refuses a loop variable name that an enclosing loop already uses", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const rs = ["a"]\nmenu main "m" { for r in rs { for ┆s in rs { item "${r}${s}" -> shell } } }',
    });
    expect(refusal(fx, "r")).toMatch(/a loop variable "r" is already declared where this loop variable is seen/i);
  });

  it("allows the same loop variable name in a loop beside it", () => {
    const fx = fixture({
      "/w/main.ipxm":
        'const rs = ["a"]\nmenu main "m" { for r in rs { item "${r}" -> shell } for ┆s in rs { item "${s}!" -> shell } }',
    });
    expect(renamed(fx, "r")["/w/main.ipxm"]).toBe(
      'const rs = ["a"]\nmenu main "m" { for r in rs { item "${r}" -> shell } for r in rs { item "${r}!" -> shell } }',
    );
  });

  it("refuses an item id that another item of the menu has, written or made from its text", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu main "m" {\n  item ┆a "A" -> shell\n  item b "B" -> shell\n  item "Debian 12" -> shell\n}',
    });
    expect(refusal(fx, "b")).toBe('Menu "main" already has an item "b" (main.ipxm:3).');
    expect(refusal(fx, "debian-12")).toMatch(/made from its text/);
  });

  it("refuses built-in settings", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu main "${plat┆form}" { item "x" -> shell }' });
    expect(refusal(fx, "p")).toMatch(/built-in settings/);
  });
});

describe("prepare rename in .ipxm", () => {
  it("offers the name under the cursor, on a use and on a declaration", () => {
    const fx = fixture({ "/w/main.ipxm": 'const a = "x"\nmenu main "${a}" { item "x" -> menu [|ma┆in|] }' });
    expect(prepareRename(fx.snapshot(), fx.cursor.document, fx.cursor.position)).toEqual({
      range: fx.ranges("/w/main.ipxm")[0],
      placeholder: "main",
    });
    const onDeclaration = fixture({ "/w/main.ipxm": 'const [|┆a|] = "x"' });
    expect(
      prepareRename(onDeclaration.snapshot(), onDeclaration.cursor.document, onDeclaration.cursor.position),
    ).toEqual({
      range: onDeclaration.ranges("/w/main.ipxm")[0],
      placeholder: "a",
    });
  });

  it("refuses keywords, built-in settings, enum literals, strings, comments, whitespace and unknown names", () => {
    for (const text of [
      'me┆nu main "m" { item "x" -> shell }',
      'menu main "${build┆arch}" { item "x" -> shell }',
      "entry e() { when platform == e┆fi { shell } }",
      'menu main "Ti┆tle" { item "x" -> shell }',
      '// a comm┆ent\nmenu main "m" { item "x" -> shell }',
      'menu main "m" {  ┆  item "x" -> shell }',
      'menu main "m" { item "x" -> menu nowh┆ere }',
    ]) {
      const fx = fixture({ "/w/main.ipxm": text });
      expect(prepareRename(fx.snapshot(), fx.cursor.document, fx.cursor.position), text).toBeNull();
    }
  });
});

describe("rename in .ipxe", () => {
  const menuScript = (cursorLine: number) =>
    [
      "#!ipxe",
      ":start",
      "menu Boot",
      "item linux Linux",
      "item shell Shell",
      "choose --default linux target || goto start",
      "goto os_${target}",
      ":os_linux",
      "chain http://x/linux.ipxe || goto start",
      ":os_shell",
      "shell",
      "goto os_linux",
    ]
      .map((line, index) => (index === cursorLine ? line.replace(/(os_linux|linux)\b/, "┆$1") : line))
      .join("\n");

  it("renames a label with its gotos and the items that dispatch to it", () => {
    const fx = fixture({ "/w/menu.ipxe": menuScript(7) });
    expect(renamed(fx, "os_debian")["/w/menu.ipxe"]).toBe(
      [
        "#!ipxe",
        ":start",
        "menu Boot",
        "item debian Linux",
        "item shell Shell",
        "choose --default debian target || goto start",
        "goto os_${target}",
        ":os_debian",
        "chain http://x/linux.ipxe || goto start",
        ":os_shell",
        "shell",
        "goto os_debian",
      ].join("\n"),
    );
  });

  it("renames the label an item leads to when the item is renamed", () => {
    const fromItem = renamed(fixture({ "/w/menu.ipxe": menuScript(3) }), "debian");
    const fromLabel = renamed(fixture({ "/w/menu.ipxe": menuScript(7) }), "os_debian");
    expect(fromItem).toEqual(fromLabel);
  });

  it("renames from a goto", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ndhcp || goto re┆try\ngoto retry\n" });
    expect(renamed(fx, "again")["/w/boot.ipxe"]).toBe("#!ipxe\n:again\ndhcp || goto again\ngoto again\n");
  });

  it("renames an item that no dispatch sends anywhere, with the `choose --default` naming it", () => {
    const fx = fixture({
      "/w/menu.ipxe": "#!ipxe\nmenu M\nitem lo┆cal Local\nitem net Net\nchoose --default=local next\n",
    });
    expect(renamed(fx, "disk")["/w/menu.ipxe"]).toBe(
      "#!ipxe\nmenu M\nitem disk Local\nitem net Net\nchoose --default=disk next\n",
    );
  });

  it("refuses a label name that the dispatch's prefix and suffix cannot frame", () => {
    const fx = fixture({ "/w/menu.ipxe": menuScript(7) });
    expect(refusal(fx, "debian")).toBe(
      'Item "linux" (line 4) reaches ":os_linux" through "goto os_${target}"; the new label must look like "os_…" so that the item can be renamed with it.',
    );
  });

  it("refuses a label that already exists", () => {
    const fx = fixture({ "/w/menu.ipxe": menuScript(7) });
    expect(refusal(fx, "os_shell")).toBe('The label ":os_shell" already exists (line 10).');
    expect(refusal(fixture({ "/w/menu.ipxe": menuScript(3) }), "shell")).toMatch(/":os_shell" already exists/);
  });

  it("refuses names with whitespace, ${…}, or nothing at all", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:re┆try\ngoto retry\n" });
    expect(refusal(fx, "try again")).toMatch(/splits words at whitespace/);
    expect(refusal(fx, "x${y}")).toMatch(/would expand/);
    expect(refusal(fx, "")).toBe("A label cannot be empty.");
    expect(refusal(fx, "#x")).toMatch(/comment/);
  });

  it("refuses an item name the menu already has", () => {
    const fx = fixture({ "/w/menu.ipxe": "#!ipxe\nmenu M\nitem a┆ A\nitem b B\nchoose x\n" });
    expect(refusal(fx, "b")).toBe('The menu of line 2 already has an item "b" (line 4).');
  });

  it("prepares the name under the cursor, and nothing where there is no label to rename", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ngoto [|re┆try|]\n" });
    expect(prepareRename(fx.snapshot(), fx.cursor.document, fx.cursor.position)).toEqual({
      range: fx.ranges("/w/boot.ipxe")[0],
      placeholder: "retry",
    });
    for (const text of [
      "#!ipxe\ngoto ${ta┆rget}\n",
      "#!ipxe\ngoto nowh┆ere\n",
      "#!ipxe\n:a\nec┆ho a\n",
      "#!ipxe\n:a # a comm┆ent\n",
    ]) {
      const other = fixture({ "/w/boot.ipxe": text });
      expect(prepareRename(other.snapshot(), other.cursor.document, other.cursor.position), text).toBeNull();
    }
  });
});
