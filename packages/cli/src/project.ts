/**
 * One build of a project, shared by `build`, `check` and `serve`: find the inputs, run the
 * pipeline, and plan the output files. Nothing is written here.
 */
import * as path from "node:path";
import { collectInputs, sourceExtension, type Inputs } from "./inputs.js";
import { createSourceHost } from "./host.js";
import {
  hasErrors,
  runPipeline,
  sortDiagnostics,
  type CompiledScript,
  type Diagnostic,
  type SourceText,
} from "./pipeline.js";
import { absolutePath, displayPath, toPosix } from "./paths.js";
import type { OutputFile } from "./write.js";

export interface ProjectOptions {
  readonly paths: readonly string[];
  readonly target?: string;
  readonly defines: Readonly<Record<string, string>>;
  /** Where scripts go; absent for `check`. */
  readonly outDir?: string;
  readonly map?: boolean;
}

export interface ProjectBuild {
  readonly inputs: Inputs;
  readonly diagnostics: readonly Diagnostic[];
  readonly sources: ReadonlyMap<string, SourceText>;
  readonly entryPoints: readonly string[];
  /** The files to write; empty when anything is wrong. */
  readonly outputs: readonly PlannedScript[];
  /** Problems that are not about the sources (two entry points writing one file). */
  readonly conflicts: readonly string[];
  /** Every source path that was read, existing or not yet: what `serve` watches. */
  readonly pathsRead: ReadonlySet<string>;
  readonly ok: boolean;
}

export interface PlannedScript {
  readonly entry: string;
  readonly script: OutputFile;
  readonly map?: OutputFile;
}

export function buildProject(options: ProjectOptions, cwd: string): ProjectBuild {
  const inputs = collectInputs(options.paths, cwd);
  const host = createSourceHost(cwd);
  const sourceNames = new Map(inputs.files.map((file) => [file.path, path.posix.relative(file.base, file.path)]));
  const result =
    inputs.files.length > 0
      ? runPipeline(
          inputs.files.map((file) => file.path),
          host,
          {
            ...(options.target !== undefined ? { target: options.target } : {}),
            defines: options.defines,
            sourceNameOf: (entry) => sourceNames.get(entry) ?? path.posix.basename(entry),
            lineMaps: options.map === true,
          },
        )
      : undefined;
  const diagnostics = sortDiagnostics([...inputs.diagnostics, ...(result?.diagnostics ?? [])]);
  const failed = hasErrors(diagnostics) || inputs.files.length === 0;

  const outputs: PlannedScript[] = [];
  const conflicts: string[] = [];
  if (!failed && result && options.outDir !== undefined) {
    const outDir = path.resolve(cwd, options.outDir);
    const claimed = new Map<string, string>();
    for (const script of result.scripts) {
      const base = inputs.files.find((file) => file.path === script.entry)?.base ?? path.posix.dirname(script.entry);
      const target = path.join(outDir, scriptName(path.posix.relative(base, script.entry)));
      const previous = claimed.get(target);
      if (previous !== undefined) {
        conflicts.push(
          `${displayPath(cwd, previous)} and ${displayPath(cwd, script.entry)} would both be written to ${displayPath(cwd, target)}; build them separately`,
        );
        continue;
      }
      claimed.set(target, script.entry);
      outputs.push({
        entry: script.entry,
        script: { path: target, contents: script.script },
        ...(options.map
          ? { map: { path: `${target}.map.json`, contents: lineMapJson(script, target, result.sources, cwd) } }
          : {}),
      });
    }
  }
  return {
    inputs,
    diagnostics,
    sources: result?.sources ?? new Map(),
    entryPoints: result?.entryPoints ?? [],
    outputs: conflicts.length > 0 ? [] : outputs,
    conflicts,
    pathsRead: host.pathsRead,
    ok: !failed && conflicts.length === 0,
  };
}

/** `linux/main.ipxm` → `linux/main.ipxe`. */
export function scriptName(relativeSource: string): string {
  const withoutExtension = relativeSource.endsWith(sourceExtension)
    ? relativeSource.slice(0, -sourceExtension.length)
    : relativeSource;
  return `${withoutExtension}.ipxe`;
}

/**
 * The line map as JSON: for each emitted line, the source file (relative to the map, so the pair
 * can be moved together with its sources), the offsets and the 1-based line and column.
 */
function lineMapJson(
  script: CompiledScript,
  target: string,
  sources: ReadonlyMap<string, SourceText>,
  cwd: string,
): string {
  const mapDir = path.dirname(target);
  const lines = (script.lineMap ?? []).map((entry) => {
    const position = sources.get(entry.file)?.positionAt(entry.range.start);
    return {
      line: entry.line,
      file: toPosix(path.relative(mapDir, absolutePath(cwd, entry.file))),
      start: entry.range.start,
      end: entry.range.end,
      ...(position ? { sourceLine: position.line, sourceColumn: position.column } : {}),
    };
  });
  // One emitted line per JSON line: readable, and diffs of two builds stay small.
  const body = lines.map((line) => `    ${JSON.stringify(line)}`).join(",\n");
  return `{\n  "version": 1,\n  "script": ${JSON.stringify(path.basename(target))},\n  "lines": [\n${body}\n  ]\n}\n`;
}
