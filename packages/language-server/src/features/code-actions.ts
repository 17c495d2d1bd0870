/**
 * Code actions for the problems `lintDocument` reported: each lint fix and suggestion as a quick fix,
 * "create" actions for a menu, entry or label that is used but does not exist, and one action that
 * applies every fix of the document (`source.fixAll.ipxm`, for fix-on-save).
 *
 * Edits come from the diagnostics' `data`, which holds offsets into one version of the document: a
 * diagnostic made for another version gets no action, as its offsets would land in the wrong place.
 */
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionContext,
  type Diagnostic,
  type TextEdit,
} from "vscode-languageserver";
import { readDiagnosticData, versionKey, type LintDiagnosticData, type LintEdit } from "../diagnostics/data.js";
import { missingIpxmDeclaration, missingLabel, type MissingDeclaration } from "../diagnostics/missing-declarations.js";
import { toLspRange, toOffsetRange } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { lintDocument } from "./diagnostics.js";

/** Applies every lint fix of a document at once. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.ipxm`;

export function codeActions(snapshot: Snapshot, document: SourceDocument, context: CodeActionContext): CodeAction[] {
  try {
    const wanted = (kind: string) =>
      context.only === undefined || context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
    const actions: CodeAction[] = [];
    if (wanted(CodeActionKind.QuickFix)) {
      const current = new CurrentLint(snapshot, document);
      for (const diagnostic of context.diagnostics) {
        const data = currentData(current, document, diagnostic);
        if (data) actions.push(...quickFixes(snapshot, document, diagnostic, data));
      }
    }
    if (wanted(fixAllKind)) {
      const fixAll = fixAllAction(snapshot, document);
      if (fixAll) actions.push(fixAll);
    }
    return actions;
  } catch {
    // Whatever went wrong, the editor gets no actions rather than an error.
    return [];
  }
}

/**
 * The data of one of our diagnostics, if it was made for this very version of the document. A
 * client that does not hand `data` back still gets actions for a diagnostic the current lint has.
 */
function currentData(
  current: CurrentLint,
  document: SourceDocument,
  diagnostic: Diagnostic,
): LintDiagnosticData | undefined {
  if (diagnostic.source !== "ipxm") return undefined;
  const data = readDiagnosticData(diagnostic.data);
  if (data) return data.version === versionKey(document.version) ? data : undefined;
  if (diagnostic.data !== undefined) return undefined;
  const same = current.matching(diagnostic);
  return same ? readDiagnosticData(same.data) : undefined;
}

/** The document's current lint, looked up by what a client hands back: words, code and range. */
class CurrentLint {
  private index: Map<string, Diagnostic> | undefined;

  constructor(
    private readonly snapshot: Snapshot,
    private readonly document: SourceDocument,
  ) {}

  matching(diagnostic: Diagnostic): Diagnostic | undefined {
    if (!this.index) {
      this.index = new Map();
      for (const ours of lintDocument(this.snapshot, this.document)) {
        const key = identity(ours);
        // The first of two alike is the one a search in order would find.
        if (!this.index.has(key)) this.index.set(key, ours);
      }
    }
    return this.index.get(identity(diagnostic));
  }
}

function identity(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}\0${JSON.stringify(diagnostic.code)}\0${diagnostic.message}`;
}

function quickFixes(
  snapshot: Snapshot,
  document: SourceDocument,
  diagnostic: Diagnostic,
  data: LintDiagnosticData,
): CodeAction[] {
  const actions: CodeAction[] = [];
  if (data.fix) {
    actions.push({
      title: `Fix: ${diagnostic.message}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: editOf(snapshot, document, [data.fix]),
    });
  }
  for (const suggestion of data.suggestions ?? []) {
    actions.push({
      title: suggestion.desc,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editOf(snapshot, document, [suggestion.fix]),
    });
  }
  const missing = missingDeclaration(snapshot, document, diagnostic, data);
  if (missing) {
    actions.push({
      title: createTitle(missing),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: editOf(snapshot, document, [{ range: [missing.range.start, missing.range.end], text: missing.text }]),
    });
  }
  return actions;
}

function createTitle(missing: MissingDeclaration): string {
  return missing.kind === "label" ? `Create label ":${missing.name}"` : `Create ${missing.kind} "${missing.name}"`;
}

/** What an unknown name or an undefined label calls for, if anything. */
function missingDeclaration(
  snapshot: Snapshot,
  document: SourceDocument,
  diagnostic: Diagnostic,
  data: LintDiagnosticData,
): MissingDeclaration | undefined {
  const range = toOffsetRange(snapshot.lines(document), diagnostic.range);
  if (document.language === "ipxm") {
    if (diagnostic.code !== "unknown-name") return undefined;
    const file = snapshot.ipxmFile(document);
    return file ? missingIpxmDeclaration(file, snapshot.analysis(), range) : undefined;
  }
  if (data.rule !== "ipxm/no-undefined-label") return undefined;
  const model = snapshot.scriptModel(document);
  return model ? missingLabel(document.text, model, range) : undefined;
}

/**
 * Every fix of the document's current problems in one edit. Fixes that overlap one already taken
 * are left out, as ESLint does in one pass of `--fix`; they are offered again once these are applied.
 */
function fixAllAction(snapshot: Snapshot, document: SourceDocument): CodeAction | undefined {
  const fixes: LintEdit[] = [];
  for (const diagnostic of lintDocument(snapshot, document)) {
    const fix = readDiagnosticData(diagnostic.data)?.fix;
    if (fix) fixes.push(fix);
  }
  fixes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const chosen: LintEdit[] = [];
  let end = Number.NEGATIVE_INFINITY;
  for (const fix of fixes) {
    if (fix.range[0] <= end) continue;
    chosen.push(fix);
    end = fix.range[1];
  }
  if (chosen.length === 0) return undefined;
  return {
    title: "Fix all auto-fixable ipxm problems",
    kind: fixAllKind,
    edit: editOf(snapshot, document, chosen),
  };
}

function editOf(snapshot: Snapshot, document: SourceDocument, edits: readonly LintEdit[]): CodeAction["edit"] {
  const lines = snapshot.lines(document);
  const textEdits: TextEdit[] = edits.map((edit) => ({ range: toLspRange(lines, edit.range), newText: edit.text }));
  return { changes: { [document.uri]: textEdits } };
}
