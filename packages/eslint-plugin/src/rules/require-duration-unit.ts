/**
 * A duration written as a bare number. iPXE counts menu timeouts in milliseconds and `sleep` in
 * seconds; ipxm durations always carry their unit (`500ms`, `30s`, `5m`, `1h`) so that `after 30`
 * cannot mean 30 ms by accident.
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, coreDiagnostics, coreMessages, ipxmLanguageId, reportDiagnostic, type IpxmRule } from "../rule.js";
import { coreCodesByRule } from "./core-codes.js";

const name = "require-duration-unit";

export const requireDurationUnit: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Require a unit on every ipxm duration",
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
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["require-duration-unit"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
