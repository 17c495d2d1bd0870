/**
 * Elaboration: one entry-point file (and what it imports) → the `Program` the compiler consumes.
 * Constants are evaluated (with `--define` overrides), `for` and `if` expanded, `when` folded where
 * its condition is known, entries instantiated once per distinct argument list, item ids and
 * hotkeys decided, and everything that reaches the script turned into templates.
 *
 * Work is a queue of menus and entry instances in the order they are first reached, so the output
 * order is stable and recursion through `boot` (an entry that boots itself) cannot loop: an instance
 * is made once per argument list, and the number of instances is capped.
 */
import type {
  Action,
  ConstDecl,
  EntryDecl,
  Expression,
  Identifier,
  KeyNode,
  MenuDecl,
  MenuMember,
  Node,
  SettingDecl,
  Statement,
} from "./ast.js";
import type { Analysis } from "./analyze.js";
import { DiagnosticSet } from "./diagnostic-set.js";
import {
  hasErrors,
  makeDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type Fix,
  type RelatedInformation,
} from "./diagnostics.js";
import { and, asCondition, Env, Evaluator, not, type EvaluationHost } from "./evaluate.js";
import {
  assignItemIds,
  duplicateHotkeyMessage,
  duplicateItemMessage,
  hotkeyCode,
  keyValueRange,
  timeoutProblem,
  unknownItemMessage,
} from "./items.js";
import {
  diagnosticWithin,
  keepConstant,
  keepMemo,
  keptConstant,
  memoOf,
  movedDiagnostic,
  movedInstance,
  movedMenu,
  programContext,
  type Effect,
  type Memo,
} from "./elaboration-memo.js";
import { memdiskModeNamed } from "./memdisk-modes.js";
import { parse } from "./parse.js";
import { normalizePath } from "./paths.js";
import {
  BackStep,
  BootEntryStep,
  BootStep,
  ChainStep,
  EchoStep,
  EntryInstance,
  ExitStep,
  GapRow,
  InitrdStep,
  ItemRow,
  KernelStep,
  MemdiskStep,
  OpenMenuStep,
  Program,
  ProgramMenu,
  ProgramSetting,
  PromptStep,
  RawLine,
  RawStep,
  RebootStep,
  SanbootDriveStep,
  SanbootStep,
  SetStep,
  ShellStep,
  SleepStep,
  SourceRef,
  WhenStep,
  newArray,
  settingTemplate,
  textTemplate,
  type Condition,
  type MenuRow,
  type ProgramAction,
  type ProgramStatement,
  type Template,
} from "./program.js";
import type { Range } from "./source.js";
import { closestName, didYouMean, replaceNameFix } from "./suggest.js";
import { describeKind, symbolId, withArticle, type SymbolInfo } from "./symbols.js";
import {
  describeType,
  enumValues,
  formatType,
  isAssignable,
  isEnumType,
  isUnchecked,
  typeFromName,
  type Type,
} from "./types.js";
import { startsWithScheme } from "./checks/url.js";
import {
  BoolValue,
  DurationValue,
  IntValue,
  ListValue,
  RecordValue,
  TextValue,
  durationMilliseconds,
  isCompileTimeValue,
  literalText,
  plainText,
  typeOfValue,
  valueKey,
  type Value,
} from "./values.js";

export interface ElaborateOptions {
  /** Target profile; overrides the entry file's `target "…"`. */
  readonly target?: string;
  /** `--define name=value`: replaces constants' values (text parsed as a value of the constant's type). */
  readonly defines?: Readonly<Record<string, string>>;
  /** Cap on entry instances (default 100 000). */
  readonly maxEntryInstances?: number;
  /**
   * An editor's elaboration, made again at every keystroke: keep each menu and entry instance with
   * its declaration, so that the next elaboration takes those of declarations the edit left alone
   * instead of making them again (see elaboration-memo.ts). The program is the same either way.
   */
  readonly reuse?: boolean;
}

export interface ElaborationResult {
  /** Present only when neither analysis (of the files this entry point sees) nor elaboration found an error. */
  readonly program?: Program;
  /** The analysis diagnostics of the files this entry point sees, and elaboration's own; sorted, once each. */
  readonly diagnostics: Diagnostic[];
}

export const defaultTarget = "ipxe-1.21-pcbios";
/** The pseudo-file of diagnostics about `--define`. */
export const defineFile = "<define>";

const defaultMaxInstances = 100_000;
/**
 * Entries that boot entries that boot entries…: a real chain is a few links long; a chain this deep
 * is an entry calling itself with ever new arguments, which would never end.
 */
const maxCallDepth = 64;
/** Rows and statements produced in all; far above any real menu tree, low enough to stop runaway data. */
const maxElaboratedNodes = 2_000_000;
const labelArgsLength = 24;
const plainLabelText = /^[A-Za-z0-9._-]+$/;
const startOfFile: Range = { start: 0, end: 0 };

export function elaborate(analysis: Analysis, entryFile: string, options: ElaborateOptions = {}): ElaborationResult {
  return new Elaboration(analysis, normalizePath(entryFile), options).run();
}

/** An entry instance to make; a class, as the program's objects are (see program.ts). */
class InstanceState {
  readonly label: string;
  readonly entry: SymbolInfo;
  readonly args: readonly Value[];
  /** The arguments' `valueKey`s. */
  readonly argsKey: string;
  /** 1 when booted from a menu, one more for each entry that boots it. */
  readonly depth: number;
  constructor(label: string, entry: SymbolInfo, args: readonly Value[], argsKey: string, depth: number) {
    this.label = label;
    this.entry = entry;
    this.args = args;
    this.argsKey = argsKey;
    this.depth = depth;
  }
}

