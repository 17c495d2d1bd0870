import ipxmPrettier from "@ipxm/prettier-plugin";
import * as prettier from "prettier";
import { CodeActionKind, type CodeAction, type Diagnostic } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { codeActions, fixAllKind } from "../src/features/code-actions.js";
import { lintDocument } from "../src/features/diagnostics.js";
import { fixture, type Fixture } from "./support/fixture.js";

function lint(fx: Fixture, path: string): Diagnostic[] {
  return lintDocument(fx.snapshot(), fx.document(path));
}

/** The actions for the diagnostics of a file, as an editor asks for them (all of the file's problems). */
function actionsFor(fx: Fixture, path: string, diagnostics: Diagnostic[], only?: string[]): CodeAction[] {
  const document = fx.document(path);
  return codeActions(fx.snapshot(), document, { diagnostics, ...(only ? { only } : {}) });
}

/** Applies an action's edit to the file the way the editor would, as the file's next version. */
function apply(fx: Fixture, path: string, action: CodeAction): string {
  const document = fx.document(path);
  const edits = action.edit?.changes?.[fx.uri(path)];
  expect(edits, `${action.title} edits ${path}`).toBeDefined();
  const text = TextDocument.applyEdits(fx.snapshot().lines(document), edits!);
  fx.workspace.changeDocument(document.uri, (document.version ?? 0) + 1, text);
  return text;
}

/** The text as `ipxm fmt` leaves it. */
function formatted(text: string): Promise<string> {
  return prettier.format(text, { parser: "ipxm", plugins: [ipxmPrettier] });
}

function titles(actions: readonly CodeAction[]): string[] {
  return actions.map((action) => action.title);
}

const toolsMenu = 'menu tools "Tools" {\n  item back "Back" -> back\n}\n';

describe("quick fixes for lint problems", () => {
  it("offer the did-you-mean of an unknown menu, and applying it removes the diagnostic", () => {
    const fx = fixture({
      "/w/main.ipxm": `menu main "Main" {\n  item t "Tools" -> menu tols\n}\n\n${toolsMenu}`,
    });
    const diagnostics = lint(fx, "/w/main.ipxm");
    const actions = actionsFor(fx, "/w/main.ipxm", diagnostics);
    const change = actions.find((action) => action.title === 'Change to "tools"');
    expect(change).toMatchObject({ kind: CodeActionKind.QuickFix, diagnostics });
    expect(change?.isPreferred).toBeUndefined();
    expect(apply(fx, "/w/main.ipxm", change!)).toContain("-> menu tools\n");
    expect(lint(fx, "/w/main.ipxm")).toEqual([]);
  });

  it("offer the did-you-mean of a misspelt label in a .ipxe file", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\necho again\ngoto rerty\n" });
    const actions = actionsFor(fx, "/w/boot.ipxe", lint(fx, "/w/boot.ipxe"));
    expect(titles(actions)).toEqual(['Change the target to "retry"', 'Create label ":rerty"']);
    expect(apply(fx, "/w/boot.ipxe", actions[0]!)).toBe("#!ipxe\n:retry\necho again\ngoto retry\n");
    expect(lint(fx, "/w/boot.ipxe")).toEqual([]);
  });

  it("offer a rule's automatic fix as the preferred one, and applying it removes the diagnostic", () => {
    const fx = fixture({ "/w/boot.ipxe": ":start\necho hello\ngoto start\n" });
    const diagnostics = lint(fx, "/w/boot.ipxe");
    const [fix] = actionsFor(fx, "/w/boot.ipxe", diagnostics, [CodeActionKind.QuickFix]);
    expect(fix).toMatchObject({ kind: CodeActionKind.QuickFix, isPreferred: true, diagnostics });
    expect(fix!.title).toBe(`Fix: ${diagnostics[0]!.message}`);
    expect(apply(fx, "/w/boot.ipxe", fix!)).toBe("#!ipxe\n:start\necho hello\ngoto start\n");
    expect(lint(fx, "/w/boot.ipxe")).toEqual([]);
  });

  it("are not offered for a diagnostic made for another version of the document", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ngoto rerty\n" });
    const stale = lint(fx, "/w/boot.ipxe");
    fx.workspace.changeDocument(fx.uri("/w/boot.ipxe"), 2, "#!ipxe\n\n\n:retry\ngoto rerty\n");
    expect(actionsFor(fx, "/w/boot.ipxe", stale)).toEqual([]);
    expect(actionsFor(fx, "/w/boot.ipxe", lint(fx, "/w/boot.ipxe"))).not.toEqual([]);
  });

  it("are found for a diagnostic whose data the editor did not send back", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ngoto rerty\n" });
    const withoutData = lint(fx, "/w/boot.ipxe").map(({ data: _data, ...rest }) => rest);
    expect(titles(actionsFor(fx, "/w/boot.ipxe", withoutData))).toContain('Change the target to "retry"');
  });

  it("ignore data that is not what the server wrote", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ngoto rerty\n" });
    const [diagnostic] = lint(fx, "/w/boot.ipxe");
    const garbled = [
      { ...diagnostic!, data: { source: "ipxm", version: 1, rule: null, fix: { range: [9, 2], text: "x" } } },
      { ...diagnostic!, data: { source: "ipxm", version: "1", rule: null } },
      { ...diagnostic!, data: "rerty" },
    ];
    expect(actionsFor(fx, "/w/boot.ipxe", garbled)).toEqual([]);
  });

  it("leave other tools' diagnostics alone", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ngoto rerty\n" });
    const foreign = lint(fx, "/w/boot.ipxe").map((diagnostic) => ({ ...diagnostic, source: "spell-checker" }));
    expect(actionsFor(fx, "/w/boot.ipxe", foreign)).toEqual([]);
  });
});

