/**
 * Every other problem the ipxm checker and elaboration find — type mismatches, invalid urls, imports
 * that do not resolve, a program with no main menu… — that no more specific rule reports. A program
 * with any of them does not compile.
 */
import { ruleDocsUrl } from "../meta.js";
import {
  byLanguage,
  configuredTarget,
  coreMessages,
  ipxmLanguageId,
  reportDiagnostic,
  type IpxmRule,
} from "../rule.js";
import { ownedCodes } from "./core-codes.js";
import { getProfile } from "@ipxm/ipxe";

const name = "valid-program";

export const validProgram: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Report the ipxm checker's errors that no more specific rule reports",
      url: ruleDocsUrl(name),
      recommended: { ipxm: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: { ...coreMessages },
    languages: [ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          const target = configuredTarget(context);
          const usable = target !== undefined && getProfile(target) ? target : undefined;
          for (const diagnostic of sourceCode.diagnostics(usable)) {
            if (ownedCodes.has(diagnostic.code)) continue;
            reportDiagnostic(context, sourceCode, diagnostic, { showCode: true });
          }
        },
      }),
    });
  },
};