/** What elaborating one part does, kept with it (see `Elaboration.part`). */
interface Recording {
  readonly file: string;
  /** Its declaration's range: its diagnostics must lie within to be kept. */
  readonly range: Range;
  readonly effects: Effect[];
  readonly diagnostics: Diagnostic[];
  spent: number;
  /** False once it did something a replay would not do again. */
  keep: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** An item row whose id and key are decided once the whole menu is known. */
interface ItemDraft {
  readonly row: Mutable<ItemRow>;
  readonly id?: Identifier;
  readonly key?: KeyNode;
  /**
   * Its text or action has an error (already reported). It still counts for ids, `default` and
   * emptiness, so one error does not bring `unknown-item` or `empty-menu` in its wake.
   */
  readonly broken?: boolean;
}

interface MenuState {
  readonly rows: MenuRow[];
  readonly items: ItemDraft[];
  defaultNode?: { readonly item: Identifier; readonly timeout?: number; readonly node: Node };
  escape?: { readonly action?: ProgramAction; readonly node: Node };
}

class Elaboration implements EvaluationHost {
  private readonly diagnostics = new DiagnosticSet();
  private readonly evaluator = new Evaluator(this);
  private readonly constants = new Map<SymbolInfo, Value | undefined>();
  private readonly constantsInProgress = new Set<SymbolInfo>();
  private readonly overrides = new Map<SymbolInfo, Value>();
  /** Menus (their symbols) and entry instances, in the order they are first reached. */
  private readonly queue: (SymbolInfo | InstanceState)[] = [];
  private readonly menuOrder: SymbolInfo[] = [];
  private readonly menusRequested = new Set<SymbolInfo>();
  private readonly menus = new Map<SymbolInfo, ProgramMenu>();
  private readonly instances = new Map<string, InstanceState>();
  private readonly instanceOrder: InstanceState[] = [];
  private readonly entries = new Map<InstanceState, EntryInstance>();
  private readonly labels = new Set<string>();
  private readonly instancesPerEntry = new Map<SymbolInfo, number>();
  private readonly settingsRead = new Set<SymbolInfo>();
  /** While a setting's default is evaluated: the settings it reads (they must be set first). */
  private settingDependencies: SymbolInfo[] | undefined;
  private usesArch = false;
  /** Depth of the instance being elaborated (0 while elaborating a menu). */
  private depth = 0;
  private elaboratedNodes = 0;
  private limitReached = false;
  private readonly maxInstances: number;
  private readonly visible: ReadonlySet<string>;
  /** With `reuse`: the program context parts are kept in (see `programContext`). */
  private context: string | undefined;
  /** While a part is elaborated with `reuse`: what it does besides producing the part. */
  private recording: Recording | undefined;
  /** Counts what elaboration did besides computing values: reports, constants and settings read. */
  private effectCount = 0;

  constructor(
    readonly analysis: Analysis,
    private readonly file: string,
    private readonly options: ElaborateOptions,
  ) {
    this.maxInstances = options.maxEntryInstances ?? defaultMaxInstances;
    this.visible = analysis.workspace.files.has(file) ? analysis.visibleFiles(file) : new Set();
  }

  run(): ElaborationResult {
    if (!this.analysis.workspace.files.has(this.file)) {
      const loaded = this.analysis.workspace.diagnostics.filter((diagnostic) => diagnostic.file === this.file);
      if (loaded.length === 0) {
        this.report(
          "file-not-found",
          `${this.file} is not one of the loaded files; load it with the workspace first`,
          this.file,
          startOfFile,
        );
      }
      this.diagnostics.addAll(loaded);
      return { diagnostics: this.diagnostics.sorted() };
    }
    this.diagnostics.addAll(this.analysis.diagnostics.filter((diagnostic) => this.visible.has(diagnostic.file)));

    const target = this.target();
    if (this.options.reuse) {
      const options = [this.file, target, JSON.stringify(this.options.defines ?? {}), this.maxInstances];
      this.context = programContext(this.analysis, options.join("\n"));
    }
    this.applyDefines();
    const main = this.mainMenu();
    if (main) this.requestMenu(main);
    this.drain();
    const settings = this.programSettings();

    const diagnostics = this.diagnostics.sorted();
    if (hasErrors(diagnostics) || !main) return { diagnostics };
    const program = new Program(
      this.file,
      target,
      settings,
      this.usesArch,
      this.menuOrder.map((menu) => this.menus.get(menu)!),
      this.instanceOrder.map((instance) => this.entries.get(instance)!),
    );
    return { program, diagnostics };
  }

  // -------------------------------------------------------------------------------------------
  // Program-wide choices

  private target(): string {
    if (this.options.target !== undefined) return this.options.target;
    const parsed = this.analysis.workspace.files.get(this.file)!;
    for (const declaration of parsed.ast.declarations) {
      if (declaration.kind !== "Target") continue;
      return declaration.profile.parts.map((part) => (part.kind === "Text" ? part.value : "")).join("");
    }
    return defaultTarget;
  }

  /** The menu named `main` that the entry file sees, else its only menu. */
  private mainMenu(): SymbolInfo | undefined {
    const main = this.analysis.lookup("main", this.file);
    if (main?.kind === "menu") return main;
    const menus = this.analysis.declarations.filter(
      (symbol) => symbol.kind === "menu" && this.visible.has(symbol.file!),
    );
    if (menus.length === 1) return menus[0];
    const names = menus.map((menu) => menu.name);
    this.report(
      "no-main-menu",
      menus.length === 0
        ? `${this.file} has no menu to show: declare \`menu main "…" { … }\` here or in a file it imports`
        : `${this.file} sees ${menus.length} menus (${names.slice(0, 8).join(", ")}${names.length > 8 ? ", …" : ""}) and none is called "main": name the first one main`,
      this.file,
      startOfFile,
    );
    return undefined;
  }

  private drain(): void {
    // Without `reuse` nothing is kept, so parts are simply made: no key, no memo (a build makes
    // thousands of them).
    const context = this.context;
    // Items are appended while the queue is worked through; an index avoids shift()'s copying.
    for (let index = 0; index < this.queue.length; index++) {
      const next = this.queue[index]!;
      if (!(next instanceof InstanceState)) {
        const menu = next;
        this.depth = 0;
        const key = this.menuOrder[0] === menu ? "first" : "other";
        this.menus.set(
          menu,
          context === undefined ? this.menu(menu) : this.part(menu, key, context, () => this.menu(menu), movedMenu),
        );
      } else {
        const instance = next;
        this.depth = instance.depth;
        this.entries.set(
          instance,
          context === undefined
            ? this.instance(instance)
            : this.part(
                instance.entry,
                `${instance.depth}\0${instance.label}\0${instance.argsKey}`,
                context,
                () => this.instance(instance),
                movedInstance,
              ),
        );
      }
    }
  }

