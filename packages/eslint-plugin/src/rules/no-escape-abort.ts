/**
 * `choose` without a fallback. Esc (or Ctrl-C) makes `choose` fail with "Operation canceled"; on a
 * line that does not handle it, the whole script ends, and a chained menu drops the user back to
 * whatever chained it — often the firmware.
 */
import { scriptFacts, uncaughtFailures } from "../languages/ipxe/flow.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-escape-abort";

export const noEscapeAbort: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Require somewhere to go when the user presses Esc on a menu",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn" },
    },
    schema: [],
    messages: {
      escapeAborts:
        'Esc makes "choose" fail and nothing on this line handles it, so the script ends; add a fallback such as "|| goto back" (or "|| exit" to leave on purpose)',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const facts = scriptFacts(sourceCode.model);
          for (const choose of sourceCode.model.chooses) {
            if (uncaughtFailures(choose.line, facts).includes(choose.command)) {
              context.report({ node: choose.command, messageId: "escapeAborts" });
            }
          }
        },
      }),
    });
  },
};
