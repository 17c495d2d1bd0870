/**
 * An ipxm program as the linter sees it: some files loaded with their imports, analysed once, and
 * each entry point elaborated and compiled, so that every diagnostic of the checker, of elaboration
 * and of the compiler's target and raw-iPXE checks is known per file. The whole linted tree shares
 * one project; a file linted on its own gets a small one.
 */
import { compile } from "@ipxm/compiler";
import {
  analyze,
  elaborate,
  loadWorkspace,
  uniqueDiagnostics,
  type Analysis,
  type Diagnostic,
  type Program,
  type ProgramMenu,
  type SourceHost,
  type SymbolInfo,
  type Workspace,
} from "@ipxm/core";

export interface IpxmProject {
  readonly workspace: Workspace;
  readonly analysis: Analysis;
  /** The files elaborated as entry points. */
  readonly entryPoints: readonly string[];
  /** The program of each entry point that elaborated without error. */
  readonly programs: ReadonlyMap<string, Program>;
  /** Every diagnostic of loading, analysis, elaboration and compilation whose range lies in `file`. */
  diagnosticsOf(file: string): readonly Diagnostic[];
  /** The symbols (declarations, parameters, loop variables, items) declared in `file`. */
  symbolsOf(file: string): readonly SymbolInfo[];
  /** Ids of the symbols some reference resolves to. */
  usedSymbols(): ReadonlySet<string>;
  /** The names that misspelt references were meant to be (the suggestions of `unknown-name`). */
  meantNames(): ReadonlySet<string>;
  /** The menus declared in `file` as elaboration made them, once each (the first program's). */
  menusOf(file: string): readonly ProgramMenu[];
}

export interface ProjectOptions {
  /** Target profile for elaboration; overrides each entry file's `target "…"`. */
  readonly target?: string;
  /**
   * Which roots are entry points. `tree`: those no other loaded file imports (as `ipxm build` decides);
   * `main-only`: a root that declares `menu main` (for a file linted without its tree, which may be
   * imported by files the linter cannot see).
   */
  readonly entryPoints: "tree" | "main-only";
  /** An editor's project, made again at every keystroke (see core's `ElaborateOptions.reuse`). */
  readonly reuse?: boolean;
}

export function buildIpxmProject(roots: readonly string[], host: SourceHost, options: ProjectOptions): IpxmProject {
  return projectFrom(analyze(loadWorkspace(roots, host)), options);
}

/** A project from an analysis already made (the tree shares one between targets). */
export function projectFrom(analysis: Analysis, options: ProjectOptions): IpxmProject {
  const workspace = analysis.workspace;
  const importers = new Map<string, string[]>();
  for (const file of workspace.files.values()) {
    for (const { resolved } of file.imports) {
      const list = importers.get(resolved);
      if (list) list.push(file.path);
      else importers.set(resolved, [file.path]);
    }
  }
  const entryPoints = workspace.roots.filter((root) => {
    const file = workspace.files.get(root);
    if (!file) return false;
    if (options.entryPoints === "tree") return !importers.has(root);
    return file.ast.declarations.some((declaration) => declaration.kind === "Menu" && declaration.name.name === "main");
  });

  const all: Diagnostic[] = [...analysis.diagnostics];
  const programs = new Map<string, Program>();
  for (const entry of entryPoints) {
    const result = elaborate(analysis, entry, {
      ...(options.target !== undefined ? { target: options.target } : {}),
      ...(options.reuse ? { reuse: true } : {}),
    });
    all.push(...result.diagnostics);
    if (result.program) {
      programs.set(entry, result.program);
      // Target support, raw iPXE lines and unrepresentable text are checked by compiling the program,
      // as `ipxm build` would; only the diagnostics are kept.
      const compiled = compile(result.program, {
        sourceName: result.program.file,
        diagnosticsOnly: true,
        ...(options.reuse ? { reuse: true } : {}),
      });
      all.push(...compiled.diagnostics);
    }
  }
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of uniqueDiagnostics(all)) {
    const list = byFile.get(diagnostic.file);
    if (list) list.push(diagnostic);
    else byFile.set(diagnostic.file, [diagnostic]);
  }
  // Indexes over the whole program, built on first use: rules ask per file, and a tree has thousands.
  let symbolsByFile: Map<string, SymbolInfo[]> | undefined;
  let used: Set<string> | undefined;
  let meant: Set<string> | undefined;
  let menusByFile: Map<string, ProgramMenu[]> | undefined;
  return {
    workspace,
    analysis,
    entryPoints,
    programs,
    diagnosticsOf: (file) => byFile.get(file) ?? [],
    symbolsOf: (file) => {
      if (!symbolsByFile) {
        symbolsByFile = new Map();
        for (const symbol of analysis.symbols.values()) {
          if (symbol.file === undefined) continue;
          const list = symbolsByFile.get(symbol.file);
          if (list) list.push(symbol);
          else symbolsByFile.set(symbol.file, [symbol]);
        }
      }
      return symbolsByFile.get(file) ?? [];
    },
    usedSymbols: () => {
      if (!used) {
        used = new Set();
        for (const reference of analysis.references) if (reference.target) used.add(reference.target.id);
      }
      return used;
    },
    meantNames: () => {
      meant ??= new Set(
        analysis.diagnostics
          .filter((diagnostic) => diagnostic.code === "unknown-name")
          .flatMap((diagnostic) => diagnostic.fix?.edits.map((edit) => edit.newText) ?? []),
      );
      return meant;
    },
    menusOf: (file) => {
      if (!menusByFile) {
        menusByFile = new Map();
        const seen = new Set<string>();
        for (const program of programs.values()) {
          for (const menu of program.menus) {
            const key = `${menu.source.file}#${menu.source.start}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const list = menusByFile.get(menu.source.file);
            if (list) list.push(menu);
            else menusByFile.set(menu.source.file, [menu]);
          }
        }
      }
      return menusByFile.get(file) ?? [];
    },
  };
}
