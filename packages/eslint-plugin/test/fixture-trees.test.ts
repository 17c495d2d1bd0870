/**
 * Trees in the style of the menu sites people run (reference/menu-systems.md §1–§2), and a site
 * written in ipxm, each with one seeded defect of every kind: each defect is reported once, at its
 * place, and nothing else is reported.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { filesBelow, lintTree } from "./support.js";

const fixtures = fileURLToPath(new URL("./fixtures", import.meta.url));

async function lintFixture(name: string, target?: string): Promise<string[]> {
  const root = path.join(fixtures, name);
  const files = filesBelow(root, (file) => !file.endsWith(".md"));
  const messages = await lintTree(root, files, target ? { target: () => target } : {});
  return messages.map((m) => `${m.file}:${m.line}:${m.column} ${m.rule}`);
}

describe("a tree in the style of boot.rackspace.com", () => {
  it("reports each seeded defect once, where it is, and nothing else", async () => {
    expect(await lintFixture("brc")).toEqual([
      "boot.cfg:6:17 ipxm/no-set-comment", // set menu_colour #0066cc deletes the setting
      "boot.example.org-main:14:7 ipxm/target-support", // https:// on the default PC-BIOS build
      "bsd.ipxe:9:18 ipxm/valid-timeout", // choose --timeout 30 (milliseconds)
      "debian.ipxe:42:6 ipxm/no-undefined-label", // goto deb_bot, label :deb_boot
      "debian.ipxe:45:1 ipxm/no-unguarded-failure", // iseq … && set … without || (boot.rackspace.com #22)
      "gentoo.ipxe:1:1 ipxm/valid-header", // a blank line before #!ipxe
      "linux.ipxe:9:13 ipxm/no-option-after-positional", // item ubuntu --key u …
      "menu.ipxe:25:6 ipxm/no-undefined-item-label", // item windows: no :windows, no windows.ipxe
      "rancheros.ipxe:3:66 ipxm/no-eof-continuation", // the file ends in a backslash
      "tinycore.ipxe:7:12 ipxm/no-duplicate-hotkey", // --key c twice (tinycore.ipxe)
      "ubuntu.ipxe:14:18 ipxm/no-unknown-default", // --default mantic, no such item
      "utils.ipxe:6:12 ipxm/no-dash-text", // item --gap ---- Disk tools ----
      "utils.ipxe:9:18 ipxm/no-gap-hotkey", // item --gap --key h
      "utils.ipxe:12:1 ipxm/no-escape-abort", // choose util without ||
      "utils.ipxe:21:18 ipxm/no-missing-script", // chain memtest.ipxe, not in the tree
      "utils.ipxe:25:30 ipxm/no-comment-continuation", // a comment ending in \ swallows the kernel line
      "utils.ipxe:30:2 ipxm/no-unused-label", // :old_tools
    ]);
  });
});

describe("a rendered tree in the style of netboot.xyz, for the stock ipxe-2-efi build", () => {
  it("reports each seeded defect once, where it is, and nothing else", async () => {
    expect(await lintFixture("netbootxyz", "ipxe-2-efi")).toEqual([
      "about.ipxe:4:12 ipxm/max-item-text-length", // an about line wider than the screen
      "custom/custom.ipxe:6:18 ipxm/no-unset-timeout", // --timeout ${menu-timeout}, never set
      "custom/custom.ipxe:15:1 ipxm/valid-command", // a bare clear (netboot.xyz#1795)
      "debian.ipxe:11:34 ipxm/valid-timeout", // the timeout's default, trixie, is added only on amd64
      "live-lite.ipxe:7:6 ipxm/no-undefined-item-label", // item 5, label :6 (netboot.xyz#1567)
      "live-mint.ipxe:17:1 ipxm/no-empty-menu", // the LMDE flavour menu has only a gap
      "live-q4os.ipxe:20:2 ipxm/no-duplicate-label", // :6.6 twice (live-q4os.ipxe)
      "live.ipxe:5:1 ipxm/max-menu-rows", // 23 rows of live CDs
      "menu.ipxe:41:1 ipxm/target-support", // imgverify is not in stock builds
      "utils-efi.ipxe:14:46 ipxm/no-split-fallback", // || before an indented line
      "utils-efi.ipxe:19:7 ipxm/no-shell-default", // ${base-url:-https://…}
      "utils-efi.ipxe:20:18 ipxm/valid-timeout", // --timeout 010000 is octal
      "utils-pcbios.ipxe:5:21 ipxm/no-cross-file-goto", // Esc goes to :main_menu of menu.ipxe (netboot.xyz#28)
    ]);
  });
});

describe("a site written in ipxm", () => {
  it("reports each seeded defect once, where it is, and nothing else", async () => {
    expect(await lintFixture("ipxm-site")).toEqual([
      "linux.ipxm:6:24 ipxm/require-duration-unit", // after 30
      "linux.ipxm:10:32 ipxm/no-undefined-label", // menu debain
      "linux.ipxm:15:11 ipxm/no-unknown-default", // default sid
      "linux.ipxm:27:40 ipxm/no-shadow", // parameter mirror hides the setting
      "main.ipxm:5:23 ipxm/valid-timeout", // after 0s
      "main.ipxm:8:33 ipxm/no-duplicate-hotkey", // key l twice
      "main.ipxm:12:8 ipxm/no-duplicate-label", // item local twice
      "main.ipxm:13:35 ipxm/valid-program", // exit "one": a string where an int goes
      "main.ipxm:21:6 ipxm/no-empty-menu", // menu placeholder has only a gap
      "main.ipxm:25:6 ipxm/no-unused", // menu tools
      "main.ipxm:26:23 ipxm/no-shell-default", // ${mac:hexdump}
      "main.ipxm:29:7 ipxm/no-unused", // entry unused_entry
      "rescue.ipxm:5:6 ipxm/max-menu-rows", // 23 rows
      "rescue.ipxm:9:44 ipxm/target-support", // https:// on the default PC-BIOS build (from the compiler)
      "rescue.ipxm:10:3 ipxm/max-item-text-length", // 76 bytes
      "settings.ipxm:4:9 ipxm/no-unused", // setting proxy
      "settings.ipxm:6:7 ipxm/no-unused", // const retired_releases
    ]);
  });
});
