import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { SemanticTokensDelta, SemanticTokensEdit } from "vscode-languageserver";
import { memoryFileSystem } from "../src/file-system.js";
import { LanguageService } from "../src/service.js";
import { pathToUri } from "../src/uris.js";
import { SemanticTokensHistory, semanticTokensLegend } from "../src/features/semantic-tokens.js";
import { fixture } from "./support/fixture.js";
import { prefixesOf, repositoryFile } from "./support/prefixes.js";

const menus = new URL("../../../menus/", import.meta.url);
const netbootxyz = new URL("../../eslint-plugin/test/fixtures/netbootxyz/", import.meta.url);

interface Token {
  readonly line: number;
  readonly char: number;
  readonly length: number;
  /** The text the token covers. */
  readonly text: string;
  readonly type: string;
  readonly modifiers: readonly string[];
}

/** The tokens of a document, decoded back from LSP's relative encoding. */
function decode(data: readonly number[], text: string): Token[] {
  const lines = text.split(/\r\n|\r|\n/);
  const tokens: Token[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [deltaLine, deltaChar, length, type, bits] = data.slice(i, i + 5) as [number, number, number, number, number];
    line += deltaLine;
    char = deltaLine === 0 ? char + deltaChar : deltaChar;
    tokens.push({
      line,
      char,
      length,
      text: (lines[line] ?? "").slice(char, char + length),
      type: semanticTokensLegend.tokenTypes[type]!,
      modifiers: semanticTokensLegend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0),
    });
  }
  return tokens;
}

function tokensOf(files: Record<string, string>, path: string): Token[] {
  const fx = fixture(files);
  const document = fx.document(path);
  return decode(semanticTokens(fx.snapshot(), document).data, document.text);
}

/** "text type modifier…" of every token on a line, in order. */
function onLine(tokens: readonly Token[], line: number): string[] {
  return tokens.filter((token) => token.line === line).map(describe_);
}

function describe_(token: Token): string {
  return [token.text, token.type, ...token.modifiers].join(" ");
}

