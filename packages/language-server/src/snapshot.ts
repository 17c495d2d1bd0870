/**
 * One immutable state of the workspace: every known file's text (open buffers over the disk) and,
 * computed on first use and then kept, what the language packages make of it. Every request of one
 * state shares one snapshot; any change makes a new one.
 */
import type { Analysis, ParsedFile } from "@ipxm/core";
import { createLintTree, type LintTree, type ScriptModel, type ScriptNode } from "@ipxm/eslint-plugin";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { LintSettings } from "./diagnostics/lint-rules.js";
import { textShift, type TextShift } from "./text-shift.js";
import type { LanguageKind } from "./uris.js";

export interface SourceDocument {
  readonly uri: string;
  /** The path core and the linter know the file by. */
  readonly path: string;
  readonly language: LanguageKind;
  readonly text: string;
  /** Open in the editor (its text is the buffer's, not the disk's). */
  readonly open: boolean;
  /** The editor's version of an open document. */
  readonly version?: number;
}

/** The last analysis made, carried over to a newer text of one document (see `carriedAnalysis`). */
export interface CarriedAnalysis {
  readonly analysis: Analysis;
  /** The snapshot that made it. */
  readonly snapshot: Snapshot;
  /** The document as that analysis read it. */
  readonly older: SourceDocument;
  readonly shift: TextShift;
}

export class Snapshot {
  private readonly byUri = new Map<string, SourceDocument>();
  private readonly lineIndexes = new Map<string, TextDocument>();
  private lintTree: LintTree | undefined;
  private previous: Snapshot | undefined;
  private readonly carried = new Map<string, { from: Analysis; carried: CarriedAnalysis | undefined }>();

  constructor(
    /** Grows with every change of the workspace. */
    readonly version: number,
    private readonly byPath: ReadonlyMap<string, SourceDocument>,
    /**
     * The target profile chosen in the editor's settings; otherwise the project's `settings.ipxm.target`
     * for the lint rules (see `lintTarget`), and files' own `target "…"`.
     */
    readonly target: string | undefined,
    /** The project's settings of the lint rules for a file (they may become known after the snapshot is made). */
    private readonly settingsFor: (path: string, language: LanguageKind) => LintSettings,
    /** The snapshot this one replaces. */
    previous?: Snapshot,
  ) {
    for (const document of byPath.values()) this.byUri.set(document.uri, document);
    // Keep only the latest snapshot that was analysed: one step back, never a chain.
    const analysed = previous?.analysisIfMade() ? previous : previous?.previous;
    if (analysed) analysed.previous = undefined;
    this.previous = analysed;
  }

  document(uri: string): SourceDocument | undefined {
    return this.byUri.get(uri);
  }

  documentAtPath(path: string): SourceDocument | undefined {
    return this.byPath.get(path);
  }

  documents(): IterableIterator<SourceDocument> {
    return this.byPath.values();
  }

  /** The project's settings of the lint rules to check a document with now. */
  lintSettings(document: SourceDocument): LintSettings {
    return this.settingsFor(document.path, document.language);
  }

  /** Offset ↔ LSP position for a document (UTF-16 columns, every LSP line end). */
  lines(document: SourceDocument): TextDocument {
    let lines = this.lineIndexes.get(document.path);
    if (!lines) {
      lines = TextDocument.create(document.uri, document.language, document.version ?? 0, document.text);
      this.lineIndexes.set(document.path, lines);
    }
    return lines;
  }

  /** The linter's tree of every file: the same reading of each file that the lint rules see. */
  get tree(): LintTree {
    this.lintTree ??= createLintTree(
      [...this.byPath.values()].map(({ path, text, language }) => ({ path, text, language })),
      this.previous?.lintTree ? { previous: this.previous.lintTree, editing: true } : { editing: true },
    );
    return this.lintTree;
  }

  /** Every `.ipxm` file bound and checked together. */
  analysis(): Analysis {
    return this.tree.ipxmAnalysis();
  }

  /** The analysis if something (diagnostics, a request) made it already; never starts one. */
  analysisIfMade(): Analysis | undefined {
    return this.lintTree?.ipxmAnalysisIfMade();
  }

  /**
   * The latest analysis made of this workspace: this snapshot's, else that of the last snapshot that
   * was analysed (which may be a few keystrokes old), else none. For requests that must answer at
   * once while typing goes on, and can live with names a keystroke old.
   */
  latestAnalysis(): { readonly analysis: Analysis; readonly snapshot: Snapshot } | undefined {
    const own = this.analysisIfMade();
    if (own) return { analysis: own, snapshot: this };
    const older = this.previous?.analysisIfMade();
    return older && this.previous ? { analysis: older, snapshot: this.previous } : undefined;
  }

  /**
   * For a document whose current text is not analysed yet: the last analysis made, the document as
   * that analysis read it, and how offsets move between the two texts. Undefined when this snapshot
   * is analysed (use `analysis()`), when none was ever made, or when the text did not change.
   */
  carriedAnalysis(document: SourceDocument): CarriedAnalysis | undefined {
    const latest = this.latestAnalysis();
    if (!latest || latest.snapshot === this) return undefined;
    // Kept only while that analysis is still the latest: once a newer one is made, the older one's
    // parses have been handed over to it (see `LintTree.handOverIpxmAnalysis`).
    const kept = this.carried.get(document.path);
    if (kept?.from === latest.analysis) return kept.carried;
    let carried: CarriedAnalysis | undefined;
    const older = latest.snapshot.documentAtPath(document.path);
    if (older && older.text !== document.text) {
      carried = { ...latest, older, shift: textShift(older.text, document.text) };
    }
    this.carried.set(document.path, { from: latest.analysis, carried });
    return carried;
  }

  /** The parse of an `.ipxm` document. */
  ipxmFile(document: SourceDocument): ParsedFile | undefined {
    return this.analysis().workspace.files.get(document.path);
  }

  /** The reading of an iPXE script document, line by line as iPXE reads it. */
  script(document: SourceDocument): ScriptNode | undefined {
    return this.tree.script(document.path);
  }

  /** Labels, gotos, menus and settings of an iPXE script document. */
  scriptModel(document: SourceDocument): ScriptModel | undefined {
    return this.tree.model(document.path);
  }
}