  /**
   * With `reuse`, a menu or an instance of `declared`'s declaration: taken from the last elaboration
   * when it made this part of the same declaration node in the same `context`, and every constant it
   * read has the same value now; otherwise made, and kept when it depended on nothing else.
   */
  private part<T>(
    declared: SymbolInfo,
    key: string,
    context: string,
    make: () => T,
    moved: (part: T, shift: number) => T,
  ): T {
    const declaration = declared.node!;
    const file = declared.file!;
    if (this.limitReached) return make();
    const memo = memoOf<T>(declaration, key, context);
    if (memo && this.replayed(memo)) {
      const shift = declaration.start - memo.start;
      for (const diagnostic of memo.diagnostics) this.diagnostics.add(movedDiagnostic(diagnostic, shift));
      return moved(memo.part, shift);
    }
    // A replay that stopped half-way did only what making the part does first.
    const recording: Recording = { file, range: declaration, effects: [], diagnostics: [], spent: 0, keep: true };
    this.recording = recording;
    let part: T;
    try {
      part = make();
    } finally {
      this.recording = undefined;
    }
    if (recording.keep && !this.limitReached) {
      const { effects, diagnostics, spent } = recording;
      keepMemo(declaration, key, { context, start: declaration.start, part, effects, diagnostics, spent });
    }
    return part;
  }

  /**
   * Does again what a kept part did: checks that every declaration it reached is still declared and
   * every constant it read has the same value, then requests the same menus and instances, in the
   * same order. False when the part must be made again: something differs, or an instance it boots
   * has another label now (its statements name the label).
   */
  private replayed(memo: Memo<unknown>): boolean {
    if (this.elaboratedNodes + memo.spent > maxElaboratedNodes) return false;
    const symbols: (SymbolInfo | undefined)[] = [];
    for (const effect of memo.effects) {
      if (effect.kind === "arch") {
        symbols.push(undefined);
        continue;
      }
      const symbol = this.symbolOf(effect.node);
      if (!symbol) return false;
      if (effect.kind === "constant") {
        const value = this.constant(symbol);
        // Usually the very value (a constant made of literals is kept); compared by key otherwise.
        const same =
          value === effect.value ||
          (value !== undefined && effect.value !== undefined && valueKey(value) === valueKey(effect.value));
        if (!same) return false;
      }
      symbols.push(symbol);
    }
    let sameLabels = true;
    memo.effects.forEach((effect, index) => {
      const symbol = symbols[index]!;
      switch (effect.kind) {
        case "menu":
          this.requestMenu(symbol);
          break;
        case "setting":
          this.noteSetting(symbol);
          break;
        case "arch":
          this.usesArch = true;
          break;
        case "call":
          if (this.instanceFor(symbol, effect.args, effect.argsKey, effect.written) !== effect.label)
            sameLabels = false;
          break;
      }
    });
    if (sameLabels) this.elaboratedNodes += memo.spent;
    return sameLabels;
  }

  /**
   * The parameter or loop variable `name` declares in `file`. Looked up by its id once per analysis
   * and name: an entry asks for each of its instances, a loop each time it runs.
   */
  private declaredBy(file: string, name: Identifier): SymbolInfo | undefined {
    let byName = this.symbolsByDeclaringName;
    if (!byName) {
      byName = symbolsByDeclaringName.get(this.analysis);
      if (!byName) {
        byName = new Map();
        symbolsByDeclaringName.set(this.analysis, byName);
      }
      this.symbolsByDeclaringName = byName;
    }
    const known = byName.get(name);
    if (known !== undefined) return known ?? undefined;
    const symbol = this.analysis.symbols.get(symbolId(file, name));
    byName.set(name, symbol ?? null);
    return symbol;
  }

  /** This analysis's entry of `symbolsByDeclaringName`, once looked up. */
  private symbolsByDeclaringName: Map<Identifier, SymbolInfo | null> | undefined;

  /** The symbol a declaration node stands for in this analysis. */
  private symbolOf(node: Node): SymbolInfo | undefined {
    let byNode = symbolsByNode.get(this.analysis);
    if (!byNode) {
      // Once per analysis: a workspace with many entry points elaborates each of them.
      const map = new Map<Node, SymbolInfo>();
      for (const symbol of this.analysis.declarations) if (symbol.node) map.set(symbol.node, symbol);
      symbolsByNode.set(this.analysis, map);
      byNode = map;
    }
    return byNode.get(node);
  }

  private requestMenu(menu: SymbolInfo): void {
    if (this.recording) this.recording.effects.push({ kind: "menu", node: menu.node as MenuDecl });
    if (this.menusRequested.has(menu)) return;
    this.menusRequested.add(menu);
    this.menuOrder.push(menu);
    this.queue.push(menu);
  }

  // -------------------------------------------------------------------------------------------
  // Menus

  private menu(symbol: SymbolInfo): ProgramMenu {
    const declaration = symbol.node as MenuDecl;
    const file = symbol.file!;
    const env = new Env(file);
    const state: MenuState = { rows: newArray(), items: newArray() };
    this.members(declaration.body, env, undefined, state, symbol);

    const items = state.items;
    const ids = assignItemIds(
      items.map((item) => (item.id ? { explicit: item.id.name, text: "" } : { text: literalText(item.row.text) })),
    );
    this.reportDuplicateIds(items, symbol);
    const keys = this.hotkeys(items, ids, symbol);
    items.forEach((item, index) => {
      item.row.id = ids[index]!;
      const key = keys[index];
      if (key !== undefined) item.row.key = key;
    });
    const rows = state.rows;

    if (items.length === 0) {
      this.report(
        "empty-menu",
        `menu "${symbol.name}" has no item to choose (${state.rows.length === 0 ? "it is empty" : "only gaps"}); iPXE cannot show it`,
        file,
        symbol.nameRange!,
      );
    }

    let defaultItem: string | undefined;
    let timeoutMs: number | undefined;
    if (state.defaultNode) {
      const wanted = state.defaultNode.item;
      if (ids.includes(wanted.name)) defaultItem = wanted.name;
      else {
        const suggestion = closestName(wanted.name, ids);
        this.report(
          "unknown-item",
          unknownItemMessage(symbol.name, wanted.name, suggestion, ids),
          file,
          wanted,
          suggestion ? { fix: replaceNameFix(wanted, suggestion) } : {},
        );
      }
      timeoutMs = state.defaultNode.timeout;
    }

    const source = SourceRef.at(file, symbol.nameRange!);
    const isFirst = this.menuOrder[0] === symbol;
    const escape: ProgramAction = state.escape?.action ?? (isFirst ? new ExitStep(0, source) : new BackStep(source));
    const title = this.evaluator.template(declaration.title, env) ?? newArray();
    return new ProgramMenu(symbol.name, title, rows, defaultItem, timeoutMs, escape, source);
  }

