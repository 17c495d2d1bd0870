/**
 * The modes of `memdisk URL as MODE`. Each name is the memdisk kernel argument that picks the disk
 * it emulates (syslinux's own names), so what users read in memdisk's documentation is what they write.
 */
import type { MemdiskMode } from "./program.js";

/** Every mode, the default (`iso`) first. */
export const memdiskModes: readonly MemdiskMode[] = Object.freeze(["iso", "harddisk", "floppy"]);

/** The mode a name stands for, or undefined when it names none. */
export function memdiskModeNamed(name: string): MemdiskMode | undefined {
  return memdiskModes.find((mode) => mode === name);
}
