/**
 * What navigation needs from an analysis, indexed once per analysis (so once per snapshot): the
 * references of each symbol, and each file's references and declaring names in text order for the
 * lookup of what sits under the cursor. Requests then never scan every reference of the workspace.
 */
import type { Analysis, ReferenceInfo, SymbolInfo } from "@ipxm/core";

export interface IpxmNavigationIndex {
  /** The uses of a symbol across every file, each place once. */
  referencesTo(symbolId: string): readonly ReferenceInfo[];
  /** The uses of names in one file, by start offset. */
  referencesIn(file: string): readonly ReferenceInfo[];
  /** The symbols declared in one file (top-level names, items, parameters, loop variables), by start offset. */
  declarationsIn(file: string): readonly SymbolInfo[];
}

const none: readonly never[] = [];
const indexes = new WeakMap<Analysis, IpxmNavigationIndex>();

export function navigationIndex(analysis: Analysis): IpxmNavigationIndex {
  let index = indexes.get(analysis);
  if (!index) {
    index = buildIndex(analysis);
    indexes.set(analysis, index);
  }
  return index;
}

function buildIndex(analysis: Analysis): IpxmNavigationIndex {
  const byTarget = new Map<string, ReferenceInfo[]>();
  const byFile = new Map<string, ReferenceInfo[]>();
  // A name the checker visits twice (a constant's value, checked where it is first used) is one place.
  const seen = new Set<string>();
  for (const reference of analysis.references) {
    if (reference.range.end <= reference.range.start) continue;
    const place = `${reference.file}#${reference.range.start}`;
    if (seen.has(place)) continue;
    seen.add(place);
    push(byFile, reference.file, reference);
    if (reference.target) push(byTarget, reference.target.id, reference);
  }
  const declarations = new Map<string, SymbolInfo[]>();
  for (const symbol of analysis.symbols.values()) {
    if (symbol.file === undefined || !symbol.nameRange || symbol.nameRange.end <= symbol.nameRange.start) continue;
    push(declarations, symbol.file, symbol);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.range.start - b.range.start);
  for (const list of declarations.values()) list.sort((a, b) => a.nameRange!.start - b.nameRange!.start);
  return {
    referencesTo: (symbolId) => byTarget.get(symbolId) ?? none,
    referencesIn: (file) => byFile.get(file) ?? none,
    declarationsIn: (file) => declarations.get(file) ?? none,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