describe("creating what a name refers to", () => {
  it("offers to create a missing label at the end of the script", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\necho menu\ngoto done\n\n" });
    const actions = actionsFor(fx, "/w/boot.ipxe", lint(fx, "/w/boot.ipxe"));
    const create = actions.find((action) => action.title === 'Create label ":done"');
    expect(create?.kind).toBe(CodeActionKind.QuickFix);
    expect(apply(fx, "/w/boot.ipxe", create!)).toBe("#!ipxe\necho menu\ngoto done\n\n:done\n");
    expect(lint(fx, "/w/boot.ipxe")).toEqual([]);
  });

  it("offers to create a missing menu, written as ipxm fmt writes it", async () => {
    const fx = fixture({ "/w/main.ipxm": 'menu main "Main" {\n  item t "Tools" -> menu linux-tools\n}' });
    const actions = actionsFor(fx, "/w/main.ipxm", lint(fx, "/w/main.ipxm"));
    expect(titles(actions)).toEqual(['Create menu "linux-tools"']);
    const text = apply(fx, "/w/main.ipxm", actions[0]!);
    expect(text).toBe(
      'menu main "Main" {\n  item t "Tools" -> menu linux-tools\n}\n\nmenu linux-tools "Linux tools" {\n  item back "Back" -> back\n}\n',
    );
    expect(await formatted(text)).toBe(text);
    expect(lint(fx, "/w/main.ipxm")).toEqual([]);
  });

  it("offers to create a missing entry, with a parameter for each argument typed as the argument", async () => {
    // Parameters are named after the names passed, unless that would hide something (iPXE's `version`).
    const fx = fixture({
      "/w/main.ipxm": [
        'const release = { codename: "noble", bits: 64, version: "24.04" }',
        'setting mirror: url = "http://mirror.example.org"',
        'menu main "Main" {',
        '  item u "Ubuntu"',
        "    -> boot ubuntu(",
        "      release.codename,",
        "      release.bits,",
        '      "Ubuntu",',
        "      5m,",
        "      mirror,",
        "      release.version",
        "    )",
        "}",
        "",
      ].join("\n"),
    });
    const actions = actionsFor(fx, "/w/main.ipxm", lint(fx, "/w/main.ipxm"));
    expect(titles(actions)).toEqual(['Create entry "ubuntu"']);
    const text = apply(fx, "/w/main.ipxm", actions[0]!);
    expect(text.slice(text.lastIndexOf("}\n\n") + 3)).toBe(
      [
        "entry ubuntu(",
        "  codename: string,",
        "  bits: int,",
        "  arg3: string,",
        "  arg4: duration,",
        "  arg5: url,",
        "  arg6: string",
        ") {}",
        "",
      ].join("\n"),
    );
    expect(await formatted(text)).toBe(text);
    expect(lint(fx, "/w/main.ipxm")).toEqual([]);
  });

  it("does not name a parameter after an arch or platform value, or a type, which it would hide", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'const r = { url: "http://x", efi: "e", name: "n" }',
        'menu main "Main" {',
        '  item u "U" -> boot install(r.url, r.efi, r.name)',
        "}",
        "",
      ].join("\n"),
    });
    const actions = actionsFor(fx, "/w/main.ipxm", lint(fx, "/w/main.ipxm"));
    const text = apply(fx, "/w/main.ipxm", actions[0]!);
    expect(text).toContain("entry install(arg1: string, arg2: string, name: string) {}");
    expect(lint(fx, "/w/main.ipxm")).toEqual([]);
  });

  it("writes a short parameter list on one line, as ipxm fmt does", async () => {
    // 80 characters fit on a line, 81 do not.
    for (const [name, expected] of [
      ["install-1234", "entry install-1234(release: string, count: int, arg3: duration, arg4: string) {}"],
      [
        "install-12345",
        "entry install-12345(\n  release: string,\n  count: int,\n  arg3: duration,\n  arg4: string\n) {}",
      ],
    ] as const) {
      const fx = fixture({
        "/w/main.ipxm": [
          'const r = { release: "24.04", count: 3 }',
          'menu main "Main" {',
          `  item u "U" -> boot ${name}(r.release, r.count, 5m, "x")`,
          "}",
          "",
        ].join("\n"),
      });
      const [create] = actionsFor(fx, "/w/main.ipxm", lint(fx, "/w/main.ipxm"));
      const text = apply(fx, "/w/main.ipxm", create!);
      expect(text.slice(text.lastIndexOf("}\n\n") + 3)).toBe(`${expected}\n`);
      expect(await formatted(text)).toBe(text);
    }
  });

  it("offers to create a menu that an entry opens, next to the did-you-mean", () => {
    const fx = fixture({
      "/w/main.ipxm": `menu main "Main" {\n  item t "Tools" -> boot go()\n}\n\nentry go() {\n  menu tool\n}\n\n${toolsMenu}`,
    });
    const actions = actionsFor(fx, "/w/main.ipxm", lint(fx, "/w/main.ipxm"));
    expect(titles(actions)).toEqual(['Change to "tools"', 'Create menu "tool"']);
  });

  it("offers nothing to create for an unknown constant", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu main "Main" {\n  item a "A ${nothing}" -> shell\n}\n' });
    const diagnostics = lint(fx, "/w/main.ipxm");
    expect(diagnostics.map((d) => d.code)).toEqual(["unknown-name"]);
    expect(actionsFor(fx, "/w/main.ipxm", diagnostics)).toEqual([]);
  });

  it("creates the menu in the file that uses it, in a workspace of several files", () => {
    const fx = fixture({
      "/w/main.ipxm": 'import "./tools.ipxm"\nmenu main "Main" {\n  item t "Tools" -> menu tools\n}\n',
      "/w/tools.ipxm": 'menu tools "Tools" {\n  item more "More" -> menu more\n}\n',
    });
    const actions = actionsFor(fx, "/w/tools.ipxm", lint(fx, "/w/tools.ipxm"));
    expect(titles(actions)).toEqual(['Create menu "more"']);
    expect(Object.keys(actions[0]!.edit!.changes!)).toEqual([fx.uri("/w/tools.ipxm")]);
    apply(fx, "/w/tools.ipxm", actions[0]!);
    expect(lint(fx, "/w/tools.ipxm")).toEqual([]);
    expect(lint(fx, "/w/main.ipxm")).toEqual([]);
  });
});

