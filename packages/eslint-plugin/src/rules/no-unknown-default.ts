/**
 * A default that names no item of its menu. `choose --default x` with no item `x` silently highlights
 * the first item — and when a timeout runs, boots it. With `choose --default`, iPXE also ignores every
 * `item --default` of the menu. In ipxm, `default x` must name an item of the menu.
 */
import { closestName } from "@ipxm/core";
import { hasExpansion } from "@ipxm/ipxe";
import { ruleDocsUrl } from "../meta.js";
import { coreCodesByRule } from "./core-codes.js";
import {
  byLanguage,
  coreDiagnostics,
  coreMessages,
  ipxeLanguageId,
  ipxmLanguageId,
  reportDiagnostic,
  type IpxmRule,
} from "../rule.js";

const name = "no-unknown-default";

export const noUnknownDefault: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a menu default that names no item of the menu",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error", ipxm: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...coreMessages,
      unknownDefault:
        'the menu has no item "{{item}}", so "--default {{item}}" highlights the first item instead{{hint}}',
      ignoredItemDefault:
        '"item --default" is ignored: the "choose" on line {{line}} has "--default", which wins; keep one of the two',
      replace: 'Change the default to "{{suggestion}}"',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const choose of sourceCode.model.chooses) {
            const option = choose.defaultOption;
            const menu = choose.menu;
            if (!option || !menu || option.value === undefined || !option.valueWord) continue;
            const line = String(sourceCode.getLoc(choose.command).start.line);
            for (const item of menu.items) {
              if (!item.isDefault) continue;
              const flag = item.command.words.find((word) => word.text === "--default" || word.text === "-d")!;
              context.report({ node: flag, messageId: "ignoredItemDefault", data: { line } });
            }
            if (hasExpansion(option.value)) continue;
            const names = menu.items.flatMap((item) => (item.name === undefined ? [] : [item.name]));
            if (names.includes(option.value)) continue;
            const suggestion = closestName(option.value, names);
            const valueWord = option.valueWord;
            context.report({
              node: valueWord,
              messageId: "unknownDefault",
              data: { item: option.value, hint: suggestion ? `; did you mean "${suggestion}"?` : "" },
              ...(suggestion && valueWord.text === option.value
                ? {
                    suggest: [
                      {
                        messageId: "replace",
                        data: { suggestion },
                        fix: (fixer) => fixer.replaceText(valueWord, suggestion),
                      },
                    ],
                  }
                : {}),
            });
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["no-unknown-default"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
