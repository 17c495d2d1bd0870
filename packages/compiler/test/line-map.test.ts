import { describe, expect, it } from "vitest";
import { compile } from "@ipxm/compiler";
import { act, at, cond, entry, file, gap, item, menu, program, s, setting, st, t } from "./builders.js";

describe("the line map", () => {
  const p = program({
    usesArch: true,
    settings: [setting("mirror", "a  b", "string", at(10))],
    menus: [
      menu(
        "main",
        "Main",
        [
          gap("Top", { source: at(21) }),
          item("a", "A  A", act.entry("e", at(32)), { source: at(22), condition: cond.isset("mirror") }),
          item("b", "B", act.chain(t("http://h/x"), at(33)), { source: at(23) }),
        ],
        { source: at(20), escape: act.exit(0, at(24)) },
      ),
    ],
    entries: [
      entry(
        "e",
        [st.kernel(t(s("mirror"), "/k"), [t("x  y")], at(41)), st.raw(["echo raw"], at(42)), st.boot(at(43))],
        { source: at(40) },
      ),
    ],
  });
  const result = compile(p);
  const lines = result.script!.split("\n").slice(0, -1);
  const startOf = (text: string) => result.lineMap[lines.indexOf(text)]!.range.start;

  it("has one entry per output line, numbered from 1, in order", () => {
    expect(result.lineMap).toHaveLength(lines.length);
    expect(result.lineMap.map((entry) => entry.line)).toEqual(lines.map((_, i) => i + 1));
    expect(new Set(result.lineMap.map((entry) => entry.file))).toEqual(new Set([file]));
  });

  it("is made once, when first read", () => {
    expect(result.lineMap).toBe(result.lineMap);
  });

  it("maps the header and the shared prologue to the entry file at 0..0", () => {
    for (const text of [
      "#!ipxe",
      "cpuid --ext 29 && set arch x86_64 || set arch i386",
      "isset ${ipxm_menu} && goto ${ipxm_menu} ||",
    ]) {
      expect(result.lineMap[lines.indexOf(text)]).toMatchObject({ file, range: { start: 0, end: 0 } });
    }
  });

  it("maps a setting default, with its routed text, to the setting", () => {
    expect(startOf("isset -- ${mirror} || set mirror ${ipxm_t1:string}")).toBe(10);
    expect(result.lineMap[lines.indexOf("isset -- ${mirror} || set mirror ${ipxm_t1:string}") - 1]!.range.start).toBe(
      10,
    );
  });

  it("maps menu lines to the menu, rows to their row, and actions to their action", () => {
    expect(startOf(":main")).toBe(20);
    expect(startOf("menu Main")).toBe(20);
    expect(startOf("item --gap Top")).toBe(21);
    expect(startOf("isset -- ${mirror} || goto main.skip.1")).toBe(22);
    expect(startOf("item a ${ipxm_t1:string}")).toBe(22);
    expect(startOf("item b B")).toBe(23);
    expect(startOf("choose ipxm_choice || exit 0")).toBe(20);
    expect(startOf(":main.a")).toBe(22);
    expect(startOf("goto e")).toBe(32);
    expect(startOf("chain --autofree http://h/x || goto main.failed")).toBe(33);
  });

  it("maps entry statements, raw lines and the error screen", () => {
    expect(startOf(":e")).toBe(40);
    expect(startOf("kernel -- ${mirror}/k ${ipxm_t1:string} || goto e.failed")).toBe(41);
    expect(startOf("echo raw")).toBe(142);
    expect(startOf("boot || goto e.failed")).toBe(43);
    expect(startOf(":e.failed")).toBe(40);
  });
});

describe("a compilation that wants no line map", () => {
  const p = program({
    menus: [menu("main", "Main", [item("a", "A", act.entry("e", at(32)), { source: at(22) })], { source: at(20) })],
    entries: [entry("e", [st.boot(at(43))], { source: at(40) })],
  });

  it("writes the same script, with an empty line map", () => {
    const withMap = compile(p);
    const withoutMap = compile(p, { lineMap: false });
    expect(withoutMap.script).toBe(withMap.script);
    expect(withMap.lineMap.length).toBeGreaterThan(0);
    expect(withoutMap.lineMap).toEqual([]);
    expect(withoutMap.diagnostics).toEqual(withMap.diagnostics);
  });
});
