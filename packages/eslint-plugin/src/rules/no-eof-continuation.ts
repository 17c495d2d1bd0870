/**
 * A file whose last line ends in `\`. iPXE then waits for a line that never comes: the last line is
 * not run and the script fails with "Invalid argument".
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-eof-continuation";

export const noEofContinuation: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a backslash at the end of the last line",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    fixable: "code",
    schema: [],
    messages: {
      eofContinuation:
        'the file ends with "\\", which continues the line into nothing: iPXE does not run this line and the script fails with "Invalid argument"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const last = sourceCode.ast.lines.at(-1);
          if (!last?.unterminated) return;
          const text = sourceCode.text;
          let at = text.length - 1;
          while (at >= 0 && (text[at] === "\n" || text[at] === "\r")) at--;
          // A backslash-only final line folds into the one before: find the last backslash.
          while (at >= 0 && text[at] !== "\\") at--;
          if (at < 0) return;
          // The spaces the author left before the backslash go with it.
          let from = at;
          while (from > 0 && (text[from - 1] === " " || text[from - 1] === "\t")) from--;
          context.report({
            loc: { start: sourceCode.getLocFromIndex(at), end: sourceCode.getLocFromIndex(at + 1) },
            messageId: "eofContinuation",
            fix: (fixer) => fixer.removeRange([from, at + 1]),
          });
        },
      }),
    });
  },
};
