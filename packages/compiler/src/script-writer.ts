/**
 * Collects the output lines and, beside each one, the IR source that produced it: the line map.
 * A writer that does not keep lines serves compilations that only want diagnostics: emitters run
 * as usual (their checks are the diagnostics) and what they write goes nowhere.
 *
 * The line map's entries are made only when someone reads it: a build that writes no map (the
 * usual case) would otherwise make one object per output line, a third of a million on a large
 * site, for nothing.
 */
import type { SourceRef } from "@ipxm/core";
import type { LineMapEntry } from "./types.js";

export class ScriptWriter {
  private readonly lines: string[] = [];
  private readonly sources: SourceRef[] = [];

  constructor(readonly keepsLines = true) {}

  line(text: string, source: SourceRef): void {
    if (!this.keepsLines) return;
    this.lines.push(text);
    this.sources.push(source);
  }

  label(name: string, source: SourceRef): void {
    this.line(`:${name}`, source);
  }

  /** The script and the source of each of its lines; the writer is done afterwards. */
  finish(): { script: string; sources: readonly SourceRef[] } {
    const text = this.lines.join("\n");
    // Our own lines never hold a line break and never end in a continuation backslash; a bug here
    // would silently change the script, so every line is checked. Checking the joined script once
    // is cheaper than checking each line as it comes, which copies most lines a second time.
    if (!holdsExactly(text, this.lines.length)) {
      const unsafe = this.lines.find((line) => /[\n\r]/.test(line) || line.endsWith("\\"));
      throw new Error(`internal error: unsafe output line ${JSON.stringify(unsafe)}`);
    }
    return { script: text + "\n", sources: this.sources };
  }
}

/** The line map of a script whose line `n` was written from `sources[n - 1]`. */
export function lineMapOf(sources: readonly SourceRef[]): LineMapEntry[] {
  return sources.map((source, index) => ({ line: index + 1, file: source.file, range: source.range }));
}

/** Whether `text` is exactly `lineCount` lines joined with line feeds, none of them joined to the next. */
function holdsExactly(text: string, lineCount: number): boolean {
  if (text.includes("\r") || text.includes("\\\n") || text.endsWith("\\")) return false;
  let lineFeeds = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lineFeeds++;
  return lineFeeds === Math.max(lineCount - 1, 0);
}
