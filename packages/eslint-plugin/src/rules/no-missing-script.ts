/**
 * A `chain` to a relative script that is not in the linted tree. iPXE resolves a relative name
 * against the running script's URI, so `chain linux.ipxe` in `menu.ipxe` fetches `linux.ipxe` beside
 * it; when that file is not deployed, the user gets "Could not boot: No such file or directory".
 */
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";
import { positionalWords } from "../languages/ipxe/model.js";
import { isStaticRelative, scriptPresent } from "./paths.js";

const name = "no-missing-script";

export const noMissingScript: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Disallow a chain to a relative script that is not in the linted tree",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    schema: [
      {
        type: "object",
        properties: {
          extensions: {
            type: "array",
            items: { type: "string" },
            description: "Endings of the names that are scripts (other names are binaries, not linted)",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ extensions: [".ipxe", ".cfg"] }],
    messages: {
      missing:
        '"{{reference}}" is not in the linted tree: when it is not deployed beside this script, chain fails with "No such file or directory"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    const [{ extensions }] = context.options as [{ extensions: string[] }];
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          for (const { command } of sourceCode.model.commands) {
            if (!command.parsed.ok || command.parsed.command?.canonical !== "imgexec") continue;
            const uri = positionalWords(command)[0];
            if (!uri || !isStaticRelative(uri.text)) continue;
            const bare = uri.text.replace(/[?#].*$/, "");
            if (!extensions.some((extension) => bare.endsWith(extension))) continue;
            const resolved = sourceCode.resolveRelative(uri.text);
            if (scriptPresent(sourceCode.tree, resolved) !== false) continue;
            context.report({
              node: uri,
              messageId: "missing",
              data: { reference: uri.text },
            });
          }
        },
      }),
    });
  },
};