  private members(
    members: readonly MenuMember[] | undefined,
    env: Env,
    gate: Condition | undefined,
    state: MenuState,
    menu: SymbolInfo,
  ): void {
    for (const member of members ?? []) {
      if (!this.spend()) return;
      switch (member.kind) {
        case "Item": {
          let condition: boolean | Condition = gate ?? true;
          if (member.condition) {
            const own = this.evaluator.condition(member.condition, env);
            if (own === undefined) continue;
            condition = and(condition, own);
          }
          if (condition === false) continue;
          const text = this.evaluator.template(member.text, env);
          const action = this.action(member.action, env);
          const source = this.source(env, member);
          const row: Mutable<ItemRow> = new ItemRow(
            "",
            text ?? newArray(),
            undefined,
            condition === true ? undefined : condition,
            action ?? new ShellStep(source),
            source,
          );
          const draft: Mutable<ItemDraft> = { row };
          if (text && action) state.rows.push(row);
          else draft.broken = true;
          if (member.id) draft.id = member.id;
          if (member.key) draft.key = member.key;
          state.items.push(draft);
          break;
        }
        case "Gap": {
          const text = member.text ? this.evaluator.template(member.text, env) : undefined;
          if (member.text && !text) continue;
          state.rows.push(new GapRow(text, gate, this.source(env, member)));
          break;
        }
        case "Default": {
          if (state.defaultNode) {
            this.duplicate(env.file, member, state.defaultNode.node, `menu "${menu.name}" already has a default`);
            break;
          }
          let timeout: number | undefined;
          if (member.timeout) {
            const value = this.evaluator.evaluate(member.timeout, env);
            if (value?.kind === "duration") {
              timeout = value.milliseconds;
              const problem = timeoutProblem(timeout);
              if (problem) this.report("timeout-out-of-range", problem, env.file, member.timeout);
            }
          }
          state.defaultNode =
            timeout !== undefined ? { item: member.item, timeout, node: member } : { item: member.item, node: member };
          break;
        }
        case "Escape":
          if (state.escape) {
            this.duplicate(env.file, member, state.escape.node, `menu "${menu.name}" already says what Esc does`);
            break;
          }
          const action = this.action(member.action, env);
          state.escape = action ? { node: member, action } : { node: member };
          break;
        case "For": {
          const variable = this.loopVariable(member, env);
          for (const element of this.forElements(member.iterable, env)) {
            this.members(member.body, env.with(variable, element), gate, state, menu);
          }
          break;
        }
        case "If": {
          const condition = this.compileTimeCondition(member.condition, env);
          if (condition === true) this.members(member.then, env, gate, state, menu);
          else if (condition === false) this.members(member.else, env, gate, state, menu);
          break;
        }
        case "When": {
          const condition = this.evaluator.condition(member.condition, env);
          if (condition === undefined) break;
          const thenGate = and(gate ?? true, condition);
          const elseGate = and(gate ?? true, not(condition));
          if (thenGate !== false) this.members(member.then, env, thenGate === true ? undefined : thenGate, state, menu);
          if (elseGate !== false) this.members(member.else, env, elseGate === true ? undefined : elseGate, state, menu);
          break;
        }
      }
    }
  }

  private reportDuplicateIds(items: readonly ItemDraft[], menu: SymbolInfo): void {
    const first = new Map<string, Identifier>();
    for (const item of items) {
      if (!item.id) continue;
      const earlier = first.get(item.id.name);
      if (!earlier) {
        first.set(item.id.name, item.id);
        continue;
      }
      this.report("duplicate-item", duplicateItemMessage(menu.name, item.id.name), item.row.source.file, item.id, {
        related: [{ file: item.row.source.file, range: earlier, message: "the first item with this id" }],
      });
    }
  }

  /** Each item's `--key` value; a key used twice keeps only the first item reachable by it. */
  private hotkeys(items: readonly ItemDraft[], ids: readonly string[], menu: SymbolInfo): (string | undefined)[] {
    const first = new Map<string, { node: KeyNode; id: string; file: string }>();
    return items.map((item, index) => {
      if (!item.key) return undefined;
      const code = hotkeyCode(item.key.value);
      if (code === undefined) return undefined;
      const earlier = first.get(code);
      if (earlier) {
        this.report(
          "duplicate-hotkey",
          duplicateHotkeyMessage(menu.name, item.key.value, earlier.id),
          item.row.source.file,
          this.keyRange(item.key, item.row.source.file),
          {
            related: [
              {
                file: earlier.file,
                range: this.keyRange(earlier.node, earlier.file),
                message: `the hotkey of "${earlier.id}"`,
              },
            ],
          },
        );
      } else {
        first.set(code, { node: item.key, id: ids[index]!, file: item.row.source.file });
      }
      return code;
    });
  }

  private keyRange(node: KeyNode, file: string): Range {
    return keyValueRange(node, this.analysis.workspace.files.get(file)?.source.text ?? "");
  }

  // -------------------------------------------------------------------------------------------
  // Entries

  private instance(state: InstanceState): EntryInstance {
    const declaration = state.entry.node as EntryDecl;
    const file = state.entry.file!;
    let env = new Env(file);
    declaration.params.forEach((param, index) => {
      const symbol = this.declaredBy(file, param.name);
      const value = state.args[index];
      if (symbol && value) env = env.with(symbol, value);
    });
    const failure: { message?: Template; node?: Node } = {};
    const body = this.statements(declaration.body, env, false, failure);
    return new EntryInstance(
      state.label,
      state.entry.name,
      failure.message ?? textTemplate(`${state.entry.name} failed`),
      body,
      SourceRef.at(file, state.entry.nameRange!),
    );
  }

