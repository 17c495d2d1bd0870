/** One line on each disk memdisk can emulate (`memdisk "…" as MODE`). */
import { ownValue } from "./lookup.js";

const modeDocs: Readonly<Record<string, string>> = {
  iso: "A CD-ROM image (the default).",
  harddisk: "A hard disk image (mfsBSD, FreeDOS).",
  floppy: "A floppy disk image.",
};

export function memdiskModeDoc(mode: string): string | undefined {
  return ownValue(modeDocs, mode);
}
