/**
 * Document symbols (the outline: menu → items, entry → parameters, label → menus) and workspace
 * symbols (every top-level ipxm declaration and every iPXE label, found by a few typed letters).
 */
import { baseName, type SymbolInfo } from "@ipxm/core";
import type { DocumentSymbol, SymbolKind, WorkspaceSymbol } from "vscode-languageserver";
import { toLspRange } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { ipxeDocumentSymbols, ipxeSymbolKinds } from "./symbols-ipxe.js";
import { ipxmDocumentSymbols, ipxmSymbolKinds } from "./symbols-ipxm.js";

export function documentSymbols(snapshot: Snapshot, document: SourceDocument): DocumentSymbol[] {
  const lines = snapshot.lines(document);
  if (document.language === "ipxm") {
    const file = snapshot.ipxmFile(document);
    return file ? ipxmDocumentSymbols(file, snapshot.analysis(), lines) : [];
  }
  const script = snapshot.script(document);
  const model = snapshot.scriptModel(document);
  return script && model ? ipxeDocumentSymbols(script, model, lines) : [];
}

/** More than this is noise in a picker, and costly to send; the best matches are kept. */
export const maxWorkspaceSymbols = 500;

interface Candidate {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly document: SourceDocument;
  readonly range: readonly [number, number];
  readonly containerName: string;
  readonly score: number;
}

export function workspaceSymbols(snapshot: Snapshot, query: string): WorkspaceSymbol[] {
  const wanted = query.toLowerCase();
  const candidates: Candidate[] = [];
  const consider = (
    name: string,
    kind: SymbolKind,
    document: SourceDocument,
    range: readonly [number, number],
    containerName: string,
  ) => {
    const score = matchScore(name, wanted);
    if (score !== undefined) candidates.push({ name, kind, document, range, containerName, score });
  };

  for (const symbol of snapshot.analysis().declarations) {
    const kind = declarationKind(symbol);
    const document = symbol.file === undefined ? undefined : snapshot.documentAtPath(symbol.file);
    if (kind === undefined || !document || !symbol.nameRange || symbol.name === "") continue;
    consider(symbol.name, kind, document, [symbol.nameRange.start, symbol.nameRange.end], baseName(document.path));
  }
  for (const document of snapshot.documents()) {
    if (document.language !== "ipxe") continue;
    const model = snapshot.scriptModel(document);
    if (!model) continue;
    for (const [name, labels] of model.labels) {
      if (name === "") continue;
      for (const label of labels)
        consider(name, ipxeSymbolKinds.label, document, label.nameRange, baseName(document.path));
    }
  }

  // Best matches first; among equals, by name and then by place, so that the order is stable.
  candidates.sort(
    (a, b) =>
      a.score - b.score ||
      a.name.localeCompare(b.name) ||
      a.document.path.localeCompare(b.document.path) ||
      a.range[0] - b.range[0],
  );
  return candidates.slice(0, maxWorkspaceSymbols).map((candidate) => ({
    name: candidate.name,
    kind: candidate.kind,
    containerName: candidate.containerName,
    location: { uri: candidate.document.uri, range: toLspRange(snapshot.lines(candidate.document), candidate.range) },
  }));
}

function declarationKind(symbol: SymbolInfo): SymbolKind | undefined {
  switch (symbol.kind) {
    case "menu":
      return ipxmSymbolKinds.menu;
    case "entry":
      return ipxmSymbolKinds.entry;
    case "const":
      return ipxmSymbolKinds.const;
    case "setting":
      return ipxmSymbolKinds.setting;
    default:
      return undefined;
  }
}

/**
 * How well `name` matches the letters typed (already lower case), lower is better, undefined when
 * they are not a subsequence of it: the name itself, then a prefix, then a substring, then the rest.
 */
function matchScore(name: string, query: string): number | undefined {
  if (query === "") return 0;
  const lower = name.toLowerCase();
  if (lower === query) return 0;
  if (lower.startsWith(query)) return 1;
  if (lower.includes(query)) return 2;
  let at = 0;
  for (let i = 0; i < lower.length && at < query.length; i++) if (lower[i] === query[at]) at++;
  return at === query.length ? 3 : undefined;
}
