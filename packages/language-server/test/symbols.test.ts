import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import { documentSymbols, maxWorkspaceSymbols, workspaceSymbols } from "../src/features/symbols.js";
import { fixture } from "./support/fixture.js";
import { prefixesOf, repositoryFile } from "./support/prefixes.js";

const menus = new URL("../../../menus/", import.meta.url);
const menuFile = (name: string) => readFileSync(new URL(name, menus), "utf8");

/** name → symbol, for the top level or the children of one symbol. */
function byName(symbols: readonly DocumentSymbol[] | undefined): Map<string, DocumentSymbol> {
  return new Map((symbols ?? []).map((symbol) => [symbol.name, symbol]));
}

function outline(path: string, files: Record<string, string>) {
  const fx = fixture(files);
  return { fx, symbols: documentSymbols(fx.snapshot(), fx.document(path)) };
}

describe("document symbols of an .ipxm file", () => {
  it("lists a menu with its items and text gaps in order, its default and timeout as detail, selecting names", () => {
    const { fx, symbols } = outline("/w/main.ipxm", {
      "/w/main.ipxm": [
        'menu [|main|] "Boot" {',
        "  default local after 5m",
        '  gap [|"Systems"|]',
        '  item [|linux|] "Linux installers" -> shell',
        "  gap",
        '  item [|local|] "Boot from disk" key d -> exit',
        "}",
      ].join("\n"),
    });
    const [main] = symbols;
    const [name, gap, linux, local] = fx.ranges("/w/main.ipxm");
    expect(main).toMatchObject({
      name: "main",
      kind: SymbolKind.Enum,
      detail: "default local after 5m",
      selectionRange: name,
      range: { start: { line: 0, character: 0 }, end: { line: 6, character: 1 } },
    });
    expect(main!.children!.map((child) => [child.name, child.kind, child.detail])).toEqual([
      ["Systems", SymbolKind.String, "gap"],
      ["linux", SymbolKind.EnumMember, "Linux installers"],
      ["local", SymbolKind.EnumMember, "Boot from disk"],
    ]);
    expect(main!.children!.map((child) => child.selectionRange)).toEqual([gap, linux, local]);
    expect(main!.children![1]!.range).toEqual({ start: { line: 3, character: 2 }, end: { line: 3, character: 40 } });
  });

  it("lists the items that for, if and when blocks make among the menu's items, named by their text when they have no id", () => {
    const { symbols } = outline("/w/m.ipxm", {
      "/w/m.ipxm": [
        'const releases = ["24.04", "22.04"]',
        "const daily = true",
        'menu ubuntu "Ubuntu" {',
        "  for r in releases {",
        '    item "Ubuntu ${r}" -> shell',
        "  }",
        '  if daily { item daily "Daily build" -> shell }',
        '  when platform == efi { item efi "EFI only" -> shell } else { item bios "BIOS only" -> shell }',
        "}",
      ].join("\n"),
    });
    const ubuntu = byName(symbols).get("ubuntu")!;
    expect(ubuntu.children!.map((child) => child.name)).toEqual(["Ubuntu ${r}", "daily", "efi", "bios"]);
    expect(ubuntu.detail).toBeUndefined();
  });

  it("lists entries with their signature and parameters, constants and settings with their types", () => {
    const { fx, symbols } = outline("/w/e.ipxm", {
      "/w/e.ipxm": [
        "const [|timeout|] = 5m",
        "const names: list = []",
        'setting [|mirror|]: url = "http://deb.debian.org"',
        "setting answer: string",
        "entry [|debian|]([|version|]: string, bits: int = 64) {",
        "  boot",
        "}",
      ].join("\n"),
    });
    const found = byName(symbols);
    expect([...found.keys()]).toEqual(["timeout", "names", "mirror", "answer", "debian"]);
    expect(found.get("timeout")).toMatchObject({ kind: SymbolKind.Constant, detail: "duration" });
    expect(found.get("names")).toMatchObject({ kind: SymbolKind.Constant, detail: "list" });
    expect(found.get("mirror")).toMatchObject({ kind: SymbolKind.Variable, detail: 'url = "http://deb.debian.org"' });
    expect(found.get("answer")).toMatchObject({ kind: SymbolKind.Variable, detail: "string" });
    const debian = found.get("debian")!;
    expect(debian).toMatchObject({ kind: SymbolKind.Function, detail: "(version: string, bits: int)" });
    expect(debian.children!.map((param) => [param.name, param.kind, param.detail])).toEqual([
      ["version", SymbolKind.Variable, "string"],
      ["bits", SymbolKind.Variable, "int = 64"],
    ]);
    const [timeout, mirror, entry, version] = fx.ranges("/w/e.ipxm");
    expect(found.get("timeout")!.selectionRange).toEqual(timeout);
    expect(found.get("mirror")!.selectionRange).toEqual(mirror);
    expect(debian.selectionRange).toEqual(entry);
    expect(debian.children![0]!.selectionRange).toEqual(version);
  });

  it("leaves imports and the target out", () => {
    const { symbols } = outline("/w/a.ipxm", {
      "/w/a.ipxm": 'import "./b.ipxm"\ntarget "ipxe-2-efi"\nconst x = 1',
      "/w/b.ipxm": "",
    });
    expect(symbols.map((symbol) => symbol.name)).toEqual(["x"]);
  });

  it("outlines a real menu file: every menu and entry of menus/debian.ipxm", () => {
    const { symbols } = outline("/w/debian.ipxm", {
      "/w/debian.ipxm": menuFile("debian.ipxm"),
      "/w/settings.ipxm": menuFile("settings.ipxm"),
    });
    const found = byName(symbols);
    expect(found.get("debian")?.kind).toBe(SymbolKind.Enum);
    expect(found.get("debian_install")?.children?.map((item) => item.name)).toContain("expert");
    expect(found.get("debian_select")?.children?.map((param) => param.name)).toEqual(["codename", "host"]);
    expect(found.get("debian_releases")?.kind).toBe(SymbolKind.Constant);
  });
});

