/**
 * Setting types (`setting_type_*` in src/core/settings.c): how a typed value is parsed from text when it is
 * stored, and formatted back to text when it is expanded. Values are raw bytes, exactly as iPXE keeps
 * them, so a value stored with one type can be read with another (`${x:string}` of a hex value gives the
 * raw bytes).
 */
import { isIpxePrint } from "./ctype.js";
import { ipxeStrtoul } from "./integers.js";

/** Every type name iPXE knows. An unknown name in `${name:type}` expands to the empty string. */
export const settingTypeNames = [
  "string",
  "uristring",
  "ipv4",
  "ipv6",
  "int8",
  "int16",
  "int32",
  "uint8",
  "uint16",
  "uint32",
  "hex",
  "hexhyp",
  "hexraw",
  "base64",
  "uuid",
  "guid",
  "busdevfn",
  "dnssl",
] as const;

export type SettingTypeName = (typeof settingTypeNames)[number];

const TYPE_NAMES: ReadonlySet<string> = new Set(settingTypeNames);

export function isSettingTypeName(name: string): name is SettingTypeName {
  return TYPE_NAMES.has(name);
}

/**
 * Types this model can parse and format. The others (`ipv6`, `busdevfn`, `dnssl`) are known to iPXE but
 * not modelled: storing one is refused and reading one gives no value.
 */
export const modelledSettingTypes: ReadonlySet<SettingTypeName> = new Set<SettingTypeName>([
  "string",
  "uristring",
  "ipv4",
  "int8",
  "int16",
  "int32",
  "uint8",
  "uint16",
  "uint32",
  "hex",
  "hexhyp",
  "hexraw",
  "base64",
  "uuid",
  "guid",
]);

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: false });

export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Raw bytes as a C string: everything up to the first NUL, decoded as UTF-8. */
export function cStringOf(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  return decoder.decode(nul >= 0 ? bytes.subarray(0, nul) : bytes);
}

/** Result of parsing text into a typed value; `undefined` means iPXE would refuse it ("Invalid argument"). */
export type ParsedValue = Uint8Array | undefined;

/** Parses `text` as a value of `type`, as `storef_setting` does. */
export function parseSettingValue(type: SettingTypeName, text: string): ParsedValue {
  switch (type) {
    case "string":
      return utf8Bytes(text);
    case "uristring":
      return uriDecode(text);
    case "hex":
      return hexDecode(text, ":");
    case "hexhyp":
      return hexDecode(text, "-");
    case "hexraw":
      return hexDecode(text, "");
    case "base64":
      return base64Decode(text);
    case "ipv4":
      return ipv4Parse(text);
    case "int8":
    case "uint8":
      return intParse(text, 1);
    case "int16":
    case "uint16":
      return intParse(text, 2);
    case "int32":
    case "uint32":
      return intParse(text, 4);
    case "uuid":
      return uuidParse(text, false);
    case "guid":
      return uuidParse(text, true);
    default:
      return undefined;
  }
}

/**
 * Formats raw bytes as `type`, as `fetchf_setting` does. `undefined` when iPXE's formatter fails (an
 * integer wider than a `long`, an IPv4 address shorter than four bytes, a UUID that is not 16 bytes) or
 * the type is not modelled; expansion then yields the empty string.
 */
export function formatSettingValue(type: SettingTypeName, bytes: Uint8Array, longBytes: 4 | 8 = 4): string | undefined {
  switch (type) {
    case "string":
      return cStringOf(bytes);
    case "uristring":
      return uriEncode(bytes);
    case "hex":
      return hexEncode(bytes, ":");
    case "hexhyp":
      return hexEncode(bytes, "-");
    case "hexraw":
      return hexEncode(bytes, "");
    case "base64":
      return base64Encode(bytes);
    case "ipv4":
      return bytes.length < 4 ? undefined : `${bytes[0]}.${bytes[1]}.${bytes[2]}.${bytes[3]}`;
    case "int8":
    case "int16":
    case "int32":
      return intFormat(bytes, true, longBytes);
    case "uint8":
    case "uint16":
    case "uint32":
      return intFormat(bytes, false, longBytes);
    case "uuid":
      return uuidFormat(bytes, false);
    case "guid":
      return uuidFormat(bytes, true);
    default:
      return undefined;
  }
}

/** `hex_decode`: pairs of hex digits, with the separator required between bytes when there is one. */
function hexDecode(text: string, separator: string): ParsedValue {
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (out.length > 0 && separator) {
      if (text[i] !== separator) return undefined;
      i++;
    }
    const high = hexDigit(text.charCodeAt(i));
    const low = hexDigit(text.charCodeAt(i + 1));
    if (high < 0 || low < 0) return undefined;
    out.push(high * 16 + low);
    i += 2;
  }
  return Uint8Array.from(out);
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

