/**
 * Character classes exactly as iPXE's `include/ctype.h` defines them. iPXE works on bytes and never
 * consults a locale, so Unicode spaces such as U+00A0 are ordinary token characters.
 */

/** iPXE `isspace`: space, `\t`, `\n`, `\v`, `\f`, `\r`, and nothing else. */
export function isIpxeSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

/** iPXE `isprint`: printable 7-bit ASCII (space through `~`). Bytes >= 0x80 are not printable. */
export function isIpxePrint(code: number): boolean {
  return code >= 0x20 && code <= 0x7e;
}