  private statements(
    statements: readonly Statement[] | undefined,
    env: Env,
    inWhen: boolean,
    failure: { message?: Template; node?: Node },
  ): ProgramStatement[] {
    const output = newArray<ProgramStatement>();
    for (const statement of statements ?? []) {
      if (!this.spend()) break;
      const source = this.source(env, statement);
      switch (statement.kind) {
        case "Kernel": {
          const url = this.evaluator.template(statement.url, env);
          const args = (statement.args ?? []).map((arg) => this.evaluator.template(arg, env));
          if (url && args.every((arg) => arg !== undefined))
            output.push(new KernelStep(url, args as Template[], source));
          break;
        }
        case "Initrd": {
          const url = this.evaluator.template(statement.url, env);
          const name = statement.name ? this.evaluator.template(statement.name, env) : undefined;
          if (url && (!statement.name || name)) output.push(new InitrdStep(url, name, source));
          break;
        }
        case "BootKernel":
          output.push(new BootStep(source));
          break;
        case "Echo": {
          const text = this.evaluator.template(statement.text, env);
          if (text) output.push(new EchoStep(text, source));
          break;
        }
        case "Prompt": {
          const setting = this.writableSetting(env.file, statement.setting);
          const question = this.evaluator.template(statement.question, env);
          if (setting && question) output.push(new PromptStep(setting.name, question, source));
          break;
        }
        case "Set": {
          const setting = this.writableSetting(env.file, statement.setting);
          const value = this.evaluator.evaluate(statement.value, env);
          if (!setting || !value) break;
          const template = this.settingText(value, env.file, statement.value);
          if (template) output.push(new SetStep(setting.name, template, source));
          break;
        }
        case "Sleep": {
          const value = this.evaluator.evaluate(statement.duration, env);
          if (value?.kind === "duration") output.push(new SleepStep(Math.ceil(value.milliseconds / 1000), source));
          else if (value && value.kind !== "int")
            this.notKnown(value, "the time to sleep", env.file, statement.duration);
          break;
        }
        case "OnFailure": {
          if (inWhen) {
            this.report(
              "not-compile-time",
              "`on failure` sets the message of the whole entry, so it cannot depend on a `when`; move it out",
              env.file,
              statement,
            );
            break;
          }
          if (failure.node) {
            this.duplicate(env.file, statement, failure.node, "this entry already has a failure message");
            break;
          }
          failure.node = statement;
          const message = this.evaluator.template(statement.message, env);
          if (message) failure.message = message;
          break;
        }
        case "RawIpxe":
          output.push(new RawStep(rawLines(statement.text, statement.textOffset, env.file), source));
          break;
        case "For": {
          const variable = this.loopVariable(statement, env);
          for (const element of this.forElements(statement.iterable, env)) {
            output.push(...this.statements(statement.body, env.with(variable, element), inWhen, failure));
          }
          break;
        }
        case "If": {
          const condition = this.compileTimeCondition(statement.condition, env);
          if (condition === true) output.push(...this.statements(statement.then, env, inWhen, failure));
          else if (condition === false) output.push(...this.statements(statement.else, env, inWhen, failure));
          break;
        }
        case "When": {
          const condition = this.evaluator.condition(statement.condition, env);
          if (condition === true) output.push(...this.statements(statement.then, env, inWhen, failure));
          else if (condition === false) output.push(...this.statements(statement.else, env, inWhen, failure));
          else if (condition !== undefined) {
            const thenBranch = this.statements(statement.then, env, true, failure);
            const elseBranch = this.statements(statement.else, env, true, failure);
            output.push(new WhenStep(condition, thenBranch, elseBranch, source));
          }
          break;
        }
        default: {
          const action = this.action(statement, env);
          if (action) output.push(action);
        }
      }
    }
    return output;
  }

  /** The declared setting that `prompt` or `set` writes (the checker reported anything else). */
  private writableSetting(file: string, name: Identifier): SymbolInfo | undefined {
    const resolution = this.analysis.resolutions.get(file, name);
    if (resolution?.kind !== "symbol" || resolution.symbol.kind !== "setting") return undefined;
    this.noteSetting(resolution.symbol);
    return resolution.symbol;
  }

