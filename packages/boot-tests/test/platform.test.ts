/**
 * Runtime branches on the firmware: the same script takes the PC-BIOS branch under SeaBIOS and the
 * EFI branch under OVMF, and rows gated on the platform are shown only where they belong.
 */
import { expect, it } from "vitest";
import { caseTimeout, boot, compileMenu, describeBoot, expectPreviewToMatch, inCi, rowOf } from "./support.js";

const source = `
setting stub: url

menu main "Platform test" {
  item go "Which firmware is this?" key g -> boot detect()
  item bios-only "Shown on PC-BIOS only" when platform == pcbios -> boot detect()
  item efi-only "Shown on EFI only" when platform == efi -> boot detect()
  item wide "Shown on 64-bit builds only" when buildarch == x86_64 -> boot detect()
}

entry detect() {
  when platform == pcbios {
    when buildarch == i386 {
      chain "\${stub}/hit?platform=pcbios&buildarch=i386"
    } else {
      chain "\${stub}/hit?platform=pcbios&buildarch=other"
    }
  } else {
    chain "\${stub}/hit?platform=efi&buildarch=\${buildarch}"
  }
}
`;

const presets = (base: string) => ({ stub: base });

describeBoot("runtime branches on the platform in real iPXE", (firmware) => {
  it(
    "takes the PC-BIOS branch and shows only the PC-BIOS rows under SeaBIOS",
    async () => {
      const script = compileMenu(source, { target: "debian-pcbios" });
      await boot(firmware, { name: "platform-bios", script, presets }, async (session) => {
        const screen = await session.waitForText("Platform test");
        expect(rowOf(screen, "Shown on PC-BIOS only")).toBe(4);
        expect(rowOf(screen, "Shown on EFI only")).toBe(-1);
        expect(rowOf(screen, "Shown on 64-bit builds only")).toBe(-1);
        expectPreviewToMatch(screen, script, { menu: "main" });
        await session.press("g");
        const hit = await session.waitForHit();
        expect(Object.fromEntries(hit)).toEqual({ platform: "pcbios", buildarch: "i386" });
      });
    },
    caseTimeout,
  );

  it.skipIf(firmware?.ovmf === undefined && !inCi)(
    "takes the EFI branch under OVMF (UEFI smoke test: the NIC's EFI iPXE, TFTP, the serial console)",
    async () => {
      const script = compileMenu(source, { target: "debian-efi" });
      await boot(firmware, { name: "platform-efi", platform: "efi", script, presets }, async (session) => {
        const log = await session.waitForSerial("Shown on 64-bit builds only", { timeoutMs: 60_000 });
        expect(log).toContain("Platform test");
        expect(log).toContain("Shown on EFI only");
        expect(log).not.toContain("Shown on PC-BIOS only");
        await session.press("g");
        const hit = await session.waitForHit(undefined, { timeoutMs: 20_000 });
        expect(Object.fromEntries(hit)).toEqual({ platform: "efi", buildarch: "x86_64" });
      });
    },
    caseTimeout,
  );
});
