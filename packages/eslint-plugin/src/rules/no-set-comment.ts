/**
 * `set name #…`. A word that starts with `#` begins a comment, wherever it is: `set color #00ff00`
 * is `set color` with no value, which deletes the setting.
 */
import type { LineNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-set-comment";

export const noSetComment: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a `set` whose value starts with `#`, which makes it a comment",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    schema: [],
    messages: {
      valueIsComment:
        '"{{word}}" starts with "#", so iPXE reads it as a comment: this is "set {{setting}}" with no value, which deletes {{setting}}; store the text another way (e.g. "set {{setting}}:hex 23:…") or use "clear {{setting}}" if deleting is meant',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        Line(line: LineNode) {
          const comment = line.comment;
          const last = line.commands.at(-1);
          if (!comment || !last || last.parsed.command?.canonical !== "set") return;
          if (last.parsed.positionals.length !== 1 || last.terminator) return;
          const firstWord = comment.value.split(/\s/)[0] ?? "";
          context.report({
            loc: sourceCode.getLoc({ range: [comment.range[0], comment.range[0] + 1 + firstWord.length] }),
            messageId: "valueIsComment",
            data: { word: `#${firstWord}`, setting: last.parsed.positionals[0]! },
          });
        },
      }),
    });
  },
};
