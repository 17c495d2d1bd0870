/**
 * What every boot test file shares: the firmware (or a loud skip without it), in-memory compilation
 * of ipxm sources, and the check that `ipxm preview` draws exactly what real iPXE put on screen.
 */
import { describe, it } from "vitest";
import type { MenuPreviewOptions } from "@ipxm/compiler";
import {
  BootSession,
  compareWithPreview,
  compileIpxm,
  findFirmware,
  redBackgroundRows,
  type Firmware,
  type SessionOptions,
  type TextScreen,
} from "../src/index.js";

const lookup = findFirmware();
export const inCi = process.env["CI"] !== undefined && !["", "0", "false"].includes(process.env["CI"].toLowerCase());

/** Boot cases may wait for a free VM slot before their own 1–10 s, so they get a long timeout. */
export const caseTimeout = 120_000;

if (!lookup.ok && !inCi) {
  const banner = "!".repeat(100);
  console.warn(
    `\n${banner}\n!!! SKIPPING THE REAL-iPXE BOOT TESTS: ${lookup.missing.join("; ")}\n` +
      "!!! Install them (see docs/testing-in-real-ipxe.md) to run the compiled menus in real iPXE firmware.\n" +
      `${banner}\n`,
  );
}

/**
 * A describe block of boot cases. Without QEMU it is skipped (loudly, above), except in CI, where a
 * missing emulator is a failure: the suite must not silently prove nothing there.
 */
export function describeBoot(name: string, body: (firmware: Firmware) => void): void {
  if (lookup.ok) {
    describe.concurrent(name, () => body(lookup.firmware));
  } else if (inCi) {
    describe(name, () => {
      it("has QEMU and iPXE installed (CI is set)", () => {
        throw new Error(`CI is set but the boot tests cannot run: missing ${lookup.missing.join("; ")}`);
      });
    });
  } else {
    describe.skip(name, () => body(undefined as unknown as Firmware));
  }
}

/** Compiles one in-memory ipxm file (and any others given) for the target under test. */
export function compileMenu(
  source: string,
  options: { target?: string; defines?: Record<string, string>; more?: Record<string, string> } = {},
): string {
  const sources: Record<string, string> = { "/case/main.ipxm": source };
  for (const [name, text] of Object.entries(options.more ?? {})) sources[`/case/${name}`] = text;
  return compileIpxm({
    entry: "/case/main.ipxm",
    sources,
    target: options.target ?? "debian-pcbios",
    ...(options.defines ? { defines: options.defines } : {}),
  }).script;
}

export function boot<T>(
  firmware: Firmware,
  options: Omit<SessionOptions, "firmware">,
  body: (session: BootSession) => Promise<T>,
): Promise<T> {
  return BootSession.run({ firmware, ...options }, body);
}

/** Asserts that the preview of a menu draws `screen` character for character and colour for colour. */
export function expectPreviewToMatch(screen: TextScreen, script: string, options: MenuPreviewOptions): void {
  const comparison = compareWithPreview(screen, script, options);
  if (!comparison.ok) throw new Error(`preview failed: ${comparison.message}`);
  if (!comparison.matched) {
    throw new Error(
      `the preview of menu "${options.menu ?? "(first)"}" differs from the real screen:\n${comparison.difference}`,
    );
  }
}

/** The row of the screen that shows `text`, or -1. */
export function rowOf(screen: TextScreen, text: string): number {
  return screen.rows.findIndex((row) => row.includes(text));
}

/** Whether the row showing `text` carries the selection bar. */
export function isHighlighted(screen: TextScreen, text: string): boolean {
  const row = rowOf(screen, text);
  return row >= 0 && redBackgroundRows(screen).includes(row);
}
