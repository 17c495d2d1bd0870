/**
 * Strict UTF-8 decoding. `TextDecoder` with `fatal` says *that* the bytes are invalid but not
 * *where*, so when it refuses, a small validator finds the first bad byte for the message.
 */

const strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export type DecodeResult =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly offset: number; readonly byte: number };

/** Decodes UTF-8, keeping a leading byte order mark in the text (the parser reports it). */
export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: strictDecoder.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    return { ok: false, offset, byte: bytes[offset] ?? 0 };
  }
}

/** Offset of the first byte that starts an ill-formed sequence (RFC 3629), or -1 when all is well. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i += 1;
      continue;
    }
    let length: number;
    // The allowed range of the second byte excludes overlong forms, surrogates and values > U+10FFFF.
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) length = 2;
    else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    if (i + length > bytes.length) return i;
    const second = bytes[i + 1]!;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** 1-based line of a byte offset, counting LF bytes (safe even in invalid UTF-8). */
export function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
