import { describe, expect, it } from "vitest";
import { compile, menuIdsOf, previewMenu, targetOf } from "@ipxm/compiler";
import type { Program } from "@ipxm/core";
import { menuAttributes } from "@ipxm/ipxe";
import { act, cond, gap, item, menu, program, s, setting, t } from "./builders.js";

function scriptOf(p: Program): string {
  const result = compile(p);
  expect(result.diagnostics).toEqual([]);
  return result.script!;
}

function screenOf(p: Program, options: Parameters<typeof previewMenu>[1] = {}) {
  const preview = previewMenu(scriptOf(p), options);
  if (!preview.ok) throw new Error(preview.message);
  return preview;
}

const digits = (count: number) => "0123456789".repeat(8).slice(0, count);

describe("menu texts that iPXE cuts", () => {
  it("end an item text just before a break the 74-column cut would split", () => {
    // The `$` is byte 71: the break after it would be cut after two of its four bytes.
    const text = `${digits(71)}\${x} and more`;
    const { screen } = screenOf(
      program({ menus: [menu("main", "M", [item("a", "A", act.exit(0)), item("b", text, act.exit(0))])] }),
    );
    expect(screen.rows[4]).toBe(`   ${digits(71)}$`.padEnd(80));
    expect(screen.rows[5]).toBe(" ".repeat(80));
  });

  it("leave alone a break that the cut does not reach, or cuts away whole", () => {
    const early = `\${x} ${digits(60)}`;
    const late = `${digits(73)}\${x}`;
    const { screen } = screenOf(
      program({ menus: [menu("main", "M", [item("a", early, act.exit(0)), item("b", late, act.exit(0))])] }),
    );
    expect(screen.rows[3]).toBe(`   ${early}`.padEnd(80));
    // The four invisible bytes still count as columns: the highlight ends four columns early.
    expect(screen.attributes[3]![74]).toBe(menuAttributes.selected);
    expect(screen.attributes[3]![75]).toBe(menuAttributes.normal);
    expect(screen.rows[4]).toBe(`   ${digits(73)}$`.padEnd(80));
  });

  it("keep the default item's countdown clear of breaks", () => {
    // The countdown "(12)" is written over bytes 70–73 of the text: inside the break after the `$`.
    const text = `${digits(66)}\${x}zz`;
    const { screen } = screenOf(
      program({
        menus: [
          menu("main", "M", [item("a", "A", act.exit(0)), item("b", text, act.exit(0))], {
            defaultItem: "b",
            timeoutMs: 12_000,
          }),
        ],
      }),
    );
    expect(screen.rows[4]).toBe(`   ${digits(66)}$`.padEnd(73) + "(12)   ");
    expect(screen.attributes[4]!.slice(1, 79).every((attribute) => attribute === menuAttributes.selected)).toBe(true);
  });

  it("cut the title at 78 columns without splitting a break", () => {
    const title = `${digits(75)}\${x}`;
    const { screen } = screenOf(program({ menus: [menu("main", title, [item("a", "A", act.exit(0))])] }));
    // 76 bytes are left, centred at column 2.
    expect(screen.rows[1]).toBe(`  ${digits(75)}$  `);
    expect(screen.rows[2]).toBe(" ".repeat(80));
  });
});

describe("previewMenu", () => {
  const p = program({
    target: "ipxe-2-efi",
    settings: [setting("site", "example.org")],
    menus: [
      menu(
        "main",
        t("Boot ", s("site"), " on ", s("platform")),
        [
          gap("Systems"),
          item("linux", "Linux", act.menu("tools"), { key: "l" }),
          item("efi", "UEFI shell", act.exit(0), { condition: cond.equals(t(s("platform")), t("efi")) }),
          item("local", "Local disk", act.exit(1)),
        ],
        { defaultItem: "local", timeoutMs: 10_000, escape: act.exit(0) },
      ),
      menu("tools", "Tools", [item("back", "Back", act.back())]),
    ],
  });
  const script = scriptOf(p);

  it("finds the menus and the target in the compiled script", () => {
    expect(menuIdsOf(script)).toEqual(["main", "tools"]);
    expect(targetOf(script)).toBe("ipxe-2-efi");
  });

  it("draws the first menu by default as iPXE gets it after expansion, runtime rows decided", () => {
    const preview = screenOf(p);
    expect(preview.menu).toBe("main");
    expect(preview.screen.rows.slice(1, 7).map((row) => row.trimEnd())).toEqual([
      `${" ".repeat(28)}Boot example.org on efi`,
      "",
      "   Systems",
      "   Linux",
      "   UEFI shell",
      `${"   Local disk".padEnd(73)}(10)`,
    ]);
    expect(preview.highlighted).toBe("local");
    expect(preview.screen.attributes[6]![2]).toBe(menuAttributes.selected);
  });

  it("takes the settings iPXE starts with, and a target's platform", () => {
    const preview = screenOf(p, { target: "ipxe-2-pcbios", settings: { site: "boot.lan" } });
    expect(preview.screen.rows[1]!.trim()).toBe("Boot boot.lan on pcbios");
    expect(preview.screen.rows.some((row) => row.includes("UEFI shell"))).toBe(false);
  });

  it("opens any menu by id, and highlights an item on request", () => {
    expect(screenOf(p, { menu: "tools" }).screen.rows[1]!.trim()).toBe("Tools");
    const moved = screenOf(p, { select: "linux", countdown: 0 });
    expect(moved.highlighted).toBe("linux");
    expect(moved.screen.rows[6]!.trimEnd()).toBe("   Local disk");
  });

  it("says which menus exist when the one asked for does not", () => {
    expect(previewMenu(script, { menu: "nope" })).toEqual({
      ok: false,
      message: 'there is no menu "nope"; the menus are "main", "tools"',
    });
  });
});
