/**
 * Menu navigation in real iPXE: the countdown, hotkeys, arrows, Esc, nested menus with back, and
 * re-entry into the menu shown last. Each item calls back to the stub server, so what iPXE chose is
 * known without reading the screen.
 */
import { expect, it } from "vitest";
import { caseTimeout, boot, compileMenu, describeBoot, expectPreviewToMatch, isHighlighted } from "./support.js";

const source = `
setting stub: url

menu main "Navigation test" {
  default beta after 2s
  on escape -> menu escaped
  item alpha "Alpha" key a -> chain "\${stub}/hit?chosen=alpha"
  item beta "Beta" -> chain "\${stub}/hit?chosen=beta"
  gap
  item gamma "Gamma" -> chain "\${stub}/hit?chosen=gamma"
  item tools "Tools" key t -> menu tools
  item quit "Leave with status 1" key q -> exit 1
  item done "Leave with status 0" key x -> exit
}

menu tools "Tools menu" {
  item disks "Disks" key d -> menu disks
  item again "Start the script again" key r -> chain "\${stub}/script/under-test.ipxe"
  item back "Back" key b -> back
}

menu disks "Disks menu" {
  gap "Nothing to see"
  item wipe "Wipe" -> chain "\${stub}/hit?chosen=wipe"
}

menu escaped "Escaped" {
  item done "Done" -> chain "\${stub}/hit?chosen=escaped"
}
`;

const script = compileMenu(source);
const presets = (base: string) => ({ stub: base });

describeBoot("navigating a menu in real iPXE", (firmware) => {
  it(
    "runs the default item's target when the countdown runs out",
    async () => {
      await boot(firmware, { name: "timeout", script, presets }, async (session) => {
        const screen = await session.waitForText("Navigation test");
        expectPreviewToMatch(screen, script, { menu: "main" });
        const hit = await session.waitForHit(undefined, { timeoutMs: 10_000 });
        expect(hit.get("chosen")).toBe("beta");
      });
    },
    caseTimeout,
  );

  it(
    "picks an item at once when its hotkey is pressed",
    async () => {
      await boot(firmware, { name: "hotkey", script, presets }, async (session) => {
        await session.waitForText("Navigation test");
        await session.press("a");
        expect((await session.waitForHit()).get("chosen")).toBe("alpha");
      });
    },
    caseTimeout,
  );

  it(
    "moves the highlight with the arrows, skipping gaps, and Enter runs the highlighted item",
    async () => {
      await boot(firmware, { name: "arrows", script, presets }, async (session) => {
        await session.waitForText("Navigation test");
        await session.press("down");
        const onGamma = await session.waitForScreen((screen) => isHighlighted(screen, "Gamma"));
        expectPreviewToMatch(onGamma, script, { menu: "main", select: "gamma", countdown: 0 });
        await session.press("up", "up");
        const onAlpha = await session.waitForScreen((screen) => isHighlighted(screen, "Alpha"));
        expectPreviewToMatch(onAlpha, script, { menu: "main", select: "alpha", countdown: 0 });
        await session.press("down", "down", "enter");
        expect((await session.waitForHit()).get("chosen")).toBe("gamma");
      });
    },
    caseTimeout,
  );

  it(
    "takes the menu's escape path on Esc instead of aborting the script",
    async () => {
      await boot(firmware, { name: "escape", script, presets }, async (session) => {
        await session.waitForText("Navigation test");
        await session.press("esc");
        const screen = await session.waitForText("Escaped");
        expectPreviewToMatch(screen, script, { menu: "escaped" });
        await session.press("enter");
        expect((await session.waitForHit()).get("chosen")).toBe("escaped");
        expect(session.server.hits().some((hit) => hit.get("result") === "failed")).toBe(false);
      });
    },
    caseTimeout,
  );

  for (const [key, status, result] of [
    ["x", 0, "returned"],
    ["q", 1, "failed"],
  ] as const) {
    it(
      `leaves the script with exit ${status}: the script that chained it sees ${result === "failed" ? "a failure" : "success"}`,
      async () => {
        await boot(firmware, { name: `exit-${status}`, script, presets }, async (session) => {
          await session.waitForText("Navigation test");
          await session.press(key);
          const hit = await session.waitForHit();
          expect(hit.get("result")).toBe(result);
          if (status === 1) expect(hit.get("errno")).toBe("0x1");
        });
      },
      caseTimeout,
    );
  }

  it(
    "opens nested menus, goes back with Esc and with a back item, and reopens the last menu when the script starts again",
    async () => {
      await boot(firmware, { name: "nested", script, presets }, async (session) => {
        await session.waitForText("Navigation test");
        await session.press("t");
        expectPreviewToMatch(await session.waitForText("Tools menu"), script, { menu: "tools" });
        await session.press("d");
        expectPreviewToMatch(await session.waitForText("Disks menu"), script, { menu: "disks" });
        await session.press("esc");
        await session.waitForText("Tools menu");
        await session.press("b");
        await session.waitForText("Navigation test");
        await session.press("t");
        await session.waitForText("Tools menu");
        // The script is fetched and started again from its first line: it must reopen "tools".
        await session.press("r");
        await session.waitForScreen(() => session.server.requestsTo("/script/under-test.ipxe").length === 2, {
          description: "the script fetched a second time",
        });
        const reopened = await session.waitForText("Tools menu");
        expectPreviewToMatch(reopened, script, { menu: "tools" });
        await session.press("b");
        await session.waitForText("Navigation test");
        await session.press("a");
        expect((await session.waitForHit()).get("chosen")).toBe("alpha");
      });
    },
    caseTimeout,
  );
});
