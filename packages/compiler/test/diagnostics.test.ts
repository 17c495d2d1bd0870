import { describe, expect, it } from "vitest";
import { compile } from "@ipxm/compiler";
import type { Program, ProgramStatement } from "@ipxm/core";
import { act, at, entry, file, item, menu, minimal, program, s, setting, st, t } from "./builders.js";

function withEntry(body: ProgramStatement[], target = "ipxe-1.21-pcbios", extra: Partial<Program> = {}): Program {
  return {
    ...program({
      target,
      menus: [menu("main", "M", [item("x", "X", act.entry("e"))], { escape: act.exit(0) })],
      entries: [entry("e", body)],
    }),
    ...extra,
  };
}

function codes(p: Program): string[] {
  return compile(p).diagnostics.map((d) => d.code);
}

describe("diagnostics", () => {
  it("a valid program compiles without any", () => {
    const result = compile(minimal());
    expect(result.diagnostics).toEqual([]);
    expect(result.script).toBeDefined();
  });

  it("no script and no line map when there is an error", () => {
    const result = compile({ ...minimal(), target: "ipxe-9-quantum" });
    expect(result.script).toBeUndefined();
    expect(result.lineMap).toEqual([]);
  });

  describe("unknown-target", () => {
    it("names the profile and lists the known ones", () => {
      const [diagnostic] = compile({ ...minimal(), target: "ipxe-9-quantum" }).diagnostics;
      expect(diagnostic).toMatchObject({
        code: "unknown-target",
        severity: "error",
        file,
        range: { start: 0, end: 0 },
      });
      expect(diagnostic!.message).toContain('"ipxe-9-quantum"');
      expect(diagnostic!.message).toContain('"ipxe-2-efi"');
    });
  });

  describe("target-unsupported", () => {
    it("https:// on a build without HTTPS, at the node that uses it", () => {
      for (const target of ["ipxe-1.21-pcbios", "debian-pcbios", "debian-efi", "ipxe-2-pcbios"]) {
        const result = compile(withEntry([st.kernel(t("https://h/k"), [], at(42))], target));
        expect(result.diagnostics.map((d) => [d.code, d.range.start])).toEqual([["target-unsupported", 42]]);
        expect(result.diagnostics[0]!.message).toContain("https://");
      }
      expect(codes(withEntry([st.kernel(t("https://h/k"))], "ipxe-2-efi"))).toEqual([]);
    });

    it("https:// in an item action, an initrd and a url setting's default", () => {
      const p = program({
        settings: [setting("mirror", "https://m", "url", at(7))],
        menus: [menu("main", "M", [item("c", "C", act.chain(t("https://h/x"), at(8)))], { escape: act.exit(0) })],
        entries: [entry("e", [st.initrd(t("https://h/i"), undefined, at(9))])],
      });
      expect(compile(p).diagnostics.map((d) => [d.code, d.range.start])).toEqual([
        ["target-unsupported", 7],
        ["target-unsupported", 8],
        ["target-unsupported", 9],
      ]);
    });

    it("memdisk on an EFI target", () => {
      const p = (target: string) =>
        program({
          target,
          menus: [
            menu("main", "M", [item("m", "M", act.memdisk(t("http://h/fd.iso"), t("http://h/memdisk"), at(3)))], {
              escape: act.exit(0),
            }),
          ],
        });
      expect(compile(p("ipxe-2-efi")).diagnostics.map((d) => [d.code, d.range.start])).toEqual([
        ["target-unsupported", 3],
      ]);
      expect(codes(p("ipxe-1.21-pcbios"))).toEqual([]);
    });

    it("sanboot of a local drive on EFI before iPXE 2", () => {
      const p = (target: string) =>
        program({
          target,
          menus: [menu("main", "M", [item("d", "Disk", act.sanbootDrive(0x80, at(4)))], { escape: act.exit(0) })],
        });
      expect(compile(p("ipxe-1.21-efi")).diagnostics.map((d) => [d.code, d.range.start])).toEqual([
        ["target-unsupported", 4],
      ]);
      expect(codes(p("debian-efi"))).toEqual(["target-unsupported"]);
      expect(codes(p("ipxe-2-efi"))).toEqual([]);
      expect(codes(p("ipxe-1.21-pcbios"))).toEqual([]);
    });

    it("a raw command the build lacks, at the raw line", () => {
      const result = compile(withEntry([st.raw(["ntp pool.ntp.org", "echo ok"], at(500))], "ipxe-1.21-pcbios"));
      expect(result.diagnostics.map((d) => [d.code, d.range.start])).toEqual([["target-unsupported", 600]]);
      expect(codes(withEntry([st.raw(["ntp pool.ntp.org"])], "ipxe-2-efi"))).toEqual([]);
    });

    it("a raw option the build lacks", () => {
      expect(codes(withEntry([st.raw(["choose --retimeout 1000 x"])], "ipxe-1.21-pcbios"))).toEqual([
        "target-unsupported",
      ]);
    });
  });

  describe("raw-ipxe-invalid", () => {
    const invalid: [string, string][] = [
      ["an unknown command", "chian http://x"],
      ["an unknown option", "echo --bold hi"],
      ["too many positionals", "goto a b"],
      ["too few positionals", "clear"],
      ["a bad integer", "sleep soon"],
      ["options after text that starts with a dash", "item --gap ---- x"],
    ];
    for (const [what, line] of invalid) {
      it(`reports ${what}`, () => {
        const result = compile(withEntry([st.raw([line], at(500))]));
        expect(result.diagnostics.map((d) => [d.code, d.range.start])).toEqual([["raw-ipxe-invalid", 600]]);
        expect(result.script).toBeUndefined();
      });
    }

    it("reports a raw line that ends in a backslash, which would swallow the next line", () => {
      expect(codes(withEntry([st.raw(["kernel http://x/k \\"])]))).toEqual(["raw-ipxe-invalid"]);
    });

    it("checks every command of a line, and accepts expansions it cannot judge", () => {
      expect(codes(withEntry([st.raw(["isset ${x} && echo ${x} || goto nowhere extra"])]))).toEqual([
        "raw-ipxe-invalid",
      ]);
      expect(codes(withEntry([st.raw(["sleep ${delay} ||", "${cmd} anything", "# a comment", ":label"])]))).toEqual([]);
    });
  });

  describe("unrepresentable-text", () => {
    it("a literal ${…} in a url, a kernel argument, a set value or a default", () => {
      const p = program({
        settings: [setting("motd", "see ${x}", "string", at(1))],
        menus: [menu("main", "M", [item("x", "X", act.entry("e"))], { escape: act.exit(0) })],
        entries: [
          entry("e", [
            st.kernel(t("http://h/${x}"), [], at(2)),
            st.kernel(t("http://h/k"), [t("root=${root}")], at(3)),
            st.set("motd", t("${y}"), at(4)),
            act.chain(t("http://h/", s("a"), "${x}"), at(5)),
          ]),
        ],
      });
      const result = compile(p);
      expect(result.diagnostics.map((d) => [d.code, d.range.start])).toEqual([
        ["unrepresentable-text", 1],
        ["unrepresentable-text", 2],
        ["unrepresentable-text", 3],
        ["unrepresentable-text", 4],
        ["unrepresentable-text", 5],
      ]);
      expect(result.diagnostics[1]!.message).toBe(
        'the kernel url "http://h/${x}" cannot be passed to iPXE: it contains a literal ${…}, which iPXE would expand (write it in display text only, or remove it)',
      );
    });

    it("not for a literal ${…} in display text", () => {
      expect(codes(minimal([item("a", "Use ${mirror}", act.exit(0))]))).toEqual([]);
    });

    it("a NUL character, anywhere", () => {
      expect(codes(minimal([item("a", "a\u0000b", act.exit(0), { source: at(9) })]))).toEqual(["unrepresentable-text"]);
    });

    it("a hotkey iPXE cannot read", () => {
      expect(codes(minimal([item("a", "A", act.exit(0), { key: "é" })]))).toEqual(["unrepresentable-text"]);
    });

    it("a name that cannot be a label", () => {
      expect(codes(minimal([item("a b", "A", act.exit(0))]))).toEqual(["unrepresentable-text"]);
      expect(codes(program({ menus: [menu("m${x}", "M", [item("a", "A", act.exit(0))])] }))).toEqual([
        "unrepresentable-text",
      ]);
    });
  });

  it("are sorted by position and all reported, not just the first", () => {
    const result = compile(withEntry([st.raw(["chian"], at(900)), st.kernel(t("https://h/k"), [], at(20))]));
    expect(result.diagnostics.map((d) => d.range.start)).toEqual([20, 1000]);
  });
});
