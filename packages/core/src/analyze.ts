/**
 * Analysis of a whole workspace: bind every file, then check every file in one traversal. The result
 * is what the editor tooling and elaboration build on.
 */
import type { Expression, Identifier } from "./ast.js";
import { Binder } from "./binder.js";
import { Checker } from "./checker.js";
import { allRules } from "./checks/index.js";
import type { Diagnostic } from "./diagnostics.js";
import { uniqueDiagnostics } from "./diagnostic-set.js";
import type { ExpressionInfos } from "./expression-infos.js";
import type { FactsByFile } from "./facts-by-file.js";
import type { ReferenceInfo, Resolution, SymbolInfo } from "./symbols.js";
import type { Workspace } from "./workspace.js";

export type { ExprInfo, Stage } from "./checks/rule.js";

export interface Analysis {
  readonly workspace: Workspace;
  /** Every symbol by id: declarations, parameters, loop variables, explicit items, built-in settings. */
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  /** Every use of a name, resolved or not, in traversal order. */
  readonly references: readonly ReferenceInfo[];
  /** The workspace's diagnostics and those of binding and checking, sorted. */
  readonly diagnostics: readonly Diagnostic[];
  /** Top-level declarations (menus, entries, constants, settings) in declaration order. */
  readonly declarations: readonly SymbolInfo[];
  /** What each resolved name stands for, by the file it is written in. */
  readonly resolutions: FactsByFile<Identifier, Resolution>;
  /** Type and stage of each checked expression and interpolation (any literal answers by its kind). */
  readonly info: ExpressionInfos;
  /** Url positions whose value only elaboration can judge. */
  readonly deferredUrls: ReadonlySet<Expression>;
  /** The top-level declaration `name` stands for in `file` (built-in settings excluded). */
  lookup(name: string, file: string): SymbolInfo | undefined;
  /** The files `file` sees: itself and everything its imports reach. */
  visibleFiles(file: string): ReadonlySet<string>;
  /** The files that see `file`'s declarations: itself and every file whose imports reach it. */
  viewersOf(file: string): readonly string[];
}

export function analyze(workspace: Workspace): Analysis {
  const binder = new Binder(workspace);
  const checked = new Checker(binder, allRules).run();
  return {
    workspace,
    symbols: checked.symbols,
    references: checked.references,
    diagnostics: uniqueDiagnostics([...workspace.diagnostics, ...binder.diagnostics, ...checked.diagnostics]),
    declarations: binder.declarations,
    resolutions: checked.resolutions,
    info: checked.info,
    deferredUrls: checked.deferredUrls,
    lookup: (name, file) => binder.lookup(name, file),
    visibleFiles: (file) => binder.visibleFiles(file),
    viewersOf: (file) => binder.viewersOf(file),
  };
}
