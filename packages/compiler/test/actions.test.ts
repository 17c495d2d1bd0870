import { describe, expect, it } from "vitest";
import { compile } from "@ipxm/compiler";
import type { Program, ProgramAction } from "@ipxm/core";
import { act, entry, item, menu, program, s, setting, st, t } from "./builders.js";
import { run } from "./interpreter.js";

function scriptOf(p: Program): string {
  const result = compile(p);
  expect(result.diagnostics).toEqual([]);
  return result.script!;
}

/** The action block of item `x` in a one-menu program. */
function itemBlock(action: ProgramAction, extra: Partial<Program> = {}): string[] {
  const script = scriptOf({
    ...program({ menus: [menu("main", "M", [item("x", "X", action)], { escape: act.exit(0) })] }),
    ...extra,
  });
  const lines = script.split("\n");
  const start = lines.indexOf(":main.x");
  const end = lines.findIndex((line, i) => i > start && line.startsWith(":"));
  return lines.slice(start + 1, end < 0 ? -1 : end);
}

/** Picks item x first, then Esc: what did the script do? */
const pickThenEscape = { choose: (_m: unknown, call: number) => (call === 0 ? "x" : undefined) };

describe("actions in a menu", () => {
  it("menu: opens the other menu", () => {
    const p = program({
      menus: [
        menu("main", "M", [item("x", "X", act.menu("linux"))], { escape: act.exit(0) }),
        menu("linux", "L", [item("a", "A", act.exit(4))]),
      ],
    });
    const script = scriptOf(p);
    expect(script).toContain(":main.x\ngoto linux\n");
    expect(run(script, { choose: (m) => (m.title === "M" ? "x" : "a") }).end).toEqual({ kind: "exit", status: 4 });
  });

  it("entry: jumps to the entry instance", () => {
    const p = program({
      menus: [menu("main", "M", [item("x", "X", act.entry("debian.2"))], { escape: act.exit(0) })],
      entries: [entry("debian.2", [st.echo(t("hello"))])],
    });
    const script = scriptOf(p);
    expect(script).toContain(":main.x\ngoto debian.2\n");
    expect(run(script, pickThenEscape).output).toEqual(["hello"]);
  });

  it("chain: chains with --autofree, and returns to the menu when the chained script ends", () => {
    expect(itemBlock(act.chain(t("http://boot.netboot.xyz")))).toEqual([
      "chain --autofree http://boot.netboot.xyz || goto main.failed",
      "goto main",
    ]);
  });

  it("a failed chain shows the menu's error screen, waits for a key and returns to the menu", () => {
    const script = scriptOf(
      program({ menus: [menu("main", "M", [item("x", "X", act.chain(t("http://h/x")))], { escape: act.exit(0) })] }),
    );
    expect(script).toContain(
      [
        ":main.failed",
        "echo Could not boot the selected item",
        "echo Error: ${errno}",
        "prompt Press any key to return to the menu ||",
        "goto main",
      ].join("\n"),
    );
    const result = run(script, { ...pickThenEscape, succeeds: (name) => name !== "chain" });
    expect(result.output).toEqual(["Could not boot the selected item", "Error: "]);
    expect(result.events.map((e) => e.command)).toEqual(["chain", "prompt"]);
    expect(result.menus).toHaveLength(2);
    expect(result.end).toEqual({ kind: "exit", status: 0 });
  });

  it("sanboot: boots the url, guarded", () => {
    expect(itemBlock(act.sanboot(t("http://h/x.iso")))).toEqual([
      "sanboot http://h/x.iso || goto main.failed",
      "goto main",
    ]);
  });

  it("sanboot drive: boots a local drive without describing it, drive in hex", () => {
    expect(itemBlock(act.sanbootDrive(0x81))).toEqual([
      "sanboot --no-describe --drive 0x81 || goto main.failed",
      "goto main",
    ]);
  });

  it("memdisk: frees images, loads memdisk with the ISO as initrd and boots, every step guarded", () => {
    expect(
      itemBlock(act.memdisk(t("http://h/freedos.iso")), { settings: [setting("memdisk", "http://h/memdisk", "url")] }),
    ).toEqual([
      "imgfree ||",
      "kernel -- ${memdisk} iso raw || goto main.failed",
      "initrd http://h/freedos.iso || goto main.failed",
      "boot || goto main.failed",
      "goto main",
    ]);
  });

  it("memdisk: passes the disk it emulates to memdisk, iso by default", () => {
    const memdiskSetting = { settings: [setting("memdisk", "http://h/memdisk", "url")] };
    const kernelLine = (mode?: "iso" | "harddisk" | "floppy") =>
      itemBlock(act.memdisk(t("http://h/disk.img"), undefined, undefined, mode), memdiskSetting).find((line) =>
        line.startsWith("kernel "),
      );
    expect(kernelLine()).toBe("kernel -- ${memdisk} iso raw || goto main.failed");
    expect(kernelLine("harddisk")).toBe("kernel -- ${memdisk} harddisk raw || goto main.failed");
    expect(kernelLine("floppy")).toBe("kernel -- ${memdisk} floppy raw || goto main.failed");
  });

  it("shell: runs the shell, then returns to the menu", () => {
    expect(itemBlock(act.shell())).toEqual(["shell ||", "goto main"]);
  });

  it("exit: leaves iPXE with the status", () => {
    expect(itemBlock(act.exit(0))).toEqual(["exit 0"]);
    expect(itemBlock(act.exit(1))).toEqual(["exit 1"]);
  });

  it("reboot: reboots; should that fail, the error screen", () => {
    expect(itemBlock(act.reboot())).toEqual(["reboot || goto main.failed", "goto main"]);
  });
});

