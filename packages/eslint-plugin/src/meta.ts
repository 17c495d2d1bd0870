/** The plugin's identity, shared by the plugin object and the rule documentation links. */
export const pluginName = "@ipxm/eslint-plugin";
/** Kept equal to package.json's version (a test checks it). */
export const pluginVersion = "0.1.0";
export const namespace = "ipxm";

/** A rule's documentation page, as a path inside the ipxm repository (there is no web site yet). */
export function ruleDocsUrl(rule: string): string {
  return `docs/rules/${rule}.md`;
}
