/**
 * When diagnostics are computed and pushed. Typing makes a burst of changes; linting after each would
 * waste the time of all but the last, so a run starts only after `delayMs` without a change. A run
 * validates the documents that changed first, then every other open document, since a problem can
 * come and go in a file that imports the changed one or that it imports. Between documents the run
 * yields to the event loop, so that a new change can arrive; a change makes the rest of the running
 * run stale, and it stops. Nothing here knows the transport: the server passes in what to call.
 */
import type { Diagnostic } from "vscode-languageserver";

export interface DiagnosticsSchedulerOptions {
  /** Quiet time after the last change before a run starts. */
  readonly delayMs: number;
  /** The diagnostics of a document as it now is; undefined when there is no such document. */
  readonly validate: (uri: string) => Diagnostic[] | undefined;
  /** Pushes a document's diagnostics to the editor. */
  readonly publish: (uri: string, version: number | undefined, diagnostics: Diagnostic[]) => void;
  /** The URIs of the documents open in the editor: the only ones whose diagnostics are shown. */
  readonly openDocuments: () => readonly string[];
  /** The editor's version of an open document, published with its diagnostics. */
  readonly documentVersion?: (uri: string) => number | undefined;
  readonly setTimer?: (callback: () => void, ms: number) => unknown;
  readonly clearTimer?: (timer: unknown) => void;
  /** Lets other work run before `callback` (between two documents of a run). */
  readonly yieldThen?: (callback: () => void) => void;
}

export class DiagnosticsScheduler {
  private readonly options: DiagnosticsSchedulerOptions;
  private readonly setTimer: (callback: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;
  private readonly yieldThen: (callback: () => void) => void;
  /** Changed documents not validated since their change, oldest change first. */
  private readonly changed = new Set<string>();
  /** What was last pushed for each document, so that an unchanged result is not pushed again. */
  private readonly published = new Map<string, string>();
  private timer: unknown;
  /** Grows with every change: a run that finds it grown is stale. */
  private generation = 0;
  /** Whether the next run also refreshes every open document that did not change. */
  private refreshOthers = false;
  private disposed = false;

  constructor(options: DiagnosticsSchedulerOptions) {
    this.options = options;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    this.yieldThen = options.yieldThen ?? ((callback) => setImmediate(callback));
  }

  /** A document was opened or edited. */
  documentChanged(uri: string): void {
    if (this.disposed) return;
    this.changed.delete(uri);
    this.changed.add(uri);
    this.refreshOthers = true;
    this.schedule();
  }

  /** Something every document may depend on changed (settings, files on disk): validate them all. */
  revalidateAll(): void {
    if (this.disposed) return;
    this.refreshOthers = true;
    this.schedule();
  }

  /** A document was closed: its problems are no longer shown. */
  documentClosed(uri: string): void {
    if (this.disposed) return;
    this.changed.delete(uri);
    this.published.delete(uri);
    this.options.publish(uri, undefined, []);
    // What it declared is gone from the open buffers, which may matter to the others.
    this.revalidateAll();
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.cancelTimer();
    this.changed.clear();
    this.published.clear();
  }

  private schedule(): void {
    this.generation++;
    this.cancelTimer();
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      this.run();
    }, this.options.delayMs);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
  }

  private run(): void {
    const generation = this.generation;
    const first = [...this.changed];
    const queue = this.refreshOthers ? [...first, ...this.openUris().filter((uri) => !this.changed.has(uri))] : first;
    this.refreshOthers = false;
    const step = (index: number): void => {
      if (this.disposed || generation !== this.generation || index >= queue.length) return;
      this.validate(queue[index]!);
      if (index + 1 < queue.length) {
        this.yieldThen(() => step(index + 1));
      }
    };
    step(0);
  }

  private validate(uri: string): void {
    this.changed.delete(uri);
    if (!this.openUris().includes(uri)) return;
    let diagnostics: Diagnostic[] | undefined;
    try {
      diagnostics = this.options.validate(uri);
    } catch {
      diagnostics = undefined;
    }
    if (diagnostics === undefined) return;
    const version = this.options.documentVersion?.(uri);
    // Validation is synchronous: nothing can have changed between it and this push.
    const key = `${version ?? ""}\0${JSON.stringify(diagnostics)}`;
    if (this.published.get(uri) === key) return;
    this.published.set(uri, key);
    this.options.publish(uri, version, diagnostics);
  }

  private openUris(): readonly string[] {
    try {
      return this.options.openDocuments();
    } catch {
      return [];
    }
  }
}
