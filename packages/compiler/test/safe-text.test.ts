import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandSettings, SettingsStore, tokenizeScript } from "@ipxm/ipxe";
import { displayBreak, hexBytes, isSafeSettingReference, maxWords, TextRouter } from "../src/safe-text.js";
import type { EmittedText, RouteOptions } from "../src/safe-text.js";
import { s, t } from "./builders.js";
import type { Template } from "@ipxm/core";

const display: RouteOptions = { role: "display", shape: "words" };
const value: RouteOptions = { role: "value", shape: "words" };
const single: RouteOptions = { role: "value", shape: "single", required: true };

function route(template: Template, options: RouteOptions = display): EmittedText {
  const result = new TextRouter().route(template, options);
  if (!result.ok) throw new Error(result.problem);
  // Whatever the text, iPXE splits it into tokens that join back to it: no space is lost.
  expect(tokensOf(result.text).join(" ")).toBe(result.text.text);
  return result.text;
}

/** The argument tokens iPXE reads from the text on a command line. */
function tokensOf(text: EmittedText): string[] {
  const command = tokenizeScript(`#!ipxe\necho ${text.text}\n`).lines[1]!.commands[0]!;
  return command.argv.slice(1).map((token) => token.text);
}

/** What iPXE would make of `echo <tokens>` after running the setup lines: the joined argument text. */
function throughIpxe(text: EmittedText, store = new SettingsStore()): string {
  for (const line of text.setup) {
    const [, reference, hex] = line.split(" ");
    expect(store.set(reference!, hex!).ok).toBe(true);
  }
  const script = `#!ipxe\necho ${text.text}\n`;
  const command = tokenizeScript(script).lines[1]!.commands;
  expect(command).toHaveLength(1);
  return command[0]!.argv
    .slice(1)
    .map((token) => expandSettings(token.text, store))
    .join(" ");
}

