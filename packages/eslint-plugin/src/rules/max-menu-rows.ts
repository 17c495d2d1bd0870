/**
 * A menu longer than the screen. On the 80×25 console iPXE shows 20 rows of items (`LINES - 5`) and
 * scrolls the rest behind `...` markers: users do not see that the list goes on (netboot.xyz's Linux
 * menu has 34 items).
 */
import { configuredTarget } from "../rule.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, ipxmLanguageId, type IpxmRule } from "../rule.js";
import { elaboratedMenus } from "./program-menus.js";

const name = "max-menu-rows";

export const maxMenuRows: IpxmRule = {
  meta: {
    type: "suggestion",
    docs: {
      description: "Limit the rows of a menu to what fits on the screen",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn", ipxm: "warn" },
    },
    schema: [
      {
        type: "object",
        properties: { max: { type: "integer", minimum: 1 } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 20 }],
    messages: {
      tooMany:
        "this menu has {{rows}} rows (items and gaps), more than the {{max}} an 80×25 console shows at once; split it into sub-menus",
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    const [{ max }] = context.options as [{ max: number }];
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const menu of sourceCode.model.menus) {
            if (menu.items.length <= max) continue;
            context.report({
              node: menu.command.words[0]!,
              messageId: "tooMany",
              data: { rows: String(menu.items.length), max: String(max) },
            });
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const menu of elaboratedMenus(sourceCode, configuredTarget(context))) {
            if (menu.rows.length <= max) continue;
            context.report({
              loc: sourceCode.getLoc({ range: [menu.source.start, menu.source.end] }),
              messageId: "tooMany",
              data: { rows: String(menu.rows.length), max: String(max) },
            });
          }
        },
      }),
    });
  },
};