/** Tokens in order, none overlapping another, each inside one line. */
function expectWellFormed(tokens: readonly Token[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  let previous: Token | undefined;
  for (const token of tokens) {
    expect(token.length).toBeGreaterThan(0);
    expect(token.char + token.length).toBeLessThanOrEqual(lines[token.line]!.length);
    if (previous && previous.line === token.line)
      expect(token.char).toBeGreaterThanOrEqual(previous.char + previous.length);
    if (previous) expect(token.line).toBeGreaterThanOrEqual(previous.line);
    previous = token;
  }
}

describe("semantic tokens of an .ipxm file", () => {
  it("marks each declaration with `declaration`, and constants, parameters and loop variables `readonly`", () => {
    const text = [
      "const releases = [1, 2]", // 0
      'setting mirror: url = "http://m"', // 1
      "entry start(version: int) { boot }", // 2
      'menu main "Main" {', // 3
      '  for r in releases { item "x" -> boot start(r) }', // 4
      '  item local "Local" -> menu main', // 5
      "}", // 6
    ].join("\n");
    const tokens = tokensOf({ "/w/a.ipxm": text }, "/w/a.ipxm");
    expect(onLine(tokens, 0)).toEqual(["releases variable declaration readonly", "1 number", "2 number"]);
    expect(onLine(tokens, 1)).toEqual(["mirror variable declaration", "url type defaultLibrary"]);
    expect(onLine(tokens, 2)).toEqual([
      "start function declaration",
      "version parameter declaration readonly",
      "int type defaultLibrary",
    ]);
    expect(onLine(tokens, 3)).toEqual(["main enum declaration"]);
    expect(onLine(tokens, 4)).toEqual([
      "r variable declaration readonly",
      "releases variable readonly",
      "start function",
      "r variable readonly",
    ]);
    expect(onLine(tokens, 5)).toEqual(["local enumMember declaration", "main enum"]);
  });

  it("classifies a name by what it resolves to, across files, even where it is spelt like a keyword", () => {
    const tokens = tokensOf(
      {
        "/w/a.ipxm": 'import "./b.ipxm"\nmenu main "Main" {\n  default boot\n  item boot "Boot" -> menu boot\n}',
        "/w/b.ipxm": 'menu boot "Boot" { item back "Back" -> back }',
      },
      "/w/a.ipxm",
    );
    expect(onLine(tokens, 2)).toEqual(["boot enumMember"]);
    expect(onLine(tokens, 3)).toEqual(["boot enumMember declaration", "boot enum"]);
  });

  it("marks iPXE's built-in settings as read-only default-library variables, and arch and platform values as enum members", () => {
    const text = "entry e() {\n  when platform == efi and buildarch != arm64 { exit }\n}";
    const tokens = tokensOf({ "/w/a.ipxm": text }, "/w/a.ipxm");
    expect(onLine(tokens, 1)).toEqual([
      "platform variable readonly defaultLibrary",
      "efi enumMember readonly defaultLibrary",
      "buildarch variable readonly defaultLibrary",
      "arm64 enumMember readonly defaultLibrary",
    ]);
  });

  it("marks the names inside interpolations, with a setting's scope and format", () => {
    const text = [
      'const list = [{ version: "1" }]', // 0
      'menu m "${net0/mac:hexhyp}" {', // 1
      '  for r in list { item "v${r.version} \\${no}" -> shell }', // 2
      "}", // 3
    ].join("\n");
    const tokens = tokensOf({ "/w/a.ipxm": text }, "/w/a.ipxm");
    expect(onLine(tokens, 0)).toEqual(["list variable declaration readonly", "version property declaration"]);
    expect(onLine(tokens, 1)).toEqual([
      "m enum declaration",
      "net0 namespace",
      "mac variable readonly defaultLibrary",
      "hexhyp type defaultLibrary",
    ]);
    expect(onLine(tokens, 2)).toEqual([
      "r variable declaration readonly",
      "list variable readonly",
      "r variable readonly",
      "version property",
    ]);
  });

  it("marks numbers and durations, memdisk modes, and what set and prompt write", () => {
    const text = [
      "setting answer: string", // 0
      "entry e() {", // 1
      '  prompt answer "Which?"', // 2
      '  set answer = "x"', // 3
      "  sleep 30s", // 4
      "  sanboot drive 0x80", // 5
      '  memdisk "http://h/x.img" as floppy', // 6
      "}", // 7
    ].join("\n");
    const tokens = tokensOf({ "/w/a.ipxm": text }, "/w/a.ipxm");
    expect(onLine(tokens, 2)).toEqual(["answer variable modification"]);
    expect(onLine(tokens, 3)).toEqual(["answer variable modification"]);
    expect(onLine(tokens, 4)).toEqual(["30s number"]);
    expect(onLine(tokens, 5)).toEqual(["0x80 number"]);
    expect(onLine(tokens, 6)).toEqual(["floppy enumMember readonly defaultLibrary"]);
  });

  it("leaves names that resolve to nothing to the grammar, except menus and entries, which their place tells", () => {
    const text = 'menu m "M" {\n  item a "A" when nothing == "x" -> menu nowhere\n  item b "B" -> boot nobody()\n}';
    const tokens = tokensOf({ "/w/a.ipxm": text }, "/w/a.ipxm");
    expect(onLine(tokens, 1)).toEqual(["a enumMember declaration", "nowhere enum"]);
    expect(onLine(tokens, 2)).toEqual(["b enumMember declaration", "nobody function"]);
  });

  it("marks the lines of a raw ipxe block as iPXE", () => {
    const text = ["entry e() {", "  ipxe {", "    echo MAC ${net0/mac} # note", "    goto done", "  }", "}"].join("\n");
    const tokens = tokensOf({ "/w/a.ipxm": text }, "/w/a.ipxm");
    expect(onLine(tokens, 2)).toEqual([
      "echo function defaultLibrary",
      "${net0/mac} variable defaultLibrary",
      "# note comment",
    ]);
    expect(onLine(tokens, 3)).toEqual(["goto function defaultLibrary", "done label"]);
  });

  it("gives well-formed tokens for every file in menus/", () => {
    const files = Object.fromEntries(
      readdirSync(menus)
        .filter((name) => name.endsWith(".ipxm"))
        .map((name) => [`/w/${name}`, readFileSync(new URL(name, menus), "utf8")]),
    );
    const fx = fixture(files);
    for (const path of Object.keys(files)) {
      const document = fx.document(path);
      const tokens = decode(semanticTokens(fx.snapshot(), document).data, document.text);
      expect(tokens.length).toBeGreaterThan(0);
      expectWellFormed(tokens, document.text);
    }
  });
});

describe("semantic tokens of an iPXE script", () => {
  it("marks commands as default-library functions, labels, goto targets, options, expansions and comments", () => {
    const text = [
      "#!ipxe", // 0
      ":start", // 1
      "menu --name main Boot ${hostname}", // 2
      "choose --timeout 5000 target && goto ${target} || goto failed", // 3
      "frobnicate now # no such command", // 4
      "echo ${net0/mac} ${site}", // 5
    ].join("\n");
    const tokens = tokensOf({ "/w/a.ipxe": text }, "/w/a.ipxe");
    expect(onLine(tokens, 0)).toEqual(["#!ipxe comment"]);
    expect(onLine(tokens, 1)).toEqual([":start label declaration"]);
    expect(onLine(tokens, 2)).toEqual([
      "menu function defaultLibrary",
      "--name parameter",
      "${hostname} variable defaultLibrary",
    ]);
    expect(onLine(tokens, 3)).toEqual([
      "choose function defaultLibrary",
      "--timeout parameter",
      "goto function defaultLibrary",
      "${target} variable",
      "goto function defaultLibrary",
      "failed label",
    ]);
    expect(onLine(tokens, 4)).toEqual(["frobnicate function", "# no such command comment"]);
    expect(onLine(tokens, 5)).toEqual([
      "echo function defaultLibrary",
      "${net0/mac} variable defaultLibrary",
      "${site} variable",
    ]);
  });

  it("marks only the option of `--key=value`, and only the inner expansion of a nested one", () => {
    const tokens = tokensOf({ "/w/a.ipxe": "#!ipxe\nitem --key=x a A\necho ${a${b}}\n" }, "/w/a.ipxe");
    expect(onLine(tokens, 1)).toEqual(["item function defaultLibrary", "--key parameter"]);
    expect(onLine(tokens, 2)).toEqual(["echo function defaultLibrary", "${b} variable"]);
  });

  it("cuts a token that a continuation carries over two lines into one token per line", () => {
    const text = "#!ipxe\nim\\\ngfetch --na\\\nme=x http://h/a ${na}\n";
    const tokens = tokensOf({ "/w/a.ipxe": text }, "/w/a.ipxe");
    expectWellFormed(tokens, text);
    expect(onLine(tokens, 1)).toEqual(["im\\ function defaultLibrary"]);
    expect(onLine(tokens, 2)).toEqual(["gfetch function defaultLibrary", "--na\\ parameter"]);
    expect(onLine(tokens, 3)).toEqual(["me parameter", "${na} variable"]);
  });

  it("gives well-formed tokens for a real script", () => {
    const text = readFileSync(new URL("menu.ipxe", netbootxyz), "utf8");
    const tokens = tokensOf({ "/w/menu.ipxe": text }, "/w/menu.ipxe");
    expectWellFormed(tokens, text);
    expect(tokens.filter((token) => token.type === "label" && token.modifiers.includes("declaration")).length).toBe(
      text.split("\n").filter((line) => line.startsWith(":")).length,
    );
  });
});

describe("semantic tokens of broken text", () => {
  it("are well-formed for every prefix of a menu file and of a script", () => {
    const cases = [
      { path: "/w/alpine.ipxm", text: repositoryFile("menus/alpine.ipxm") },
      { path: "/w/menu.ipxe", text: repositoryFile("packages/eslint-plugin/test/fixtures/netbootxyz/menu.ipxe") },
    ];
    for (const { path, text } of cases) {
      for (const prefix of prefixesOf(path, text, 3)) {
        const tokens = decode(semanticTokens(prefix.snapshot, prefix.document).data, prefix.text);
        expectWellFormed(tokens, prefix.text);
      }
    }
  });
});

describe("semantic token deltas", () => {
  const uri = pathToUri("/w/main.ipxm");
  const text = readFileSync(new URL("main.ipxm", menus), "utf8");

  function opened(): LanguageService {
    const service = new LanguageService({ fileSystem: memoryFileSystem({}) });
    service.workspace.openDocument(uri, "ipxm", 1, text);
    return service;
  }

  /** LSP's edits applied to the data they were computed from. */
  function applied(data: readonly number[], edits: readonly SemanticTokensEdit[]): number[] {
    const result = [...data];
    for (const edit of [...edits].sort((a, b) => b.start - a.start)) {
      result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    }
    return result;
  }

  it("answers an edit with the changed tokens only, which give the new tokens", () => {
    const service = opened();
    const before = service.semanticTokens(uri);
    const edited = text.replace("menu main", "// a note\nmenu main");
    service.workspace.changeDocument(uri, 2, edited);

    const delta = service.semanticTokensDelta(uri, before.resultId!);
    expect("edits" in delta).toBe(true);
    const { edits } = delta as SemanticTokensDelta;
    const changed = edits.reduce((sum, edit) => sum + edit.deleteCount + (edit.data?.length ?? 0), 0);
    expect(changed).toBeLessThan(before.data.length / 4);
    expect(applied(before.data, edits)).toEqual(tokensData({ "/w/main.ipxm": edited }, "/w/main.ipxm"));
  });

  it("sends every token when the tokens it is asked to start from are not the last sent", () => {
    const service = opened();
    service.semanticTokens(uri);
    const answer = service.semanticTokensDelta(uri, "an older result");
    expect(answer).toMatchObject({ data: tokensData({ "/w/main.ipxm": text }, "/w/main.ipxm") });
  });
});

function tokensData(files: Record<string, string>, path: string): number[] {
  const fx = fixture(files);
  return semanticTokens(fx.snapshot(), fx.document(path)).data;
}

/** Every token of a document, as the server sends them first. */
function semanticTokens(...[snapshot, document]: Parameters<SemanticTokensHistory["full"]>) {
  return new SemanticTokensHistory().full(snapshot, document);
}
