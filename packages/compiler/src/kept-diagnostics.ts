/**
 * An editor's diagnostics-only compilation, made again at every keystroke (`CompileOptions.reuse`).
 * Without a script to write, what a menu or an entry instance reports depends only on the part
 * itself, the target and the platform it is checked for. So its diagnostics are kept with the part
 * elaboration first made it as (core's `originOf`), and a part that elaboration took over from the
 * last program is not compiled again: its diagnostics are moved with it.
 */
import { movedDiagnostic, originOf, type Diagnostic, type EntryInstance, type ProgramMenu } from "@ipxm/core";
import type { CompileContext } from "./context.js";

const kept = new WeakMap<object, Map<string, readonly Diagnostic[]>>();

/** Runs `emit` for `part`, or reports what it reported the last time for this target and platform. */
export function emitKeptPart(
  context: CompileContext,
  part: EntryInstance | ProgramMenu,
  platform: string | undefined,
  emit: () => void,
): void {
  const { part: origin, shift } = originOf(part);
  const key = `${context.program.target}\0${platform ?? ""}`;
  let byKey = kept.get(origin);
  const known = byKey?.get(key);
  if (known) {
    for (const diagnostic of known) context.diagnostics.push(movedDiagnostic(diagnostic, shift));
    return;
  }
  const before = context.diagnostics.length;
  emit();
  const made = context.diagnostics.slice(before).map((diagnostic) => movedDiagnostic(diagnostic, -shift));
  if (!byKey) {
    byKey = new Map();
    kept.set(origin, byKey);
  }
  byKey.set(key, made);
}
