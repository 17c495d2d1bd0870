/**
 * @ipxm/eslint-plugin: ESLint languages for ipxm menus (`ipxm/ipxm`) and plain iPXE scripts
 * (`ipxm/ipxe`), the rules that check them, and a `recommended` config for both.
 *
 *   // eslint.config.js
 *   import ipxm from "@ipxm/eslint-plugin";
 *   export default [...ipxm.configs.recommended];
 */
import type { Linter } from "eslint";
import { ipxeLanguage } from "./languages/ipxe/language.js";
import { ipxmLanguage } from "./languages/ipxm/language.js";
import { namespace, pluginName, pluginVersion } from "./meta.js";
import { rules } from "./rules/index.js";
import type { IpxmRule, LanguageId, Recommended } from "./rule.js";

export { createLintTree, isIpxeScript, isLintTree } from "./tree.js";
export type { LintTreeOptions } from "./tree.js";
export { configuredLanguage, configuredRules } from "./configured.js";
export type { ConfiguredLanguage, ConfiguredRules } from "./configured.js";
export type { LintTree, TreeFile } from "./tree.js";
export type { IpxmProject } from "./ipxm-project.js";
export type { CommandNode, CommentNode, LabelNode, LineNode, ScriptNode, WordNode } from "./languages/ipxe/ast.js";
export type {
  ChooseModel,
  DispatchModel,
  GotoModel,
  ItemModel,
  MenuModel,
  ScriptModel,
} from "./languages/ipxe/model.js";
export { ipxeLanguage, ipxmLanguage, rules };
export type { IpxmRule };
export { IpxeSourceCode } from "./languages/ipxe/source-code.js";
export { IpxmSourceCode } from "./languages/ipxm/source-code.js";

/** The files each language lints by default. */
export const defaultFiles: Readonly<Record<LanguageId, readonly string[]>> = {
  "ipxm/ipxm": ["**/*.ipxm"],
  "ipxm/ipxe": ["**/*.ipxe"],
};

/** The rules a language's files get in `recommended`, at their recommended severity. */
export function recommendedRules(language: "ipxe" | "ipxm"): Record<string, "error" | "warn"> {
  const selected: Record<string, "error" | "warn"> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const severity = (rule.meta.docs.recommended as Recommended)[language];
    if (severity) selected[`${namespace}/${name}`] = severity;
  }
  return selected;
}

const plugin = {
  meta: { name: pluginName, namespace, version: pluginVersion },
  languages: { ipxe: ipxeLanguage, ipxm: ipxmLanguage },
  rules,
  configs: {} as { recommended: Linter.Config[] },
};

plugin.configs.recommended = [
  {
    name: "ipxm/recommended/ipxm",
    files: [...defaultFiles["ipxm/ipxm"]],
    plugins: { [namespace]: plugin as never },
    language: "ipxm/ipxm",
    rules: recommendedRules("ipxm"),
  },
  {
    name: "ipxm/recommended/ipxe",
    files: [...defaultFiles["ipxm/ipxe"]],
    plugins: { [namespace]: plugin as never },
    language: "ipxm/ipxe",
    rules: recommendedRules("ipxe"),
  },
];

export default plugin;
