/**
 * A target names an iPXE build and the platform of unguarded code. Code that a runtime condition
 * confines to one platform (`when platform == pcbios`, the else of `platform == efi`, a gated menu
 * item, an entry that only such code starts) is checked against the same build for that platform.
 * Nothing is folded: the script keeps every branch and still runs on both platforms.
 */
import { describe, expect, it } from "vitest";
import { compile } from "@ipxm/compiler";
import { checkProgram } from "@ipxm/core";
import type { Condition, Program, ProgramStatement, SourceHost } from "@ipxm/core";
import { act, at, cond, entry, item, menu, program, s, setting, st, t } from "./builders.js";

const memdiskLoader = setting("memdisk", "http://h/memdisk", "url");
const platformIs = (platform: string): Condition => cond.equals(t(s("platform")), t(platform));
const memdisk = (offset: number) => act.memdisk(t("http://h/disk.img"), undefined, at(offset), "harddisk");

/** One menu item that boots entry `e`, whose body is `body`. */
function withEntry(body: ProgramStatement[], target: string): Program {
  return program({
    target,
    settings: [memdiskLoader],
    menus: [menu("main", "M", [item("x", "X", act.entry("e"))], { escape: act.exit(0) })],
    entries: [entry("e", body)],
  });
}

/** `[code, offset]` of every diagnostic. */
function reported(p: Program): [string, number][] {
  return compile(p).diagnostics.map((d) => [d.code, d.range.start]);
}

const efiTargets = ["debian-efi", "ipxe-1.21-efi", "ipxe-2-efi"];

