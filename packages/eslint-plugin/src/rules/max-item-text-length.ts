/**
 * Menu text wider than the screen. iPXE cuts an item's text at `COLS - 6` bytes (74 on an 80-column
 * console) and the title at `COLS - 2` (78), silently: the end of a long line never shows.
 * Settings in the text (`${space}`) are not counted, so what is reported is certainly too long.
 */
import type { WordNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, configuredTarget, ipxeLanguageId, ipxmLanguageId, type IpxmRule } from "../rule.js";
import { elaboratedMenus, literalBytes, utf8Length } from "./program-menus.js";

const name = "max-item-text-length";

/** The bytes of words joined by single spaces, without their `${…}` expansions. */
function wordsBytes(words: readonly WordNode[]): number {
  if (words.length === 0) return 0;
  const text = words.map((word) => word.text).join(" ");
  return utf8Length(text.replace(/\$\{[^{}]*\}/g, ""));
}

export const maxItemTextLength: IpxmRule = {
  meta: {
    type: "suggestion",
    docs: {
      description: "Limit item text and menu titles to what iPXE shows on an 80-column console",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn", ipxm: "warn" },
    },
    schema: [
      {
        type: "object",
        properties: {
          max: { type: "integer", minimum: 1 },
          maxTitle: { type: "integer", minimum: 1 },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ max: 74, maxTitle: 78 }],
    messages: {
      itemTooLong:
        "this menu row's text is {{length}} bytes; iPXE shows only the first {{max}} on an 80-column console",
      titleTooLong: "this menu title is {{length}} bytes; iPXE shows only the first {{max}} on an 80-column console",
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    const [{ max, maxTitle }] = context.options as [{ max: number; maxTitle: number }];
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const menu of sourceCode.model.menus) {
            const title = wordsBytes(menu.titleWords);
            if (title > maxTitle) {
              context.report({
                loc: sourceCode.getLoc({ range: [menu.titleWords[0]!.range[0], menu.titleWords.at(-1)!.range[1]] }),
                messageId: "titleTooLong",
                data: { length: String(title), max: String(maxTitle) },
              });
            }
            for (const item of menu.items) {
              const length = wordsBytes(item.textWords);
              if (length <= max) continue;
              context.report({
                loc: sourceCode.getLoc({ range: [item.textWords[0]!.range[0], item.textWords.at(-1)!.range[1]] }),
                messageId: "itemTooLong",
                data: { length: String(length), max: String(max) },
              });
            }
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          const seen = new Set<number>();
          for (const menu of elaboratedMenus(sourceCode, configuredTarget(context))) {
            const title = literalBytes(menu.title);
            if (title > maxTitle) {
              context.report({
                loc: sourceCode.getLoc({ range: [menu.source.start, menu.source.end] }),
                messageId: "titleTooLong",
                data: { length: String(title), max: String(maxTitle) },
              });
            }
            for (const row of menu.rows) {
              if (!row.text || row.source.file !== sourceCode.path || seen.has(row.source.start)) continue;
              const length = literalBytes(row.text);
              if (length <= max) continue;
              seen.add(row.source.start);
              context.report({
                loc: sourceCode.getLoc({ range: [row.source.start, row.source.end] }),
                messageId: "itemTooLong",
                data: { length: String(length), max: String(max) },
              });
            }
          }
        },
      }),
    });
  },
};
