/**
 * Where the emulator and the firmware live. Debian's packages put them at fixed paths
 * (qemu-system-x86, ipxe, ipxe-qemu, ovmf); the environment can point elsewhere.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface Firmware {
  /** `qemu-system-x86_64`. */
  readonly qemu: string;
  /** iPXE as a Linux kernel image (the `ipxe` package): runs the `-initrd` file as a script. */
  readonly ipxeLkrn: string;
  /** OVMF, for the UEFI cases (the `ovmf` package); undefined when it is not installed. */
  readonly ovmf?: string;
}

export type FirmwareLookup =
  { readonly ok: true; readonly firmware: Firmware } | { readonly ok: false; readonly missing: string[] };

/**
 * Finds the emulator and firmware. `IPXM_QEMU`, `IPXM_IPXE_LKRN` and `IPXM_OVMF` override the
 * default locations.
 */
export function findFirmware(env: Readonly<Record<string, string | undefined>> = process.env): FirmwareLookup {
  const missing: string[] = [];
  const qemu = env["IPXM_QEMU"] ?? onPath("qemu-system-x86_64", env["PATH"] ?? "");
  if (qemu === undefined || !isFile(qemu)) missing.push("qemu-system-x86_64 (apt-get install qemu-system-x86)");
  const ipxeLkrn = env["IPXM_IPXE_LKRN"] ?? "/usr/lib/ipxe/ipxe.lkrn";
  if (!isFile(ipxeLkrn)) missing.push(`${ipxeLkrn} (apt-get install ipxe)`);
  const ovmfPath = env["IPXM_OVMF"] ?? "/usr/share/ovmf/OVMF.fd";
  const ovmf = isFile(ovmfPath) ? ovmfPath : undefined;
  if (missing.length > 0 || qemu === undefined) return { ok: false, missing };
  return { ok: true, firmware: { qemu, ipxeLkrn, ...(ovmf !== undefined ? { ovmf } : {}) } };
}

function onPath(name: string, searchPath: string): string | undefined {
  for (const directory of searchPath.split(path.delimiter)) {
    if (directory === "") continue;
    const candidate = path.join(directory, name);
    if (isFile(candidate)) return candidate;
  }
  return undefined;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
