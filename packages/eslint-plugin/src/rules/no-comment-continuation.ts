/**
 * A comment line that ends in `\`. iPXE joins the next line onto it before it looks for the comment,
 * so the next line becomes part of the comment and never runs.
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-comment-continuation";

export const noCommentContinuation: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a comment that ends in a backslash and swallows the next line",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      swallows: 'this comment ends in "\\", so iPXE joins line {{next}} to it and never runs that line',
      remove: 'Remove the "\\" so that line {{next}} runs',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const text = sourceCode.text;
          for (const line of sourceCode.ast.lines) {
            const comment = line.comment;
            if (!comment || line.unterminated) continue;
            // The comment's first physical line ends in `\` when the comment crosses a line break.
            const lineBreak = text.indexOf("\n", comment.range[0]);
            if (lineBreak < 0 || lineBreak >= comment.range[1]) continue;
            let backslash = lineBreak - 1;
            if (text[backslash] === "\r") backslash--;
            if (text[backslash] !== "\\") continue;
            const next = String(sourceCode.getLocFromIndex(lineBreak + 1).line);
            context.report({
              loc: { start: sourceCode.getLocFromIndex(backslash), end: sourceCode.getLocFromIndex(backslash + 1) },
              messageId: "swallows",
              data: { next },
              suggest: [
                { messageId: "remove", data: { next }, fix: (fixer) => fixer.removeRange([backslash, backslash + 1]) },
              ],
            });
          }
        },
      }),
    });
  },
};
