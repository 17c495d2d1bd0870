/**
 * The glue between the command line and the language packages: the one module that imports
 * @ipxm/core, @ipxm/compiler and @ipxm/ipxe, so a rename over there touches only this file.
 *
 * load (parse every file and its imports) → analyze (bind + check the whole workspace) → for each
 * entry point: elaborate → compile.
 */
import {
  analyze,
  defineFile,
  elaborate,
  hasErrors,
  loadWorkspace,
  makeDiagnostic,
  sortDiagnostics,
  uniqueDiagnostics,
  type Diagnostic,
  type ReadResult,
  type SourceHost,
  type SourceText,
} from "@ipxm/core";
import { compile } from "@ipxm/compiler";
import { defaultProfileName, profileNames } from "@ipxm/ipxe";

export { makeDiagnostic, hasErrors, sortDiagnostics };

/** The pseudo-file that diagnostics about `--define` values name. */
export const definesFile: string = defineFile;
export type { Diagnostic, ReadResult, SourceHost, SourceText };

/** Names of the iPXE target profiles, for `--target` and help. */
export function targetNames(): readonly string[] {
  return profileNames;
}

export function defaultTargetName(): string {
  return defaultProfileName;
}

export interface PipelineOptions {
  readonly target?: string;
  readonly defines?: Readonly<Record<string, string>>;
  /** Names the compiler prints in the script header for each entry point (default: the path). */
  readonly sourceNameOf?: (entry: string) => string;
  /** Make each script's line map (`ipxm build --map`); without it, scripts have none. */
  readonly lineMaps?: boolean;
}

export interface LineMapEntry {
  /** 1-based line of the emitted script. */
  readonly line: number;
  readonly file: string;
  readonly range: { readonly start: number; readonly end: number };
}

export interface CompiledScript {
  /** Source name of the entry-point file (see paths.ts). */
  readonly entry: string;
  readonly script: string;
  /** Only with the `lineMaps` option. */
  readonly lineMap?: readonly LineMapEntry[];
}

export interface PipelineResult {
  /** Every diagnostic of every stage, once each, in a stable order. */
  readonly diagnostics: readonly Diagnostic[];
  readonly entryPoints: readonly string[];
  /** Present only when there is no error anywhere. */
  readonly scripts: readonly CompiledScript[];
  /** Every file that was loaded (inputs and their imports), with its text, for printing and watching. */
  readonly sources: ReadonlyMap<string, SourceText>;
}

export function runPipeline(files: readonly string[], host: SourceHost, options: PipelineOptions = {}): PipelineResult {
  const loaded = loadStage(files, host);
  const analyzed = analyzeStage(loaded);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics, ...analyzed.diagnostics];
  const scripts: CompiledScript[] = [];
  // Elaboration runs even after check errors (it then makes no program): it alone reports a wrong
  // --define or an entry point without a menu, and it repeats nothing (diagnostics are unique).
  for (const entry of loaded.entryPoints) {
    if (!loaded.workspace.files.has(entry)) continue;
    const compiled = compileStage(analyzed, entry, options);
    diagnostics.push(...compiled.diagnostics);
    if (compiled.script) scripts.push(compiled.script);
  }
  const unique = uniqueDiagnostics(diagnostics);
  return {
    diagnostics: unique,
    entryPoints: loaded.entryPoints,
    scripts: hasErrors(unique) ? [] : scripts,
    sources: loaded.sources,
  };
}

// The stages, exported one by one so the benchmark can time each.

export interface LoadedSources {
  readonly workspace: ReturnType<typeof loadWorkspace>;
  readonly sources: ReadonlyMap<string, SourceText>;
  readonly entryPoints: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads and parses the given files and everything they import (lex + parse). */
export function loadStage(files: readonly string[], host: SourceHost): LoadedSources {
  const workspace = loadWorkspace([...files], host);
  const sources = new Map<string, SourceText>();
  for (const [path, file] of workspace.files) sources.set(path, file.source);
  return {
    workspace,
    sources,
    entryPoints: selectEntryPoints(files, importGraph(workspace)),
    diagnostics: workspace.diagnostics,
  };
}

export interface AnalyzedSources {
  readonly analysis: ReturnType<typeof analyze>;
  readonly diagnostics: readonly Diagnostic[];
}

/** Binds names and checks types across the whole workspace. */
export function analyzeStage(loaded: LoadedSources): AnalyzedSources {
  const analysis = analyze(loaded.workspace);
  return { analysis, diagnostics: analysis.diagnostics };
}

/** Elaborates one entry point and compiles it to an iPXE script. */
export function compileStage(
  analyzed: AnalyzedSources,
  entry: string,
  options: PipelineOptions = {},
): { readonly script?: CompiledScript; readonly diagnostics: readonly Diagnostic[] } {
  const elaborated = elaborate(analyzed.analysis, entry, {
    ...(options.target !== undefined ? { target: options.target } : {}),
    defines: { ...options.defines },
  });
  if (!elaborated.program) return { diagnostics: elaborated.diagnostics };
  const lineMap = options.lineMaps === true;
  const compiled = compile(elaborated.program, { sourceName: options.sourceNameOf?.(entry) ?? entry, lineMap });
  const diagnostics = [...elaborated.diagnostics, ...compiled.diagnostics];
  if (compiled.script === undefined) return { diagnostics };
  if (!lineMap) return { script: { entry, script: compiled.script }, diagnostics };
  // The line map is made only if it is read (see the compiler's ScriptWriter).
  return {
    script: {
      entry,
      script: compiled.script,
      get lineMap() {
        return compiled.lineMap;
      },
    },
    diagnostics,
  };
}

/** For each loaded file, the files it imports (resolved, canonical). */
export function importGraph(workspace: ReturnType<typeof loadWorkspace>): Map<string, readonly string[]> {
  const graph = new Map<string, readonly string[]>();
  for (const [path, file] of workspace.files) {
    const imported: string[] = [];
    for (const item of file.imports) if (item.resolved !== undefined) imported.push(item.resolved);
    graph.set(path, imported);
  }
  return graph;
}

/**
 * The entry points among the given files: those that no other loaded file imports. A directory of
 * menus thus builds only its top file; a file imported through a cycle is never an entry point
 * (core reports the cycle).
 */
export function selectEntryPoints(files: readonly string[], graph: ReadonlyMap<string, readonly string[]>): string[] {
  const imported = new Set<string>();
  for (const [importer, targets] of graph) {
    for (const target of targets) if (target !== importer) imported.add(target);
  }
  return files.filter((file) => !imported.has(file));
}
