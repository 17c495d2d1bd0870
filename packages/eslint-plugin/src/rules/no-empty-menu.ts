/**
 * A menu with nothing to choose. iPXE refuses to show a menu without a selectable item: `choose`
 * fails with "No such file or directory" before drawing anything (netboot.xyz's generated LMDE
 * flavour menu was built this way).
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

const name = "no-empty-menu";

export const noEmptyMenu: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a menu with no item to choose, which iPXE refuses to show",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error", ipxm: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...coreMessages,
      empty:
        'this menu has {{what}} when "choose" on line {{line}} shows it; iPXE refuses an empty menu and choose fails with "No such file or directory"',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const menu of sourceCode.model.menus) {
            const choose = menu.chooses[0];
            if (!choose || menu.items.some((item) => !item.gap)) continue;
            context.report({
              node: menu.command.words[0]!,
              messageId: "empty",
              data: {
                what: menu.items.length === 0 ? "no items" : "only gaps",
                line: String(sourceCode.getLoc(choose.command).start.line),
              },
            });
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["no-empty-menu"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
