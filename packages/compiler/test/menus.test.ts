import { describe, expect, it } from "vitest";
import { compile } from "@ipxm/compiler";
import type { Program, ProgramMenu } from "@ipxm/core";
import { act, cond, gap, item, menu, program, s, t } from "./builders.js";
import { run, settingsWith } from "./interpreter.js";

function scriptOf(p: Program): string {
  const result = compile(p);
  expect(result.diagnostics).toEqual([]);
  return result.script!;
}

/** The lines of one block: from `:label` up to (not including) the next label that is not internal to it. */
function block(script: string, label: string): string[] {
  const lines = script.split("\n");
  const start = lines.indexOf(`:${label}`);
  expect(start, `label :${label}`).toBeGreaterThanOrEqual(0);
  const out = [lines[start]!];
  for (const line of lines.slice(start + 1)) {
    if (line === "" || (line.startsWith(":") && !line.startsWith(`:${label}.skip.`))) break;
    out.push(line);
  }
  return out;
}

function single(m: ProgramMenu): Program {
  return program({ menus: [m] });
}

describe("menus", () => {
  it("build the menu under its label, record it in ipxm_menu, choose, and dispatch", () => {
    const script = scriptOf(
      single(
        menu(
          "main",
          "boot.example.org",
          [
            gap("Operating systems"),
            item("linux", "Linux installers", act.exit(3), { key: "l" }),
            gap(),
            item("local", "Boot from local disk", act.exit(1)),
          ],
          { defaultItem: "local", timeoutMs: 300000, escape: act.exit(0) },
        ),
      ),
    );
    expect(block(script, "main")).toEqual([
      ":main",
      "set ipxm_menu main",
      "menu boot.example.org",
      "item --gap Operating systems",
      "item --key l linux Linux installers",
      "item --gap",
      "item local Boot from local disk",
      "choose --default local --timeout 300000 ipxm_choice || exit 0",
      "goto main.${ipxm_choice} || goto main",
    ]);
  });

  it("show the menu the user picked from, with its items, default and timeout", () => {
    const script = scriptOf(
      single(
        menu("main", t("Boot ", s("buildarch")), [gap("Systems"), item("a", "Alpha", act.exit(7), { key: "a" })], {
          defaultItem: "a",
          timeoutMs: 5000,
          escape: act.exit(0),
        }),
      ),
    );
    const result = run(script, { choose: () => "a" }, settingsWith({ buildarch: "x86_64" }));
    expect(result.menus).toEqual([
      {
        title: "Boot x86_64",
        items: [
          { text: "Systems", gap: true },
          { name: "a", text: "Alpha", key: "a".charCodeAt(0), gap: false },
        ],
        defaultItem: "a",
        timeoutMs: 5000,
      },
    ]);
    expect(result.end).toEqual({ kind: "exit", status: 7 });
  });

  describe("items", () => {
    it("put options before the positionals and -- before text that starts with a dash", () => {
      const script = scriptOf(
        single(
          menu("main", "-- Main --", [gap("---- Tools ----"), item("x", "-x", act.exit(0), { key: "x" })], {
            escape: act.exit(0),
          }),
        ),
      );
      expect(block(script, "main").slice(2, 4)).toEqual(["menu -- -- Main --", "item --gap -- ---- Tools ----"]);
      expect(block(script, "main")[4]).toBe("item --key x x -x");
    });

    it("write hotkeys that are iPXE syntax on their own as their ASCII code", () => {
      const keys = ["-", "#", ";", " ", "$"];
      const script = scriptOf(
        single(
          menu(
            "main",
            "M",
            keys.map((key, i) => item(`i${i}`, `Item ${i}`, act.exit(i), { key })),
            { escape: act.exit(0) },
          ),
        ),
      );
      expect(script).toContain("item --key 0x2d i0 Item 0\n");
      expect(script).toContain("item --key 0x23 i1 Item 1\n");
      expect(script).toContain("item --key 0x3b i2 Item 2\n");
      expect(script).toContain("item --key 0x20 i3 Item 3\n");
      expect(script).toContain("item --key 0x24 i4 Item 4\n");
      const shown = run(script, { choose: () => "i0" }).menus[0]!;
      expect(shown.items.map((i) => i.key)).toEqual(keys.map((k) => k.charCodeAt(0)));
    });

    it("pass function-key codes as given", () => {
      const script = scriptOf(
        single(menu("main", "M", [item("a", "A", act.exit(0), { key: "0x147e" })], { escape: act.exit(0) })),
      );
      expect(script).toContain("item --key 0x147e a A\n");
    });

    it("keep hostile text as data: it is shown exactly and runs nothing", () => {
      const text = "Debian || reboot ; # not a comment  ${x}";
      const script = scriptOf(single(menu("main", "M", [item("a", text, act.exit(0))], { escape: act.exit(0) })));
      const shown = run(script, { choose: () => "a" }).menus[0]!;
      expect(shown.items[0]!.text.replaceAll("\u001b[0~", "")).toBe(text);
    });

    it("allow an empty text", () => {
      const script = scriptOf(single(menu("main", "", [item("a", "", act.exit(0)), gap("")], { escape: act.exit(0) })));
      expect(block(script, "main").slice(2, 5)).toEqual(["menu", "item a", "item --gap"]);
    });
  });

  describe("runtime-gated rows", () => {
    const gated = () =>
      single(
        menu(
          "main",
          "M",
          [
            item("always", "Always", act.exit(1)),
            gap("EFI tools", { condition: cond.equals(t(s("platform")), t("efi")) }),
            item("shell", "EFI shell", act.exit(2), { condition: cond.equals(t(s("platform")), t("efi")) }),
            item("bios", "BIOS only", act.exit(3), { condition: cond.not(cond.equals(t(s("platform")), t("efi"))) }),
          ],
          { escape: act.exit(0) },
        ),
      );

    it("share one condition jump for consecutive rows with the same condition", () => {
      expect(block(scriptOf(gated()), "main").slice(3, 11)).toEqual([
        "item always Always",
        "iseq ${platform} efi || goto main.skip.1",
        "item --gap EFI tools",
        "item shell EFI shell",
        ":main.skip.1",
        "iseq ${platform} efi && goto main.skip.2 ||",
        "item bios BIOS only",
        ":main.skip.2",
      ]);
    });

    it("show a row only when its condition holds at run time", () => {
      const names = (platform: string) =>
        run(scriptOf(gated()), { choose: () => "always" }, settingsWith({ platform })).menus[0]!.items.map(
          (i) => i.text,
        );
      expect(names("efi")).toEqual(["Always", "EFI tools", "EFI shell"]);
      expect(names("pcbios")).toEqual(["Always", "BIOS only"]);
    });
  });

  describe("timeouts", () => {
    it("are plain decimal milliseconds, never octal", () => {
      const script = scriptOf(
        single(menu("main", "M", [item("a", "A", act.exit(0))], { timeoutMs: 8, escape: act.exit(0) })),
      );
      expect(script).toContain("choose --timeout 8 ipxm_choice");
    });

    it("are left out when zero (iPXE would wait forever anyway)", () => {
      const script = scriptOf(
        single(menu("main", "M", [item("a", "A", act.exit(0))], { timeoutMs: 0, escape: act.exit(0) })),
      );
      expect(script).toContain("choose ipxm_choice || exit 0");
    });
  });

  describe("Esc", () => {
    it("inlines a plain jump after choose ||", () => {
      const p = program({
        menus: [
          menu("main", "M", [item("sub", "Sub", act.menu("sub"))], { escape: act.exit(1) }),
          menu("sub", "S", [item("a", "A", act.exit(0))], { escape: act.back() }),
        ],
      });
      const script = scriptOf(p);
      expect(script).toContain("choose ipxm_choice || exit 1\n");
      expect(script).toContain("choose ipxm_choice || goto main\n");
    });

    it("runs a block when the escape action does work, then returns to the menu", () => {
      const p = single(menu("main", "M", [item("a", "A", act.exit(0))], { escape: act.chain(t("http://h/esc.ipxe")) }));
      const script = scriptOf(p);
      expect(block(script, "main")).toContain("choose ipxm_choice || goto main.escape");
      expect(block(script, "main.escape")).toEqual([
        ":main.escape",
        "chain --autofree http://h/esc.ipxe || goto main.failed",
        "goto main",
      ]);
      const result = run(script, { choose: (_m, call) => (call === 0 ? undefined : "a") });
      expect(result.events.map((e) => e.command)).toEqual(["chain"]);
      expect(result.menus).toHaveLength(2);
      expect(result.end).toEqual({ kind: "exit", status: 0 });
    });
  });

  it("give every item its own block, so the dispatch always finds a label", () => {
    const p = single(
      menu("main", "M", [item("a", "A", act.exit(1)), item("b-2", "B", act.exit(2)), item("c_3", "C", act.exit(3))], {
        escape: act.exit(0),
      }),
    );
    const script = scriptOf(p);
    for (const [id, status] of [
      ["a", 1],
      ["b-2", 2],
      ["c_3", 3],
    ] as const) {
      expect(block(script, `main.${id}`)).toEqual([`:main.${id}`, `exit ${status}`]);
      expect(run(script, { choose: () => id }).end).toEqual({ kind: "exit", status });
    }
  });

  it("reopen the menu shown last when the script starts again", () => {
    const p = program({
      menus: [
        menu("main", "M", [item("sub", "Sub", act.menu("sub"))], { escape: act.exit(0) }),
        menu("sub", "S", [item("a", "A", act.exit(5))]),
      ],
    });
    const script = scriptOf(p);
    // main → sub → Esc (back to main) → Esc (exit)
    const first = run(script, { choose: (_m, call) => (call === 0 ? "sub" : undefined) });
    expect(first.menus.map((m) => m.title)).toEqual(["M", "S", "M"]);
    expect(first.end).toEqual({ kind: "exit", status: 0 });
    expect(first.settings.get("ipxm_menu")).toBe("main");
    const restarted = run(script, { choose: () => "a" }, settingsWith({ ipxm_menu: "sub" }));
    expect(restarted.menus.map((m) => m.title)).toEqual(["S"]);
    const stale = run(script, { choose: () => undefined }, settingsWith({ ipxm_menu: "no-such-menu" }));
    expect(stale.menus.map((m) => m.title)).toEqual(["M"]);
  });
});
