/**
 * A label that nothing jumps to: no static `goto` names it, no item name reaches it through a
 * dispatching `goto ${choice}`, and no computed `goto` can produce it. Usually what is left after
 * an item was removed — or the label an item was meant to reach under another spelling. A label that
 * is the likely intended target of a misspelt `goto` or item is left to the rule that reports the
 * misspelling, so one typo is reported once.
 */
import { closestName } from "@ipxm/core";
import type { ScriptModel } from "../languages/ipxe/model.js";
import { computedReach } from "../languages/ipxe/reach.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-unused-label";

export const noUnusedLabel: IpxmRule = {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow labels that no goto or menu item can reach",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn" },
    },
    schema: [],
    messages: {
      unused: 'no goto and no menu item reaches label ":{{label}}"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const model = sourceCode.model;
          const reached = new Set<string>();
          for (const goto of model.gotos) if (goto.static) reached.add(goto.target);
          const computed = computedReach(model, sourceCode.tree);
          for (const label of misspeltTargets(model)) reached.add(label);
          for (const [label, definitions] of model.labels) {
            if (reached.has(label) || computed(label)) continue;
            context.report({
              loc: sourceCode.getLoc({ range: definitions[0]!.nameRange }),
              messageId: "unused",
              data: { label },
            });
          }
        },
      }),
    });
  },
};

/** Labels that a `goto` or a dispatched item names with a typo: what no-undefined-label and no-undefined-item-label suggest. */
function misspeltTargets(model: ScriptModel): string[] {
  const labels = [...model.labels.keys()];
  const found: string[] = [];
  for (const goto of model.gotos) {
    if (!goto.static || model.labels.has(goto.target)) continue;
    const suggestion = closestName(goto.target, labels);
    if (suggestion !== undefined) found.push(suggestion);
  }
  for (const dispatch of model.dispatches) {
    for (const item of dispatch.choose.menu?.items ?? []) {
      if (item.name === undefined) continue;
      const wanted = `${dispatch.prefix}${item.name}${dispatch.suffix}`;
      if (model.labels.has(wanted)) continue;
      const { prefix, suffix } = dispatch;
      const middles = labels
        .filter(
          (label) => label.length > prefix.length + suffix.length && label.startsWith(prefix) && label.endsWith(suffix),
        )
        .map((label) => label.slice(prefix.length, label.length - suffix.length));
      const suggestion = closestName(item.name, middles);
      if (suggestion !== undefined) found.push(`${prefix}${suggestion}${suffix}`);
    }
  }
  return found;
}
