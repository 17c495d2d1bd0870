/**
 * Timeouts iPXE reads differently from what they look like. iPXE's timeouts are milliseconds, so
 * `choose --timeout 30` waits 30 ms; a leading zero makes a number octal (`010` is 8); and `sleep`
 * counts seconds, so `sleep 5000` waits over an hour. In ipxm, a menu timeout of zero (iPXE waits
 * forever) or of more than a day is a mistake (a duration without its unit is require-duration-unit's).
 * In both, a timeout whose default item exists only behind a runtime test may boot something else.
 */
import type { CommandNode } from "../languages/ipxe/ast.js";
import { positionalWords } from "../languages/ipxe/model.js";
import { ruleDocsUrl } from "../meta.js";
import { coreCodesByRule } from "./core-codes.js";
import { elaboratedMenus } from "./program-menus.js";
import {
  byLanguage,
  configuredTarget,
  coreDiagnostics,
  coreMessages,
  ipxeLanguageId,
  ipxmLanguageId,
  reportDiagnostic,
  type IpxmRule,
} from "../rule.js";

const name = "valid-timeout";
const day = 24 * 60 * 60 * 1000;

export const validTimeout: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow timeouts that mean something else than they seem to (seconds, octal, zero, huge)",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn", ipxm: "warn" },
    },
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: { minimumMilliseconds: { type: "integer", minimum: 1 } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minimumMilliseconds: 1000 }],
    messages: {
      ...coreMessages,
      looksLikeSeconds:
        '"{{option}} {{value}}" waits {{value}} milliseconds: iPXE timeouts are in milliseconds; for {{value}} seconds write {{milliseconds}}',
      octal: '"{{value}}" starts with 0, so iPXE reads it as octal: {{octal}}, not {{decimal}}',
      tooLong: '"{{option}} {{value}}" is longer than a day; iPXE timeouts are in milliseconds',
      sleepMilliseconds: '"sleep {{value}}" waits {{value}} seconds: sleep counts seconds, not milliseconds',
      defaultMaybeAbsent:
        'the timeout chooses "{{item}}", but that item is added only behind a runtime test: when it is absent, the timeout boots the first item instead',
      toSeconds: "Write {{milliseconds}} ({{value}} seconds)",
      asDecimal: "Write {{decimal}} (decimal)",
      asOctal: "Write {{octal}} (what iPXE reads now)",
      toSleepSeconds: "Write {{seconds}} (seconds)",
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    const [{ minimumMilliseconds }] = context.options as [{ minimumMilliseconds: number }];
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const choose of sourceCode.model.chooses) {
            const timeout = choose.timeoutOption?.option;
            const wanted = choose.defaultOption;
            if (!timeout || timeout.integer === 0 || !choose.menu || !wanted?.valueWord || wanted.value === undefined)
              continue;
            const items = choose.menu.items.filter((item) => item.name === wanted.value);
            if (items.length === 0 || items.some((item) => !item.conditional)) continue;
            context.report({ node: wanted.valueWord, messageId: "defaultMaybeAbsent", data: { item: wanted.value } });
          }
        },
        Command(node: CommandNode) {
          const parsed = node.parsed;
          if (!parsed.ok || !parsed.command) return;
          // Where a timeout is written: the values of timeout options and the seconds of `sleep`.
          const timeoutIndices = new Set<number>();
          for (const option of parsed.options) {
            if (option.option.argument === "timeout-ms" && option.valueIndex !== undefined)
              timeoutIndices.add(option.valueIndex);
          }
          if (parsed.command.canonical === "sleep") timeoutIndices.add(parsed.positionalIndex);
          for (const note of parsed.notes) {
            if (note.kind !== "octal-integer" || !timeoutIndices.has(note.index)) continue;
            const word = node.words[note.index]!;
            const text = /\d+$/.exec(word.text)?.[0] ?? word.text;
            const written = (digits: string) => word.text.slice(0, word.text.length - text.length) + digits;
            const octal = String(Number.parseInt(text, 8));
            const decimal = String(Number.parseInt(text, 10));
            context.report({
              node: word,
              messageId: "octal",
              data: { value: text, octal, decimal },
              suggest: [
                {
                  messageId: "asDecimal",
                  data: { decimal },
                  fix: (fixer) => fixer.replaceText(word, written(decimal)),
                },
                { messageId: "asOctal", data: { octal }, fix: (fixer) => fixer.replaceText(word, written(octal)) },
              ],
            });
          }
          for (const option of parsed.options) {
            if (option.option.argument !== "timeout-ms" || option.integer === undefined || option.dynamic) continue;
            const word = node.words[option.valueIndex!]!;
            const value = option.integer;
            if (parsed.notes.some((note) => note.index === option.valueIndex)) continue;
            const data = { option: option.spelling, value: String(value), milliseconds: String(value * 1000) };
            if (value > 0 && value < minimumMilliseconds) {
              context.report({
                node: word,
                messageId: "looksLikeSeconds",
                data,
                suggest: [
                  {
                    messageId: "toSeconds",
                    data,
                    fix: (fixer) => fixer.replaceText(word, word.text.replace(/\d+$/, String(value * 1000))),
                  },
                ],
              });
            } else if (value > day) {
              context.report({ node: word, messageId: "tooLong", data });
            }
          }
          if (parsed.command.canonical === "sleep") {
            const word = positionalWords(node)[0];
            const value = word && /^\d+$/.test(word.text) ? Number(word.text) : undefined;
            if (word && value !== undefined && value >= minimumMilliseconds && value % 1000 === 0) {
              const seconds = String(value / 1000);
              context.report({
                node: word,
                messageId: "sleepMilliseconds",
                data: { value: String(value) },
                suggest: [
                  { messageId: "toSleepSeconds", data: { seconds }, fix: (fixer) => fixer.replaceText(word, seconds) },
                ],
              });
            }
          }
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["valid-timeout"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
          for (const menu of elaboratedMenus(sourceCode, configuredTarget(context))) {
            if (!menu.timeoutMs || menu.defaultItem === undefined) continue;
            const row = menu.rows.find((candidate) => candidate.kind === "item" && candidate.id === menu.defaultItem);
            if (!row?.condition || row.source.file !== sourceCode.path) continue;
            context.report({
              loc: sourceCode.getLoc({ range: [row.source.start, row.source.end] }),
              messageId: "defaultMaybeAbsent",
              data: { item: menu.defaultItem },
            });
          }
        },
      }),
    });
  },
};
