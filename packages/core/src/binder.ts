/**
 * The binder: every top-level declaration of the workspace becomes a symbol, and each file gets its
 * scope (its own declarations and those of every file its imports reach). All top-level names share
 * one namespace; two declarations of one name that some file sees together are a duplicate.
 */
import type { ConstDecl, EntryDecl, MenuDecl, SettingDecl } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "./diagnostics.js";
import { builtinSettings, describeKind, symbolId, withArticle, type SymbolInfo, type SymbolKind } from "./symbols.js";
import { Types, typeFromName, type Type } from "./types.js";
import { reachableFiles, type Workspace } from "./workspace.js";
import { offsetsOf } from "./source.js";

type TopLevelDecl = MenuDecl | EntryDecl | ConstDecl | SettingDecl;

/**
 * The files in reading order: a file's imports before the file itself (depth first from the roots,
 * in import order). "The first declaration" of a name is the first in this order, so a clash is
 * reported in the file that imports, not in the library it imports.
 */
function importsFirst(workspace: Workspace): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (root: string): void => {
    if (seen.has(root) || !workspace.files.has(root)) return;
    seen.add(root);
    const stack: { path: string; next: number }[] = [{ path: root, next: 0 }];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const imports = workspace.files.get(frame.path)!.imports;
      if (frame.next >= imports.length) {
        stack.pop();
        order.push(frame.path);
        continue;
      }
      const next = imports[frame.next++]!.resolved;
      if (seen.has(next) || !workspace.files.has(next)) continue;
      seen.add(next);
      stack.push({ path: next, next: 0 });
    }
  };
  for (const root of workspace.roots) visit(root);
  for (const path of workspace.files.keys()) visit(path);
  return order;
}

/** A symbol whose type the checker may refine (constants are inferred lazily). */
export interface MutableSymbol extends SymbolInfo {
  type: Type;
}

