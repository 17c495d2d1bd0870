/**
 * `duplicate-item` and `unknown-item` where they can be decided before elaboration: explicit ids
 * written directly in a menu's body, and `default` in a menu whose items are all plain (no `for`,
 * `if` or `when`, no interpolated text without an id). Elaboration decides every other case, with
 * the same messages, so a problem is never reported twice in two wordings.
 */
import type { ItemNode, MenuDecl } from "../ast.js";
import { assignItemIds, duplicateItemMessage, unknownItemMessage } from "../items.js";
import type { Range } from "../source.js";
import { closestName, replaceNameFix } from "../suggest.js";
import type { Rule } from "./rule.js";

export const menuItemsRule: Rule = {
  menu(node, _items, context) {
    const menuName = node.name?.name ?? "";
    const first = new Map<string, Range>();
    for (const member of node.body ?? []) {
      if (member.kind !== "Item" || !member.id) continue;
      const earlier = first.get(member.id.name);
      if (!earlier) {
        first.set(member.id.name, member.id);
        continue;
      }
      context.report("duplicate-item", duplicateItemMessage(menuName, member.id.name), member.id, {
        related: [{ file: context.file, range: earlier, message: "the first item with this id" }],
      });
    }

    const ids = plainItemIds(node);
    if (!ids) return;
    for (const member of node.body ?? []) {
      if (member.kind !== "Default" || !member.item || member.item.name === "") continue;
      if (ids.includes(member.item.name)) continue;
      const suggestion = closestName(member.item.name, ids);
      context.report(
        "unknown-item",
        unknownItemMessage(menuName, member.item.name, suggestion, ids),
        member.item,
        suggestion ? { fix: replaceNameFix(member.item, suggestion) } : {},
      );
    }
  },
};

/** The ids of a menu's items when they are known without elaboration. */
function plainItemIds(node: MenuDecl): string[] | undefined {
  const items: ItemNode[] = [];
  for (const member of node.body ?? []) {
    if (member.kind === "For" || member.kind === "If" || member.kind === "When") return undefined;
    if (member.kind !== "Item") continue;
    if (!member.id && (member.text?.kind !== "String" || member.text.parts.some((part) => part.kind !== "Text")))
      return undefined;
    items.push(member);
  }
  return assignItemIds(
    items.map((item) =>
      item.id
        ? { explicit: item.id.name, text: "" }
        : {
            text:
              item.text.kind === "String"
                ? item.text.parts.map((part) => (part.kind === "Text" ? part.value : "")).join("")
                : "",
          },
    ),
  );
}
