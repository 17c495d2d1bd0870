/**
 * What a project's ESLint configuration asks of this plugin for one file, read from the configuration
 * ESLint calculated for that file (`ESLint#calculateConfigForFile`): which of the plugin's languages
 * the file is given, how each of the plugin's rules is set, under whatever name the project gave
 * the plugin, and the target its settings give the rules. Tools that run the rules themselves
 * (`ipxm lint`'s choice of configuration, the language server) read a project's configuration
 * through this, so that they lint as ESLint would.
 */
import { namespace, pluginName } from "./meta.js";
import { rules } from "./rules/index.js";

export type ConfiguredLanguage = "ipxm" | "ipxe";

/** A rule's setting as ESLint gives it: a severity, or a severity and the rule's options. */
export type RuleSetting = unknown;

export interface ConfiguredRules {
  readonly language: ConfiguredLanguage;
  /** Every rule of this plugin the configuration turns on or off, by its id under `ipxm/`. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  /**
   * `settings.ipxm.target`, when the configuration gives a string there: the target the rules check
   * for unless a rule's own `target` option names another (see `configuredTarget` in rule.ts).
   */
  readonly target?: string;
}

interface CalculatedConfig {
  readonly language?: unknown;
  readonly plugins?: Readonly<Record<string, unknown>>;
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The language of ours a calculated configuration gives its file, if any. */
export function configuredLanguage(config: unknown): ConfiguredLanguage | undefined {
  const language = (config as CalculatedConfig | undefined)?.language;
  if (typeof language === "string") {
    const name = language.slice(language.indexOf("/") + 1);
    return language.startsWith(`${namespaceOf(config) ?? namespace}/`) && (name === "ipxm" || name === "ipxe")
      ? name
      : undefined;
  }
  if (typeof language === "object" && language !== null && "nodeTypeKey" in language) {
    const shape = language as { nodeTypeKey: unknown; visitorKeys?: Record<string, unknown> };
    // Our languages are the only ones keyed by `kind` (ipxm) or with a `Script` of lines (ipxe).
    if (shape.visitorKeys?.["Line"]) return "ipxe";
    if (shape.nodeTypeKey === "kind") return "ipxm";
  }
  return undefined;
}

/** The settings of this plugin's rules in a calculated configuration; undefined when its file is not ours. */
export function configuredRules(config: unknown): ConfiguredRules | undefined {
  const language = configuredLanguage(config);
  if (!language) return undefined;
  const prefix = `${namespaceOf(config) ?? namespace}/`;
  const selected: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries((config as CalculatedConfig).rules ?? {})) {
    if (!id.startsWith(prefix)) continue;
    const name = id.slice(prefix.length);
    if (Object.hasOwn(rules, name)) selected[`${namespace}/${name}`] = setting;
  }
  const target = configuredSettingsTarget(config);
  return target === undefined ? { language, rules: selected } : { language, rules: selected, target };
}

/**
 * The target of `settings.ipxm.target`. The rules read it under `ipxm` whatever name the plugin is
 * given (settings are shared by every plugin, not the plugin's own), so it is read there too.
 */
function configuredSettingsTarget(config: unknown): string | undefined {
  const settings = (config as CalculatedConfig).settings?.["ipxm"] as { target?: unknown } | undefined;
  return typeof settings?.target === "string" ? settings.target : undefined;
}

/** The name the configuration gives this plugin (another copy of it counts: it is found by its name). */
function namespaceOf(config: unknown): string | undefined {
  for (const [name, plugin] of Object.entries((config as CalculatedConfig | undefined)?.plugins ?? {})) {
    if ((plugin as { meta?: { name?: unknown } } | undefined)?.meta?.name === pluginName) return name;
  }
  return undefined;
}