export class Binder {
  /** Every top-level symbol in declaration order (imported files first, then position). */
  readonly declarations: MutableSymbol[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly byName = new Map<string, MutableSymbol[]>();
  private readonly scopes = new Map<string, Set<string>>();
  private readonly viewers: ViewersOf;

  constructor(readonly workspace: Workspace) {
    this.viewers = new ViewersOf(workspace);
    for (const path of importsFirst(workspace)) {
      const file = workspace.files.get(path)!;
      for (const declaration of file.ast.declarations) {
        if (declaration.kind === "Import" || declaration.kind === "Target") continue;
        this.declare(file.path, declaration);
      }
    }
    this.reportDuplicates();
  }

  /** The files that see `file`'s declarations: itself and every file whose imports reach it. */
  viewersOf(file: string): readonly string[] {
    return this.viewers.of(file);
  }

  /** The files `file` sees (itself included). */
  visibleFiles(file: string): ReadonlySet<string> {
    let scope = this.scopes.get(file);
    if (!scope) {
      scope = reachableFiles(this.workspace, file);
      this.scopes.set(file, scope);
    }
    return scope;
  }

  /** The top-level declaration `name` stands for in `file`, if the file sees one. */
  lookup(name: string, file: string): MutableSymbol | undefined {
    const candidates = this.byName.get(name);
    if (!candidates) return undefined;
    const visible = this.visibleFiles(file);
    for (const candidate of candidates) if (visible.has(candidate.file!)) return candidate;
    return undefined;
  }

  /** `lookup`, then iPXE's built-in settings. */
  lookupValue(name: string, file: string): SymbolInfo | undefined {
    return this.lookup(name, file) ?? builtinSettings.get(name);
  }

  /** Names of the given kinds that `file` sees, for "did you mean" (called only on errors). */
  visibleNames(file: string, kinds: readonly SymbolKind[]): string[] {
    const visible = this.visibleFiles(file);
    const names: string[] = [];
    for (const symbol of this.declarations) {
      if (kinds.includes(symbol.kind) && visible.has(symbol.file!)) names.push(symbol.name);
    }
    if (kinds.includes("builtin-setting")) names.push(...builtinSettings.keys());
    return names;
  }

  private declare(file: string, declaration: TopLevelDecl): void {
    const name = declaration.name;
    if (!name || name.name === "") return;
    const symbol: MutableSymbol = {
      id: symbolId(file, name),
      name: name.name,
      kind: kindOf(declaration),
      file,
      nameRange: offsetsOf(name),
      node: declaration,
      type: declaredType(declaration),
    };
    this.declarations.push(symbol);
    const existing = this.byName.get(symbol.name);
    if (existing) existing.push(symbol);
    else this.byName.set(symbol.name, [symbol]);
  }

  /**
   * A later declaration clashes with the earliest earlier one that some file sees together with it.
   * Rather than testing each pair against every file's scope (quadratic when many files declare the
   * same name, as sibling scripts each declaring `main` do), each file that sees a declaration
   * remembers the earliest declaration of the name it has seen so far: the cost is the number of
   * (declaration, viewing file) pairs.
   */
  private reportDuplicates(): void {
    const viewers = this.viewers;
    for (const symbols of this.byName.values()) {
      if (symbols.length < 2) continue;
      // Declarations are visited in order, so the first one a viewer sees is the earliest it sees.
      const earliestSeenBy = new Map<string, number>();
      for (let index = 0; index < symbols.length; index++) {
        const symbol = symbols[index]!;
        let firstIndex = index;
        for (const viewer of viewers.of(symbol.file!)) {
          const earliest = earliestSeenBy.get(viewer);
          if (earliest === undefined) earliestSeenBy.set(viewer, index);
          else if (earliest < firstIndex) firstIndex = earliest;
        }
        const first = firstIndex < index ? symbols[firstIndex] : undefined;
        if (!first) continue;
        this.diagnostics.push(
          makeDiagnostic(
            "duplicate-declaration",
            `"${symbol.name}" is already declared (as ${withArticle(describeKind(first.kind))} in ${first.file}); names of menus, entries, constants and settings must be unique`,
            symbol.file!,
            symbol.nameRange!,
            {
              related: [
                { file: first.file!, range: first.nameRange!, message: `"${first.name}" is first declared here` },
              ],
            },
          ),
        );
      }
    }
  }
}

/**
 * The files that see a file: itself and every file whose imports reach it. Found by walking the
 * imports backwards from the file, so only the files that hold a declared-twice name cost anything.
 */
class ViewersOf {
  private importers: Map<string, string[]> | undefined;
  private readonly cache = new Map<string, readonly string[]>();

  constructor(private readonly workspace: Workspace) {}

  of(file: string): readonly string[] {
    let viewers = this.cache.get(file);
    if (!viewers) {
      viewers = this.walkBack(file);
      this.cache.set(file, viewers);
    }
    return viewers;
  }

  private walkBack(file: string): string[] {
    const importers = (this.importers ??= this.importersByFile());
    const seen = new Set<string>([file]);
    const pending = [file];
    while (pending.length > 0) {
      for (const importer of importers.get(pending.pop()!) ?? []) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        pending.push(importer);
      }
    }
    return [...seen];
  }

  /** The reverse of the import graph, over the files of the workspace (as `reachableFiles` walks it). */
  private importersByFile(): Map<string, string[]> {
    const importers = new Map<string, string[]>();
    for (const [path, file] of this.workspace.files) {
      for (const { resolved } of file.imports) {
        if (!this.workspace.files.has(resolved)) continue;
        const list = importers.get(resolved);
        if (list) list.push(path);
        else importers.set(resolved, [path]);
      }
    }
    return importers;
  }
}

function kindOf(declaration: TopLevelDecl): SymbolKind {
  switch (declaration.kind) {
    case "Menu":
      return "menu";
    case "Entry":
      return "entry";
    case "Const":
      return "const";
    case "Setting":
      return "setting";
  }
}

/** The type known before checking: settings are declared, constants are inferred later. */
function declaredType(declaration: TopLevelDecl): Type {
  switch (declaration.kind) {
    case "Menu":
      return Types.menu;
    case "Entry":
      return Types.entry;
    case "Setting":
      return typeFromName(declaration.type?.name ?? "") ?? Types.error;
    case "Const":
      return declaration.type ? (typeFromName(declaration.type.name) ?? Types.error) : Types.any;
  }
}
