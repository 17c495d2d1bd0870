/**
 * `||` or `&&` written as if a command could continue on the next line. iPXE ends a command line at
 * the line break: `chain x ||` followed by an indented `prompt …` runs the prompt every time
 * (FOGProject/fogproject#487), and a line that starts with `|| goto error` never runs the goto (the
 * empty command before it succeeds). A backslash at the end of a line is how a line continues.
 */
import type { LineNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-split-fallback";

/** Leading whitespace of the physical line starting at `offset`. */
function indentAt(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && (text[end] === " " || text[end] === "\t")) end++;
  return end - offset;
}

export const noSplitFallback: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow `||` and `&&` that were meant to continue onto another line",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      leadingOperator:
        'a line that starts with "{{operator}}" {{effect}}: iPXE does not continue the previous line; end that line with "\\" to join them',
      trailingBeforeIndented:
        'the line ends with "||", and the indented line after it runs whatever happens: "||" does not continue onto the next line; end this line with "\\" to join them',
      join: 'Join the lines with "\\"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const lines = sourceCode.ast.lines;
          const text = sourceCode.text;
          let previous: LineNode | undefined;
          for (let index = 0; index < lines.length; index++) {
            const line = lines[index]!;
            const first = line.commands[0];
            if (first && !line.label && first.words.length === 0 && first.terminator && first.terminator.kind !== ";") {
              const operator = first.terminator.kind;
              const before = previous;
              context.report({
                node: first.terminator,
                messageId: "leadingOperator",
                data: {
                  operator,
                  effect: operator === "||" ? "never runs what follows it" : "always runs what follows it",
                },
                ...(before && before.lastLine === line.firstLine - 1 && before.commands.length > 0 && !before.comment
                  ? {
                      suggest: [
                        {
                          messageId: "join",
                          fix: (fixer) => fixer.insertTextAfterRange([before.range[1], before.range[1]], " \\"),
                        },
                      ],
                    }
                  : {}),
              });
            }
            const next = lines[index + 1];
            const last = line.commands[line.commands.length - 1];
            const beforeLast = line.commands[line.commands.length - 2];
            if (
              next &&
              last &&
              last.words.length === 0 &&
              beforeLast?.terminator?.kind === "||" &&
              !line.comment &&
              !next.label &&
              next.commands.length > 0 &&
              next.commands[0]!.words.length > 0 &&
              indentAt(text, next.range[0]) > indentAt(text, line.range[0])
            ) {
              const terminator = beforeLast.terminator;
              context.report({
                node: terminator,
                messageId: "trailingBeforeIndented",
                suggest: [
                  {
                    messageId: "join",
                    fix: (fixer) => fixer.insertTextAfterRange([terminator.range[1], terminator.range[1]], " \\"),
                  },
                ],
              });
            }
            previous = line;
          }
        },
      }),
    });
  },
};