describe("fixing everything at once", () => {
  it("applies every automatic fix of the document in one edit", () => {
    const fx = fixture({ "/w/boot.ipxe": ":start\nitem --gap -Tools-\ngoto start\n" });
    const fixable = lint(fx, "/w/boot.ipxe").filter((d) => (d.data as { fix?: unknown }).fix);
    expect(fixable.length).toBeGreaterThanOrEqual(2);
    const [fixAll] = actionsFor(fx, "/w/boot.ipxe", [], [fixAllKind]);
    expect(fixAll).toMatchObject({ kind: "source.fixAll.ipxm", title: "Fix all auto-fixable ipxm problems" });
    const text = apply(fx, "/w/boot.ipxe", fixAll!);
    expect(text.startsWith("#!ipxe\n")).toBe(true);
    expect(lint(fx, "/w/boot.ipxe").filter((d) => (d.data as { fix?: unknown }).fix)).toEqual([]);
  });

  it("is offered for a request of source actions, and not for one of quick fixes only", () => {
    const fx = fixture({ "/w/boot.ipxe": "echo hello\n" });
    const diagnostics = lint(fx, "/w/boot.ipxe");
    expect(titles(actionsFor(fx, "/w/boot.ipxe", diagnostics, [CodeActionKind.Source]))).toEqual([
      "Fix all auto-fixable ipxm problems",
    ]);
    expect(actionsFor(fx, "/w/boot.ipxe", diagnostics, [CodeActionKind.QuickFix]).map((a) => a.kind)).toEqual([
      CodeActionKind.QuickFix,
    ]);
  });

  it("is not offered when nothing can be fixed", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu main "Main" {\n  item a "A" -> shell\n}\n' });
    expect(actionsFor(fx, "/w/main.ipxm", [], [CodeActionKind.SourceFixAll])).toEqual([]);
  });
});

describe("code actions on any text", () => {
  it("always answer, for both languages", () => {
    for (const text of ["", "menu", 'menu main "M" { item a "A" -> menu', "goto", ":", "\u0000"]) {
      const fx = fixture({ "/w/a.ipxm": text, "/w/b.ipxe": text });
      for (const path of ["/w/a.ipxm", "/w/b.ipxe"]) {
        expect(Array.isArray(actionsFor(fx, path, lint(fx, path)))).toBe(true);
        expect(Array.isArray(actionsFor(fx, path, lint(fx, path), [CodeActionKind.Source]))).toBe(true);
      }
    }
  });
});
