/**
 * The same name declared twice. iPXE allows duplicate labels, but `goto` scans from the top and
 * stops at the first, so the later one is reached only by falling into it. In ipxm two declarations
 * or two items of one menu with one name are an error.
 */
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

const name = "no-duplicate-label";

export const noDuplicateLabel: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a label, declaration or item id defined twice",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn", ipxm: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...coreMessages,
      duplicateLabel:
        'label ":{{label}}" is already defined on line {{line}}; goto always jumps to the first one, so this one is reached only by falling into it',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const [label, definitions] of sourceCode.model.labels) {
            const line = sourceCode.getLoc(definitions[0]!).start.line;
            for (const duplicate of definitions.slice(1)) {
              context.report({
                loc: sourceCode.getLoc({ range: duplicate.nameRange }),
                messageId: "duplicateLabel",
                data: { label, line: String(line) },
              });
            }
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["no-duplicate-label"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
