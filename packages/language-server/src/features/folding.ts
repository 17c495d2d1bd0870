/**
 * Folding ranges. ipxm: every bracketed block over more than one line, block comments, runs of line
 * comments, runs of imports. iPXE: each label's section, runs of `#` comment lines, and each menu's
 * `item` lines under the `menu` line.
 */
import type { Comment, ParsedFile } from "@ipxm/core";
import type { LineNode, ScriptModel, ScriptNode } from "@ipxm/eslint-plugin";
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { lineOf, lineStartOf } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { bracketPairs } from "./folding-brackets.js";
import { labelSections } from "./symbols-ipxe.js";

export function foldingRanges(snapshot: Snapshot, document: SourceDocument): FoldingRange[] {
  const lines = snapshot.lines(document);
  const folds = new Folds();
  if (document.language === "ipxm") {
    ipxmFolds(document.text, snapshot.ipxmFile(document), lines, folds);
  } else {
    const script = snapshot.script(document);
    const model = snapshot.scriptModel(document);
    if (script && model) ipxeFolds(script, model, lines, folds);
  }
  return folds.sorted();
}

/** Collects ranges; one per start line (an editor shows one fold there anyway), the first kept. */
class Folds {
  private readonly byStart = new Map<number, FoldingRange>();

  add(startLine: number, endLine: number, kind?: FoldingRangeKind): void {
    if (endLine <= startLine || this.byStart.has(startLine)) return;
    this.byStart.set(startLine, { startLine, endLine, ...(kind ? { kind } : {}) });
  }

  sorted(): FoldingRange[] {
    return [...this.byStart.values()].sort((a, b) => a.startLine - b.startLine);
  }
}

function ipxmFolds(text: string, file: ParsedFile | undefined, lines: TextDocument, folds: Folds): void {
  // Comments first: a comment block wins a line it shares with a block's opening bracket.
  if (file) commentFolds(text, file.comments, lines, folds);
  for (const pair of bracketPairs(text)) {
    const closeLine = lineOf(lines, pair.close);
    // A closing bracket that starts its line stays visible, as in every C-like editor.
    folds.add(lineOf(lines, pair.open), startsLine(text, lines, pair.close) ? closeLine - 1 : closeLine);
  }
  if (file) importFolds(file, lines, folds);
}

function commentFolds(text: string, comments: readonly Comment[], lines: TextDocument, folds: Folds): void {
  let run: { first: number; last: number } | undefined;
  const endRun = () => {
    if (run) folds.add(run.first, run.last, FoldingRangeKind.Comment);
    run = undefined;
  };
  for (const comment of comments) {
    const line = lineOf(lines, comment.range.start);
    if (comment.kind === "block") {
      endRun();
      folds.add(line, lineOf(lines, comment.range.end), FoldingRangeKind.Comment);
      continue;
    }
    // Only a comment alone on its line joins a run; one after code belongs to that code.
    if (!startsLine(text, lines, comment.range.start)) {
      endRun();
      continue;
    }
    if (run && line === run.last + 1) run.last = line;
    else {
      endRun();
      run = { first: line, last: line };
    }
  }
  endRun();
}

function importFolds(file: ParsedFile, lines: TextDocument, folds: Folds): void {
  let run: { first: number; last: number } | undefined;
  const endRun = () => {
    if (run) folds.add(run.first, run.last, FoldingRangeKind.Imports);
    run = undefined;
  };
  for (const declaration of file.ast.declarations ?? []) {
    if (declaration?.kind !== "Import") {
      endRun();
      continue;
    }
    const first = lineOf(lines, declaration.start);
    const last = lineOf(lines, declaration.end);
    if (run) run.last = last;
    else run = { first, last };
  }
  endRun();
}

/** Whether only white space comes before `offset` on its line. */
function startsLine(text: string, lines: TextDocument, offset: number): boolean {
  return text.slice(lineStartOf(lines, offset), offset).trim() === "";
}

function ipxeFolds(script: ScriptNode, model: ScriptModel, lines: TextDocument, folds: Folds): void {
  // Lines are found from offsets, as the editor counts them (a lone CR ends a line for it, not for iPXE).
  const first = (line: LineNode) => lineOf(lines, line.range[0]);
  const last = (line: LineNode) => lineOf(lines, line.range[1]);
  for (const section of labelSections(script)) {
    folds.add(first(section.line), last(section.lastLine), FoldingRangeKind.Region);
  }
  for (const menu of model.menus) {
    let end = menu.line;
    for (const item of menu.items) if (item.line.range[1] > end.range[1]) end = item.line;
    folds.add(first(menu.line), last(end));
  }
  let run: { first: number; last: number } | undefined;
  const endRun = () => {
    if (run) folds.add(run.first, run.last, FoldingRangeKind.Comment);
    run = undefined;
  };
  for (const line of script.lines) {
    const commentOnly = line.comment !== undefined && !line.label && !line.commands.some((c) => c.words.length > 0);
    if (!commentOnly) {
      // Code and blank lines both end a run.
      endRun();
      continue;
    }
    if (run && first(line) === run.last + 1) run.last = last(line);
    else {
      endRun();
      run = { first: first(line), last: last(line) };
    }
  }
  endRun();
}