describe("back", () => {
  it("goes statically to the only menu that opens this one", () => {
    const p = program({
      menus: [
        menu("main", "M", [item("linux", "Linux", act.menu("linux"))], { escape: act.exit(0) }),
        menu("linux", "L", [item("back", "Back", act.back())], { escape: act.back() }),
      ],
    });
    const script = scriptOf(p);
    expect(script).toContain(":linux.back\ngoto main\n");
    expect(script).toContain("choose ipxm_choice || goto main\n");
    expect(script).not.toContain("ipxm_back_");
  });

  it("records the opener at run time when several menus open this one", () => {
    const p = program({
      menus: [
        menu("main", "M", [item("tools", "Tools", act.menu("tools")), item("disk", "Disk", act.menu("disk"))], {
          escape: act.exit(0),
        }),
        menu("tools", "T", [item("disk", "Disk", act.menu("disk")), item("quit", "Quit", act.exit(9))]),
        menu("disk", "D", [item("back", "Back", act.back()), item("quit", "Quit", act.exit(8))]),
      ],
    });
    const script = scriptOf(p);
    expect(script).toContain(":main.disk\nset ipxm_back_disk main\ngoto disk\n");
    expect(script).toContain(":tools.disk\nset ipxm_back_disk tools\ngoto disk\n");
    expect(script).toContain(":disk.back\ngoto ${ipxm_back_disk} || goto main\n");
    expect(script).toContain("choose ipxm_choice || goto ${ipxm_back_disk} || goto main\n");

    // main → tools → disk → back: lands in tools.
    const picks = ["tools", "disk", "back", "quit"];
    const viaTools = run(script, { choose: (_m, call) => picks[call] });
    expect(viaTools.menus.map((m) => m.title)).toEqual(["M", "T", "D", "T"]);
    expect(viaTools.end).toEqual({ kind: "exit", status: 9 });

    // main → disk → Esc: lands in main.
    const direct = run(script, { choose: (_m, call) => ["disk", undefined, undefined][call] });
    expect(direct.menus.map((m) => m.title)).toEqual(["M", "D", "M"]);
  });

  it("records the menu an entry was started from when an entry opens a menu", () => {
    const p = program({
      menus: [
        menu("main", "M", [item("go", "Go", act.entry("opener")), item("sub", "Sub", act.menu("sub"))], {
          escape: act.exit(0),
        }),
        menu("sub", "S", [item("back", "Back", act.back())]),
      ],
      entries: [entry("opener", [act.menu("sub")])],
    });
    const script = scriptOf(p);
    expect(script).toContain(":opener\nset ipxm_back_sub ${ipxm_menu}\ngoto sub\n");
  });

  it("from the first menu that nothing opens, shows that menu again", () => {
    const script = scriptOf(
      program({ menus: [menu("main", "M", [item("x", "Back", act.back())], { escape: act.exit(0) })] }),
    );
    expect(script).toContain(":main.x\ngoto main\n");
  });

  it("from an entry, returns to the menu the entry was started from", () => {
    const p = program({
      menus: [
        menu("main", "M", [item("sub", "Sub", act.menu("sub"))], { escape: act.exit(0) }),
        menu("sub", "S", [item("x", "X", act.entry("e")), item("quit", "Quit", act.exit(3))]),
      ],
      entries: [entry("e", [st.echo(t("in e")), act.back()])],
    });
    const script = scriptOf(p);
    expect(script).toContain("echo in e\ngoto ${ipxm_menu} || goto main\n");
    const result = run(script, { choose: (_m, call) => ["sub", "x", "quit"][call] });
    expect(result.menus.map((m) => m.title)).toEqual(["M", "S", "S"]);
  });
});

describe("actions in an entry", () => {
  function entryLines(body: Parameters<typeof entry>[1], extra: Partial<Program> = {}): string[] {
    const script = scriptOf({
      ...program({
        menus: [menu("main", "M", [item("x", "X", act.entry("e"))], { escape: act.exit(0) })],
        entries: [entry("e", body)],
      }),
      ...extra,
    });
    const lines = script.split("\n");
    const start = lines.indexOf(":e");
    const end = lines.findIndex((line, i) => i > start && line.startsWith(":"));
    return lines.slice(start + 1, end < 0 ? -1 : end);
  }

  it("chain, sanboot and reboot fail to the entry's error screen and go on otherwise", () => {
    expect(entryLines([act.chain(t("http://h/a")), act.sanboot(t("http://h/b.iso")), act.reboot()])).toEqual([
      "chain --autofree http://h/a || goto e.failed",
      "sanboot http://h/b.iso || goto e.failed",
      "reboot || goto e.failed",
      "goto ${ipxm_menu} || goto main",
    ]);
  });

  it("exit ends the entry: nothing after it is written", () => {
    expect(entryLines([act.exit(1), st.echo(t("never"))])).toEqual(["exit 1"]);
  });

  it("menu and entry jump, and nothing after them is written", () => {
    expect(entryLines([act.menu("main"), st.echo(t("never"))])).toEqual(["goto main"]);
  });

  it("the error screen shows the failure message and returns to the menu the entry came from", () => {
    const p = program({
      menus: [menu("main", "M", [item("x", "X", act.entry("e"))], { escape: act.exit(0) })],
      entries: [
        entry("e", [st.kernel(t("http://h/k"))], { failureMessage: t("Could not start ", s("arch"), " || #1") }),
      ],
    });
    const script = scriptOf(p);
    const result = run(script, { ...pickThenEscape, succeeds: (name) => name !== "kernel" });
    expect(result.output).toEqual(["Could not start  || #1", "Error: "]);
    expect(result.menus).toHaveLength(2);
    expect(result.end).toEqual({ kind: "exit", status: 0 });
  });
});
