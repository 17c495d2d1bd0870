import { describe, expect, it } from "vitest";
import { ipxeKeyCodes, ipxeStrtoul, parseIpxeInteger, parseIpxeKey } from "../src/integers.js";

describe("parse_integer (strtoul with base 0)", () => {
  it("reads decimal, 0x hex and leading-zero octal", () => {
    expect(parseIpxeInteger("5000")).toEqual({ ok: true, value: 5000 });
    expect(parseIpxeInteger("0x1F")).toEqual({ ok: true, value: 31 });
    expect(parseIpxeInteger("0X1f")).toEqual({ ok: true, value: 31 });
    expect(parseIpxeInteger("010")).toEqual({ ok: true, value: 8, notable: "octal" });
    expect(parseIpxeInteger("0")).toEqual({ ok: true, value: 0 });
  });

  it("rejects the empty string and trailing junk", () => {
    expect(parseIpxeInteger("").ok).toBe(false);
    expect(parseIpxeInteger("5s").ok).toBe(false);
    expect(parseIpxeInteger("08").ok).toBe(false);
    expect(parseIpxeInteger("+5").ok).toBe(false);
    expect(parseIpxeInteger("1.5").ok).toBe(false);
  });

  it("accepts what iPXE's own strtoul accepts, however odd", () => {
    expect(parseIpxeInteger("0x")).toEqual({ ok: true, value: 0, notable: "empty-hex" });
    expect(parseIpxeInteger(" 7")).toEqual({ ok: true, value: 7 });
    expect(parseIpxeInteger("-1")).toEqual({ ok: true, value: 0xffffffff, notable: "negative" });
    expect(parseIpxeInteger("4294967296")).toEqual({ ok: true, value: 0, notable: "wrapped" });
  });

  it("reports where strtoul stopped and which base it chose", () => {
    expect(ipxeStrtoul("0x1fz")).toMatchObject({ value: 31, end: 4, base: 16 });
    expect(ipxeStrtoul("ff", 16)).toMatchObject({ value: 255, end: 2, base: 16 });
  });
});

describe("parse_key", () => {
  it("takes a one-character argument literally, so `1` is the digit, not Ctrl-A", () => {
    expect(parseIpxeKey("1")).toEqual({ ok: true, key: 0x31, literal: true });
    expect(parseIpxeKey("m")).toEqual({ ok: true, key: 0x6d, literal: true });
  });

  it("reads anything longer as an integer", () => {
    expect(parseIpxeKey("0x107e")).toEqual({ ok: true, key: ipxeKeyCodes.F5, literal: false });
    expect(parseIpxeKey("0x01")).toEqual({ ok: true, key: 1, literal: false });
    expect(parseIpxeKey("ab").ok).toBe(false);
    expect(parseIpxeKey("").ok).toBe(false);
  });

  it("counts UTF-8 bytes: a non-ASCII character is not a one-byte key", () => {
    expect(parseIpxeKey("é").ok).toBe(false);
  });
});
