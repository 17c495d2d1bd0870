/**
 * Collects the output lines and, beside each one, the IR source that produced it: the line map.
 * A writer that does not keep lines serves compilations that only want diagnostics: emitters run
 * as usual (their checks are the diagnostics) and what they write goes nowhere.
 */
import type { SourceRef } from "@ipxm/core";
import type { LineMapEntry } from "./types.js";

export class ScriptWriter {
  private readonly lines: string[] = [];
  private readonly map: LineMapEntry[] = [];

  constructor(readonly keepsLines = true) {}

  line(text: string, source: SourceRef): void {
    if (!this.keepsLines) return;
    this.lines.push(text);
    this.map.push({ line: this.lines.length, file: source.file, range: source.range });
  }

  label(name: string, source: SourceRef): void {
    this.line(`:${name}`, source);
  }

  /** The script and its line map; the writer is done afterwards (the map is handed over, not copied). */
  finish(): { script: string; lineMap: LineMapEntry[] } {
    const text = this.lines.join("\n");
    // Our own lines never hold a line break and never end in a continuation backslash; a bug here
    // would silently change the script, so every line is checked. Checking the joined script once
    // is cheaper than checking each line as it comes, which copies most lines a second time.
    if (!holdsExactly(text, this.lines.length)) {
      const unsafe = this.lines.find((line) => /[\n\r]/.test(line) || line.endsWith("\\"));
      throw new Error(`internal error: unsafe output line ${JSON.stringify(unsafe)}`);
    }
    return { script: text + "\n", lineMap: this.map };
  }
}

/** Whether `text` is exactly `lineCount` lines joined with line feeds, none of them joined to the next. */
function holdsExactly(text: string, lineCount: number): boolean {
  if (text.includes("\r") || text.includes("\\\n") || text.endsWith("\\")) return false;
  let lineFeeds = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lineFeeds++;
  return lineFeeds === Math.max(lineCount - 1, 0);
}
