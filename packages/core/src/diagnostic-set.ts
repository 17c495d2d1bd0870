/**
 * A set of diagnostics that keeps one of each (code, file, range, message): a problem inside a `for`
 * body elaborated a hundred times, or seen by both the checker and elaboration, is reported once.
 */
import { sortDiagnostics, type Diagnostic } from "./diagnostics.js";

function keyOf(diagnostic: Diagnostic): string {
  return `${diagnostic.code}\0${diagnostic.file}\0${diagnostic.range.start}\0${diagnostic.range.end}\0${diagnostic.message}`;
}

export class DiagnosticSet {
  private readonly keys = new Set<string>();
  private readonly items: Diagnostic[] = [];

  add(diagnostic: Diagnostic): void {
    const key = keyOf(diagnostic);
    if (this.keys.has(key)) return;
    this.keys.add(key);
    this.items.push(diagnostic);
  }

  addAll(diagnostics: Iterable<Diagnostic>): void {
    for (const diagnostic of diagnostics) this.add(diagnostic);
  }

  get size(): number {
    return this.items.length;
  }

  /** In the stable order of `sortDiagnostics`. */
  sorted(): Diagnostic[] {
    return sortDiagnostics(this.items);
  }
}

export function uniqueDiagnostics(diagnostics: Iterable<Diagnostic>): Diagnostic[] {
  const set = new DiagnosticSet();
  set.addAll(diagnostics);
  return set.sorted();
}
