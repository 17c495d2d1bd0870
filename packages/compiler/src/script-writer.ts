/**
 * Collects the output lines and, beside each one, the IR source that produced it: the line map.
 * A writer that does not keep lines serves compilations that only want diagnostics: emitters run
 * as usual (their checks are the diagnostics) and what they write goes nowhere. A writer that keeps
 * lines but not their sources serves builds that write no line map.
 *
 * The line map's entries are made only when someone reads it: a build that writes no map (the
 * usual case) would otherwise make one object per output line, a third of a million on a large
 * site, for nothing. Each line's file and offsets are kept rather than its `SourceRef`: that
 * belongs to the program, which is garbage once compiled.
 */
import type { SourceRef } from "@ipxm/core";
import type { LineMapEntry } from "./types.js";

/**
 * Where each line of a script comes from: line `n` from `files[n - 1]`, between the offsets
 * `offsets[2n - 2]` and `offsets[2n - 1]`.
 */
export interface LineSources {
  readonly files: readonly string[];
  readonly offsets: readonly number[];
}

export class ScriptWriter {
  private readonly lines: string[] = [];
  private readonly files: string[] = [];
  private readonly offsets: number[] = [];

  /**
   * `keepsSources` false: a build that writes no line map; the sources stay empty. Two pushes per
   * line and their arrays' growth are a tenth of a large build's compile stage.
   */
  constructor(
    readonly keepsLines = true,
    private readonly keepsSources = true,
  ) {}

  line(text: string, source: SourceRef): void {
    if (!this.keepsLines) return;
    this.lines.push(text);
    if (!this.keepsSources) return;
    this.files.push(source.file);
    this.offsets.push(source.start, source.end);
  }

  label(name: string, source: SourceRef): void {
    this.line(`:${name}`, source);
  }

  /** The script and the source of each of its lines; the writer is done afterwards. */
  finish(): { script: string; sources: LineSources } {
    const text = this.lines.join("\n");
    // Our own lines never hold a line break and never end in a continuation backslash; a bug here
    // would silently change the script, so every line is checked. Checking the joined script once
    // is cheaper than checking each line as it comes, which copies most lines a second time.
    if (!holdsExactly(text, this.lines.length)) {
      const unsafe = this.lines.find((line) => /[\n\r]/.test(line) || line.endsWith("\\"));
      throw new Error(`internal error: unsafe output line ${JSON.stringify(unsafe)}`);
    }
    return { script: text + "\n", sources: { files: this.files, offsets: this.offsets } };
  }
}

/** The line map of a script, from where each of its lines comes. */
export function lineMapOf(sources: LineSources): LineMapEntry[] {
  const { files, offsets } = sources;
  return files.map((file, index) => ({
    line: index + 1,
    file,
    range: { start: offsets[2 * index]!, end: offsets[2 * index + 1]! },
  }));
}

/** Whether `text` is exactly `lineCount` lines joined with line feeds, none of them joined to the next. */
function holdsExactly(text: string, lineCount: number): boolean {
  if (text.includes("\r") || text.includes("\\\n") || text.endsWith("\\")) return false;
  let lineFeeds = 0;
  for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lineFeeds++;
  return lineFeeds === Math.max(lineCount - 1, 0);
}
