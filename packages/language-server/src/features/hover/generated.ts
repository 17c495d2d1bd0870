/**
 * What the compiler makes of a piece of `.ipxm`: each entry point's program compiled once per
 * snapshot, and the lines its line map ties to a source range.
 */
import { compile } from "@ipxm/compiler";
import type { LineMapEntry } from "@ipxm/compiler";
import type { Program, Range } from "@ipxm/core";
import type { Snapshot } from "../../snapshot.js";

interface Compiled {
  readonly lines: readonly string[];
  readonly lineMap: readonly LineMapEntry[];
}

const compiledPrograms = new WeakMap<Snapshot, Map<Program, Compiled | undefined>>();

/** The programs (of the snapshot's target) that include something of `file`, entry points in order. */
export function programsWith(snapshot: Snapshot, file: string): Program[] {
  const project = snapshot.tree.ipxmProject(snapshot.target);
  const found: Program[] = [];
  for (const entry of [...project.programs.keys()].sort()) {
    const program = project.programs.get(entry)!;
    const touches =
      program.file === file ||
      program.menus.some((menu) => menu.source.file === file) ||
      program.entries.some((instance) => instance.source.file === file);
    if (touches) found.push(program);
  }
  return found;
}

function compiled(snapshot: Snapshot, program: Program): Compiled | undefined {
  let cache = compiledPrograms.get(snapshot);
  if (!cache) {
    cache = new Map();
    compiledPrograms.set(snapshot, cache);
  }
  if (!cache.has(program)) {
    const result = compile(program, { sourceName: program.file });
    cache.set(
      program,
      result.script === undefined ? undefined : { lines: result.script.split("\n"), lineMap: result.lineMap },
    );
  }
  return cache.get(program);
}

/** At most this many generated lines are shown. */
const maxLines = 40;

/**
 * The generated iPXE lines whose source lies within `range` of `file` (in the first program that has
 * any), with `# …` where lines in between were left out; undefined when nothing compiles to it.
 */
export function generatedLines(snapshot: Snapshot, file: string, range: Range, exact = false): string[] | undefined {
  for (const program of programsWith(snapshot, file)) {
    const result = compiled(snapshot, program);
    if (!result) continue;
    const shown: string[] = [];
    let previous = -2;
    for (const entry of result.lineMap) {
      if (entry.file !== file) continue;
      const inside = exact
        ? entry.range.start === range.start && entry.range.end === range.end
        : entry.range.start >= range.start && entry.range.end <= range.end;
      if (!inside) continue;
      if (previous >= 0 && entry.line !== previous + 1) shown.push("# …");
      shown.push(result.lines[entry.line - 1] ?? "");
      previous = entry.line;
      if (shown.length >= maxLines) {
        shown.push("# …");
        break;
      }
    }
    if (shown.length > 0) return shown;
  }
  return undefined;
}
