/**
 * The items of the menu the cursor is in, read from its text. While a member is half-typed the parser
 * may drop the rest of the menu from the AST, so ids and hotkeys are taken from the tokens of the
 * whole menu, before and after the cursor, up to its closing brace or the next declaration.
 */
import { slugify } from "@ipxm/core";
import { declarationWords } from "../docs/keywords.js";
import { scanWindow, type WindowToken } from "./ipxm-scan.js";

export interface MenuRows {
  /** Item ids in order: explicit ones, and those made from literal texts. */
  readonly items: readonly { readonly id: string; readonly text?: string }[];
  /** Hotkeys as written (`key "?"` without its quotes). */
  readonly keys: readonly string[];
}

/**
 * `nameStart`: the menu's name; `end`: where the next declaration starts (or the end of the text);
 * `cursor`: a key being typed there is not taken yet.
 */
export function menuRows(text: string, nameStart: number, end: number, cursor: number): MenuRows {
  const scanned = scanWindow(text, nameStart, end);
  const tokens: readonly WindowToken[] = scanned.partial ? [...scanned.tokens, scanned.partial] : scanned.tokens;
  const explicit: { id: string; text?: string }[] = [];
  const fromText: string[] = [];
  const keys: string[] = [];
  let depth = 0;
  let k = tokens.findIndex((token) => token.text === "{");
  if (k < 0) return { items: [], keys: [] };
  for (; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.kind === "punct" && token.text === "{") depth++;
    else if (token.kind === "punct" && token.text === "}" && --depth === 0) break;
    if (token.kind !== "name") continue;
    if (declarationWords.has(token.text) && tokens[k - 1]?.text !== "->") break;
    const next = tokens[k + 1];
    const after = tokens[k + 2];
    if (token.text === "item" && next) {
      if (next.kind === "name" && after?.kind === "string") explicit.push({ id: next.text, text: literal(after) });
      else if (next.kind === "string") {
        const written = literal(next);
        if (written !== undefined) fromText.push(written);
      }
    } else if (
      token.text === "key" &&
      next &&
      (next.kind === "name" || next.kind === "number" || next.kind === "string") &&
      !(next.start <= cursor && cursor <= next.end)
    ) {
      keys.push(next.kind === "string" ? next.text.slice(1, -1) : next.text);
    }
  }
  // Made ids never take an explicit one; repeats get `-2`, `-3`… (as core assigns them).
  const taken = new Set(explicit.map((item) => item.id));
  const made = fromText.map((written) => {
    const base = slugify(written) || "item";
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    return { id, text: written };
  });
  return { items: [...explicit, ...made], keys };
}

/** The text of a string token without interpolation (data decides the id of `"Ubuntu ${v}"`). */
function literal(token: WindowToken): string | undefined {
  const inner = token.text.slice(1, token.text.endsWith('"') && token.text.length > 1 ? -1 : undefined);
  return inner.includes("${") ? undefined : inner.replace(/\\(.)/g, "$1");
}
