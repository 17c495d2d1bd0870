/**
 * Commands iPXE would refuse to run: an unknown command ("command not found"), an unknown option, an
 * option without its value, a wrong number of arguments ("Result too large", like a bare `clear`),
 * or a number iPXE cannot read ("invalid integer value"). Each fails the line when it runs.
 */
import type { CommandNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";
import { misplacedOptions } from "./command-words.js";
import { dashText } from "./no-dash-text.js";

const name = "valid-command";

export const validCommand: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow commands, options and arguments that iPXE rejects",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    schema: [],
    messages: {
      unknownCommand: '"{{command}}" is not an iPXE command: iPXE prints "{{command}}: command not found"',
      rejected: 'iPXE rejects this "{{command}}": {{message}}',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: () => ({
        Command(node: CommandNode) {
          const parsed = node.parsed;
          const error = parsed.error;
          if (!error || parsed.dynamicName) return;
          // Commands and options of a later release are target-support's; dashes and misplaced options have rules of their own.
          if (error.availableSince !== undefined) return;
          if (dashText(node) || misplacedOptions(node)) return;
          if (error.kind === "unknown-command") {
            context.report({ node: node.words[0]!, messageId: "unknownCommand", data: { command: node.name } });
            return;
          }
          const word = node.words[Math.min(error.index, node.words.length - 1)]!;
          const at = error.index >= node.words.length ? node : word;
          context.report({ node: at, messageId: "rejected", data: { command: node.name, message: error.message } });
        },
      }),
    });
  },
};
