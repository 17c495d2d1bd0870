/**
 * A timeout taken from a setting that nothing sets. iPXE expands an unset setting to nothing, and
 * `choose --timeout ${menu-timeout}` with an empty value fails with `"": invalid integer value`
 * (dreamcat4/docker-images#50). Set a default first: `isset ${t} || set t 30000`.
 */
import { predefinedSettingTypes } from "@ipxm/ipxe";
import type { CommandNode } from "../languages/ipxe/ast.js";
import { singleExpansion } from "../languages/ipxe/model.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-unset-timeout";

export const noUnsetTimeout: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a timeout read from a setting that no script sets",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn" },
    },
    schema: [],
    messages: {
      unset:
        '"{{setting}}" is never set in {{where}}; when it is unset, "{{option}} ${{{setting}}}" fails with "\\"\\": invalid integer value"; give it a default first: "isset ${{{setting}}} || set {{setting}} 30000"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        Command(node: CommandNode) {
          const parsed = node.parsed;
          if (!parsed.ok) return;
          for (const option of parsed.options) {
            if (option.option.argument !== "timeout-ms" || !option.dynamic || option.value === undefined) continue;
            const pattern = singleExpansion(option.value);
            if (!pattern || pattern.prefix !== "" || pattern.suffix !== "") continue;
            const setting = pattern.setting;
            if (Object.hasOwn(predefinedSettingTypes, setting)) continue;
            const assignments = sourceCode.model.assignments.get(setting) ?? [];
            if (assignments.some((assignment) => assignment.kind !== "delete" && assignment.kind !== "clear")) continue;
            if (sourceCode.tree?.assignsSetting(setting)) continue;
            context.report({
              node: node.words[option.valueIndex!]!,
              messageId: "unset",
              data: { setting, option: option.spelling, where: sourceCode.tree ? "the linted tree" : "this script" },
            });
          }
        },
      }),
    });
  },
};
