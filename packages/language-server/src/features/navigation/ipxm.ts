/**
 * Navigation in `.ipxm` files: definition, references, highlights and rename, over the symbols and
 * references of the snapshot's analysis (every `.ipxm` file of the workspace, open or not).
 */
import { describeKind, withArticle, type Analysis, type Range as CoreRange, type SymbolInfo } from "@ipxm/core";
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range } from "vscode-languageserver";
import { startOfDocument, toLspRange } from "../../positions.js";
import type { Snapshot, SourceDocument } from "../../snapshot.js";
import { ipxmRenameConflict } from "./ipxm-conflicts.js";
import { navigationIndex } from "./ipxm-index.js";
import { ipxmTargetAt } from "./ipxm-target.js";
import { EditCollector, locationIn, uriOfPath, type RenameAnswer } from "./locations.js";
import { asSentence, invalidIpxmName } from "./names.js";

function targetAt(snapshot: Snapshot, document: SourceDocument, offset: number) {
  const analysis = snapshot.analysis();
  if (!analysis.workspace.files.has(document.path)) return undefined;
  const target = ipxmTargetAt(analysis, document.path, offset);
  return target ? { analysis, target } : undefined;
}

/** A symbol the workspace declares (not one of iPXE's built-in settings). */
function isDeclared(symbol: SymbolInfo): boolean {
  return symbol.kind !== "builtin-setting" && symbol.file !== undefined && symbol.nameRange !== undefined;
}

export function ipxmDefinition(snapshot: Snapshot, document: SourceDocument, offset: number): Location[] {
  const found = targetAt(snapshot, document, offset);
  if (!found) return [];
  const { analysis, target } = found;
  if (target.kind === "import") {
    if (!analysis.workspace.files.has(target.resolved) && !snapshot.documentAtPath(target.resolved)) return [];
    return [{ uri: uriOfPath(snapshot, target.resolved), range: startOfDocument() }];
  }
  const symbol = target.symbol;
  if (!isDeclared(symbol)) return [];
  const location = locationIn(snapshot, symbol.file!, symbol.nameRange!);
  return location ? [location] : [];
}

export function ipxmReferences(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
  includeDeclaration: boolean,
): Location[] {
  const found = targetAt(snapshot, document, offset);
  if (!found || found.target.kind !== "symbol") return [];
  const { analysis, target } = found;
  const places: { file: string; range: CoreRange }[] = [];
  if (includeDeclaration && isDeclared(target.symbol)) {
    places.push({ file: target.symbol.file!, range: target.symbol.nameRange! });
  }
  for (const reference of navigationIndex(analysis).referencesTo(target.symbol.id)) places.push(reference);
  // In the order of the files and then of the text, as a reader would go through them.
  places.sort((a, b) => (a.file === b.file ? a.range.start - b.range.start : a.file < b.file ? -1 : 1));
  const locations: Location[] = [];
  for (const place of places) {
    const location = locationIn(snapshot, place.file, place.range);
    if (location) locations.push(location);
  }
  return locations;
}

export function ipxmDocumentHighlights(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
): DocumentHighlight[] {
  const found = targetAt(snapshot, document, offset);
  if (!found || found.target.kind !== "symbol") return [];
  const { analysis, target } = found;
  const lines = snapshot.lines(document);
  const highlights: DocumentHighlight[] = [];
  const symbol = target.symbol;
  if (isDeclared(symbol) && symbol.file === document.path) {
    highlights.push({ range: toLspRange(lines, symbol.nameRange!), kind: DocumentHighlightKind.Write });
  }
  for (const reference of navigationIndex(analysis).referencesTo(symbol.id)) {
    if (reference.file !== document.path) continue;
    highlights.push({ range: toLspRange(lines, reference.range), kind: DocumentHighlightKind.Read });
  }
  return highlights;
}

export function ipxmPrepareRename(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
): { range: Range; placeholder: string } | null {
  const found = targetAt(snapshot, document, offset);
  if (!found || found.target.kind !== "symbol" || !isDeclared(found.target.symbol)) return null;
  return { range: toLspRange(snapshot.lines(document), found.target.range), placeholder: found.target.symbol.name };
}

export function ipxmRename(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
  newName: string,
): RenameAnswer {
  const found = targetAt(snapshot, document, offset);
  if (!found || found.target.kind !== "symbol") return { refused: "There is no name to rename here." };
  const { analysis, target } = found;
  const symbol = target.symbol;
  if (!isDeclared(symbol)) {
    return { refused: `"${symbol.name}" is one of iPXE's built-in settings; it cannot be renamed.` };
  }
  const refusal =
    invalidIpxmName(newName, withArticle(describeKind(symbol.kind))) ?? ipxmRenameConflict(analysis, symbol, newName);
  if (refusal) return { refused: asSentence(refusal) };
  return { changes: renameEdits(analysis, symbol, newName).changes(snapshot) };
}

function renameEdits(analysis: Analysis, symbol: SymbolInfo, newName: string): EditCollector {
  const edits = new EditCollector();
  edits.add(symbol.file!, symbol.nameRange!, newName);
  for (const reference of navigationIndex(analysis).referencesTo(symbol.id)) {
    edits.add(reference.file, reference.range, newName);
  }
  return edits;
}
