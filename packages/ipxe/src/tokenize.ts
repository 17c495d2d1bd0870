/**
 * iPXE's script reader, modelled on `process_script()` (src/image/script.c) and `system()` /
 * `split_command()` / `command_terminator()` (src/core/exec.c).
 *
 * Physical lines are split on `\n`. While a logical line is being assembled iPXE looks at the last byte
 * of the *accumulated* buffer after each physical line: it strips one `\r`, and if the buffer then ends in
 * `\` it removes the backslash and appends the next physical line with no separator. A label line starts
 * (after whitespace) with `:`; the label name runs to the first whitespace byte and the rest of the line is
 * an ordinary command that also runs. Tokens are maximal runs of non-whitespace with no quoting or
 * escaping; a token starting with `#` ends the line, and the stand-alone tokens `||`, `&&`, `;` split it
 * into commands.
 *
 * All offsets are 0-based, end-exclusive indices into the original text (UTF-16 code units of the string
 * given). A token that spans a continuation keeps the offsets of its first and last character in the
 * original text, so `text.slice(start, end)` then contains the `\`+newline that iPXE removed.
 */
import { isIpxeSpace } from "./ctype.js";
import { checkHeader, type HeaderCheck } from "./header.js";

export interface IpxeToken {
  /** The token as iPXE sees it (continuations removed). */
  text: string;
  start: number;
  end: number;
}

export type Terminator = "||" | "&&" | ";";

export interface IpxeCommand {
  /** The command's tokens, before setting expansion; empty for an empty command (which succeeds). */
  argv: IpxeToken[];
  /** The stand-alone `||`, `&&` or `;` that ends this command, if any. */
  terminator?: { kind: Terminator; token: IpxeToken };
  /** Span of the argv tokens; an empty command is a zero-width span where it sits. */
  start: number;
  end: number;
}

export interface IpxeLabel {
  /** Label name: every byte after the `:` up to the first whitespace (may be empty for a bare `:`). */
  name: string;
  /** Offset of the `:`. */
  start: number;
  /** End of the name. */
  end: number;
}

export interface LogicalLine {
  /** Offset of the start of the first physical line (iPXE's line offset, where `goto` resumes). */
  start: number;
  /** End of the content of the last physical line (before its `\r`/`\n`). */
  end: number;
  /** 1-based number of the first physical line. */
  firstLine: number;
  /** 1-based number of the last physical line that was joined into this one. */
  lastLine: number;
  /** The joined line as iPXE executes it. */
  text: string;
  label?: IpxeLabel;
  /**
   * Commands in order. A line with no tokens has none; every terminator is followed by one more command,
   * which is empty (`argv: []`) when nothing follows it: `a ||` is `[a ||, <empty>]`.
   */
  commands: IpxeCommand[];
  /** The comment: from the first `#`-leading token to the end of the line. */
  comment?: IpxeToken;
  /** Offset of a NUL byte; iPXE sees the line only up to it. */
  nulAt?: number;
  /**
   * Set on the final line of a file that ends in a continuation backslash: iPXE stops with "Invalid
   * argument" instead of running it.
   */
  unterminated?: true;
}

export interface TokenizedScript {
  header: HeaderCheck;
  lines: LogicalLine[];
  /** The file's last line ends in `\`, so that logical line never runs and the script fails. */
  endsInContinuation: boolean;
}

const CR = 0x0d;
const BACKSLASH = 0x5c;
const HASH = 0x23;
const COLON = 0x3a;
const PIPE = 0x7c;
const AMPERSAND = 0x26;
const SEMICOLON = 0x3b;

/**
 * Maps indices of a joined logical line back to original offsets. Only lines that actually continue over
 * several physical lines need one; single lines are scanned in place in the original text.
 */
class JoinedLine {
  /** Index in the joined text where each piece starts. */
  private readonly joinedStarts: number[] = [];
  /** Original offset where each piece starts. */
  private readonly originalStarts: number[] = [];
  readonly text: string;

  constructor(original: string, starts: readonly number[], ends: readonly number[], count: number) {
    const parts: string[] = [];
    let length = 0;
    for (let k = 0; k < count; k++) {
      if (ends[k]! === starts[k]!) continue;
      this.joinedStarts.push(length);
      this.originalStarts.push(starts[k]!);
      parts.push(original.slice(starts[k]!, ends[k]!));
      length += ends[k]! - starts[k]!;
    }
    this.text = parts.join("");
  }

