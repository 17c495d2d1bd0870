import { rules } from "@ipxm/eslint-plugin";
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from "vscode-languageserver";
import { describe, expect, it } from "vitest";
import { readDiagnosticData } from "../src/diagnostics/data.js";
import { lintDocument, ruleDocsHref } from "../src/features/diagnostics.js";
import { fixture, type Fixture } from "./support/fixture.js";

function lint(fx: Fixture, path: string): Diagnostic[] {
  return lintDocument(fx.snapshot(), fx.document(path));
}

describe("diagnostics of iPXE scripts", () => {
  it("reports a goto to a missing label in a .ipxe file", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n\n:start\ngoto [|nowhere|]\ngoto start\n" });
    const [diagnostic, ...others] = lint(fx, "/w/boot.ipxe");
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({
      range: fx.ranges("/w/boot.ipxe")[0],
      severity: DiagnosticSeverity.Error,
      source: "ipxm",
      code: "ipxm/no-undefined-label",
    });
    expect(diagnostic!.message).toContain('":nowhere" is not defined');
  });

  it("carries a did-you-mean suggestion for a misspelt label, with the document's version", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:retry\ngoto [|rerty|]\n" });
    const [diagnostic] = lint(fx, "/w/boot.ipxe");
    expect(diagnostic!.range).toEqual(fx.ranges("/w/boot.ipxe")[0]);
    expect(readDiagnosticData(diagnostic!.data)).toEqual({
      source: "ipxm",
      version: 1,
      rule: "ipxm/no-undefined-label",
      suggestions: [{ desc: 'Change the target to "retry"', fix: { range: [19, 24], text: "retry" } }],
    });
  });

  it("carries a rule's automatic fix", () => {
    const fx = fixture({ "/w/boot.ipxe": "[|echo hello|]\n" });
    const [diagnostic] = lint(fx, "/w/boot.ipxe");
    expect(diagnostic).toMatchObject({ code: "ipxm/valid-header", range: fx.ranges("/w/boot.ipxe")[0] });
    expect(readDiagnosticData(diagnostic!.data)?.fix).toEqual({ range: [0, 0], text: "#!ipxe\n" });
  });

  it("marks a label nothing jumps to as unnecessary, as a warning", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\necho hi\n:[|orphan|]\necho bye\n" });
    expect(lint(fx, "/w/boot.ipxe")).toEqual([
      expect.objectContaining({
        range: fx.ranges("/w/boot.ipxe")[0],
        severity: DiagnosticSeverity.Warning,
        code: "ipxm/no-unused-label",
        tags: [DiagnosticTag.Unnecessary],
      }),
    ]);
  });

  it("sees labels of the other scripts of the workspace", () => {
    const fx = fixture({
      "/w/a.ipxe": "#!ipxe\ngoto [|shared|]\n",
      "/w/b.ipxe": "#!ipxe\n:shared\necho in b\n",
    });
    const [diagnostic] = lint(fx, "/w/a.ipxe");
    expect(diagnostic).toMatchObject({ code: "ipxm/no-cross-file-goto", range: fx.ranges("/w/a.ipxe")[0] });
  });

  it("counts positions in UTF-16 code units on lines that end with CRLF", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\r\necho 😀 é\r\ngoto [|gone|]\r\n" });
    expect(lint(fx, "/w/boot.ipxe").map((d) => d.range)).toEqual(fx.ranges("/w/boot.ipxe"));
  });

  it("reports an eslint-disable comment that disables nothing, with its fix", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n# eslint-disable-next-line ipxm/no-unused-label\necho hi\n" });
    const [diagnostic] = lint(fx, "/w/boot.ipxe");
    expect(diagnostic!.message).toMatch(/^Unused eslint-disable directive/);
    expect(diagnostic!.tags).toEqual([DiagnosticTag.Unnecessary]);
    expect(readDiagnosticData(diagnostic!.data)?.fix).toBeDefined();
  });

  it("is quiet about a clean script", () => {
    const fx = fixture({ "/w/boot.ipxe": "#!ipxe\n:start\necho hello\ngoto start\n" });
    expect(lint(fx, "/w/boot.ipxe")).toEqual([]);
  });
});