describe("target checks on a platform", () => {
  describe("when platform == pcbios", () => {
    it("lets memdisk run on an EFI target, because only the PC-BIOS build runs it", () => {
      for (const target of efiTargets) {
        expect(reported(withEntry([st.when(platformIs("pcbios"), [memdisk(5)])], target)), target).toEqual([]);
      }
    });

    it("still reports memdisk outside the guard on an EFI target", () => {
      for (const target of efiTargets) {
        expect(reported(withEntry([memdisk(5)], target)), target).toEqual([["target-unsupported", 5]]);
      }
    });

    it("lets sanboot drive boot a local disk on an EFI build that cannot", () => {
      const local = (target: string) =>
        withEntry([st.when(platformIs("pcbios"), [act.sanbootDrive(0x80, at(6))], [act.exit(1)])], target);
      expect(reported(local("ipxe-1.21-efi"))).toEqual([]);
      expect(reported(local("debian-efi"))).toEqual([]);
      expect(reported(withEntry([act.sanbootDrive(0x80, at(6))], "ipxe-1.21-efi"))).toEqual([
        ["target-unsupported", 6],
      ]);
    });

    it("keeps both branches in the script", () => {
      const result = compile(
        withEntry([st.when(platformIs("pcbios"), [act.sanbootDrive(0x80)], [act.exit(1)])], "ipxe-1.21-efi"),
      );
      expect(result.script).toContain("iseq ${platform} pcbios || goto e.else.1");
      expect(result.script).toContain("sanboot --no-describe --drive 0x80 || goto e.failed");
      expect(result.script).toContain("exit 1");
    });
  });

  describe("when platform == efi", () => {
    const https = (offset: number) => act.chain(t("https://h/boot.ipxe"), at(offset));

    it("accepts https:// on a PC-BIOS target whose EFI build has HTTPS", () => {
      expect(reported(withEntry([st.when(platformIs("efi"), [https(7)])], "ipxe-2-pcbios"))).toEqual([]);
    });

    it("reports https:// when the EFI build of the target lacks HTTPS too, naming that build", () => {
      const result = compile(withEntry([st.when(platformIs("efi"), [https(7)])], "ipxe-1.21-pcbios"));
      expect(result.diagnostics.map((d) => [d.code, d.range.start])).toEqual([["target-unsupported", 7]]);
      expect(result.diagnostics[0]!.message).toBe(
        'target "ipxe-1.21-pcbios" on efi (iPXE v1.21.1, stock configuration (EFI)) cannot download https:// urls; use http://, or a target with HTTPS such as "ipxe-2-efi"',
      );
    });

    it("checks raw lines against the EFI build", () => {
      const ntp = [st.when(platformIs("efi"), [st.raw(["ntp pool.ntp.org"], at(500))])];
      expect(reported(withEntry(ntp, "ipxe-2-pcbios"))).toEqual([]);
      expect(reported(withEntry(ntp, "ipxe-1.21-pcbios"))).toEqual([["target-unsupported", 600]]);
    });

    it("reports memdisk under it even on a PC-BIOS target", () => {
      expect(reported(withEntry([st.when(platformIs("efi"), [memdisk(5)])], "ipxe-2-pcbios"))).toEqual([
        ["target-unsupported", 5],
      ]);
    });

    it("makes its else branch PC-BIOS code", () => {
      expect(reported(withEntry([st.when(platformIs("efi"), [act.exit(1)], [memdisk(5)])], "ipxe-2-efi"))).toEqual([]);
      expect(reported(withEntry([st.when(platformIs("efi"), [], [memdisk(5)])], "ipxe-2-efi"))).toEqual([]);
    });
  });

  describe("conditions that fix the platform", () => {
    const underGuard = (condition: Condition) =>
      reported(withEntry([st.when(condition, [memdisk(5)])], "ipxe-2-efi")).length === 0;

    it("platform != efi, with the comparison written either way round", () => {
      expect(underGuard(cond.not(platformIs("efi")))).toBe(true);
      expect(underGuard(cond.equals(t("pcbios"), t(s("platform"))))).toBe(true);
    });

    it("a conjunction that contains a platform test", () => {
      expect(underGuard(cond.and(cond.isset("answer"), platformIs("pcbios")))).toBe(true);
      expect(underGuard(cond.and(platformIs("pcbios"), cond.equals(t(s("buildarch")), t("i386"))))).toBe(true);
    });

    it("a disjunction only when both sides name the same platform", () => {
      expect(underGuard(cond.or(platformIs("pcbios"), platformIs("pcbios")))).toBe(true);
      expect(underGuard(cond.or(platformIs("pcbios"), cond.isset("answer")))).toBe(false);
    });

    it("not a test of another setting, or of a value that is no platform", () => {
      expect(underGuard(cond.equals(t(s("buildarch")), t("pcbios")))).toBe(false);
      expect(underGuard(cond.equals(t(s("platform")), t("PCBIOS")))).toBe(false);
      expect(underGuard(cond.isset("answer"))).toBe(false);
    });

    it("the innermost guard that names a platform, else the one around it", () => {
      const nested = (inner: Condition) =>
        reported(withEntry([st.when(platformIs("pcbios"), [st.when(inner, [memdisk(5)])])], "ipxe-2-efi"));
      expect(nested(cond.isset("answer"))).toEqual([]);
      expect(nested(platformIs("efi"))).toEqual([["target-unsupported", 5]]);
    });
  });

  describe("runtime-gated menu items", () => {
    const gatedMenu = (condition: Condition | undefined, target: string) =>
      program({
        target,
        settings: [memdiskLoader],
        menus: [
          menu(
            "main",
            "M",
            [
              item("dos", "DOS", act.memdisk(t("http://h/dos.img"), undefined, at(8), "floppy"), {
                ...(condition ? { condition } : {}),
              }),
              item("local", "Local", act.exit(1)),
            ],
            { escape: act.exit(0) },
          ),
        ],
      });

    it("check their action for the platform of their gate", () => {
      expect(reported(gatedMenu(platformIs("pcbios"), "ipxe-2-efi"))).toEqual([]);
      expect(reported(gatedMenu(undefined, "ipxe-2-efi"))).toEqual([["target-unsupported", 8]]);
    });

    it("are still listed, behind their condition", () => {
      const script = compile(gatedMenu(platformIs("pcbios"), "ipxe-2-efi")).script!;
      expect(script).toContain("iseq ${platform} pcbios || goto main.skip.1");
      expect(script).toContain("kernel -- ${memdisk} floppy raw || goto main.failed");
    });
  });

  describe("entries", () => {
    const booted = (rows: Parameters<typeof menu>[2], target = "ipxe-2-efi") =>
      reported(
        program({
          target,
          settings: [memdiskLoader],
          menus: [menu("main", "M", rows, { escape: act.exit(0) })],
          entries: [entry("e", [memdisk(5)])],
        }),
      );

    it("run on a platform when every item that starts them is gated to it", () => {
      expect(booted([item("a", "A", act.entry("e"), { condition: platformIs("pcbios") })])).toEqual([]);
      expect(
        booted([
          item("a", "A", act.entry("e"), { condition: platformIs("pcbios") }),
          item("b", "B", act.entry("e"), { condition: cond.not(platformIs("efi")) }),
        ]),
      ).toEqual([]);
    });

    it("run wherever the target does when any item that starts them is not gated", () => {
      expect(
        booted([item("a", "A", act.entry("e"), { condition: platformIs("pcbios") }), item("b", "B", act.entry("e"))]),
      ).toEqual([["target-unsupported", 5]]);
      expect(
        booted([
          item("a", "A", act.entry("e"), { condition: platformIs("pcbios") }),
          item("b", "B", act.entry("e"), { condition: platformIs("efi") }),
        ]),
      ).toEqual([["target-unsupported", 5]]);
    });

    it("inherit the platform of the entry that starts them, through any depth", () => {
      const chainOfEntries = (gate: Condition | undefined) =>
        reported(
          program({
            target: "ipxe-1.21-efi",
            settings: [memdiskLoader],
            menus: [
              menu("main", "M", [item("a", "A", act.entry("outer"), gate ? { condition: gate } : {})], {
                escape: act.exit(0),
              }),
            ],
            entries: [
              entry("outer", [act.entry("middle")]),
              entry("middle", [st.when(cond.isset("answer"), [act.entry("inner")], [act.entry("middle")])]),
              entry("inner", [memdisk(5)]),
            ],
          }),
        );
      expect(chainOfEntries(platformIs("pcbios"))).toEqual([]);
      expect(chainOfEntries(undefined)).toEqual([["target-unsupported", 5]]);
    });

    it("started from a platform branch of another entry run on that platform", () => {
      const p = program({
        target: "ipxe-2-efi",
        settings: [memdiskLoader],
        menus: [menu("main", "M", [item("a", "A", act.entry("pick"))], { escape: act.exit(0) })],
        entries: [
          entry("pick", [st.when(platformIs("efi"), [act.exit(1)], [act.entry("legacy")])]),
          entry("legacy", [memdisk(5)]),
        ],
      });
      expect(reported(p)).toEqual([]);
    });
  });
});

