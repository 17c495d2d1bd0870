/**
 * A hotkey on a gap. A separator cannot be chosen: its key only moves the cursor to the next item,
 * which is rarely what the key was meant for.
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-gap-hotkey";

export const noGapHotkey: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a hotkey on a gap (separator), which cannot be chosen",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      gapKey:
        'key "{{key}}" is on a gap, which cannot be chosen: the key only moves to the next item; put it on an item',
      remove: 'Remove "{{option}}"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const text = sourceCode.text;
          for (const menu of sourceCode.model.menus) {
            for (const item of menu.items) {
              if (!item.gap || !item.key) continue;
              const valueWord = item.key.word;
              const optionWord = item.key.optionWord;
              let start = optionWord.range[0];
              while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
              const option = text.slice(optionWord.range[0], valueWord.range[1]);
              context.report({
                node: valueWord,
                messageId: "gapKey",
                data: { key: item.key.value },
                suggest: [
                  {
                    messageId: "remove",
                    data: { option },
                    fix: (fixer) => fixer.removeRange([start, valueWord.range[1]]),
                  },
                ],
              });
            }
          }
        },
      }),
    });
  },
};
