/**
 * Runs every rule of @ipxm/eslint-plugin over one document, in-process, through ESLint's `Linter`.
 *
 * The Linter comes from `eslint/universal`: the server is bundled into one file, and `eslint` itself
 * would pull in ESLint's configuration-file lookup and file-system code, which an editor never needs.
 * Linters and configuration objects are made once and reused; only the tree (the snapshot's reading
 * of every file, which the cross-file rules consult) changes from one snapshot to the next.
 */
import { Linter } from "eslint/universal";
import plugin, { type LintTree } from "@ipxm/eslint-plugin";
import type { LanguageKind } from "../uris.js";
import type { RuleSettings } from "./lint-rules.js";

/** ESLint's own normalised message; offsets and text of fixes refer to the linted text. */
export type LintMessage = Linter.LintMessage;

/** One Linter per file-system root: ESLint matches files by their path relative to its `cwd`. */
const linters = new Map<string, Linter>();

function linterFor(path: string): Linter {
  const root = /^[A-Za-z]:\//.exec(path)?.[0] ?? "/";
  let linter = linters.get(root);
  if (!linter) {
    linter = new Linter({ cwd: root, configType: "flat" });
    linters.set(root, linter);
  }
  return linter;
}

/**
 * Which files a configuration applies to: every file handed over. The language comes from the
 * document (an iPXE script may be called anything, or be an unsaved buffer), not from its name; a
 * glob such as `**` would not do, as ESLint counts a file matched only by universal patterns as
 * not configured at all.
 */
const everyFile = [((_path: string) => true) as unknown as string];

/**
 * ESLint skips `node_modules` and `.git` by default, as a command line over a tree should; a file
 * the user opened in the editor is checked wherever it lies.
 */
const nothingIgnored: Linter.Config = {
  name: "ipxm-language-server/nothing-ignored",
  ignores: ["!**/node_modules/", "!.git/"],
};

/**
 * The plugin, language, rules and target for a language: one object per language, target and set of
 * rule settings (ESLint prepares a configuration object once, and the settings objects are few).
 */
const baseConfigs = new WeakMap<RuleSettings, Map<string, Linter.Config>>();

function baseConfig(language: LanguageKind, target: string | undefined, rules: RuleSettings): Linter.Config {
  let byLanguage = baseConfigs.get(rules);
  if (!byLanguage) {
    byLanguage = new Map();
    baseConfigs.set(rules, byLanguage);
  }
  const key = `${language}\0${target ?? ""}`;
  let config = byLanguage.get(key);
  if (!config) {
    config = {
      name: `ipxm-language-server/${language}`,
      files: everyFile,
      plugins: { ipxm: plugin as never },
      language: `ipxm/${language}`,
      rules: rules as Linter.RulesRecord,
      ...(target !== undefined ? { settings: { ipxm: { target } } } : {}),
    };
    byLanguage.set(key, config);
  }
  return config;
}

/** The tree as a language option: one object per tree, so per snapshot. */
const treeConfigs = new WeakMap<LintTree, Linter.Config>();

function treeConfig(tree: LintTree): Linter.Config {
  let config = treeConfigs.get(tree);
  if (!config) {
    config = { name: "ipxm-language-server/tree", files: everyFile, languageOptions: { tree } as never };
    treeConfigs.set(tree, config);
  }
  return config;
}

export interface LintRequest {
  readonly path: string;
  readonly text: string;
  readonly language: LanguageKind;
  readonly target: string | undefined;
  readonly tree: LintTree;
  /** The settings of the rules (the project's, or the recommended ones). */
  readonly rules: RuleSettings;
}

/** ESLint's messages for one file; throws only when a rule or ESLint itself does. */
export function runLinter(request: LintRequest): LintMessage[] {
  const config = [
    nothingIgnored,
    baseConfig(request.language, request.target, request.rules),
    treeConfig(request.tree),
  ];
  return linterFor(request.path).verify(request.text, config, { filename: request.path });
}
