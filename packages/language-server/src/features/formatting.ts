/**
 * Formatting through the Prettier plugin, exactly as `ipxm fmt` formats: same plugin, same options
 * (the server resolves the file's Prettier configuration), so the editor and `ipxm fmt --check` in CI
 * never disagree. The result goes back as one edit per changed run of lines. A file that does not
 * parse is left alone: formatting what error recovery made of it would drop what it skipped.
 */
import { SourceText } from "@ipxm/core";
import plugin from "@ipxm/prettier-plugin";
// The standalone build: the server is bundled into one file, and Prettier's main entry loads its
// parsers and config resolution from disk.
import { format } from "prettier/standalone";
import type { Range, TextEdit } from "vscode-languageserver";
import { lineIndex, newlineLineAt, newlineLineStart, toLspRange, toOffset } from "../positions.js";
import type { SourceDocument } from "../snapshot.js";
import { diffLines, splitLines, type Hunk } from "./formatting-diff.js";

/** Prettier options the server resolved for the file (printWidth, ipxmAlignItems, ipxeIndentLabels…). */
export type FormatConfig = Record<string, unknown>;

export async function formatDocument(document: SourceDocument, config: FormatConfig): Promise<TextEdit[]> {
  const change = await formattedChange(document, config);
  return change ? change.hunks.map((hunk) => change.edit(hunk)) : [];
}

/** Formats the whole file (layout depends on the whole menu) and keeps the hunks on the range's lines. */
export async function formatRange(document: SourceDocument, range: Range, config: FormatConfig): Promise<TextEdit[]> {
  const change = await formattedChange(document, config);
  if (!change) return [];
  const startOffset = change.offsetOf(range.start);
  const endOffset = change.offsetOf(range.end);
  const first = change.lineAt(startOffset);
  // A selection that ends at the start of a line does not take that line.
  const endsAtLineStart = endOffset > startOffset && change.lineStart(change.lineAt(endOffset)) === endOffset;
  const last = Math.max(first, change.lineAt(endOffset) - (endsAtLineStart ? 1 : 0));
  return change.hunks
    .filter((hunk) =>
      hunk.oldEnd > hunk.oldStart
        ? hunk.oldStart <= last && hunk.oldEnd > first
        : // Lines inserted between two lines, or right after the last one, belong to the selection.
          hunk.oldStart >= first && hunk.oldStart <= last + 1,
    )
    .map((hunk) => change.edit(hunk));
}

interface Change {
  readonly hunks: readonly Hunk[];
  edit(hunk: Hunk): TextEdit;
  offsetOf(position: Range["start"]): number;
  /** The index of the line (as the diff counts them) that holds an offset. */
  lineAt(offset: number): number;
  lineStart(line: number): number;
}

async function formattedChange(document: SourceDocument, config: FormatConfig): Promise<Change | undefined> {
  const formatted = await formatText(document, config);
  if (formatted === undefined || formatted === document.text) return undefined;
  const before = splitLines(document.text);
  const after = splitLines(formatted);
  // The diff's lines end at `\n`; the edits' positions are the editor's.
  const source = new SourceText(document.path, document.text);
  const lines = lineIndex(document);
  return {
    hunks: diffLines(before, after),
    edit: (hunk) => ({
      range: toLspRange(lines, [newlineLineStart(source, hunk.oldStart), newlineLineStart(source, hunk.oldEnd)]),
      newText: after.slice(hunk.newStart, hunk.newEnd).join(""),
    }),
    offsetOf: (position) => toOffset(lines, position),
    // The end of a text that ends with a line end is on its last line, not on an empty one after it.
    lineAt: (offset) => Math.min(newlineLineAt(source, offset), Math.max(0, before.length - 1)),
    lineStart: (line) => newlineLineStart(source, line),
  };
}

/** What `ipxm fmt` prints for the file, or undefined when it does not parse. */
async function formatText(document: SourceDocument, config: FormatConfig): Promise<string | undefined> {
  // A configuration may name plugins or a parser; ours are fixed, and a second copy must not load.
  const { plugins: _plugins, parser: _parser, filepath: _filepath, ...options } = config;
  // iPXE reads a lone carriage return as a space, Prettier as a line break: as `ipxm fmt` does, a space.
  const text = document.language === "ipxe" ? document.text.replace(/\r(?!\n)/g, " ") : document.text;
  try {
    return await format(text, { ...options, parser: document.language, plugins: [plugin] });
  } catch {
    // A syntax error (or any refusal of the formatter) leaves the file as it is.
    return undefined;
  }
}
