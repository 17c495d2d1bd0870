/**
 * Test helpers: an in-memory SourceHost, one-call analysis and elaboration of ipxm text, and
 * diagnostics shown as the text their range covers (so a test states exactly where a problem is).
 */
import {
  analyze,
  elaborate,
  loadWorkspace,
  type Analysis,
  type Diagnostic,
  type ElaborateOptions,
  type ElaborationResult,
  type Range,
  type ReadResult,
  type SourceHost,
  type Workspace,
} from "../src/index.js";

export type Files = Readonly<Record<string, string>>;

export interface MemoryHost extends SourceHost {
  /** Every path asked for, in order. */
  readonly reads: string[];
}

/** A host over a map of path → text; other paths do not exist. `failures` makes some paths fail otherwise. */
export function memoryHost(files: Files, failures: Readonly<Record<string, ReadResult>> = {}): MemoryHost {
  const reads: string[] = [];
  return {
    reads,
    readFile(path: string): ReadResult {
      reads.push(path);
      const failure = failures[path];
      if (failure) return failure;
      const text = files[path];
      return text === undefined ? { ok: false, code: "file-not-found", message: "does not exist" } : { ok: true, text };
    },
  };
}

/** One file's text, or several files; the first file is the root. */
export type Input = string | Files;

function filesOf(input: Input): Files {
  return typeof input === "string" ? { "main.ipxm": input } : input;
}

export function load(input: Input, roots?: readonly string[]): Workspace {
  const files = filesOf(input);
  return loadWorkspace(roots ?? [Object.keys(files)[0]!], memoryHost(files));
}

export function analyzeText(input: Input, roots?: readonly string[]): Analysis {
  return analyze(load(input, roots));
}

export function build(input: Input, options: ElaborateOptions & { entry?: string } = {}): ElaborationResult {
  const files = filesOf(input);
  const entry = options.entry ?? Object.keys(files)[0]!;
  return elaborate(analyzeText(files, [entry]), entry, options);
}

/** The program of error-free input; fails the test with the diagnostics otherwise. */
export function programOf(input: Input, options: ElaborateOptions & { entry?: string } = {}) {
  const result = build(input, options);
  if (!result.program)
    throw new Error(`expected a program, got:\n${result.diagnostics.map((d) => `${d.code}: ${d.message}`).join("\n")}`);
  return result.program;
}

export interface Shown {
  readonly code: string;
  readonly file: string;
  /** The source text the range covers. */
  readonly at: string;
  readonly message: string;
}

/** Diagnostics as code, file, covered text and message. */
export function show(diagnostics: readonly Diagnostic[], input: Input): Shown[] {
  const files = filesOf(input);
  return diagnostics.map((d) => ({
    code: d.code,
    file: d.file,
    at: (files[d.file] ?? "").slice(d.range.start, d.range.end),
    message: d.message,
  }));
}

/** Analysis diagnostics of the input, shown. */
export function check(input: Input): Shown[] {
  return show(analyzeText(input).diagnostics, input);
}

/** Analysis and elaboration diagnostics of the input, shown. */
export function checkBuild(input: Input, options: ElaborateOptions & { entry?: string } = {}): Shown[] {
  return show(build(input, options).diagnostics, input);
}

/** The range of the `occurrence`-th (1-based) `snippet` in `text`. */
export function rangeOf(text: string, snippet: string, occurrence = 1): Range {
  let start = -1;
  for (let i = 0; i < occurrence; i++) {
    start = text.indexOf(snippet, start + 1);
    if (start < 0) throw new Error(`"${snippet}" occurs fewer than ${occurrence} times`);
  }
  return { start, end: start + snippet.length };
}
