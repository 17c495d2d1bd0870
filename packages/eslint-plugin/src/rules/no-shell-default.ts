/**
 * Shell syntax and unknown types inside `${…}`. iPXE has no `${name:-default}`: the text after `:` is
 * a type name, an unknown type makes the whole expansion empty, silently. Write defaults with
 * `isset ${name} || set name default`. In ipxm, an interpolated iPXE setting with an unknown scope or
 * type is reported for the same reason.
 */
import { isSettingTypeName, parseSettingReference } from "@ipxm/ipxe";
import type { CommandNode, WordNode } from "../languages/ipxe/ast.js";
import { ruleDocsUrl } from "../meta.js";
import {
  byLanguage,
  coreDiagnostics,
  coreMessages,
  ipxeLanguageId,
  ipxmLanguageId,
  reportDiagnostic,
  type IpxmRule,
} from "../rule.js";
import { coreCodesByRule } from "./core-codes.js";

const name = "no-shell-default";

export const noShellDefault: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description:
        "Disallow `${name:-default}` and other expansions with an unknown type, which iPXE expands to nothing",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error", ipxm: "warn" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      ...coreMessages,
      shellDefault:
        '"{{expansion}}" is shell syntax, not iPXE: iPXE reads "{{type}}" as a type name and expands this to nothing; write "isset ${{{name}}} || set {{name}} {{fallback}}" before it',
      unknownType: '"{{type}}" is not an iPXE setting type, so "{{expansion}}" always expands to nothing',
    },
    languages: [ipxeLanguageId, ipxmLanguageId],
  },
  create(context) {
    const check = (sourceCode: { getLoc(node: object): unknown }, word: WordNode) => {
      const exact = word.range[1] - word.range[0] === word.text.length;
      // Innermost expansions first, as iPXE expands them; an outer one still holding `${` is skipped.
      for (const match of word.text.matchAll(/\$\{([^{}]*)\}/g)) {
        const inner = match[1]!;
        const at = exact ? word.range[0] + match.index! : undefined;
        const loc = at === undefined ? undefined : { range: [at, at + match[0].length] as [number, number] };
        const target = loc ?? word;
        const shell = /^([^:/]*):([-=+?])(.*)$/.exec(inner);
        if (shell) {
          context.report({
            loc: sourceCode.getLoc(target) as never,
            messageId: "shellDefault",
            data: {
              expansion: match[0],
              type: `${shell[2]}${shell[3]}`,
              name: shell[1]!,
              fallback: shell[3] || "value",
            },
          });
          continue;
        }
        const reference = parseSettingReference(inner);
        if (reference.type === undefined || isSettingTypeName(reference.type)) continue;
        context.report({
          loc: sourceCode.getLoc(target) as never,
          messageId: "unknownType",
          data: { expansion: match[0], type: reference.type },
        });
      }
    };
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        Command(node: CommandNode) {
          for (const word of node.words) if (word.text.includes("${")) check(sourceCode, word);
        },
      }),
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          for (const diagnostic of coreDiagnostics(context, sourceCode, coreCodesByRule["no-shell-default"])) {
            reportDiagnostic(context, sourceCode, diagnostic);
          }
        },
      }),
    });
  },
};
