import { describe, expect, it } from "vitest";
import { SettingsStore, parseSettingReference } from "../src/settings.js";
import { formatSettingValue, parseSettingValue } from "../src/setting-types.js";

describe("setting references", () => {
  it("split at the first `/` for the scope, then the first `:` for the type", () => {
    expect(parseSettingReference("net0/mac:hexhyp")).toEqual({ scope: "net0", name: "mac", type: "hexhyp" });
    expect(parseSettingReference("menu")).toEqual({ name: "menu" });
    expect(parseSettingReference("pci/00:03.0.2")).toEqual({ scope: "pci", name: "00", type: "03.0.2" });
    expect(parseSettingReference("a:b/c")).toEqual({ scope: "a:b", name: "c" });
  });
});

describe("the settings store", () => {
  it("stores untyped values as strings", () => {
    const store = new SettingsStore();
    store.set("menu", "linux");
    expect(store.get("menu")).toBe("linux");
    expect(store.fetch("menu")!.type).toBe("string");
  });

  it("deletes a setting given an empty value, as `set name` and `clear name` do", () => {
    const store = new SettingsStore();
    store.set("menu", "linux");
    expect(store.set("menu", "")).toEqual({ ok: true, deleted: true });
    expect(store.get("menu")).toBeUndefined();
    store.set("menu", "linux");
    store.clear("menu");
    expect(store.get("menu")).toBeUndefined();
  });

  it("refuses an unknown type and a value its type cannot parse", () => {
    const store = new SettingsStore();
    expect(store.set("x:bogus", "1")).toMatchObject({ ok: false, problem: "unknown-type" });
    expect(store.set("x:hex", "1")).toMatchObject({ ok: false, problem: "invalid-value" });
    expect(store.set("x:hex", "41-42")).toMatchObject({ ok: false, problem: "invalid-value" });
    expect(store.set("x:int32", "12abc")).toMatchObject({ ok: false, problem: "invalid-value" });
  });

  it("gives predefined names their fixed type: `ip` is an IPv4 address", () => {
    const store = new SettingsStore();
    expect(store.set("ip", "10.0.2.15").ok).toBe(true);
    expect(store.get("ip")).toBe("10.0.2.15");
    expect(store.get("ip:hex")).toBe("0a:00:02:0f");
    expect(store.set("ip", "banana")).toMatchObject({ ok: false, problem: "invalid-value" });
  });

  it("reads IPv4 parts with strtoul base 0, like inet_aton", () => {
    const store = new SettingsStore();
    store.set("gateway", "010.0.0.0x1");
    expect(store.get("gateway")).toBe("8.0.0.1");
  });

  it("formats signed integers in decimal and unsigned ones in hex with 0x", () => {
    const store = new SettingsStore();
    store.set("n:int32", "010");
    expect(store.get("n")).toBe("8");
    expect(store.get("n:hex")).toBe("00:00:00:08");
    store.set("m:int8", "255");
    expect(store.get("m")).toBe("-1");
    expect(store.get("m:uint8")).toBe("0xff");
    store.set("z:uint32", "0");
    expect(store.get("z")).toBe("0x0");
    store.set("errno", "0x2d02803b");
    expect(store.get("errno")).toBe("0x2d02803b");
  });

  it("cannot format an integer wider than the build's long", () => {
    const narrow = new SettingsStore({ longBytes: 4 });
    const wide = new SettingsStore({ longBytes: 8 });
    for (const store of [narrow, wide]) store.set("big:hex", "01:00:00:00:00");
    expect(narrow.get("big:uint32")).toBeUndefined();
    expect(wide.get("big:uint32")).toBe("0x100000000");
  });

  it("cuts a string at a NUL byte, as a C string is", () => {
    const store = new SettingsStore();
    store.set("z:hex", "41:00:42");
    expect(store.get("z:string")).toBe("A");
  });

  it("decodes %XX when storing a uristring and re-encodes it on expansion", () => {
    const store = new SettingsStore();
    store.set("u:uristring", "a%20b%zz");
    expect(store.get("u:string")).toBe("a b%zz");
    expect(store.get("u")).toBe("a%20b%25zz");
  });

  it("formats UUIDs and GUIDs (the GUID swaps its first three fields)", () => {
    const store = new SettingsStore();
    store.set("uuid", "00112233-4455-6677-8899-aabbccddeeff");
    expect(store.get("uuid")).toBe("00112233-4455-6677-8899-aabbccddeeff");
    expect(store.get("uuid:guid")).toBe("33221100-5544-7766-8899-aabbccddeeff");
  });

  it("round-trips base64", () => {
    const bytes = parseSettingValue("base64", "aVBYRQ==")!;
    expect(formatSettingValue("string", bytes)).toBe("iPXE");
    expect(formatSettingValue("base64", bytes)).toBe("aVBYRQ==");
  });

  it("expands an unknown scope to nothing, but `set` creates the scope", () => {
    const store = new SettingsStore();
    expect(store.get("net9/ip")).toBeUndefined();
    expect(store.set("net9/ip", "10.0.0.9").ok).toBe(true);
    expect(store.hasScope("net9")).toBe(true);
    expect(store.get("net9/ip")).toBe("10.0.0.9");
  });

  it("finds an unscoped name anywhere in the tree, root first", () => {
    const store = new SettingsStore();
    store.defineScope("net0");
    store.defineScope("net0.dhcp");
    store.set("net0.dhcp/filename", "boot.ipxe");
    expect(store.get("filename")).toBe("boot.ipxe");
    expect(store.get("net0/filename")).toBe("boot.ipxe");
    store.set("filename", "local.ipxe");
    expect(store.get("filename")).toBe("local.ipxe");
  });

  it("knows types it does not model and refuses to store them", () => {
    const store = new SettingsStore();
    expect(store.set("ip6", "fe80::1")).toMatchObject({ ok: false, problem: "unmodelled-type" });
  });

  it("lists what it holds", () => {
    const store = new SettingsStore();
    store.set("a", "1");
    store.set("net0/b", "2");
    expect([...store.entries()].map(([name]) => name)).toEqual(["a", "net0/b"]);
  });
});
