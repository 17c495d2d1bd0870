/**
 * A reference to something that does not exist: in iPXE a static `goto` with no such label in the
 * script (`goto` fails with "No such file or directory" and, unguarded, ends the script); in ipxm a
 * menu, entry, constant or setting that is not declared.
 */
import { closestName } from "@ipxm/core";
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

const name = "no-undefined-label";

export const noUndefinedLabel: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a goto to a label, or a reference to a menu or entry, that does not exist",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error", ipxm: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...coreMessages,
      undefinedLabel: 'label ":{{label}}" is not defined in this script; goto fails with "No such file or directory"',
      undefinedLabelSuggest:
        'label ":{{label}}" is not defined in this script (did you mean "{{suggestion}}"?); goto fails with "No such file or directory"',
      replace: 'Change the target to "{{suggestion}}"',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const { labels, gotos } = sourceCode.model;
          const tree = sourceCode.tree;
          for (const goto of gotos) {
            if (!goto.static || labels.has(goto.target)) continue;
            // A label that another script of the tree defines is no-cross-file-goto's to report.
            if (tree?.scriptsDefiningLabel(goto.target).some((path) => path !== sourceCode.path)) continue;
            const suggestion = closestName(goto.target, labels.keys());
            if (suggestion === undefined) {
              context.report({ node: goto.targetWord, messageId: "undefinedLabel", data: { label: goto.target } });
              continue;
            }
            context.report({
              node: goto.targetWord,
              messageId: "undefinedLabelSuggest",
              data: { label: goto.target, suggestion },
              suggest: [
                {
                  messageId: "replace",
                  data: { suggestion },
                  fix: (fixer) => fixer.replaceText(goto.targetWord, suggestion),
                },
              ],
            });
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["no-undefined-label"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