describe("diagnostics of ipxm files", () => {
  it("reports an unknown menu with its core code and a did-you-mean suggestion", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'menu main "Main" {',
        '  item tools "Tools" -> menu [|tols|]',
        "}",
        "",
        'menu tools "Tools" {',
        '  item back "Back" -> back',
        "}",
        "",
      ].join("\n"),
    });
    const [diagnostic, ...others] = lint(fx, "/w/main.ipxm");
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({
      range: fx.ranges("/w/main.ipxm")[0],
      severity: DiagnosticSeverity.Error,
      code: "unknown-name",
      message: 'unknown menu "tols"; did you mean "tools"?',
    });
    const lines = fx.snapshot().lines(fx.document("/w/main.ipxm"));
    const { start, end } = diagnostic!.range;
    expect(readDiagnosticData(diagnostic!.data)?.suggestions).toEqual([
      { desc: 'Change to "tools"', fix: { range: [lines.offsetAt(start), lines.offsetAt(end)], text: "tools" } },
    ]);
  });

  it("reports the core's type errors once, under the core's code", () => {
    const fx = fixture({
      "/w/main.ipxm": 'const size: int = [|"big"|]\nmenu main "Main" {\n  item a "A ${size}" -> shell\n}\n',
    });
    const diagnostics = lint(fx, "/w/main.ipxm");
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      range: fx.ranges("/w/main.ipxm")[0],
      code: "type-mismatch",
      message: 'constant "size" must be an int, not a string',
    });
  });

  it("reports each problem once, whatever the number of rules that see it", () => {
    const fx = fixture({
      "/w/main.ipxm": [
        'import "./lib.ipxm"',
        'menu main "Main" {',
        '  item a "A" -> menu nope',
        '  item b "B" -> boot nothing()',
        '  item c "C" -> chain 42',
        "}",
        "const main = 1",
        "",
      ].join("\n"),
      "/w/lib.ipxm": "const unused = 1\n",
    });
    const diagnostics = lint(fx, "/w/main.ipxm");
    const keys = diagnostics.map((d) => `${JSON.stringify(d.range)} ${d.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(["unknown-name", "duplicate-declaration", "ipxm/no-unused"]),
    );
  });

  it("points a duplicate declaration at the first one", () => {
    const fx = fixture({
      "/w/main.ipxm": 'menu [|main|] "Main" {\n  item a "A" -> shell\n}\nconst [|main|] = 1\n',
    });
    const duplicate = lint(fx, "/w/main.ipxm").find((d) => d.code === "duplicate-declaration");
    const [first, second] = fx.ranges("/w/main.ipxm");
    expect(duplicate?.range).toEqual(second);
    expect(duplicate?.relatedInformation).toEqual([
      { location: { uri: fx.uri("/w/main.ipxm"), range: first }, message: expect.any(String) },
    ]);
  });

  it("marks what nothing uses as unnecessary", () => {
    const fx = fixture({ "/w/main.ipxm": 'const [|unused|] = 1\nmenu main "Main" {\n  item a "A" -> shell\n}\n' });
    expect(lint(fx, "/w/main.ipxm")).toEqual([
      expect.objectContaining({
        range: fx.ranges("/w/main.ipxm")[0],
        severity: DiagnosticSeverity.Warning,
        code: "ipxm/no-unused",
        tags: [DiagnosticTag.Unnecessary],
      }),
    ]);
  });

  it("reports a syntax error as one diagnostic over the offending text", () => {
    const fx = fixture({ "/w/main.ipxm": 'menu main "Main" {\n  item a "A" -> shell\n}\n[|"open|]\n' });
    const diagnostics = lint(fx, "/w/main.ipxm");
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "unterminated-string", severity: DiagnosticSeverity.Error }),
    ]);
    expect(diagnostics[0]!.range).toEqual(fx.ranges("/w/main.ipxm")[0]);
    expect(diagnostics[0]!.message).not.toMatch(/Parsing error|\(unterminated-string\)/);
  });

  it("finds names declared in an imported file, and reports them once that file loses them", () => {
    const files = {
      "/w/main.ipxm": 'import "./tools.ipxm"\nmenu main "Main" {\n  item t "Tools" -> menu tools\n}\n',
      "/w/tools.ipxm": 'menu tools "Tools" {\n  item back "Back" -> back\n}\n',
    };
    expect(lint(fixture(files), "/w/main.ipxm")).toEqual([]);
    const broken = fixture({ ...files, "/w/tools.ipxm": 'menu toolbox "Tools" {\n  item back "Back" -> back\n}\n' });
    expect(lint(broken, "/w/main.ipxm").map((d) => d.code)).toEqual(["unknown-name"]);
  });

  it("checks against the target chosen in the editor's settings", () => {
    const text = 'menu main "Main" {\n  item a "A" -> [|chain "https://boot.example.org/a.ipxe"|]\n}\n';
    const onHttpsTarget = fixture({ "/w/main.ipxm": text }, { target: "ipxe-2-efi" });
    expect(lint(onHttpsTarget, "/w/main.ipxm")).toEqual([]);
    const onDebian = fixture({ "/w/main.ipxm": text }, { target: "debian-efi" });
    expect(lint(onDebian, "/w/main.ipxm")).toEqual([
      expect.objectContaining({ code: "target-unsupported", range: onDebian.ranges("/w/main.ipxm")[0] }),
    ]);
  });

  it("counts positions in UTF-16 code units, after a byte order mark and CRLF line ends", () => {
    const fx = fixture({
      "/w/main.ipxm": '\uFEFFmenu main "😀 é" {\r\n  item a "A" -> menu [|nope|]\r\n}\r\n',
    });
    const [diagnostic] = lint(fx, "/w/main.ipxm");
    expect(diagnostic).toMatchObject({ code: "unknown-name", range: fx.ranges("/w/main.ipxm")[0] });
  });
});

describe("diagnostics wherever a document lives", () => {
  it("checks an unsaved buffer of either language", () => {
    const fx = fixture({});
    fx.workspace.openDocument("untitled:Untitled-1", "ipxm", 1, 'menu main "M" {\n  item a "A" -> menu nope\n}\n');
    fx.workspace.openDocument("untitled:Untitled-2", "ipxe", 1, "#!ipxe\ngoto nope\n");
    const snapshot = fx.snapshot();
    const codes = (uri: string) => lintDocument(snapshot, snapshot.document(uri)!).map((d) => d.code);
    expect(codes("untitled:Untitled-1")).toEqual(["unknown-name"]);
    expect(codes("untitled:Untitled-2")).toEqual(["ipxm/no-undefined-label"]);
  });

  it("checks a file opened from a folder a command-line run would skip", () => {
    const fx = fixture({ "/w/node_modules/menus/boot.ipxe": "#!ipxe\ngoto nope\n" });
    expect(lint(fx, "/w/node_modules/menus/boot.ipxe").map((d) => d.code)).toEqual(["ipxm/no-undefined-label"]);
  });

  it("checks an iPXE script that is not named .ipxe, by its header", () => {
    const fx = fixture({ "/w/boot.txt": "#!ipxe\ngoto nope\n" });
    expect(fx.document("/w/boot.txt").language).toBe("ipxe");
    expect(lint(fx, "/w/boot.txt").map((d) => d.code)).toEqual(["ipxm/no-undefined-label"]);
  });
});

describe("diagnostics on any text", () => {
  const texts = [
    "",
    "menu",
    'menu main "',
    'menu main "M" { item',
    'menu main "M" { item a "A" -> boot x(',
    "entry e(a: ) { kernel }",
    'import "./nowhere.ipxm"',
    "ipxe {",
    "/*",
    "\u0000\uFFFF\uD800",
  ];
  it("always answers, for both languages", () => {
    for (const text of texts) {
      const fx = fixture({ "/w/a.ipxm": text, "/w/b.ipxe": `#!ipxe\n${text}\ngoto ${text}\n` });
      for (const path of ["/w/a.ipxm", "/w/b.ipxe"]) {
        const diagnostics = lint(fx, path);
        expect(Array.isArray(diagnostics)).toBe(true);
        for (const diagnostic of diagnostics) expect(diagnostic.message).not.toMatch(/could not check/);
      }
    }
  });
});

describe("rule documentation links", () => {
  it("link a rule's page only when it has an address an editor can open", () => {
    for (const [name, rule] of Object.entries(rules)) {
      const url = rule.meta.docs.url;
      expect(ruleDocsHref(`ipxm/${name}`)).toBe(/^https?:\/\//.test(url) ? url : undefined);
    }
  });
});
