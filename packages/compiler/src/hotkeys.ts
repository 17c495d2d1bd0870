/**
 * Hotkeys as `item --key` arguments. iPXE's `parse_key` reads a one-character argument as that
 * character and anything longer as an integer (`0x147e` = F8); integers below 0x80 are the ASCII
 * character itself in every version. So a character that is iPXE syntax on its own (`-`, `#`, `;`,
 * space…) is written as its code: `--key 0x2d`.
 */
import type { SourceRef } from "@ipxm/core";
import type { CompileContext } from "./context.js";
import { printable } from "./safe-text.js";

/** Characters that are safe as a one-character token right after `--key`. */
const plainKeyCharacter = /^[A-Za-z0-9!"%'()*+,./:<=>?@[\]^_`{}~]$/;

export function hotkeyOption(context: CompileContext, key: string, source: SourceRef): string {
  if (plainKeyCharacter.test(key)) return `--key ${key}`;
  if (/^0x[0-9a-f]+$/i.test(key) || /^[1-9][0-9]+$/.test(key)) return `--key ${key}`;
  const code = key.length === 1 ? key.charCodeAt(0) : -1;
  if (code >= 0 && code < 0x80) return `--key 0x${code.toString(16).padStart(2, "0")}`;
  context.report(
    "unrepresentable-text",
    `the hotkey "${printable(key)}" cannot be given to iPXE: use one ASCII character or a key code such as 0x147e (F8)`,
    source,
  );
  return "--key 0x00";
}
