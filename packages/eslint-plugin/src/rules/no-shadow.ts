/**
 * A name that hides another. A parameter or loop variable named like a top-level declaration makes
 * the declaration unreachable inside the entry or loop; a constant or setting named like one of
 * iPXE's own settings (`version`, `ip`…) hides that setting from every `${…}` in the program.
 */
import { builtinSettings, describeKind, type SymbolInfo } from "@ipxm/core";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, configuredTarget, ipxmLanguageId, type IpxmRule } from "../rule.js";

const name = "no-shadow";

export const noShadow: IpxmRule = {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow names that hide a declaration or one of iPXE's own settings",
      url: ruleDocsUrl(name),
      recommended: { ipxm: "warn" },
    },
    schema: [],
    messages: {
      shadowsDeclaration: '{{kind}} "{{name}}" hides the {{otherKind}} "{{name}}" declared in {{where}}',
      shadowsBuiltin: '{{kind}} "{{name}}" hides iPXE\'s own setting "{{name}}" wherever this program reads it',
    },
    languages: [ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          const project = sourceCode.project(configuredTarget(context));
          const analysis = project.analysis;
          const report = (symbol: SymbolInfo, messageId: string, data: Record<string, string>) =>
            context.report({
              loc: sourceCode.getLoc({ range: [symbol.nameRange!.start, symbol.nameRange!.end] }),
              messageId,
              data: { kind: describeKind(symbol.kind), name: symbol.name, ...data },
            });
          for (const symbol of project.symbolsOf(sourceCode.path)) {
            if (!symbol.nameRange) continue;
            if (symbol.kind === "param" || symbol.kind === "loop-variable") {
              const outer = analysis.lookup(symbol.name, sourceCode.path);
              // A parameter named like an iPXE setting (`version`) is ordinary: inside its entry it is clearly the parameter.
              if (outer) {
                const where = outer.file === sourceCode.path ? "this file" : outer.file!.split("/").pop()!;
                report(symbol, "shadowsDeclaration", { otherKind: describeKind(outer.kind), where });
              }
            } else if (
              ["const", "setting", "entry", "menu"].includes(symbol.kind) &&
              builtinSettings.has(symbol.name)
            ) {
              // Menus and entries are never interpolated; only values hide a setting.
              if (symbol.kind === "const" || symbol.kind === "setting") report(symbol, "shadowsBuiltin", {});
            }
          }
        },
      }),
    });
  },
};
