/**
 * Two items of one menu with the same hotkey. Only one of them can be reached with the key (which one
 * depends on the iPXE version and the cursor), so the other key press silently picks the wrong item.
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
import type { ItemModel } from "../languages/ipxe/model.js";

const name = "no-duplicate-hotkey";

export const noDuplicateHotkey: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow two items of one menu with the same hotkey",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn", ipxm: "warn" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...coreMessages,
      duplicate:
        'key "{{key}}" is already the hotkey of "{{other}}" on line {{line}}; only one of the two can be reached with it',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const menu of sourceCode.model.menus) {
            const seen = new Map<number | string, ItemModel>();
            for (const item of menu.items) {
              if (!item.key) continue;
              const code = item.key.code ?? item.key.value;
              const first = seen.get(code);
              // Two items behind runtime tests may never be shown together.
              if (first && !(first.conditional && item.conditional)) {
                context.report({
                  node: item.key.word,
                  messageId: "duplicate",
                  data: {
                    key: item.key.value,
                    other: first.name ?? first.textWords.map((word) => word.text).join(" "),
                    line: String(sourceCode.getLoc(first.command).start.line),
                  },
                });
              } else if (!first) seen.set(code, item);
            }
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["no-duplicate-hotkey"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
