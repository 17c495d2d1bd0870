import { describe, expect, it } from "vitest";
import type { ConstDecl, EntryDecl, ImportDecl, MenuDecl, SettingDecl, TargetDecl } from "../src/ast.js";
import { onlyDeclaration, parseClean, slice } from "./parse-helpers.js";

describe("top-level declarations", () => {
  it("parses an import with its path string", () => {
    const text = 'import "./linux.ipxm"';
    const declaration = onlyDeclaration(text) as ImportDecl;
    expect(declaration).toMatchObject({ kind: "Import", path: { kind: "String", parts: [{ value: "./linux.ipxm" }] } });
    expect(slice(text, declaration)).toBe(text);
    expect(slice(text, declaration.path)).toBe('"./linux.ipxm"');
  });

  it("parses a target profile", () => {
    const text = 'target "ipxe-2-efi"';
    const declaration = onlyDeclaration(text) as TargetDecl;
    expect(declaration).toMatchObject({ kind: "Target", profile: { parts: [{ value: "ipxe-2-efi" }] } });
    expect(slice(text, declaration)).toBe(text);
  });

  it("parses a constant without a type", () => {
    const text = 'const releases = ["24.04", "22.04"]';
    const declaration = onlyDeclaration(text) as ConstDecl;
    expect(declaration.kind).toBe("Const");
    expect(declaration.name.name).toBe("releases");
    expect(declaration.type).toBeUndefined();
    expect(declaration.value.kind).toBe("List");
    expect(slice(text, declaration)).toBe(text);
    expect(slice(text, declaration.value)).toBe('["24.04", "22.04"]');
  });

  it("parses a constant with a type", () => {
    const text = "const timeout: duration = 5m";
    const declaration = onlyDeclaration(text) as ConstDecl;
    expect(declaration.type).toMatchObject({ kind: "TypeRef", name: "duration" });
    expect(slice(text, declaration.type!)).toBe("duration");
    expect(declaration.value).toMatchObject({ kind: "Duration", amount: 5, unit: "m", text: "5m" });
  });

  it("keeps an unknown type name as written, for the checker to report", () => {
    const declaration = onlyDeclaration("const x: strnig = 1") as ConstDecl;
    expect(declaration.type?.name).toBe("strnig");
  });

  it("parses a setting with and without a default", () => {
    const text = 'setting mirror: url = "http://deb.debian.org"\nsetting kickstart: url';
    const { ast } = parseClean(text);
    const [mirror, kickstart] = ast.declarations as SettingDecl[];
    expect(mirror).toMatchObject({ kind: "Setting", name: { name: "mirror" }, type: { name: "url" } });
    expect(mirror!.value?.kind).toBe("String");
    expect(slice(text, mirror!)).toBe('setting mirror: url = "http://deb.debian.org"');
    expect(kickstart).toMatchObject({ kind: "Setting", name: { name: "kickstart" }, type: { name: "url" } });
    expect(kickstart!.value).toBeUndefined();
    expect(slice(text, kickstart!)).toBe("setting kickstart: url");
  });

  it("parses a menu with its name, title and body", () => {
    const text = 'menu main "boot.example.org" {\n  item shell "iPXE shell" -> shell\n}';
    const menu = onlyDeclaration(text) as MenuDecl;
    expect(menu).toMatchObject({ kind: "Menu", name: { name: "main" }, title: { kind: "String" } });
    expect(menu.body.map((member) => member.kind)).toEqual(["Item"]);
    expect(slice(text, menu)).toBe(text);
    expect(slice(text, menu.name)).toBe("main");
    expect(slice(text, menu.title)).toBe('"boot.example.org"');
  });

  it("parses an empty menu", () => {
    const menu = onlyDeclaration('menu m "M" {}') as MenuDecl;
    expect(menu.body).toEqual([]);
  });

  it("parses an entry with typed parameters and defaults", () => {
    const text = "entry x(ver: string, bits: int = 64) { boot }";
    const entry = onlyDeclaration(text) as EntryDecl;
    expect(entry.kind).toBe("Entry");
    expect(entry.name.name).toBe("x");
    expect(entry.params).toMatchObject([
      { kind: "Param", name: { name: "ver" }, type: { name: "string" } },
      { kind: "Param", name: { name: "bits" }, type: { name: "int" }, defaultValue: { kind: "Int", value: 64 } },
    ]);
    expect(entry.params[0]!.defaultValue).toBeUndefined();
    expect(entry.params.map((param) => slice(text, param))).toEqual(["ver: string", "bits: int = 64"]);
    expect(entry.body.map((statement) => statement.kind)).toEqual(["BootKernel"]);
    expect(slice(text, entry)).toBe(text);
  });

  it("parses an entry without parameters", () => {
    const entry = onlyDeclaration("entry local_disk() { exit }") as EntryDecl;
    expect(entry.params).toEqual([]);
  });

  it("keeps declarations in source order", () => {
    const text = [
      'import "./a.ipxm"',
      'target "ipxe-2-efi"',
      "setting s: string",
      'menu m "M" { gap }',
      "const c = 1",
      "entry e() { boot }",
      'import "./b.ipxm"',
    ].join("\n");
    const { ast } = parseClean(text);
    expect(ast.declarations.map((declaration) => declaration.kind)).toEqual([
      "Import",
      "Target",
      "Setting",
      "Menu",
      "Const",
      "Entry",
      "Import",
    ]);
  });

  it("covers the whole file with the SourceFile range", () => {
    const text = "  const c = 1  \n";
    const { ast } = parseClean(text);
    expect(ast).toMatchObject({ start: 0, end: text.length });
    expect(slice(text, ast.declarations[0]!)).toBe("const c = 1");
  });

  it("accepts keywords as declaration names", () => {
    const text = 'menu boot "Boot" { gap }\nentry default() { exit }\nconst menu = 1\nsetting key: string';
    const { ast } = parseClean(text);
    expect(ast.declarations.map((declaration) => ("name" in declaration ? declaration.name.name : ""))).toEqual([
      "boot",
      "default",
      "menu",
      "key",
    ]);
  });
});
