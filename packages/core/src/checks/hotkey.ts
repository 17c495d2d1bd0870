/** `invalid-key`: a hotkey must be one printable character or a function key F5–F12. */
import { hotkeyCode, keyValueRange } from "../items.js";
import type { Rule } from "./rule.js";

export const hotkeyRule: Rule = {
  key(node, context) {
    if (hotkeyCode(node.value) !== undefined) return;
    const range = keyValueRange(node, context.binder.workspace.files.get(context.file)?.source.text ?? "");
    const upper = node.value.toUpperCase();
    const fix =
      hotkeyCode(upper) !== undefined && upper.startsWith("F")
        ? { description: `Write ${upper}`, edits: [{ range, newText: upper }] }
        : undefined;
    context.report(
      "invalid-key",
      `"${node.value}" is not a hotkey: use one printable character (key l, key 1, key "?") or a function key F5 … F12`,
      range,
      fix ? { fix } : {},
    );
  },
};