  /** Original offset of the character at `index` (or just past the last character). */
  toOriginal(index: number): number {
    const starts = this.joinedStarts;
    let k = starts.length - 1;
    while (k > 0 && starts[k]! > index) k--;
    return this.originalStarts[k]! + (index - starts[k]!);
  }

  /** Original end offset of a span that ends (exclusive) at `index` and is not empty. */
  toOriginalEnd(index: number): number {
    return this.toOriginal(index - 1) + 1;
  }
}

/** What is known about a script once every line has been read. */
export interface ScriptSummary {
  header: HeaderCheck;
  /** Number of logical lines visited. */
  lineCount: number;
  /** The file's last line ends in `\`, so that logical line never runs and the script fails. */
  endsInContinuation: boolean;
}

/** Splits `text` into logical lines and tokens as iPXE does, keeping every line. */
export function tokenizeScript(text: string): TokenizedScript {
  const lines: LogicalLine[] = [];
  const summary = forEachLogicalLine(text, (line) => {
    lines.push(line);
  });
  return { header: summary.header, lines, endsInContinuation: summary.endsInContinuation };
}

/**
 * Reads `text` line by line and hands each logical line to `visit` without keeping it. Checks that look at
 * one line at a time (such as proving a generated script safe) should use this: nothing outlives the
 * callback unless the caller keeps it, which keeps memory flat on multi-megabyte scripts.
 */
export function forEachLogicalLine(text: string, visit: (line: LogicalLine) => void): ScriptSummary {
  const header = checkHeader(text);
  const length = text.length;
  const nuls = new NulFinder(text);
  // The physical pieces of the logical line being assembled, reused from line to line.
  const starts: number[] = [];
  const ends: number[] = [];
  let count = 0;
  let lineCount = 0;
  let lineOffset = 0;
  let firstLine = 1;
  let physicalLine = 0;
  let position = 0;
  let endsInContinuation = false;

  // Mirrors iPXE's do/while: a trailing "\n" does not start another line, an empty file is one empty line.
  do {
    let eol = text.indexOf("\n", position);
    if (eol < 0) eol = length;
    starts[count] = position;
    ends[count] = eol;
    count++;
    position = eol + 1;
    physicalLine++;

    // iPXE inspects the end of the accumulated buffer, which may lie in an earlier piece.
    let last = lastNonEmpty(starts, ends, count);
    if (last >= 0 && text.charCodeAt(ends[last]! - 1) === CR) ends[last]!--;
    last = lastNonEmpty(starts, ends, count);
    if (last >= 0 && text.charCodeAt(ends[last]! - 1) === BACKSLASH) {
      ends[last]!--;
      if (position < length) continue;
      endsInContinuation = true;
      const line = buildLine(text, starts, ends, count, lineOffset, firstLine, physicalLine, nuls);
      line.unterminated = true;
      lineCount++;
      visit(line);
      break;
    }

    lineCount++;
    visit(buildLine(text, starts, ends, count, lineOffset, firstLine, physicalLine, nuls));
    count = 0;
    lineOffset = position;
    firstLine = physicalLine + 1;
  } while (position < length);

  return { header, lineCount, endsInContinuation };
}

function lastNonEmpty(starts: readonly number[], ends: readonly number[], count: number): number {
  for (let k = count - 1; k >= 0; k--) if (ends[k]! > starts[k]!) return k;
  return -1;
}

/** Finds NUL bytes line by line in one forward pass (lines are visited in order). */
class NulFinder {
  private readonly positions: number[] = [];
  private cursor = 0;

  constructor(text: string) {
    for (let at = text.indexOf("\0"); at >= 0; at = text.indexOf("\0", at + 1)) this.positions.push(at);
  }

  /** Original offset of the first NUL inside the given pieces, if any. */
  firstWithin(starts: readonly number[], ends: readonly number[], count: number): number {
    if (this.positions.length === 0) return -1;
    let found = -1;
    for (let k = 0; k < count; k++) {
      while (this.cursor < this.positions.length && this.positions[this.cursor]! < starts[k]!) this.cursor++;
      const at = this.positions[this.cursor];
      if (found < 0 && at !== undefined && at < ends[k]!) found = at;
    }
    return found;
  }
}

