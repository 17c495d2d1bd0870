/**
 * Our own menu tree (menus/) in real iPXE: the main menu renders exactly as `ipxm preview` draws it,
 * each top-level item reaches its menu (and back), and the items that leave the menu do what they
 * say. Every mirror setting is pointed at the stub server first, as a site would point them at its
 * own mirror: nothing reaches the internet.
 */
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { compileIpxm } from "../src/index.js";
import { caseTimeout, boot, describeBoot, expectPreviewToMatch } from "./support.js";

const compiled = compileIpxm({
  entry: fileURLToPath(new URL("../../../menus/main.ipxm", import.meta.url)),
  target: "debian-pcbios",
});
const script = compiled.script;

/** What a site sets before chaining into menus/ (see menus/README.md), here aimed at the stub server. */
function sitePresets(base: string): Record<string, string> {
  const host = base.replace(/^http:\/\//, "");
  return {
    debian_host: host,
    debian_dir: "/stub/debian",
    debian_archive_host: host,
    ubuntu_archive: `${base}/stub/ubuntu`,
    ubuntu_releases_mirror: `${base}/stub/ubuntu-releases`,
    ubuntu_cdimage_mirror: `${base}/stub/ubuntu-cdimage`,
    fedora_mirror: `${base}/stub/fedora`,
    rocky_mirror: `${base}/stub/rocky`,
    alma_mirror: `${base}/stub/alma`,
    archlinux_mirror: `${base}/stub/archlinux`,
    alpine_mirror: `${base}/stub/alpine`,
    opensuse_mirror: `${base}/stub/opensuse`,
    openbsd_mirror: `${base}/stub/openbsd`,
    flatcar_domain: "flatcar.invalid",
    memdisk: `${base}/stub/memdisk`,
    netbootxyz_menu: `${base}/hit?chosen=netbootxyz`,
    memtest_legacy: `${base}/stub/memtest`,
    live_endpoint: `${base}/stub/live`,
  };
}

/** The settings the preview needs to see what this VM sees: the site's, and the address. */
const previewSettings = (base: string) => ({ ...sitePresets(base), "netX/ip": "10.0.2.15" });

describeBoot("menus/ in real iPXE", (firmware) => {
  it("points every url setting with a default at the stub server (so a new mirror cannot slip past)", () => {
    const presets = sitePresets("http://10.0.2.2:1");
    const urlSettings = compiled.program.settings.filter((setting) => setting.type === "url" && setting.defaultValue);
    expect(urlSettings.length).toBeGreaterThan(10);
    for (const setting of urlSettings) expect(Object.keys(presets)).toContain(setting.name);
  });

  it(
    "renders the main menu, and each top-level item reaches its menu and comes back",
    async () => {
      await boot(firmware, { name: "menus-top-level", script, presets: sitePresets }, async (session) => {
        const base = session.server.guestUrl;
        const main = await session.waitForText("ipxm netboot - pcbios x86_64 - 10.0.2.15");
        expectPreviewToMatch(main, script, { menu: "main", settings: previewSettings(base) });
        const visits = [
          { key: "l", title: "Linux installers (x86_64)", menu: "linux", leave: "b" },
          { key: "b", title: "BSD installers (x86_64)", menu: "bsd", leave: "esc" },
          { key: "v", title: "Live systems and rescue tools (amd64)", menu: "live", leave: "esc" },
          { key: "u", title: "Utilities", menu: "utils", leave: "b" },
        ];
        for (const visit of visits) {
          await session.press(visit.key);
          const screen = await session.waitForScreen((s) => s.rows[1]!.trim() === visit.title, {
            description: `menu "${visit.menu}"`,
          });
          expectPreviewToMatch(screen, script, { menu: visit.menu, settings: previewSettings(base) });
          await session.press(visit.leave);
          await session.waitForText("ipxm netboot - pcbios");
        }
        expect(session.server.hits()).toEqual([]);
      });
    },
    caseTimeout,
  );

  it(
    "shows the error screen when the local disk cannot boot, opens the iPXE shell, and chains netboot.xyz",
    async () => {
      await boot(firmware, { name: "menus-actions", script, presets: sitePresets }, async (session) => {
        await session.waitForText("ipxm netboot - pcbios");
        await session.press("d");
        const error = await session.waitForText("Press any key to return to the menu");
        const text = error.rows.join("");
        expect(text).toContain("Could not boot from the local disk");
        expect(text).toMatch(/Error: 0x[0-9a-f]+/);
        await session.press("space");
        await session.waitForText("ipxm netboot - pcbios");
        await session.press("s");
        await session.waitForText("iPXE>");
        await session.press("e", "x", "i", "t", "enter");
        await session.waitForText("ipxm netboot - pcbios");
        await session.press("n");
        expect((await session.waitForHit()).get("chosen")).toBe("netbootxyz");
      });
    },
    caseTimeout,
  );

  it(
    "reboots from the Reboot item",
    async () => {
      await boot(firmware, { name: "menus-reboot", script, presets: sitePresets }, async (session) => {
        await session.waitForText("ipxm netboot - pcbios");
        await session.press("r");
        const exit = await session.waitForExit();
        expect(exit).toMatchObject({ code: 0, killed: false });
        expect(session.server.hits()).toEqual([]);
      });
    },
    caseTimeout,
  );
});