describe("safe text", () => {
  describe("words: plain text is written as it is", () => {
    it("writes single-space-separated words directly", () => {
      const text = route(t("Boot from local disk"));
      expect(text).toEqual({ text: "Boot from local disk", setup: [], mayStartWithDash: false });
      expect(tokensOf(text)).toEqual(["Boot", "from", "local", "disk"]);
    });

    it("keeps quotes, lone $, braces, # inside a word and non-ASCII letters literal", () => {
      const text = route(t(`Say "hi" for $5 {ok} a#b Ünïcødé 🙂 a|b a&&b`));
      expect(text.setup).toEqual([]);
      expect(throughIpxe(text)).toBe(`Say "hi" for $5 {ok} a#b Ünïcødé 🙂 a|b a&&b`);
    });

    it("keeps setting parts as ${ref}, glued to the words around them", () => {
      expect(tokensOf(route(t("Ubuntu ", s("arch"), " (", s("net0/mac:hexhyp"), ")")))).toEqual([
        "Ubuntu",
        "${arch}",
        "(${net0/mac:hexhyp})",
      ]);
    });

    it("gives an empty optional template no token, and a required one ${}", () => {
      expect(tokensOf(route(t("")))).toEqual([]);
      expect(tokensOf(route([], { ...value, required: true }))).toEqual(["${}"]);
    });

    it("writes words that only look like terminators or comments as they are", () => {
      const text = "| & |& &| ||| &&& ;; a;b a# x||y";
      const emitted = route(t(text), value);
      expect(emitted.setup).toEqual([]);
      expect(tokensOf(emitted)).toEqual(text.split(" "));
    });

    it(`writes up to ${maxWords} words, and routes longer text into one token`, () => {
      const words = (count: number) => Array.from({ length: count }, (_, index) => `w${index}`).join(" ");
      expect(tokensOf(route(t(words(maxWords)), value))).toHaveLength(maxWords);
      const routed = route(t(words(maxWords + 1)), value);
      expect(tokensOf(routed)).toEqual(["${ipxm_t1:string}"]);
      expect(throughIpxe(routed)).toBe(words(maxWords + 1));
    });
  });

  describe("routing: hazardous text goes through a hex setting", () => {
    const hazards: [string, string][] = [
      ["a stand-alone ||", "Debian || reboot"],
      ["a stand-alone &&", "a && b"],
      ["a stand-alone ;", "a ; b"],
      ["a #-leading word", "Tools #1"],
      ["a run of spaces", "a   b"],
      ["a leading space", " indented"],
      ["a trailing space", "Name: "],
      ["a tab", "a\tb"],
      ["a newline", "line one\nline two"],
      ["a carriage return", "a\rb"],
      ["a control character", "bell\u0007"],
      ["a line-final backslash", "C:\\"],
      ["an unterminated ${", "cost ${"],
    ];
    for (const [what, text] of hazards) {
      it(`routes text with ${what} and iPXE reads it back exactly`, () => {
        const emitted = route(t(text), value);
        expect(tokensOf(emitted)).toEqual(["${ipxm_t1:string}"]);
        expect(emitted.setup).toEqual([`set ipxm_t1:hex ${hexBytes(text)}`]);
        expect(throughIpxe(emitted)).toBe(text);
      });
    }

    it("encodes text as UTF-8 bytes in iPXE's hex notation", () => {
      expect(hexBytes("Hé ||")).toBe("48:c3:a9:20:7c:7c");
    });

    it("makes one token of routed text and setting parts", () => {
      const emitted = route(t("  ", s("mirror"), " || x"), value);
      expect(tokensOf(emitted)).toEqual(["${ipxm_t1:string}${mirror}${ipxm_t2:string}"]);
      const store = new SettingsStore();
      store.set("mirror", "http://m");
      expect(throughIpxe(emitted, store)).toBe("  http://m || x");
    });

    it("numbers routed settings in order and starts again after restart()", () => {
      const router = new TextRouter();
      const first = router.route(t("a  b"), value);
      const second = router.route(t("c  d"), value);
      router.restart();
      const third = router.route(t("e  f"), value);
      expect([first, second, third].map((r) => (r.ok ? r.text.text : r.problem))).toEqual([
        "${ipxm_t1:string}",
        "${ipxm_t2:string}",
        "${ipxm_t1:string}",
      ]);
    });

    it("routes text with spaces when it must be a single argument", () => {
      expect(tokensOf(route(t("yes please"), single))).toEqual(["${ipxm_t1:string}"]);
      expect(tokensOf(route(t("http://h/a"), single))).toEqual(["http://h/a"]);
    });
  });

  describe("a leading dash", () => {
    it("is flagged for literal text starting with -", () => {
      expect(route(t("---- Tools ----")).mayStartWithDash).toBe(true);
      expect(route(t("  -x")).mayStartWithDash).toBe(false);
    });

    it("is flagged when the text starts with a setting that could hold anything", () => {
      expect(route(t(s("answer"), "!")).mayStartWithDash).toBe(true);
    });

    it("is not flagged for settings iPXE fills itself", () => {
      expect(route(t(s("platform"))).mayStartWithDash).toBe(false);
      expect(route(t(s("buildarch"), "/x")).mayStartWithDash).toBe(false);
    });
  });

  describe("a literal ${…}", () => {
    it("is broken by an invisible CSI sequence in display text", () => {
      const emitted = route(t("Use ${mirror} here"), display);
      const shown = throughIpxe(emitted);
      expect(shown).toBe(`Use $${displayBreak}{mirror} here`);
      expect(shown.replaceAll(displayBreak, "")).toBe("Use ${mirror} here");
    });

    it("is broken where literal $ meets a setting's value in display text", () => {
      const emitted = route(t("$", s("x"), " and ", s("y"), "{z}"), display);
      const store = new SettingsStore();
      store.set("x", "{a}");
      store.set("y", "$");
      expect(throughIpxe(emitted, store).replaceAll(displayBreak, "")).toBe("${a} and ${z}");
    });

    it("cannot be carried in value text", () => {
      const result = new TextRouter().route(t("root=${x}"), value);
      expect(result.ok).toBe(false);
    });

    it("cannot be carried across a setting part either", () => {
      expect(new TextRouter().route(t("a${", s("x"), "}"), single).ok).toBe(false);
    });

    it("is fine in value text while no } follows the ${", () => {
      const emitted = route(t("cost ${ 5"), value);
      expect(throughIpxe(emitted)).toBe("cost ${ 5");
    });
  });

  it("refuses NUL, which ends a C string", () => {
    expect(new TextRouter().route(t("a\u0000b"), display).ok).toBe(false);
  });

  it("refuses a setting reference that would not stay inside ${…}", () => {
    expect(new TextRouter().route(t(s("a}b")), display).ok).toBe(false);
    expect(new TextRouter().route(t(s("a b")), display).ok).toBe(false);
  });

  it("takes as a setting reference any text without white space, control characters, $, { or }", () => {
    const character = fc.oneof(
      fc.constantFrom("a", "Z", "0", "_", "-", ".", "/", ":", "$", "{", "}", " ", "\t", "\n", "\u0000", "\u007f"),
      fc.constantFrom("é", "\u00a0", "\u2028", "\u0085", "\u200b", "🙂", "\u3000"),
    );
    fc.assert(
      fc.property(fc.array(character, { maxLength: 8 }), (characters) => {
        const reference = characters.join("");
        const expected = reference.length > 0 && !/[\s${}\p{Cc}]/u.test(reference);
        expect(isSafeSettingReference(reference)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