describe("document symbols of an iPXE script", () => {
  const script = [
    "#!ipxe",
    "dhcp",
    ":[|start|]",
    "menu --name main Boot menu",
    "item --menu main --gap Systems",
    "item --menu main --key l [|linux|] Linux installers",
    "item --menu main --gap",
    "item --menu main local Boot from disk",
    "choose --menu main target && goto ${target}",
    "",
    ":[|linux|]",
    "chain http://boot.example.org/linux.ipxe",
    "",
  ].join("\n");

  it("makes each label a section from its line to the last line before the next label", () => {
    const { fx, symbols } = outline("/w/boot.ipxe", { "/w/boot.ipxe": script });
    const [startName, , linuxName] = fx.ranges("/w/boot.ipxe");
    expect(symbols.map((symbol) => [symbol.name, symbol.kind])).toEqual([
      ["start", SymbolKind.Namespace],
      ["linux", SymbolKind.Namespace],
    ]);
    expect(symbols[0]!.range).toEqual({ start: { line: 2, character: 0 }, end: { line: 8, character: 43 } });
    expect(symbols[0]!.selectionRange).toEqual(startName);
    expect(symbols[1]!.range).toEqual({ start: { line: 10, character: 0 }, end: { line: 11, character: 40 } });
    expect(symbols[1]!.selectionRange).toEqual(linuxName);
  });

  it("puts the menus a section builds under it, with their items and text gaps", () => {
    const { fx, symbols } = outline("/w/boot.ipxe", { "/w/boot.ipxe": script });
    const [menu] = symbols[0]!.children!;
    expect(menu).toMatchObject({ name: "main", kind: SymbolKind.Enum, detail: "Boot menu" });
    expect(menu!.range).toEqual({ start: { line: 3, character: 0 }, end: { line: 7, character: 37 } });
    expect(menu!.children!.map((child) => [child.name, child.kind, child.detail])).toEqual([
      ["Systems", SymbolKind.String, "gap"],
      ["linux", SymbolKind.EnumMember, "Linux installers"],
      ["local", SymbolKind.EnumMember, "Boot from disk"],
    ]);
    expect(menu!.children![1]!.selectionRange).toEqual(fx.ranges("/w/boot.ipxe")[1]);
    expect(symbols[1]!.children).toEqual([]);
  });

  it("lists a menu built before the first label at the top, named by its title when it has no name", () => {
    const { symbols } = outline("/w/a.ipxe", {
      "/w/a.ipxe": "#!ipxe\nmenu Pick one\nitem a Alpha\nchoose x\n:after\necho done\n",
    });
    expect(symbols.map((symbol) => [symbol.name, symbol.kind])).toEqual([
      ["Pick one", SymbolKind.Enum],
      ["after", SymbolKind.Namespace],
    ]);
    expect(symbols[0]!.children!.map((item) => item.name)).toEqual(["a"]);
  });
});

