/**
 * Text that starts with `-` where iPXE looks for options. `echo ---`, `menu ---- Tools ----` and
 * `item --gap ---- Tools ----` fail with "Unrecognised option": getopt reads the dashes as an
 * option. `--` ends the options, so `item --gap -- ---- Tools ----` shows the text as written.
 */
import type { CommandNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";
import { takesTextFirst } from "./command-words.js";

const name = "no-dash-text";

/** The word iPXE rejects as an option in text that starts with a dash, if that is what went wrong. */
export function dashText(command: CommandNode): CommandNode["words"][number] | undefined {
  const error = command.parsed.error;
  // An option iPXE does not know at all (not one of a later release) in a command that shows text.
  if (error?.kind !== "unknown-option" || error.option !== undefined || !takesTextFirst(command)) return undefined;
  return command.words[error.index];
}

export const noDashText: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: 'Require "--" before text that starts with a dash',
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    fixable: "code",
    schema: [],
    messages: {
      dashText:
        '"{{word}}" starts with "-", so iPXE reads it as an option and "{{command}}" fails with "Unrecognised option"; write "--" before the text',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: () => ({
        Command(node: CommandNode) {
          const word = dashText(node);
          if (!word) return;
          context.report({
            node: word,
            messageId: "dashText",
            data: { word: word.text, command: node.name },
            fix: (fixer) => fixer.insertTextBeforeRange(word.range, "-- "),
          });
        },
      }),
    });
  },
};
