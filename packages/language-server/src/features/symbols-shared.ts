/** What both languages' outlines share: one way to make a symbol that every editor accepts. */
import type { DocumentSymbol, Range, SymbolKind } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { toLspRange, type OffsetRange } from "../positions.js";

export function documentSymbol(
  lines: TextDocument,
  name: string | undefined,
  kind: SymbolKind,
  range: OffsetRange,
  selection: OffsetRange | undefined,
  detail?: string,
  children?: DocumentSymbol[],
): DocumentSymbol {
  const full = toLspRange(lines, range);
  const selected = selection ? toLspRange(lines, selection) : undefined;
  return {
    // Editors refuse a symbol without a name (VS Code throws); a half-typed one still gets a place.
    name: name?.trim() ? name : "(unnamed)",
    kind,
    range: full,
    // …and one whose selection lies outside its range.
    selectionRange: selected && contains(full, selected) ? selected : { start: full.start, end: full.start },
    ...(detail ? { detail } : {}),
    ...(children ? { children } : {}),
  };
}

function contains(outer: Range, inner: Range): boolean {
  return !isBefore(inner.start, outer.start) && !isBefore(outer.end, inner.end);
}

function isBefore(a: Range["start"], b: Range["start"]): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