describe("workspace symbols", () => {
  const files = {
    "/w/main.ipxm": 'import "./lib.ipxm"\nmenu main "Main" { item linux "Linux" -> menu linux_menu }',
    "/w/lib.ipxm":
      'const mirror = "http://m"\nsetting site: string\nmenu linux_menu "Linux" { item back "Back" -> back }\nentry local_disk() { exit }',
    "/w/boot.ipxe": "#!ipxe\n:start\ngoto menu_linux\n:menu_linux\necho hi\n",
  };

  it("finds every top-level declaration of every .ipxm file and every label of every script", () => {
    const fx = fixture(files);
    const found = workspaceSymbols(fx.snapshot(), "");
    expect(found.map((symbol) => symbol.name).sort()).toEqual(
      ["linux_menu", "local_disk", "main", "menu_linux", "mirror", "site", "start"].sort(),
    );
    const linux = found.find((symbol) => symbol.name === "linux_menu")!;
    expect(linux).toMatchObject({ kind: SymbolKind.Enum, containerName: "lib.ipxm" });
    expect(linux.location).toEqual({
      uri: fx.uri("/w/lib.ipxm"),
      range: { start: { line: 2, character: 5 }, end: { line: 2, character: 15 } },
    });
    const label = found.find((symbol) => symbol.name === "menu_linux")!;
    expect(label).toMatchObject({ kind: SymbolKind.Namespace, containerName: "boot.ipxe" });
    expect(label.location).toEqual({
      uri: fx.uri("/w/boot.ipxe"),
      range: { start: { line: 3, character: 1 }, end: { line: 3, character: 11 } },
    });
    expect(found.find((symbol) => symbol.name === "local_disk")!.kind).toBe(SymbolKind.Function);
    expect(found.find((symbol) => symbol.name === "mirror")!.kind).toBe(SymbolKind.Constant);
  });

  it("matches the letters typed in order, ignoring case, the closest matches first", () => {
    const fx = fixture(files);
    expect(workspaceSymbols(fx.snapshot(), "LNX").map((symbol) => symbol.name)).toEqual(["linux_menu", "menu_linux"]);
    expect(workspaceSymbols(fx.snapshot(), "menu").map((symbol) => symbol.name)).toEqual(["menu_linux", "linux_menu"]);
    expect(workspaceSymbols(fx.snapshot(), "ld").map((symbol) => symbol.name)).toEqual(["local_disk"]);
    expect(workspaceSymbols(fx.snapshot(), "zz")).toEqual([]);
  });

  it(`answers at most ${maxWorkspaceSymbols} symbols`, () => {
    const many = Array.from({ length: maxWorkspaceSymbols + 50 }, (_, i) => `const c${i} = ${i}`).join("\n");
    const fx = fixture({ "/w/many.ipxm": many });
    const found = workspaceSymbols(fx.snapshot(), "c");
    expect(found).toHaveLength(maxWorkspaceSymbols);
  });
});

describe("document symbols of broken text", () => {
  it("answer for every prefix of a real menu file and of a script, with names and ranges editors accept", () => {
    const cases = [
      { path: "/w/alpine.ipxm", text: repositoryFile("menus/alpine.ipxm") },
      { path: "/w/menu.ipxe", text: repositoryFile("packages/eslint-plugin/test/fixtures/netbootxyz/menu.ipxe") },
    ];
    for (const { path, text } of cases) {
      for (const prefix of prefixesOf(path, text, 3)) {
        for (const symbol of flatten(documentSymbols(prefix.snapshot, prefix.document))) {
          expect(symbol.name.trim()).not.toBe("");
          expect(contains(symbol.range, symbol.selectionRange)).toBe(true);
        }
      }
    }
  });
});

function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [symbol, ...flatten(symbol.children ?? [])]);
}

function contains(outer: DocumentSymbol["range"], inner: DocumentSymbol["range"]): boolean {
  const before = (a: DocumentSymbol["range"]["start"], b: DocumentSymbol["range"]["start"]) =>
    a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(inner.start, outer.start) && !before(outer.end, inner.end);
}
