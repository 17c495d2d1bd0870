/**
 * An option written after the first positional argument. iPXE's getopt does not permute: options
 * end at the first word that does not start with `-`, so in `item linux --key l Linux` the `--key l`
 * is part of the item's text and the item has no hotkey.
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import type { CommandNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";
import { misplacedOptions } from "./command-words.js";

const name = "no-option-after-positional";

export const noOptionAfterPositional: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow options after the first positional argument, where iPXE reads them as text",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    fixable: "code",
    schema: [],
    messages: {
      misplaced:
        '"{{option}}" comes after the first argument, where iPXE no longer looks for options: it becomes an argument of "{{command}}"; move it before "{{first}}"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        Command(node: CommandNode) {
          const misplaced = misplacedOptions(node);
          if (!misplaced) return;
          const text = sourceCode.text;
          const end = (entry: (typeof misplaced.options)[number]) => (entry.value ?? entry.word).range[1];
          // One fix moves every misplaced option, in order, in front of the first positional.
          const fix = (fixer: RuleTextEditor): RuleTextEdit[] => {
            const moved = misplaced.options.map((entry) => text.slice(entry.word.range[0], end(entry)));
            const edits = [fixer.insertTextBeforeRange(misplaced.firstPositional.range, `${moved.join(" ")} `)];
            for (const entry of misplaced.options) {
              let start = entry.word.range[0];
              while (start > 0 && (text[start - 1] === " " || text[start - 1] === "\t")) start--;
              edits.push(fixer.removeRange([start, end(entry)]));
            }
            return edits;
          };
          misplaced.options.forEach((entry, index) => {
            context.report({
              node: entry.word,
              messageId: "misplaced",
              data: { option: entry.word.text, command: node.name, first: misplaced.firstPositional.text },
              ...(index === 0 ? { fix } : {}),
            });
          });
        },
      }),
    });
  },
};
