/**
 * A `goto` to a label that only another script of the tree defines. `goto` searches the script that
 * is running and nothing else, so it fails with "No such file or directory" (netboot.xyz#28: Esc
 * from a sub-menu jumped to a label of the main menu's file). Use `chain` to run another script.
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";
import { relativeReference } from "./paths.js";

const name = "no-cross-file-goto";

export const noCrossFileGoto: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a goto to a label that only another script defines",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    schema: [],
    messages: {
      otherFile:
        'label ":{{label}}" is defined in {{file}}, not in this script, and goto never leaves the running script; use "chain {{file}}" (and a setting to say where to go) instead',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const tree = sourceCode.tree;
          if (!tree) return;
          const { labels, gotos } = sourceCode.model;
          for (const goto of gotos) {
            if (!goto.static || labels.has(goto.target)) continue;
            const elsewhere = tree.scriptsDefiningLabel(goto.target).filter((path) => path !== sourceCode.path);
            if (elsewhere.length === 0) continue;
            context.report({
              node: goto.targetWord,
              messageId: "otherFile",
              data: { label: goto.target, file: relativeReference(sourceCode.path, elsewhere[0]!) },
            });
          }
        },
      }),
    });
  },
};