describe("platform guards written in ipxm", () => {
  const files: Record<string, string> = {
    "site.ipxm": [
      'setting memdisk: url = "http://boot.example.org/memdisk"',
      'menu main "Boot" {',
      '  when platform == pcbios { item dos "FreeDOS" -> memdisk "http://boot.example.org/fdos.img" as floppy }',
      '  item secure "Secure installer" when platform == efi -> chain "https://boot.example.org/efi.ipxe"',
      '  item local "Local disk" -> boot local_disk()',
      "}",
      "entry local_disk() {",
      "  when platform != efi { sanboot drive 0x80 } else { exit 1 }",
      "}",
      "",
    ].join("\n"),
  };
  const host: SourceHost = {
    readFile: (path) =>
      path in files ? { ok: true, text: files[path]! } : { ok: false, code: "file-not-found", message: path },
  };

  function compiledFor(target: string) {
    const checked = checkProgram(["site.ipxm"], host);
    expect(checked.diagnostics).toEqual([]);
    const program = checked.programs.get("site.ipxm")!;
    return compile({ ...program, target });
  }

  it("compiles for every target whose build for each guarded platform has what that code needs", () => {
    for (const target of ["ipxe-2-pcbios", "ipxe-2-efi"]) {
      expect(compiledFor(target).diagnostics, target).toEqual([]);
    }
  });

  it("reports only what the guarded platform's build lacks", () => {
    // iPXE 1.21 has HTTPS on neither platform, and its EFI build cannot sanboot a local drive, which
    // only the PC-BIOS branch does.
    for (const target of ["ipxe-1.21-pcbios", "ipxe-1.21-efi", "debian-pcbios", "debian-efi"]) {
      const diagnostics = compiledFor(target).diagnostics;
      expect(
        diagnostics.map((d) => d.code),
        target,
      ).toEqual(["target-unsupported"]);
      expect(files["site.ipxm"]!.slice(diagnostics[0]!.range.start, diagnostics[0]!.range.end)).toBe(
        'chain "https://boot.example.org/efi.ipxe"',
      );
      expect(diagnostics[0]!.message, target).toContain(
        target.endsWith("-pcbios") ? `"${target}" on efi` : `"${target}" (`,
      );
    }
  });
});
