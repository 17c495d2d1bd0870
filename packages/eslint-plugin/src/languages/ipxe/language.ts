/**
 * `ipxm/ipxe`: plain iPXE scripts. Every text is some script, so parsing never fails; what iPXE
 * would refuse (a missing header, an unknown command) is for the rules to say.
 */
import type { File, Language, LanguageContext, OkParseResult } from "@eslint/core";
import { validateTreeOption, type IpxmLanguageOptions } from "../options.js";
import { buildScript, ipxeVisitorKeys, type ScriptNode } from "./ast.js";
import { IpxeSourceCode } from "./source-code.js";

export type IpxeLanguageOptions = IpxmLanguageOptions;

function bodyText(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

export const ipxeLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "type",
  visitorKeys: Object.fromEntries(Object.entries(ipxeVisitorKeys).map(([key, value]) => [key, [...value]])),
  defaultLanguageOptions: {},

  validateLanguageOptions(options: IpxeLanguageOptions): void {
    validateTreeOption(options);
  },

  parse(file: File, context: LanguageContext<IpxeLanguageOptions>): OkParseResult<ScriptNode> {
    const text = bodyText(file);
    // The tree has usually read this very text already; its reading is reused.
    const shared = file.bom ? undefined : context.languageOptions.tree?.script(file.path, text);
    return { ok: true, ast: shared ?? buildScript(text, file.bom) };
  },

  createSourceCode(
    file: File,
    result: OkParseResult<ScriptNode>,
    context: LanguageContext<IpxeLanguageOptions>,
  ): IpxeSourceCode {
    const tree = context.languageOptions.tree;
    const model = tree && result.ast === tree.script(file.path) ? tree.model(file.path) : undefined;
    return new IpxeSourceCode({
      text: bodyText(file),
      ast: result.ast,
      path: file.path,
      ...(tree ? { tree } : {}),
      ...(model ? { model } : {}),
    });
  },
} satisfies Language<{
  LangOptions: IpxeLanguageOptions;
  Code: IpxeSourceCode;
  RootNode: ScriptNode;
  Node: object;
}>;
