/**
 * Positions in source text. Ranges are 0-based, end-exclusive offsets; line and column are derived
 * once, here, as 1-based numbers (columns count UTF-16 code units, as editors do).
 */

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
}

export interface Location {
  readonly start: Position;
  readonly end: Position;
}

/** A file's text with a precomputed table of line starts. */
export class SourceText {
  readonly lineStarts: readonly number[];

  constructor(
    readonly path: string,
    readonly text: string,
  ) {
    const starts = [0];
    for (let lineFeed = text.indexOf("\n"); lineFeed >= 0; lineFeed = text.indexOf("\n", lineFeed + 1)) {
      starts.push(lineFeed + 1);
    }
    this.lineStarts = starts;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low]! + 1 };
  }

  locationOf(range: Range): Location {
    return { start: this.positionAt(range.start), end: this.positionAt(range.end) };
  }

  /** The text of a 1-based line, without its line end. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return "";
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, "");
  }
}

export function rangeOf(start: number, end: number): Range {
  return { start, end };
}

/**
 * The offsets of `range` alone. An AST node is a `Range` too; what is kept apart from the AST or
 * serialised (a diagnostic, a line map, a symbol) takes this copy rather than the node.
 */
export function offsetsOf(range: Range): Range {
  return { start: range.start, end: range.end };
}

export function spanning(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}
