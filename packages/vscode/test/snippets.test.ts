import { readFileSync } from "node:fs";
import { parse } from "@ipxm/core";
import { describe, expect, it } from "vitest";

interface Snippet {
  prefix: string;
  description: string;
  body: string | string[];
}

const snippets = JSON.parse(readFileSync(new URL("../snippets/ipxm.json", import.meta.url), "utf8")) as Record<
  string,
  Snippet
>;

/**
 * The text a snippet inserts when every placeholder keeps its default and every choice its first
 * option, following VS Code's snippet syntax: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`, and
 * the escapes `\$`, `\}` and `\\`.
 */
function expandDefaults(body: string): string {
  let position = 0;

  function text(insidePlaceholder: boolean): string {
    let out = "";
    while (position < body.length) {
      const character = body[position]!;
      if (character === "\\" && "$}\\".includes(body[position + 1] ?? "")) {
        out += body[position + 1];
        position += 2;
      } else if (character === "}" && insidePlaceholder) {
        return out;
      } else if (character === "$" && /\d/.test(body[position + 1] ?? "")) {
        position += /^\$\d+/.exec(body.slice(position))![0].length;
      } else if (character === "$" && body[position + 1] === "{") {
        out += placeholder();
      } else {
        out += character;
        position++;
      }
    }
    if (insidePlaceholder) throw new Error(`unclosed placeholder in ${JSON.stringify(body)}`);
    return out;
  }

  function placeholder(): string {
    const head = /^\$\{(\d+)([:|}])/.exec(body.slice(position));
    if (head === null) throw new Error(`not a tab stop at ${position} in ${JSON.stringify(body)}`);
    position += head[0].length;
    if (head[2] === "}") return "";
    if (head[2] === "|") {
      const end = body.indexOf("|}", position);
      const first = body.slice(position, end).split(",")[0]!;
      position = end + 2;
      return first;
    }
    const inner = text(true);
    position++; // the placeholder's `}`
    return inner;
  }

  return text(false);
}

/** Where each snippet is meant to be typed: a snippet without a context here fails the suite. */
const contexts: Readonly<Record<string, (body: string) => string>> = {
  Menu: (body) => body,
  Entry: (body) => body,
  Item: (body) => `menu m "M" {\n${body}\n}`,
  "Item booting an entry": (body) => `menu m "M" {\n${body}\n}`,
  "For over versions": (body) => `menu m "M" {\n${body}\n}`,
  "When platform": (body) => `entry e() {\n${body}\n}`,
};

describe("snippets", () => {
  const entries = Object.entries(snippets);

  it("include a menu, an item and an entry", () => {
    const prefixes = entries.map(([, snippet]) => snippet.prefix);
    expect(prefixes).toEqual(expect.arrayContaining(["menu", "item", "entry"]));
  });

  it.each(entries)("%s expands, with its defaults, to ipxm that parses cleanly", (name, snippet) => {
    const wrap = contexts[name];
    expect(wrap, `the context of snippet "${name}"`).toBeDefined();
    const body = Array.isArray(snippet.body) ? snippet.body.join("\n") : snippet.body;
    const text = wrap!(expandDefaults(body));
    expect(parse(text, `${name}.ipxm`).diagnostics).toEqual([]);
  });

  it("expand placeholders as VS Code does", () => {
    expect(expandDefaults('item ${1:id} "\\${${2:x}}" -> ${3|menu,boot|} $0')).toBe('item id "${x}" -> menu ');
    expect(expandDefaults("${1:outer ${2:inner}} \\} \\\\")).toBe("outer inner } \\");
  });
});
