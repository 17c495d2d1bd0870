/**
 * Numbers as iPXE reads them: `strtoul` (src/core/misc.c) and the command-line parsers built on it
 * (`parse_integer`, `parse_timeout`, `parse_key` in src/core/parseopt.c).
 */
import { isIpxeSpace } from "./ctype.js";

const UINT32 = 0x1_0000_0000;

/** How `strtoul` read a string. */
export interface StrtoulResult {
  /** The value reduced to an unsigned 32-bit integer (what `parse_integer` stores in an `unsigned int`). */
  value: number;
  /** Index of the first character that was not consumed (C's `*endp`). */
  end: number;
  /** The base actually used: base 0 picks 16 for `0x…`, 8 for a leading `0`, else 10. */
  base: number;
  /** Number of digits consumed (a bare `0x` consumes none after the prefix). */
  digits: number;
  /** A leading `-` was consumed: the result is the two's-complement negation. */
  negative: boolean;
  /** The exact value did not fit in 32 bits, so it wrapped. */
  wrapped: boolean;
}

/** iPXE's digit value: letters count from 10 whatever the base; anything else is too large to be a digit. */
function digitValue(code: number): number {
  if (code >= 0x61) return code - 0x61 + 10;
  if (code >= 0x41) return code - 0x41 + 10;
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  return 99;
}

/**
 * iPXE's `strtoul(text, &end, base)`: skips leading whitespace, accepts one `-` (no `+`), then with base 0
 * treats `0x` as hex and any other leading `0` as octal. The `0x` prefix is consumed even when no hex
 * digit follows, so `"0x"` reads as 0 with nothing left over.
 */
export function ipxeStrtoul(text: string, base = 0, start = 0): StrtoulResult {
  let i = start;
  while (i < text.length && isIpxeSpace(text.charCodeAt(i))) i++;
  let negative = false;
  if (text.charCodeAt(i) === 0x2d) {
    negative = true;
    i++;
  }
  if (base === 0) {
    base = 10;
    if (text.charCodeAt(i) === 0x30) {
      i++;
      base = 8;
      if ((text.charCodeAt(i) | 0x20) === 0x78) {
        i++;
        base = 16;
      }
    }
  }
  let value = 0;
  let digits = 0;
  let wrapped = false;
  for (; i < text.length; i++) {
    const digit = digitValue(text.charCodeAt(i));
    if (digit >= base) break;
    const next = value * base + digit;
    if (next >= UINT32) wrapped = true;
    value = next % UINT32;
    digits++;
  }
  if (negative && value !== 0) value = UINT32 - value;
  return { value, end: i, base, digits, negative, wrapped };
}

/** Why a number was rejected, in iPXE's own words where iPXE has some. */
export interface IntegerParse {
  ok: boolean;
  /** Unsigned 32-bit value (0 when `ok` is false). */
  value: number;
  /** Set when iPXE accepted the text but read it in a way a script author may not expect. */
  notable?: "octal" | "negative" | "wrapped" | "empty-hex";
}

/**
 * `parse_integer`: `strtoul(text, 0)` that must consume the whole text, and the text must not be empty
 * (`"": invalid integer value` is the classic failure of `--timeout ${unset}`).
 */
export function parseIpxeInteger(text: string): IntegerParse {
  if (text.length === 0) return { ok: false, value: 0 };
  const read = ipxeStrtoul(text);
  if (read.end !== text.length) return { ok: false, value: 0 };
  let notable: IntegerParse["notable"];
  if (read.wrapped) notable = "wrapped";
  else if (read.negative) notable = "negative";
  else if (read.base === 16 && read.digits === 0) notable = "empty-hex";
  else if (read.base === 8 && read.digits > 0 && read.value !== 0) notable = "octal";
  return notable ? { ok: true, value: read.value, notable } : { ok: true, value: read.value };
}

/** iPXE's message for a rejected integer. */
export function invalidIntegerMessage(text: string): string {
  return `"${text}": invalid integer value`;
}

/** Key codes of `src/include/ipxe/keys.h` that scripts can name (F1–F4 have no code). */
export const ipxeKeyCodes: Readonly<Record<string, number>> = Object.freeze({
  F5: 0x107e,
  F6: 0x127e,
  F7: 0x137e,
  F8: 0x147e,
  F9: 0x157e,
  F10: 0x167e,
  F11: 0x187e,
  F12: 0x197e,
});

/** How `parse_key` read an argument. */
export interface KeyParse {
  ok: boolean;
  /** The key code (a character code for one-character arguments). */
  key: number;
  /** True when the argument was a single character taken literally. */
  literal: boolean;
  notable?: IntegerParse["notable"];
}

/**
 * `parse_key`: a one-byte argument is that character itself (so `--key 1` is the digit `1`), anything
 * longer is an integer. Length is counted in UTF-8 bytes, as iPXE sees it: `é` is two bytes and
 * therefore an (invalid) integer, not a key.
 */
export function parseIpxeKey(text: string): KeyParse {
  if (text.length === 1 && text.charCodeAt(0) < 0x80) {
    return { ok: true, key: text.charCodeAt(0), literal: true };
  }
  const read = parseIpxeInteger(text);
  if (!read.ok) return { ok: false, key: 0, literal: false };
  return read.notable
    ? { ok: true, key: read.value, literal: false, notable: read.notable }
    : { ok: true, key: read.value, literal: false };
}
