/**
 * Collects the output lines and, beside each one, the IR source that produced it: the line map.
 */
import type { SourceRef } from "@ipxm/core";
import type { LineMapEntry } from "./types.js";

export class ScriptWriter {
  private readonly lines: string[] = [];
  private readonly map: LineMapEntry[] = [];

  line(text: string, source: SourceRef): void {
    // Our own lines never hold a line break and never end in a continuation backslash; a bug here
    // would silently change the script, so it is checked on every line.
    if (/[\n\r]/.test(text) || text.endsWith("\\")) {
      throw new Error(`internal error: unsafe output line ${JSON.stringify(text)}`);
    }
    this.lines.push(text);
    this.map.push({ line: this.lines.length, file: source.file, range: source.range });
  }

  label(name: string, source: SourceRef): void {
    this.line(`:${name}`, source);
  }

  /** The script and its line map; the writer is done afterwards (the map is handed over, not copied). */
  finish(): { script: string; lineMap: LineMapEntry[] } {
    return { script: this.lines.join("\n") + "\n", lineMap: this.map };
  }
}