function hexEncode(bytes: Uint8Array, separator: string): string {
  const parts: string[] = [];
  for (const byte of bytes) parts.push(byte.toString(16).padStart(2, "0"));
  return parts.join(separator);
}

/**
 * `uri_decode`: `%` followed by up to two characters read with `strtoul(…, 16)`; when nothing is
 * consumed the `%` stays literal.
 */
function uriDecode(text: string): Uint8Array {
  const source = utf8Bytes(text);
  const out: number[] = [];
  for (let i = 0; i < source.length; i++) {
    let byte = source[i]!;
    if (byte === 0x25) {
      const window = String.fromCharCode(...source.subarray(i + 1, i + 3));
      const read = ipxeStrtoul(window, 16);
      if (read.end > 0) {
        byte = read.value & 0xff;
        i += read.end;
      }
    }
    out.push(byte);
  }
  return Uint8Array.from(out);
}

/** Characters `uri_encode` escapes in a whole-URI-string field, beyond non-printables, space and `%`. */
const URI_ESCAPED = new Set("/#:@?=&".split("").map((c) => c.charCodeAt(0)));

/** `uri_encode` as used by the `uristring` type. */
function uriEncode(bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  const visible = nul >= 0 ? bytes.subarray(0, nul) : bytes;
  let out = "";
  for (const byte of visible) {
    if (!isIpxePrint(byte) || byte === 0x20 || byte === 0x25 || URI_ESCAPED.has(byte)) {
      out += "%" + byte.toString(16).toUpperCase().padStart(2, "0");
    } else {
      out += String.fromCharCode(byte);
    }
  }
  return out;
}

/** `parse_int_setting`: `strtoul(…, 0)` over the whole text, stored big-endian in the type's width. */
function intParse(text: string, size: number): ParsedValue {
  const read = ipxeStrtoul(text);
  if (read.end !== text.length) return undefined;
  const out = new Uint8Array(size);
  let value = read.value;
  for (let k = size - 1; k >= 0; k--) {
    out[k] = value & 0xff;
    value = Math.floor(value / 256);
  }
  return out;
}

/** `format_int_setting`/`format_uint_setting`: sign-extended `%ld`, or `%#lx` (always with `0x`). */
function intFormat(bytes: Uint8Array, signed: boolean, longBytes: 4 | 8): string | undefined {
  if (bytes.length > longBytes) return undefined;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  if (signed && bytes.length > 0 && bytes[0]! >= 0x80) value -= 1n << BigInt(8 * bytes.length);
  return signed ? value.toString(10) : "0x" + value.toString(16);
}

/** `inet_aton`: four dot-separated parts, each `strtoul(…, 0)` and at most 255. */
function ipv4Parse(text: string): ParsedValue {
  const out = new Uint8Array(4);
  let at = 0;
  for (let part = 0; part < 4; part++) {
    const read = ipxeStrtoul(text, 0, at);
    if (read.end === at || read.value > 0xff) return undefined;
    out[part] = read.value;
    at = read.end;
    if (part < 3) {
      if (text[at] !== ".") return undefined;
      at++;
    }
  }
  return at === text.length ? out : undefined;
}

/** GUIDs are UUIDs whose first three fields are little-endian. */
function mangle(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  out.set([bytes[3]!, bytes[2]!, bytes[1]!, bytes[0]!, bytes[5]!, bytes[4]!, bytes[7]!, bytes[6]!], 0);
  return out;
}

function uuidFormat(bytes: Uint8Array, guid: boolean): string | undefined {
  if (bytes.length !== 16) return undefined;
  const hex = hexEncode(guid ? mangle(bytes) : bytes, "");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function uuidParse(text: string, guid: boolean): ParsedValue {
  const plain = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text)
    ? text.replace(/-/g, "")
    : text;
  if (plain.length !== 32) return undefined;
  const bytes = hexDecode(plain, "");
  if (!bytes) return undefined;
  return guid ? mangle(bytes) : bytes;
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

function base64Encode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(chunk >> 18) & 63]! + BASE64[(chunk >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(chunk >> 6) & 63]! : "=";
    out += i + 2 < bytes.length ? BASE64[chunk & 63]! : "=";
  }
  return out;
}

function base64Decode(text: string): ParsedValue {
  const body = text.replace(/=+$/, "");
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    const value = BASE64.indexOf(char);
    if (value < 0) return undefined;
    buffer = ((buffer << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((buffer >> bits) & 0xff);
    }
  }
  return Uint8Array.from(out);
}