  /** A value stored in a setting: its text (bools and numbers as iPXE would print them). */
  private settingText(value: Value, file: string, range: Range): Template | undefined {
    switch (value.kind) {
      case "text":
        return textTemplate(value.text);
      case "int":
      case "bool":
        return textTemplate(String(value.value));
      case "duration":
        return textTemplate(String(value.milliseconds));
      case "runtime":
        return value.template;
      case "condition":
        this.report(
          "not-compile-time",
          "a run-time condition cannot be stored in a setting; set the value in each branch of a `when`",
          file,
          range,
        );
        return undefined;
      default:
        this.report("type-mismatch", `${describeType(typeOfValue(value))} cannot be stored in a setting`, file, range);
        return undefined;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Actions

  private action(action: Action, env: Env): ProgramAction | undefined {
    if (!action) return undefined;
    const source = this.source(env, action);
    switch (action.kind) {
      case "OpenMenu": {
        const menu = this.declared(env.file, action.menu, "menu");
        if (!menu) return undefined;
        this.requestMenu(menu);
        return new OpenMenuStep(menu.name, source);
      }
      case "BootEntry": {
        const label = this.call(action, env);
        return label === undefined ? undefined : new BootEntryStep(label, source);
      }
      case "Chain": {
        const url = this.evaluator.template(action.url, env);
        return url ? new ChainStep(url, source) : undefined;
      }
      case "Sanboot": {
        if (action.drive) {
          const drive = this.evaluator.evaluate(action.drive, env);
          if (drive?.kind === "int") return new SanbootDriveStep(drive.value, source);
          if (drive) this.notKnown(drive, "the drive number", env.file, action.drive);
          return undefined;
        }
        const url = action.url ? this.evaluator.template(action.url, env) : undefined;
        return url ? new SanbootStep(url, source) : undefined;
      }
      case "Memdisk": {
        const url = this.evaluator.template(action.url, env);
        const loader = this.analysis.lookup("memdisk", env.file);
        // An unknown mode was reported by the checker (unknown-memdisk-mode).
        const mode = action.mode === undefined ? "iso" : memdiskModeNamed(action.mode.name);
        if (!url || !mode || loader?.kind !== "setting" || loader.type.kind !== "url") return undefined;
        this.noteSetting(loader);
        return new MemdiskStep(url, settingTemplate(loader.name), mode, source);
      }
      case "Shell":
        return new ShellStep(source);
      case "Exit": {
        if (!action.status) return new ExitStep(0, source);
        const status = this.evaluator.evaluate(action.status, env);
        if (status?.kind === "int") return new ExitStep(status.value, source);
        if (status) this.notKnown(status, "the exit status", env.file, action.status);
        return undefined;
      }
      case "Reboot":
        return new RebootStep(source);
      case "Back":
        return new BackStep(source);
    }
  }

  /** `boot e(args)`: the label of the instance for these argument values (made on first use). */
  private call(action: Extract<Action, { kind: "BootEntry" }>, env: Env): string | undefined {
    const entry = this.declared(env.file, action.entry, "entry");
    if (!entry) return undefined;
    const declaration = entry.node as EntryDecl;
    const params = declaration.params;
    if (action.args.length > params.length) return undefined;
    const args = newArray<Value>();
    for (let index = 0; index < params.length; index++) {
      const param = params[index]!;
      const expression: Expression | undefined = action.args[index] ?? param.defaultValue;
      if (!expression) return undefined;
      // An argument is written at the call, a default value in the entry's own file.
      const written = index < action.args.length ? env : new Env(entry.file!);
      const value = this.evaluator.evaluate(expression, written);
      if (!value) return undefined;
      const expected = typeFromName(param.type.name);
      // The checker judged every argument whose type it knew; only `any` ones are judged here.
      if (
        expected &&
        this.analysis.info.get(written.file, expression)?.type.kind === "any" &&
        !isAssignable(typeOfValue(value), expected)
      ) {
        this.report(
          "type-mismatch",
          `argument ${index + 1} of "${entry.name}" (${param.name.name}) must be ${describeType(expected)}, not ${describeType(typeOfValue(value))}`,
          env.file,
          expression,
        );
        return undefined;
      }
      args.push(value);
    }
    const argsKey = args.map(valueKey).join(",");
    const label = this.instanceFor(entry, args, argsKey, action.args.length);
    if (label === undefined) {
      if (!this.limitReached) {
        this.limitReached = true;
        const why =
          this.depth >= maxCallDepth
            ? `entries boot entries more than ${maxCallDepth} levels deep`
            : `more than ${this.maxInstances} different calls of entries are made`;
        this.report(
          "elaboration-limit",
          `${why}: does "${entry.name}" boot itself with ever new arguments?`,
          env.file,
          action,
        );
      }
      return undefined;
    }
    this.recording?.effects.push({
      kind: "call",
      node: declaration,
      args,
      argsKey,
      written: action.args.length,
      label,
    });
    return label;
  }

  /**
   * The label of the instance of `entry` for these argument values, made (and queued) on first use;
   * undefined past the limits on instances and on depth. `argsKey` is their `valueKey`s; `written`
   * of them were written in the call.
   */
  private instanceFor(entry: SymbolInfo, args: readonly Value[], argsKey: string, written: number): string | undefined {
    const key = `${entry.id}(${argsKey})`;
    const existing = this.instances.get(key);
    if (existing) return existing.label;
    if (this.instances.size >= this.maxInstances || this.depth >= maxCallDepth) return undefined;
    const instance = new InstanceState(this.label(entry, args.slice(0, written)), entry, args, argsKey, this.depth + 1);
    this.instances.set(key, instance);
    this.instanceOrder.push(instance);
    this.queue.push(instance);
    return instance.label;
  }

  /**
   * `name` for an entry's first instance; then `name.<args>` when the arguments written in the call
   * are short plain text (`debian.12.bookworm`), else `name.<n>` for the n-th instance.
   */
  private label(entry: SymbolInfo, args: readonly Value[]): string {
    const ordinal = (this.instancesPerEntry.get(entry) ?? 0) + 1;
    this.instancesPerEntry.set(entry, ordinal);
    const take = (label: string): string => {
      this.labels.add(label);
      return label;
    };
    if (ordinal === 1 && !this.labels.has(entry.name)) return take(entry.name);
    const texts = args.map(plainText);
    if (args.length > 0 && texts.every((text) => text !== undefined && plainLabelText.test(text))) {
      const suffix = texts.join(".");
      if (suffix.length <= labelArgsLength && !this.labels.has(`${entry.name}.${suffix}`))
        return take(`${entry.name}.${suffix}`);
    }
    let number = Math.max(ordinal, 2);
    while (this.labels.has(`${entry.name}.${number}`)) number++;
    return take(`${entry.name}.${number}`);
  }

  /** The menu or entry an action names (the checker reported names that are neither). */
  private declared(file: string, name: Identifier, kind: "menu" | "entry"): SymbolInfo | undefined {
    const resolution = this.analysis.resolutions.get(file, name);
    return resolution?.kind === "symbol" && resolution.symbol.kind === kind ? resolution.symbol : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Compile-time blocks

  private forElements(iterable: Expression, env: Env): readonly Value[] {
    const value = this.evaluator.evaluate(iterable, env);
    if (!value) return [];
    if (value.kind === "list") return value.elements;
    if (value.kind === "runtime" || value.kind === "condition")
      this.notKnown(value, "the list of `for`", env.file, iterable);
    else if (this.analysis.info.get(env.file, iterable)?.type.kind === "any") {
      this.report(
        "type-mismatch",
        `\`for\` repeats over a list; this is ${describeType(typeOfValue(value))}`,
        env.file,
        iterable,
      );
    }
    return [];
  }

  private compileTimeCondition(expression: Expression, env: Env): boolean | undefined {
    const value = this.evaluator.evaluate(expression, env);
    if (!value) return undefined;
    const condition = asCondition(value);
    if (typeof condition === "boolean") return condition;
    if (condition !== undefined) this.notKnown(value, "the condition of `if`", env.file, expression);
    return undefined;
  }

  /** A value only known at run time where the compiler needs it (through an entry's arguments). */
  private notKnown(value: Value, what: string, file: string, range: Range): void {
    if (isCompileTimeValue(value)) return;
    const advice = what.includes("`if`") ? "; use `when` to test it at run time" : "";
    this.report(
      "not-compile-time",
      `${what} must be known at compile time, but here it comes from a run-time value${advice}`,
      file,
      range,
    );
  }

  /** A loop's variable; loops live in the file of the menu or entry being elaborated. */
  private loopVariable(node: Node & { readonly variable: Identifier }, env: Env): SymbolInfo {
    return this.declaredBy(env.file, node.variable) ?? loopPlaceholder;
  }

  /**
   * The node's offsets are copied, not the node: a kept part's sources must stay where they were
   * made when a later edit moves the node in place (the part is then moved by its own shift, see
   * `part`).
   */
  private source(env: Env, node: Node): SourceRef {
    return SourceRef.at(env.file, node);
  }

  // -------------------------------------------------------------------------------------------
  // Constants and defines

  constant(symbol: SymbolInfo): Value | undefined {
    this.effectCount++;
    const value = this.constantValue(symbol);
    if (this.recording && this.constantsInProgress.size === 0) {
      this.recording.effects.push({
        kind: "constant",
        node: symbol.node as ConstDecl,
        value,
      });
    }
    return value;
  }

  private constantValue(symbol: SymbolInfo): Value | undefined {
    // Read for every use of a constant: one lookup when the value is known (and none for defines
    // when there are none).
    if (this.overrides.size > 0) {
      const override = this.overrides.get(symbol);
      if (override) return override;
    }
    const known = this.constants.get(symbol);
    if (known !== undefined || this.constants.has(symbol)) return known;
    if (this.constantsInProgress.has(symbol)) return undefined;
    const declaration = symbol.node as ConstDecl;
    const kept = this.context === undefined ? undefined : keptConstant(declaration, this.context);
    if (kept) {
      this.constants.set(symbol, kept);
      return kept;
    }
    this.constantsInProgress.add(symbol);
    const effectsBefore = this.effectCount;
    const value = this.evaluator.evaluate(declaration.value, new Env(symbol.file!));
    this.constantsInProgress.delete(symbol);
    this.constants.set(symbol, value);
    // A value made of literals alone is the same in every elaboration of this context.
    if (this.context !== undefined && value && this.effectCount === effectsBefore)
      keepConstant(declaration, this.context, value);
    return value;
  }

  private applyDefines(): void {
    for (const [name, text] of Object.entries(this.options.defines ?? {})) {
      const symbol = this.analysis.lookup(name, this.file);
      if (!symbol) {
        const constants = this.analysis.declarations
          .filter((s) => s.kind === "const" && this.visible.has(s.file!))
          .map((s) => s.name);
        this.report(
          "invalid-define",
          `--define ${name}: there is no constant "${name}"${didYouMean(closestName(name, constants))}`,
          defineFile,
          startOfFile,
        );
        continue;
      }
      if (symbol.kind !== "const") {
        const note =
          symbol.kind === "setting"
            ? "; a setting is given its value at run time (set it before chaining into the menu)"
            : "";
        this.report(
          "invalid-define",
          `--define ${name}: "${name}" is ${withArticle(describeKind(symbol.kind))}, not a constant${note}`,
          defineFile,
          startOfFile,
        );
        continue;
      }
      const parsed = parseDefine(text, symbol.type);
      if (typeof parsed === "string") {
        this.report("invalid-define", `--define ${name}=${text}: ${parsed}`, defineFile, startOfFile);
        continue;
      }
      this.overrides.set(symbol, parsed);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Settings

  noteSetting(symbol: SymbolInfo): void {
    this.effectCount++;
    if (this.recording && this.constantsInProgress.size === 0) {
      if (symbol.kind === "setting") this.recording.effects.push({ kind: "setting", node: symbol.node as SettingDecl });
      else if (symbol.kind === "builtin-setting" && symbol.name === "arch")
        this.recording.effects.push({ kind: "arch" });
    }
    if (symbol.kind === "builtin-setting") {
      if (symbol.name === "arch") this.usesArch = true;
      return;
    }
    if (symbol.kind !== "setting") return;
    this.settingsRead.add(symbol);
    this.settingDependencies?.push(symbol);
  }

  noteArch(): void {
    this.effectCount++;
    if (this.recording && this.constantsInProgress.size === 0) this.recording.effects.push({ kind: "arch" });
    this.usesArch = true;
  }

  isUrlSetting(reference: string): boolean {
    const symbol = this.analysis.lookup(reference, this.file);
    return symbol?.kind === "setting" && symbol.type.kind === "url";
  }

  /**
   * The settings the program reads, in declaration order (files in import order, imported files
   * first), each after the settings its default reads, so the compiler can set them in this order.
   */
  private programSettings(): ProgramSetting[] {
    // In import order, then by position; only the files this entry sees are looked at, so that
    // elaborating every entry of a large workspace does not scan the whole workspace each time.
    const byFile = settingsByFile(this.analysis);
    const declared: SymbolInfo[] = [];
    for (const file of importOrder(this.analysis, this.file).keys()) {
      const settings = byFile.get(file);
      if (settings) declared.push(...[...settings].sort((a, b) => a.nameRange!.start - b.nameRange!.start));
    }
    const result: ProgramSetting[] = [];
    const done = new Set<SymbolInfo>();
    const visit = (symbol: SymbolInfo): void => {
      if (done.has(symbol)) return;
      done.add(symbol);
      const declaration = symbol.node as SettingDecl;
      let defaultValue: Template | undefined;
      const dependencies: SymbolInfo[] = [];
      if (declaration.value) {
        this.settingDependencies = dependencies;
        const value = this.evaluator.evaluate(declaration.value, new Env(symbol.file!));
        this.settingDependencies = undefined;
        if (value) defaultValue = this.settingText(value, symbol.file!, declaration.value);
      }
      for (const dependency of dependencies) visit(dependency);
      const source = SourceRef.at(symbol.file!, symbol.nameRange!);
      result.push(new ProgramSetting(symbol.name, formatType(symbol.type), defaultValue, source));
    };
    for (const symbol of declared) if (this.settingsRead.has(symbol)) visit(symbol);
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Bookkeeping

  /** Counts one produced row or statement; false once the program has grown past all reason. */
  private spend(): boolean {
    if (this.recording) this.recording.spent++;
    if (++this.elaboratedNodes <= maxElaboratedNodes) return true;
    if (this.elaboratedNodes === maxElaboratedNodes + 1) {
      this.report(
        "elaboration-limit",
        `the program expands to more than ${maxElaboratedNodes} rows and statements; its loops repeat over too much data`,
        this.file,
        startOfFile,
      );
    }
    return false;
  }

  private duplicate(file: string, node: Node, first: Node, message: string): void {
    this.report("duplicate-declaration", message, file, node, {
      related: [{ file, range: first, message: "the first one" }],
    });
  }

  report(
    code: DiagnosticCode,
    message: string,
    file: string,
    range: Range,
    extra: { related?: readonly RelatedInformation[]; fix?: Fix } = {},
  ): void {
    const diagnostic = makeDiagnostic(code, message, file, range, extra);
    this.diagnostics.add(diagnostic);
    this.effectCount++;
    const recording = this.recording;
    // What a constant's first reading reports is reported again wherever it is read first.
    if (!recording || this.constantsInProgress.size > 0) return;
    if (diagnosticWithin(diagnostic, recording.file, recording.range)) recording.diagnostics.push(diagnostic);
    else recording.keep = false;
  }
}

/** A loop variable the checker did not record (only after a syntax error); binds nothing visible. */
const loopPlaceholder: SymbolInfo = { id: "loop:placeholder", name: "", kind: "loop-variable", type: { kind: "any" } };

/** The top-level symbols of an analysis by their declaration nodes (see `Elaboration.symbolOf`). */
const symbolsByNode = new WeakMap<Analysis, ReadonlyMap<Node, SymbolInfo>>();

/**
 * Parameters and loop variables by the identifiers that declare them (see `Elaboration.declaredBy`);
 * `null` where the checker declared nothing (only after a syntax error).
 */
const symbolsByDeclaringName = new WeakMap<Analysis, Map<Identifier, SymbolInfo | null>>();

/** The declared settings of each file, computed once per analysis (every entry point needs them). */
const settingsCache = new WeakMap<Analysis, ReadonlyMap<string, readonly SymbolInfo[]>>();

function settingsByFile(analysis: Analysis): ReadonlyMap<string, readonly SymbolInfo[]> {
  let byFile = settingsCache.get(analysis);
  if (!byFile) {
    const grouped = new Map<string, SymbolInfo[]>();
    for (const symbol of analysis.declarations) {
      if (symbol.kind !== "setting") continue;
      const list = grouped.get(symbol.file!);
      if (list) list.push(symbol);
      else grouped.set(symbol.file!, [symbol]);
    }
    byFile = grouped;
    settingsCache.set(analysis, byFile);
  }
  return byFile;
}

/** Files the entry sees, numbered so that a file's imports come before it. */
function importOrder(analysis: Analysis, entry: string): Map<string, number> {
  const order = new Map<string, number>();
  const visiting = new Set<string>();
  const stack: { file: string; next: number }[] = [{ file: entry, next: 0 }];
  visiting.add(entry);
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const imports = analysis.workspace.files.get(frame.file)?.imports ?? [];
    if (frame.next >= imports.length) {
      stack.pop();
      order.set(frame.file, order.size);
      continue;
    }
    const next = imports[frame.next++]!.resolved;
    if (visiting.has(next) || !analysis.workspace.files.has(next)) continue;
    visiting.add(next);
    stack.push({ file: next, next: 0 });
  }
  return order;
}

/** The lines of a raw `ipxe { … }` block, without indentation; blank lines dropped. */
function rawLines(text: string, offset: number, file: string): RawLine[] {
  const lines = newArray<RawLine>();
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).replace(/\r$/, "");
    const indentation = line.length - line.trimStart().length;
    const content = line.trim();
    if (content !== "") {
      const from = offset + start + indentation;
      lines.push(new RawLine(content, new SourceRef(file, from, from + content.length)));
    }
    start = end + 1;
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// --define values

const defineWrapper = "const define = ";

/** A define's text as a value of `type`, or the reason it is not one. */
function parseDefine(text: string, type: Type): Value | string {
  switch (type.kind) {
    case "string":
      return new TextValue("string", text);
    case "url":
      return startsWithScheme(text)
        ? new TextValue("url", text)
        : `"${text}" is not a url (it starts with http://, https://, tftp://, ftp://, nfs:// or file:)`;
    case "arch":
    case "platform":
      return enumValues[type.kind].includes(text)
        ? new TextValue(type.kind, text)
        : `"${text}" is not ${withArticle(type.kind)}: use one of ${enumValues[type.kind].join(", ")}`;
    case "error":
      return "the constant itself has an error";
    default:
      break;
  }
  const parsed = parse(`${defineWrapper}${text}\n`, defineFile);
  const problem = parsed.diagnostics.find((diagnostic) => diagnostic.severity === "error");
  const declaration = parsed.ast.declarations[0];
  if (problem || parsed.ast.declarations.length !== 1 || declaration?.kind !== "Const") {
    return `not a value of type ${formatType(type)}${problem ? ` (${problem.message})` : ""}`;
  }
  const value = literalValue(declaration.value, type);
  if (typeof value === "string") return value;
  const actual = typeOfValue(value);
  if (!isUnchecked(type) && !isAssignable(actual, type)) {
    return `the constant is ${withArticle(formatType(type))}, not ${describeType(actual)}${type.kind === "duration" && actual.kind === "int" ? " (give a unit: 30s, 5m)" : ""}`;
  }
  return value;
}

/** A literal's value; names are allowed only as enum values where the type expects one. */
function literalValue(expression: Expression, expected: Type | undefined): Value | string {
  switch (expression.kind) {
    case "String": {
      let text = "";
      for (const part of expression.parts) {
        if (part.kind !== "Text") return "a --define value cannot interpolate ${…}";
        text += part.value;
      }
      return new TextValue("string", text);
    }
    case "Int":
      return new IntValue(expression.value);
    case "Duration":
      return new DurationValue(durationMilliseconds(expression.amount, expression.unit));
    case "Bool":
      return new BoolValue(expression.value);
    case "List": {
      const elements = newArray<Value>();
      const element = expected?.kind === "list" ? expected.element : undefined;
      for (const item of expression.elements) {
        const value = literalValue(item, element);
        if (typeof value === "string") return value;
        elements.push(value);
      }
      return new ListValue(elements);
    }
    case "Record": {
      const fields = new Map<string, Value>();
      for (const field of expression.fields) {
        const value = literalValue(
          field.value,
          expected?.kind === "record" ? expected.fields?.get(field.name.name) : undefined,
        );
        if (typeof value === "string") return value;
        fields.set(field.name.name, value);
      }
      return new RecordValue(fields);
    }
    case "Name":
      if (expected && isEnumType(expected) && enumValues[expected.kind].includes(expression.name.name)) {
        return new TextValue(expected.kind, expression.name.name);
      }
      return `a --define value is a literal; "${expression.name.name}" is a name`;
    default:
      return "a --define value is a literal (text, a number, a duration, true/false, a list or a record)";
  }
}
