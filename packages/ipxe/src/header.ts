/**
 * The script signature check of `script_probe()` (src/image/script.c): an image is run as a script only if
 * its first bytes are exactly `#!ipxe` or `#!gpxe` followed by one whitespace byte. Anything else is not a
 * script at all, and `chain` of it fails with "Exec format error" (or, from a PXE ROM, it is executed as
 * machine code).
 */
import { isIpxeSpace } from "./ctype.js";

export type HeaderProblem =
  /** The file starts with a UTF-8 byte order mark. */
  | "bom"
  /** A blank line, space or tab precedes the signature. */
  | "leading-whitespace"
  /** The first bytes are not a script signature (this includes an empty file). */
  | "missing"
  /** The signature is followed directly by a non-whitespace byte (`#!ipxe-menu`). */
  | "missing-separator"
  /** The file is the bare signature (or part of it) without the whitespace byte: iPXE calls it too short. */
  | "too-short";

export interface HeaderCheck {
  ok: boolean;
  problem?: HeaderProblem;
  /** Which signature was found, when one was found at byte 0. */
  magic?: "#!ipxe" | "#!gpxe";
}

const MAGICS = ["#!ipxe", "#!gpxe"] as const;

/**
 * Checks the signature of script text. A BOM is recognised both as U+FEFF (text decoded from UTF-8 with the
 * BOM kept) and as the three characters `\u00EF\u00BB\u00BF` (bytes decoded as Latin-1).
 */
export function checkHeader(text: string): HeaderCheck {
  if (text.charCodeAt(0) === 0xfeff || text.startsWith("\u00ef\u00bb\u00bf")) return { ok: false, problem: "bom" };
  if (text.length > 0 && isIpxeSpace(text.charCodeAt(0))) return { ok: false, problem: "leading-whitespace" };
  for (const magic of MAGICS) {
    if (text.length <= magic.length) {
      if (text.length > 0 && magic.startsWith(text)) return { ok: false, problem: "too-short", magic };
      continue;
    }
    if (!text.startsWith(magic)) continue;
    return isIpxeSpace(text.charCodeAt(magic.length))
      ? { ok: true, magic }
      : { ok: false, problem: "missing-separator", magic };
  }
  return { ok: false, problem: "missing" };
}
