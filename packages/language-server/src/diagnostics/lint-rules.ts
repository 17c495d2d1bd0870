/**
 * The rules each file is linted with: what the project's ESLint configuration sets for it, as
 * `ipxm lint` would use it, else the plugin's recommended rules; and the target that configuration's
 * `settings.ipxm.target` gives them, if any.
 *
 * A project's configuration is read asynchronously (ESLint loads and runs eslint.config.js). Until
 * it is known a file is linted with the recommended rules; once it is, and it configures the file,
 * the listener hears of it so that diagnostics are made again.
 */
import { recommendedRules, type ConfiguredRules } from "@ipxm/eslint-plugin";
import type { LanguageKind } from "../uris.js";

/** Where a project's settings of the rules come from (see node-lint-config.ts). */
export interface LintConfigSource {
  /** The settings of ipxm's rules the project's configuration gives `path`; undefined when it gives none. */
  rulesFor(path: string): Promise<ConfiguredRules | undefined>;
  /** Forget what was read: a configuration file changed. */
  reset(): void;
}

export type RuleSettings = Readonly<Record<string, unknown>>;

/**
 * How a file is linted, as far as the project decides: one object for as long as that does not
 * change (the lint of a snapshot is kept by its identity).
 */
export interface LintSettings {
  readonly rules: RuleSettings;
  /** The project's `settings.ipxm.target` for the file; without it the rules go by the file's own. */
  readonly target?: string;
}

const recommended: Record<LanguageKind, LintSettings> = {
  ipxm: { rules: recommendedRules("ipxm") },
  ipxe: { rules: recommendedRules("ipxe") },
};

/** The plugin's recommended settings for a language (the same object every time). */
export function recommendedSettingsFor(_path: string, language: LanguageKind): LintSettings {
  return recommended[language];
}

/**
 * The target the rules check a file for: the editor's choice (like `ipxm lint --target`, it wins over
 * the project's configuration), else the project's; undefined leaves it to the rules, which take the
 * file's own `target "…"`, else the default profile.
 */
export function lintTarget(editorTarget: string | undefined, settings: LintSettings): string | undefined {
  return editorTarget ?? settings.target;
}

export class LintRules {
  private readonly known = new Map<string, ConfiguredRules | undefined>();
  /** What was known before the last reset: used while the configuration is read again. */
  private stale = new Map<string, ConfiguredRules | undefined>();
  private readonly pending = new Set<string>();
  /** Grows at each reset, so that an answer to a question asked before it is dropped. */
  private generation = 0;
  private enabled = true;

  constructor(
    private readonly source: LintConfigSource | undefined,
    private readonly changed: () => void,
  ) {}

  /** The settings to lint `path` with now. */
  settingsFor(path: string, language: LanguageKind): LintSettings {
    if (!this.source || !this.enabled) return recommended[language];
    if (!this.known.has(path)) this.ask(path);
    const configured = this.known.has(path) ? this.known.get(path) : this.stale.get(path);
    return configured?.language === language ? configured : recommended[language];
  }

  /** Whether projects' configurations are read at all (an editor may not trust the workspace's code). */
  setEnabled(enabled: boolean): void {
    if (enabled === this.enabled) return;
    this.enabled = enabled;
    this.reset();
  }

  reset(): void {
    this.generation++;
    this.stale = this.enabled ? new Map([...this.stale, ...this.known]) : new Map();
    this.known.clear();
    this.pending.clear();
    this.source?.reset();
  }

  private ask(path: string): void {
    if (this.pending.has(path)) return;
    this.pending.add(path);
    const generation = this.generation;
    const settle = (configured: ConfiguredRules | undefined) => {
      if (generation !== this.generation) return;
      this.pending.delete(path);
      this.known.set(path, configured);
      const before = this.stale.get(path);
      this.stale.delete(path);
      if (configured || before) this.changed();
    };
    this.source!.rulesFor(path).then(settle, () => settle(undefined));
  }
}
