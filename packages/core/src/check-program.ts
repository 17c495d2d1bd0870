/**
 * The whole front end in one call, for the command line: load the entry points and their imports,
 * analyse them, elaborate each entry point.
 */
import { analyze, type Analysis } from "./analyze.js";
import { uniqueDiagnostics } from "./diagnostic-set.js";
import type { Diagnostic } from "./diagnostics.js";
import { elaborate, type ElaborateOptions } from "./elaborate.js";
import type { Program } from "./program.js";
import { loadWorkspace, type SourceHost } from "./workspace.js";

export interface CheckedPrograms {
  readonly analysis: Analysis;
  /** The program of each entry point (normalised path) that has no error. */
  readonly programs: ReadonlyMap<string, Program>;
  /** Every diagnostic of every stage, once each, sorted. */
  readonly diagnostics: readonly Diagnostic[];
}

export function checkProgram(
  entryFiles: readonly string[],
  host: SourceHost,
  options: ElaborateOptions = {},
): CheckedPrograms {
  const workspace = loadWorkspace(entryFiles, host);
  const analysis = analyze(workspace);
  const programs = new Map<string, Program>();
  const diagnostics: Diagnostic[] = [...analysis.diagnostics];
  for (const entry of workspace.roots) {
    if (!workspace.files.has(entry)) continue;
    const result = elaborate(analysis, entry, options);
    diagnostics.push(...result.diagnostics);
    if (result.program) programs.set(entry, result.program);
  }
  return { analysis, programs, diagnostics: uniqueDiagnostics(diagnostics) };
}
