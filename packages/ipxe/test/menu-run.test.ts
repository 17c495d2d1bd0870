import { describe, expect, it } from "vitest";
import { firmwareSettings, runToMenu } from "../src/menu-run.js";
import type { SettingsStore } from "../src/settings.js";

const script = (...lines: string[]) => ["#!ipxe", ...lines, ""].join("\n");

function menuOf(text: string, settings?: SettingsStore) {
  const result = runToMenu(text, settings ? { settings } : {});
  if (result.kind !== "menu") throw new Error(`no menu: ${result.reason}`);
  return result.choose;
}

describe("running a script up to its menu", () => {
  it("builds the menu with expanded texts, gaps, hotkeys and the choose options", () => {
    const choose = menuOf(
      script(
        "set name world",
        "menu Hello ${name}",
        "item --gap Section",
        "item --key l linux Linux   installers",
        "item",
        "item --default local Local",
        "choose --default linux --timeout 5000 target || goto cancel",
      ),
    );
    expect(choose.menu).toEqual({
      name: "",
      title: "Hello world",
      items: [
        { text: "Section", isDefault: false },
        { name: "linux", text: "Linux installers", key: 0x6c, isDefault: false },
        { text: "", isDefault: false },
        { name: "local", text: "Local", isDefault: true },
      ],
    });
    expect(choose).toMatchObject({ select: "linux", timeoutMs: 5000, setting: "target", line: 8 });
  });

  it("carries text routed through hex settings, as the compiler writes it", () => {
    const choose = menuOf(script("set t:hex 61:20:7c:7c:20:62", "menu ${t:string}", "item x ${t:string}", "choose c"));
    expect(choose.menu.title).toBe("a || b");
    expect(choose.menu.items[0]!.text).toBe("a || b");
  });

  it("decides runtime conditions with the settings it is given", () => {
    const text = script(
      "menu M",
      "iseq ${platform} efi || goto skip",
      "item efi UEFI only",
      ":skip",
      "isset ${live} && item live Live ||",
      "item always Always",
      "choose c",
    );
    const names = (settings: SettingsStore) => menuOf(text, settings).menu.items.map((item) => item.name);
    expect(names(firmwareSettings("pcbios"))).toEqual(["always"]);
    const efi = firmwareSettings("efi");
    efi.set("live", "http://x");
    expect(names(efi)).toEqual(["efi", "live", "always"]);
  });

  it("follows && and || on the status of the last command that ran, and an empty command succeeds", () => {
    const choose = menuOf(
      script(
        "isset ${nothing} && set a 1 || set b 2",
        "isset ${arch} && goto done ||",
        "menu x${a}-${b}",
        ":done",
        "choose c",
      ),
    );
    expect(choose.menu.title).toBe("x-2");
  });

  it("asks the caller about cpuid", () => {
    const text = script("cpuid --ext 29 && set arch x86_64 || set arch i386", "menu ${arch}", "choose c");
    expect(runToMenu(text, { cpuid: () => false })).toMatchObject({
      kind: "menu",
      choose: { menu: { title: "i386" } },
    });
    expect(menuOf(text).menu.title).toBe("x86_64");
  });

  it("stops where a line fails, and at commands it does not run, saying where", () => {
    expect(runToMenu(script("echo hi", "goto nowhere", "menu M", "choose c"))).toMatchObject({
      kind: "stopped",
      reason: 'the script ends: goto: no label "nowhere"',
      line: 3,
    });
    expect(runToMenu(script("kernel http://x/vmlinuz", "menu M", "choose c"))).toMatchObject({
      kind: "stopped",
      reason: 'the script reaches "kernel", which a preview does not run',
      line: 2,
    });
    expect(runToMenu(script("frobnicate"))).toMatchObject({
      kind: "stopped",
      reason: "the script ends: frobnicate: command not found",
    });
    expect(runToMenu("menu M\nchoose c\n")).toMatchObject({
      kind: "stopped",
      reason: "the script does not start with #!ipxe",
    });
  });

  it("gives up on a loop", () => {
    expect(runToMenu(script(":top", "goto top"), { maxSteps: 50 })).toMatchObject({
      kind: "stopped",
      reason: "still running after 50 lines",
    });
  });

  it("uses named menus", () => {
    const choose = menuOf(
      script("menu --name other Other", "menu Main", "item --menu other o O", "choose --menu other c"),
    );
    expect(choose.menu).toMatchObject({ name: "other", title: "Other", items: [{ name: "o", text: "O" }] });
  });
});

describe("the firmware's own settings", () => {
  it("are the platform and the build architecture", () => {
    expect(firmwareSettings("pcbios").get("buildarch")).toBe("i386");
    expect(firmwareSettings("efi").get("buildarch")).toBe("x86_64");
    expect(firmwareSettings("efi", "arm64").get("platform")).toBe("efi");
    expect(firmwareSettings("efi", "arm64").get("buildarch")).toBe("arm64");
  });
});
