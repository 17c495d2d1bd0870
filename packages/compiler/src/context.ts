/**
 * The state of one compilation: the output, the diagnostics, the label and text allocators, and the
 * few program-wide facts the emitters share. Emitters (prologue, menus, actions, entries,
 * conditions) are plain functions over this context.
 */
import { makeDiagnostic } from "@ipxm/core";
import type { Diagnostic, DiagnosticCode, Program, SourceRef, Template } from "@ipxm/core";
import type { Platform, TargetProfile } from "@ipxm/ipxe";
import type { BackPlan } from "./back.js";
import { planBack } from "./back.js";
import { LabelAllocator } from "./labels.js";
import { entryPlatforms, profileOnPlatform } from "./platforms.js";
import { printable, templateText, TextRouter } from "./safe-text.js";
import type { EmittedText, TextRole, TextShape } from "./safe-text.js";
import { ScriptWriter } from "./script-writer.js";
import type { VisibleBytes } from "./visible-text.js";
import { checkCommand } from "./target-checks.js";

/** A positional argument: a fixed token the compiler made, or text routed from a template. */
export type Argument = string | EmittedText;

export class CompileContext {
  readonly writer: ScriptWriter;
  readonly diagnostics: Diagnostic[] = [];
  readonly labels: LabelAllocator;
  readonly router: TextRouter;
  readonly backPlans: ReadonlyMap<string, BackPlan>;
  /** Id of the menu shown first; undefined only for a program without menus. */
  readonly firstMenu: string | undefined;
  /** Source of the shared prologue: the entry file at 0..0. */
  readonly prologueSource: SourceRef;
  /** Final label of each entry instance, by its IR label. */
  readonly instanceLabels = new Map<string, string>();
  /** The platform each entry instance only ever starts on, by IR label (see platforms.ts). */
  readonly entryPlatforms: ReadonlyMap<string, Platform>;
  /**
   * The platform of the code being written, when a runtime guard fixes it; undefined for code that
   * runs wherever the target does.
   */
  private platform: Platform | undefined;
  /** The target built for each platform, found once (code under platform guards asks often). */
  private readonly profilesOnPlatform = new Map<Platform, TargetProfile>();
  /** What the code being written is checked against: the target, built for `platform`. */
  checkedProfile: TargetProfile | undefined;

  constructor(
    readonly program: Program,
    readonly target: TargetProfile | undefined,
    options: { readonly diagnosticsOnly?: boolean; readonly lineMap?: boolean } = {},
  ) {
    this.writer = new ScriptWriter(!options.diagnosticsOnly, options.lineMap !== false);
    this.router = new TextRouter(!options.diagnosticsOnly);
    this.labels = new LabelAllocator(!options.diagnosticsOnly);
    // Where `back` goes only changes what is written.
    this.backPlans = options.diagnosticsOnly ? new Map() : planBack(program);
    this.entryPlatforms = entryPlatforms(program);
    this.firstMenu = program.menus[0]?.id;
    this.prologueSource = { file: program.file, start: 0, end: 0 };
    this.checkedProfile = target;
  }

  /**
   * Writes code that runs on `platform` (undefined: on whatever the code around it runs on), so that
   * target checks inside it judge the build for that platform. Nothing is dropped: the same script
   * still runs on both platforms.
   */
  onPlatform<T>(platform: Platform | undefined, write: () => T): T {
    const outer = this.platform;
    this.enterPlatform(platform ?? outer);
    try {
      return write();
    } finally {
      this.enterPlatform(outer);
    }
  }

  private enterPlatform(platform: Platform | undefined): void {
    this.platform = platform;
    this.checkedProfile =
      this.target === undefined || platform === undefined ? this.target : this.profileOn(this.target, platform);
  }

  private profileOn(target: TargetProfile, platform: Platform): TargetProfile {
    let profile = this.profilesOnPlatform.get(platform);
    if (profile === undefined) {
      profile = profileOnPlatform(target, platform);
      this.profilesOnPlatform.set(platform, profile);
    }
    return profile;
  }

  report(code: DiagnosticCode, message: string, source: SourceRef): void {
    this.diagnostics.push(makeDiagnostic(code, message, source.file, source));
  }

  /** `goto <first menu>`, the fallback of every dynamic jump; `exit 0` when there is no menu. */
  get firstMenuFallback(): string {
    return this.firstMenu === undefined ? "exit 0" : `goto ${this.firstMenu}`;
  }

  /** Returns from code that runs outside a menu (an entry) to the menu it was started from. */
  get returnToCurrentMenu(): string {
    return `goto \${ipxm_menu} || ${this.firstMenuFallback}`;
  }

  /**
   * A template as safe command-line text. On a problem the template is reported as
   * `unrepresentable-text` (naming `what`) and an empty argument stands in, so compilation can go on
   * to find further problems; no script is produced in that case.
   */
  text(
    template: Template,
    what: string,
    source: SourceRef,
    options: { role: TextRole; shape: TextShape; required?: boolean; visibleBytes?: VisibleBytes },
  ): EmittedText {
    const result = this.router.route(template, options);
    if (result.ok) return result.text;
    this.report(
      "unrepresentable-text",
      `${what} "${printable(templateText(template))}" cannot be passed to iPXE: ${result.problem}`,
      source,
    );
    return { text: "${}", setup: [], mayStartWithDash: false };
  }

  /**
   * Writes one command, after checking that the target has it and its options: first the `set`
   * lines its routed text needs, then `name [options] [--] positionals [suffix]`. `--` is added when
   * the first positional could start with `-`, which getopt would read as an option.
   */
  command(
    name: string,
    options: readonly string[],
    positionals: readonly Argument[],
    source: SourceRef,
    suffix = "",
  ): void {
    // Most commands have no option: no array and no regular expression for them.
    checkCommand(this, name, options.length === 0 ? options : longOptionNames(options), source);
    // The check above is all a diagnostics-only compilation needs of a command.
    if (!this.writer.keepsLines) return;
    // The line is built by concatenation: V8 copies the pieces once, when the script is joined.
    // On its own that measured faster than joining an array of words per line; in a whole build
    // the two measured the same.
    let line = name;
    for (const option of options) line += " " + option;
    let first = true;
    for (const argument of positionals) {
      if (typeof argument === "string") {
        if (first && argument.startsWith("-")) line += " --";
        line += " " + argument;
        first = false;
        continue;
      }
      for (const setup of argument.setup) this.writer.line(setup, source);
      if (first && argument.mayStartWithDash) line += " --";
      if (argument.text !== "") {
        line += " " + argument.text;
        first = false;
      }
    }
    if (suffix !== "") line += " " + suffix;
    this.writer.line(line, source);
  }
}

/** `--timeout 5000` → `timeout`: the long names of the options, for the target checks. */
function longOptionNames(options: readonly string[]): string[] {
  const names: string[] = [];
  for (const option of options) {
    const name = longOptionName(option);
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** `--name=x` → `name`: the letters and dashes after a leading `--` (undefined when there are none). */
function longOptionName(option: string): string | undefined {
  if (!option.startsWith("--")) return undefined;
  let end = 2;
  for (; end < option.length; end++) {
    const code = option.charCodeAt(end);
    const letter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    if (!letter && code !== 45 /* - */) break;
  }
  return end > 2 ? option.slice(2, end) : undefined;
}
