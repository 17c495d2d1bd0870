/**
 * What an entry fetches: exactly its kernel and initrd URLs, with its command line; and what a
 * failed fetch does: the entry's error screen with iPXE's error number, then back to the menu.
 */
import { expect, it } from "vitest";
import { caseTimeout, boot, compileMenu, describeBoot, expectPreviewToMatch } from "./support.js";

const source = `
setting stub: url

menu main "Fetch test" {
  item good "Good entry" key g -> boot good()
  item broken "Broken entry" key b -> boot broken()
}

entry good() {
  kernel "\${stub}/stub/good/linux" args "console=ttyS0,115200n8" "ip=dhcp" "root=/dev/ram0"
  initrd "\${stub}/stub/good/initrd.gz" as "initrd.magic"
  initrd "\${stub}/stub/good/firmware.cpio"
  // The kernel is not listed while it runs, so list the images (and the kernel's command line) now.
  ipxe { imgstat }
  boot
}

entry broken() {
  on failure "Could not start the broken entry"
  kernel "\${stub}/missing/linux"
  initrd "\${stub}/missing/initrd"
  boot
}
`;

const script = compileMenu(source);
const presets = (base: string) => ({ stub: base });

describeBoot("fetching kernels and initrds in real iPXE", (firmware) => {
  it(
    "fetches exactly the entry's kernel and initrds, in order, and boots the kernel with its command line",
    async () => {
      await boot(firmware, { name: "fetch-good", script, presets }, async (session) => {
        await session.waitForText("Fetch test");
        await session.press("g");
        const hit = await session.waitForHit((query) => query.has("stub"));
        expect(hit.get("stub")).toBe("/stub/good/linux");
        expect(session.requests().map((request) => request.path)).toEqual([
          "/stub/good/linux",
          "/stub/good/initrd.gz",
          "/stub/good/firmware.cpio",
          "/hit",
        ]);
        // imgstat lists every image with its name, and the selected kernel with its command line.
        const screen = await session.waitForText("[SELECTED]");
        const text = screen.rows.join("");
        expect(text).toMatch(
          /linux : \d+ bytes \[script\] \[SELECTED\] "console=ttyS0,115200n8 ip=dhcp root=\/dev\/ram0"/,
        );
        expect(text).toMatch(/initrd\.magic : \d+ bytes/);
        expect(text).toMatch(/firmware\.cpio : \d+ bytes/);
      });
    },
    caseTimeout,
  );

  it(
    "shows the error screen with the error number when a fetch fails, and returns to the menu on a key",
    async () => {
      await boot(firmware, { name: "fetch-broken", script, presets }, async (session) => {
        await session.waitForText("Fetch test");
        await session.press("b");
        const error = await session.waitForText("Press any key to return to the menu");
        // iPXE's own message wraps at the screen edge; rows are full width, so joined they read on.
        const text = error.rows.join("");
        expect(text).toContain("Could not start the broken entry");
        // 0x2d0c613b: "No such file or directory" for an HTTP 404.
        expect(text).toContain("Error: 0x2d0c613b");
        expect(text).toContain("No such file or directory (http://ipxe.org/2d0c613b)");
        // Nothing after the failed kernel was fetched.
        expect(session.requests().map((request) => request.path)).toEqual(["/missing/linux"]);
        await session.press("space");
        const menu = await session.waitForText("Fetch test");
        expectPreviewToMatch(menu, script, { menu: "main" });
        expect(session.server.hits()).toEqual([]);
      });
    },
    caseTimeout,
  );
});
