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

  constructor(readonly workspace: Workspace) {
    for (const path of importsFirst(workspace)) {
      const file = workspace.files.get(path)!;
      for (const declaration of file.ast.declarations) {
        if (declaration.kind === "Import" || declaration.kind === "Target") continue;
        this.declare(file.path, declaration);
      }
    }
    this.reportDuplicates();
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
      nameRange: name.range,
      node: declaration,
      type: declaredType(declaration),
    };
    this.declarations.push(symbol);
    const existing = this.byName.get(symbol.name);
    if (existing) existing.push(symbol);
    else this.byName.set(symbol.name, [symbol]);
  }

  /**
   * A later declaration clashes with an earlier one when some file sees both. Names declared more
   * than once are rare, so checking each such pair against each file's scope stays cheap.
   */
  private reportDuplicates(): void {
    for (const symbols of this.byName.values()) {
      if (symbols.length < 2) continue;
      for (let later = 1; later < symbols.length; later++) {
        const symbol = symbols[later]!;
        const first = symbols.slice(0, later).find((earlier) => this.seenTogether(earlier.file!, symbol.file!));
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

  private seenTogether(a: string, b: string): boolean {
    if (a === b) return true;
    for (const file of this.workspace.files.keys()) {
      const visible = this.visibleFiles(file);
      if (visible.has(a) && visible.has(b)) return true;
    }
    return false;
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
