import type { KeyNode } from "./ast.js";
import type { Range } from "./source.js";

/**
 * Item ids and hotkeys, shared by the checker (which can decide them early for plain menus) and by
 * elaboration (which decides them for every menu once `for` and `if` are expanded).
 */

/** `"Debian 12 (bookworm)"` → `debian-12-bookworm`: lowercase letters, digits and single dashes. */
export function slugify(text: string): string {
  // Accents are dropped (`Café` → `cafe`); plain ASCII text, the common case, skips that work.
  const plain = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  return plain
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export interface ItemIdRequest {
  /** The id written in the source, if any. */
  readonly explicit?: string;
  /** The literal text of the item, from which an id is made when none is written. */
  readonly text: string;
}

/**
 * The id of each item, in order: the explicit one when written, else a slug of its text made unique
 * with `-2`, `-3`… Made ids never take an explicit id, wherever in the menu that is written.
 */
export function assignItemIds(items: readonly ItemIdRequest[]): string[] {
  const taken = new Set<string>();
  for (const item of items) if (item.explicit !== undefined) taken.add(item.explicit);
  return items.map((item) => {
    if (item.explicit !== undefined) return item.explicit;
    const base = slugify(item.text) || "item";
    let id = base;
    for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
    taken.add(id);
    return id;
  });
}

export function duplicateItemMessage(menu: string, id: string): string {
  return `menu "${menu}" already has an item "${id}"; give this one another id`;
}

export function unknownItemMessage(
  menu: string,
  id: string,
  suggestion: string | undefined,
  ids: readonly string[],
): string {
  const hint =
    suggestion !== undefined
      ? `; did you mean "${suggestion}"?`
      : ids.length > 0
        ? ` (its items: ${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", …" : ""})`
        : "";
  return `menu "${menu}" has no item "${id}"${hint}`;
}

/** iPXE's key codes for the function keys a menu may bind. */
export const functionKeyCodes: Readonly<Record<string, string>> = {
  F5: "0x107e",
  F6: "0x127e",
  F7: "0x137e",
  F8: "0x147e",
  F9: "0x157e",
  F10: "0x167e",
  F11: "0x187e",
  F12: "0x197e",
};

/**
 * The range of the key itself inside `key F5` or `key "?"` (the node also covers the keyword):
 * a quoted key with its quotes, a bare one as written.
 */
export function keyValueRange(node: KeyNode, text: string): Range {
  const written = text.slice(node.start, node.end);
  if (written.endsWith('"')) {
    const quote = written.indexOf('"');
    if (quote >= 0) return { start: node.start + quote, end: node.end };
  }
  return { start: Math.max(node.start, node.end - node.value.length), end: node.end };
}

/** The `--key` value for a hotkey as written, or undefined when it is not one. */
export function hotkeyCode(key: string): string | undefined {
  const functionKey = functionKeyCodes[key];
  if (functionKey) return functionKey;
  // One printable ASCII character: what a console keyboard sends as a single key press.
  if (key.length === 1 && key >= "!" && key <= "~") return key;
  return undefined;
}

export function duplicateHotkeyMessage(menu: string, key: string, firstItem: string): string {
  return `key ${key} is already the hotkey of item "${firstItem}" in menu "${menu}"; only that item is reached with it`;
}

/** Why a menu timeout is suspicious, or undefined when it is fine. */
export function timeoutProblem(milliseconds: number): string | undefined {
  if (milliseconds === 0) return "a timeout of 0 makes iPXE wait forever; leave out `after` to wait for a choice";
  if (milliseconds > 24 * 60 * 60 * 1000)
    return "a timeout longer than a day is almost certainly a mistake in its unit";
  return undefined;
}