function buildLine(
  text: string,
  starts: readonly number[],
  ends: readonly number[],
  count: number,
  lineOffset: number,
  firstLine: number,
  lastLine: number,
  nuls: NulFinder,
): LogicalLine {
  let pieces = 0;
  let only = -1;
  for (let k = 0; k < count; k++) {
    if (ends[k]! > starts[k]!) {
      pieces++;
      only = k;
    }
  }
  const nul = nuls.firstWithin(starts, ends, count);

  if (pieces <= 1) {
    const from = only >= 0 ? starts[only]! : lineOffset;
    let to = only >= 0 ? ends[only]! : lineOffset;
    if (nul >= 0) to = nul;
    const line = newLine(lineOffset, to, firstLine, lastLine, text.slice(from, to));
    if (nul >= 0) line.nulAt = nul;
    scanLine(line, text, from, to, null);
    return line;
  }

  const joined = new JoinedLine(text, starts, ends, count);
  let to = joined.text.length;
  if (nul >= 0) to = joined.text.indexOf("\0");
  const end = nul >= 0 ? nul : joined.toOriginalEnd(to);
  const line = newLine(lineOffset, end, firstLine, lastLine, joined.text.slice(0, to));
  if (nul >= 0) line.nulAt = nul;
  scanLine(line, joined.text, 0, to, joined);
  return line;
}

function newLine(start: number, end: number, firstLine: number, lastLine: number, text: string): LogicalLine {
  return { start, end, firstLine, lastLine, text, commands: [] };
}

/**
 * Label detection, tokenising, comments and terminators for one logical line held in `source[from, to)`.
 * `joined` maps indices back to original offsets; without it indices are original offsets already.
 */
function scanLine(line: LogicalLine, source: string, from: number, to: number, joined: JoinedLine | null): void {
  let i = from;
  while (i < to && isIpxeSpace(source.charCodeAt(i))) i++;
  let boundary = joined ? joined.toOriginal(i) : i;
  if (i < to && source.charCodeAt(i) === COLON) {
    const colon = i;
    i++;
    while (i < to && !isIpxeSpace(source.charCodeAt(i))) i++;
    const start = joined ? joined.toOriginal(colon) : colon;
    const end = joined ? joined.toOriginalEnd(i) : i;
    line.label = { name: source.slice(colon + 1, i), start, end };
    boundary = end;
  } else if (i >= to) {
    return;
  }

  const commands = line.commands;
  let argv: IpxeToken[] = [];
  for (;;) {
    while (i < to && isIpxeSpace(source.charCodeAt(i))) i++;
    if (i >= to) break;
    const tokenStart = i;
    const first = source.charCodeAt(i);
    while (i < to && !isIpxeSpace(source.charCodeAt(i))) i++;

    if (first === HASH) {
      let commentEnd = to;
      while (commentEnd > tokenStart && isIpxeSpace(source.charCodeAt(commentEnd - 1))) commentEnd--;
      line.comment = makeToken(source, tokenStart, commentEnd, joined);
      break;
    }

    const size = i - tokenStart;
    if (size <= 2 && isTerminator(source, tokenStart, size, first)) {
      const token = makeToken(source, tokenStart, i, joined);
      commands.push(makeCommand(argv, boundary, { kind: token.text as Terminator, token }));
      argv = [];
      boundary = token.end;
      continue;
    }
    argv.push(makeToken(source, tokenStart, i, joined));
  }

  if (argv.length > 0 || commands.length > 0) commands.push(makeCommand(argv, boundary));
}

function isTerminator(source: string, start: number, size: number, first: number): boolean {
  if (size === 1) return first === SEMICOLON;
  return (first === PIPE || first === AMPERSAND) && source.charCodeAt(start + 1) === first;
}

function makeToken(source: string, start: number, end: number, joined: JoinedLine | null): IpxeToken {
  const text = source.slice(start, end);
  return joined ? { text, start: joined.toOriginal(start), end: joined.toOriginalEnd(end) } : { text, start, end };
}

function makeCommand(argv: IpxeToken[], boundary: number, terminator?: IpxeCommand["terminator"]): IpxeCommand {
  const start = argv.length > 0 ? argv[0]!.start : boundary;
  const end = argv.length > 0 ? argv[argv.length - 1]!.end : boundary;
  return terminator ? { argv, terminator, start, end } : { argv, start, end };
}
