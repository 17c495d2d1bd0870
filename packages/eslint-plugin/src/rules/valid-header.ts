/**
 * The script signature. iPXE runs a file as a script only if its very first bytes are `#!ipxe`
 * followed by a whitespace byte (`script_probe()`): a byte order mark, a blank line or spaces before
 * it, or a file of just `#!ipxe`, make `chain` fail with "Exec format error".
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "valid-header";

export const validHeader: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Require the file to start with exactly `#!ipxe` and a line break",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    fixable: "code",
    schema: [],
    messages: {
      bom: 'the file starts with a byte order mark, so iPXE does not see "#!ipxe" and refuses it ("Exec format error"); save it as UTF-8 without BOM',
      leadingWhitespace:
        'something comes before "#!ipxe" (a blank line or spaces); iPXE needs it at the very first byte and refuses the file ("Exec format error")',
      missing: 'the file does not start with "#!ipxe", so iPXE does not run it as a script ("Exec format error")',
      empty: 'the file is empty; an iPXE script starts with "#!ipxe"',
      missingSeparator: '"{{magic}}" must be followed by a space or a line break; iPXE refuses this file',
      tooShort: 'the file is only "{{magic}}" without a line break; iPXE says it is too short and refuses it',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        Script() {
          const script = sourceCode.ast;
          const text = sourceCode.text;
          const start = { line: 1, column: 1 };
          if (script.bom) {
            context.report({ loc: start, messageId: "bom" });
            return;
          }
          const header = script.header;
          if (header.ok) return;
          switch (header.problem) {
            case "leading-whitespace": {
              const at = text.search(/\S/);
              const fixable = at >= 0 && /^#![ig]pxe\s/.test(text.slice(at));
              context.report({
                loc: start,
                messageId: "leadingWhitespace",
                ...(fixable ? { fix: (fixer) => fixer.removeRange([0, at]) } : {}),
              });
              return;
            }
            case "missing":
              if (text.length === 0) {
                context.report({
                  loc: start,
                  messageId: "empty",
                  fix: (fixer) => fixer.insertTextBeforeRange([0, 0], "#!ipxe\n"),
                });
              } else {
                context.report({
                  loc: { start, end: sourceCode.getLocFromIndex(Math.max(0, text.search(/\n|$/))) },
                  messageId: "missing",
                  fix: (fixer) => fixer.insertTextBeforeRange([0, 0], "#!ipxe\n"),
                });
              }
              return;
            case "missing-separator":
              context.report({
                loc: { start, end: sourceCode.getLocFromIndex(6) },
                messageId: "missingSeparator",
                data: { magic: header.magic ?? "#!ipxe" },
              });
              return;
            case "too-short":
              context.report({
                loc: { start, end: sourceCode.getLocFromIndex(text.length) },
                messageId: "tooShort",
                data: { magic: header.magic ?? "#!ipxe" },
                ...(text === header.magic
                  ? { fix: (fixer) => fixer.insertTextAfterRange([text.length, text.length], "\n") }
                  : {}),
              });
              return;
            default:
              return;
          }
        },
      }),
    });
  },
};
