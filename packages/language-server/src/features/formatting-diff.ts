/**
 * The difference of two texts as hunks of whole lines, so that formatting sends the editor small
 * edits (the cursor, folds and undo history of untouched lines survive) instead of a new file.
 * Myers' O((N+M)·D) diff over the lines left once the common head and tail are set aside; when the
 * texts differ almost everywhere, one hunk for the whole middle is as good and costs nothing.
 */

/** Old lines `[oldStart, oldEnd)` become new lines `[newStart, newEnd)` (0-based line indexes). */
export interface Hunk {
  readonly oldStart: number;
  readonly oldEnd: number;
  readonly newStart: number;
  readonly newEnd: number;
}

/** The lines of `text`, each with its line end (`\n`, which keeps a `\r\n` whole); no empty last line. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** Beyond this many differing lines the diff gives up and replaces the middle in one hunk. */
const maxEditDistance = 1000;

export function diffLines(before: readonly string[], after: readonly string[]): Hunk[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  const a = before.slice(head, before.length - tail);
  const b = after.slice(head, after.length - tail);
  if (a.length === 0 && b.length === 0) return [];
  const script = editScript(a, b);
  if (!script) return [{ oldStart: head, oldEnd: head + a.length, newStart: head, newEnd: head + b.length }];
  return groupHunks(script, head);
}

/** One step of an edit script: keep a line, delete an old one, or insert a new one. */
type Step = "keep" | "delete" | "insert";

/** Myers' greedy diff; undefined when more than `maxEditDistance` edits are needed. */
function editScript(a: readonly string[], b: readonly string[]): Step[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, maxEditDistance);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // The furthest x on each diagonal after each round, for walking the path back.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m, a, b);
    }
  }
  return undefined;
}

function backtrack(
  trace: readonly Int32Array[],
  distance: number,
  n: number,
  m: number,
  a: readonly string[],
  b: readonly string[],
): Step[] {
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = distance; d > 0; d--) {
    // trace[d] holds the diagonals -d-1 … d+1 as they were before round d.
    const before = trace[d]!;
    const at = (k: number) => before[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX + (down ? 0 : 1) && y > previousY + (down ? 1 : 0)) {
      steps.push("keep");
      x--;
      y--;
    }
    steps.push(down ? "insert" : "delete");
    x = previousX;
    y = previousY;
  }
  while (x > 0 && y > 0 && a[x - 1] === b[y - 1]) {
    steps.push("keep");
    x--;
    y--;
  }
  return steps.reverse();
}

function groupHunks(steps: readonly Step[], head: number): Hunk[] {
  const hunks: Hunk[] = [];
  let oldLine = head;
  let newLine = head;
  let open: { oldStart: number; newStart: number } | undefined;
  const close = () => {
    if (open) hunks.push({ oldStart: open.oldStart, oldEnd: oldLine, newStart: open.newStart, newEnd: newLine });
    open = undefined;
  };
  for (const step of steps) {
    if (step === "keep") {
      close();
      oldLine++;
      newLine++;
      continue;
    }
    open ??= { oldStart: oldLine, newStart: newLine };
    if (step === "delete") oldLine++;
    else newLine++;
  }
  close();
  return hunks;
}
