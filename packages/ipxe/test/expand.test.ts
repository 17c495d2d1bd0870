import { describe, expect, it } from "vitest";
import { expandSettings, expandSettingsDetailed, hasExpansion, nextExpansion } from "../src/expand.js";
import { SettingsStore } from "../src/settings.js";

function storeWith(values: Record<string, string>): SettingsStore {
  const store = new SettingsStore();
  for (const [reference, value] of Object.entries(values)) expect(store.set(reference, value).ok).toBe(true);
  return store;
}

describe("setting expansion", () => {
  it("replaces ${name} by the value", () => {
    expect(expandSettings("boot-${arch}.ipxe", storeWith({ arch: "x86_64" }))).toBe("boot-x86_64.ipxe");
  });

  it("resolves nested references innermost first", () => {
    // The ipxe.org/cmd/param idiom: ${pci/${addr}.0.2}, with the PCI block seeded here.
    const store = storeWith({ addr: "03", "pci/03.0.2": "8086" });
    expect(expandSettings("${pci/${addr}.0.2}", store)).toBe("8086");
    expect(expandSettingsDetailed("${pci/${addr}.0.2}", store).references).toEqual(["addr", "pci/03.0.2"]);
  });

  it("rescans the whole string, so a value containing ${…} is expanded again", () => {
    const store = storeWith({ indirect: "${target}", target: "done" });
    expect(expandSettings("[${indirect}]", store)).toBe("[done]");
  });

  it("rescans across the seam between a value and the text after it", () => {
    const store = storeWith({ dollar: "$" });
    store.set("x", "joined");
    // "${dollar}{x}" becomes "${x}" after the first replacement, which is then expanded too.
    expect(expandSettings("${dollar}{x}", store)).toBe("joined");
  });

  it("expands unset settings to the empty string", () => {
    expect(expandSettings("a${nothing}b", new SettingsStore())).toBe("ab");
  });

  it("has no ${name:-default}: `:-default` is an unknown type, so the whole thing is empty", () => {
    expect(expandSettings("${menu:-main}", storeWith({ menu: "linux" }))).toBe("");
  });

  it("expands ${} to nothing (the documented way to end a prompt with a space)", () => {
    expect(expandSettings("${}", new SettingsStore())).toBe("");
  });

  it("expands an unknown scope or type to nothing", () => {
    const store = storeWith({ x: "1" });
    expect(expandSettings("${nosuch/x}", store)).toBe("");
    expect(expandSettings("${x:bogus}", store)).toBe("");
  });

  it("leaves a `${` alone only when no `}` follows it", () => {
    const store = storeWith({ b: "B" });
    expect(expandSettings("a${b", store)).toBe("a${b");
    expect(expandSettings("a${b and later}", store)).toBe("a");
    expect(expandSettings("cost: $5 {x}", store)).toBe("cost: $5 {x}");
  });

  it("skips a `}` that comes before any `${`", () => {
    expect(expandSettings("}${b}", storeWith({ b: "B" }))).toBe("}B");
    expect(nextExpansion("a}b${c}")).toEqual([3, 6]);
  });

  it("can never leave a literal ${…} behind", () => {
    const store = storeWith({ open: "${", close: "}" });
    expect(expandSettings("${open}x${close}", store)).toBe("");
  });

  it("stops and reports a value that reproduces itself", () => {
    const store = storeWith({ loop: "${loop}" });
    const result = expandSettingsDetailed("${loop}", store, { maxExpansions: 50 });
    expect(result.complete).toBe(false);
    expect(result.limit).toBe("expansions");
    expect(result.expansions).toBe(50);
  });

  it("stops and reports a value that grows without end", () => {
    const store = storeWith({ grow: "${grow}${grow}" });
    const result = expandSettingsDetailed("${grow}", store, { maxLength: 10_000 });
    expect(result.complete).toBe(false);
    expect(result.limit).toBe("length");
  });

  it("tells whether a token contains anything to expand", () => {
    expect(hasExpansion("${x}")).toBe(true);
    expect(hasExpansion("${x")).toBe(false);
    expect(hasExpansion("}${")).toBe(false);
  });
});

describe("typed values in expansion", () => {
  it("remember their stored type: ${esc} of a hex value is the hex text", () => {
    const store = storeWith({ "cls:hex": "1b:5b:4a" });
    expect(expandSettings("${cls}", store)).toBe("1b:5b:4a");
    expect(expandSettings("${cls:string}", store)).toBe("\u001b[J");
  });

  it("re-type to string when stored again without a type (`set cls ${cls:string}`)", () => {
    const store = storeWith({ "cls:hex": "1b:5b:4a" });
    store.set("cls", expandSettings("${cls:string}", store));
    expect(expandSettings("${cls}", store)).toBe("\u001b[J");
  });

  it("put spaces inside one argument: `set sp:hex 20:20` then ${sp:string}", () => {
    const store = storeWith({ "sp:hex": "20:20" });
    expect(expandSettings("a${sp:string}b", store)).toBe("a  b");
  });

  it("carry text that would otherwise split a line: `set bar:hex 7c:7c` is `||`", () => {
    expect(expandSettings("${bar:string}", storeWith({ "bar:hex": "7c:7c" }))).toBe("||");
  });

  it("spell a MAC address three ways", () => {
    const store = new SettingsStore();
    store.defineScope("net0");
    expect(store.set("net0/mac", "52:54:00:12:34:56").ok).toBe(true);
    expect(expandSettings("${net0/mac}", store)).toBe("52:54:00:12:34:56");
    expect(expandSettings("${net0/mac:hexhyp}", store)).toBe("52-54-00-12-34-56");
    expect(expandSettings("MAC-${mac:hexraw}.ipxe", store)).toBe("MAC-525400123456.ipxe");
  });

  it("URI-escape a uristring on expansion", () => {
    const store = storeWith({ product: "ProLiant DL360 G7", path: "a/b?c=d&e" });
    expect(expandSettings("${product:uristring}", store)).toBe("ProLiant%20DL360%20G7");
    expect(expandSettings("${path:uristring}", store)).toBe("a%2Fb%3Fc%3Dd%26e");
  });
});
