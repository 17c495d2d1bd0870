/**
 * Whether renaming an ipxm symbol to a new name keeps every name meaning what it meant: no second
 * declaration of the name where the symbol is seen, no local that would catch the symbol's uses, no
 * use of another declaration that the renamed symbol would catch.
 */
import {
  baseName,
  describeKind,
  forEachMenuMember,
  literalText,
  slugify,
  withArticle,
  type Analysis,
  type EntryDecl,
  type ForNode,
  type ItemNode,
  type MenuDecl,
  type MenuMember,
  type Range,
  type SymbolInfo,
} from "@ipxm/core";
import { hiddenBuiltin, hiddenEnumValue } from "./names.js";
import { navigationIndex } from "./ipxm-index.js";

/** Why renaming `symbol` to `newName` would change what some name means, or undefined when it would not. */
export function ipxmRenameConflict(analysis: Analysis, symbol: SymbolInfo, newName: string): string | undefined {
  if (newName === symbol.name) return undefined;
  switch (symbol.kind) {
    case "item":
      return itemConflict(analysis, symbol, newName);
    case "param":
    case "loop-variable":
      return hiddenEnumValue(newName) ?? localConflict(analysis, symbol, newName);
    case "builtin-setting":
      return `"${symbol.name}" is one of iPXE's built-in settings and cannot be renamed`;
    default:
      return hiddenBuiltin(newName) ?? topLevelConflict(analysis, symbol, newName);
  }
}

// ---------------------------------------------------------------------------------------------
// Top-level names: one namespace over every file that sees the declaration

function topLevelConflict(analysis: Analysis, symbol: SymbolInfo, newName: string): string | undefined {
  for (const viewer of analysis.viewersOf(symbol.file!)) {
    const other = analysis.lookup(newName, viewer);
    if (other && other.id !== symbol.id) {
      return `"${newName}" is already declared as ${withArticle(describeKind(other.kind))} (${place(analysis, other.file!, other.nameRange!)}), and ${baseName(viewer)} sees both; menus, entries, constants and settings share one namespace`;
    }
  }
  // A parameter or loop variable of the new name would catch the uses inside its scope.
  const index = navigationIndex(analysis);
  const localsByFile = new Map<string, SymbolInfo[]>();
  for (const reference of index.referencesTo(symbol.id)) {
    let locals = localsByFile.get(reference.file);
    if (!locals) {
      locals = localsNamed(analysis, reference.file, newName);
      localsByFile.set(reference.file, locals);
    }
    const local = locals.find((candidate) => inScope(analysis, candidate, reference.range.start));
    if (local) {
      return `the ${describeKind(local.kind)} "${newName}" (${place(analysis, local.file!, local.nameRange!)}) would hide the renamed ${describeKind(symbol.kind)} where it is used at ${place(analysis, reference.file, reference.range)}`;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Parameters and loop variables: the region of the file where they are seen

interface Region {
  readonly start: number;
  readonly end: number;
  /** Parts of the span outside the scope: a parameter's default is read before any parameter exists. */
  readonly holes: readonly Range[];
}

function localConflict(analysis: Analysis, symbol: SymbolInfo, newName: string): string | undefined {
  const region = regionOf(analysis, symbol);
  if (!region) return undefined;
  const file = symbol.file!;
  for (const other of localsNamed(analysis, file, newName)) {
    const otherRegion = regionOf(analysis, other);
    if (other.id !== symbol.id && otherRegion && otherRegion.start < region.end && region.start < otherRegion.end) {
      return `${withArticle(describeKind(other.kind))} "${newName}" is already declared where this ${describeKind(symbol.kind)} is seen (${place(analysis, file, other.nameRange!)})`;
    }
  }
  // A local named like a declaration the file sees hides it in its whole scope, used there or not.
  const declared = analysis.lookup(newName, file);
  if (declared) {
    return `"${newName}" is already declared as ${withArticle(describeKind(declared.kind))} (${place(analysis, declared.file!, declared.nameRange!)}); the renamed ${describeKind(symbol.kind)} would hide it`;
  }
  // iPXE's own settings are seen everywhere: only a use of one inside the scope would change meaning.
  for (const reference of navigationIndex(analysis).referencesIn(file)) {
    if (reference.range.start >= region.end) break;
    if (reference.name !== newName || !reference.target || !contains(region, reference.range.start)) continue;
    return `"${newName}" at ${place(analysis, file, reference.range)} means the ${describeKind(reference.target.kind)} "${newName}"; the renamed ${describeKind(symbol.kind)} would hide it`;
  }
  return undefined;
}

function localsNamed(analysis: Analysis, file: string, name: string): SymbolInfo[] {
  return navigationIndex(analysis)
    .declarationsIn(file)
    .filter((symbol) => symbol.name === name && (symbol.kind === "param" || symbol.kind === "loop-variable"));
}

function inScope(analysis: Analysis, local: SymbolInfo, offset: number): boolean {
  const region = regionOf(analysis, local);
  return region !== undefined && contains(region, offset);
}

function contains(region: Region, offset: number): boolean {
  return (
    region.start <= offset &&
    offset < region.end &&
    !region.holes.some((hole) => hole.start <= offset && offset < hole.end)
  );
}

function regionOf(analysis: Analysis, symbol: SymbolInfo): Region | undefined {
  if (symbol.kind === "loop-variable") {
    const loop = symbol.node as ForNode<unknown> | undefined;
    if (!loop) return undefined;
    const start = loop.iterable.end ?? loop.variable.end ?? loop.start;
    return { start, end: loop.end, holes: [] };
  }
  const entry = entryOfParam(analysis, symbol);
  return entry ? { start: entry.start, end: entry.end, holes: entry.params.map((p) => p) } : undefined;
}

function entryOfParam(analysis: Analysis, symbol: SymbolInfo): EntryDecl | undefined {
  const container = symbol.container?.node;
  if (container?.kind === "Entry") return container as EntryDecl;
  const offset = symbol.nameRange!.start;
  for (const declaration of analysis.workspace.files.get(symbol.file!)?.ast.declarations ?? []) {
    if (declaration.kind === "Entry" && declaration.start <= offset && offset < declaration.end) {
      return declaration;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Items: ids are unique within their menu, whether written or made from the text

function itemConflict(analysis: Analysis, symbol: SymbolInfo, newName: string): string | undefined {
  const menu = symbol.container?.node as MenuDecl | undefined;
  if (!menu || menu.kind !== "Menu") return undefined;
  for (const item of itemsOf(menu.body)) {
    if (item === symbol.node) continue;
    if (item.id?.name === newName) {
      return `menu "${menu.name.name}" already has an item "${newName}" (${place(analysis, symbol.file!, item.id)})`;
    }
    const text = !item.id && item.text?.kind === "String" ? literalText(item.text) : undefined;
    if (text !== undefined && slugify(text) === newName) {
      return `the item "${text}" of menu "${menu.name.name}" already has the id "${newName}", made from its text (${place(analysis, symbol.file!, item)})`;
    }
  }
  return undefined;
}

function itemsOf(members: readonly MenuMember[]): ItemNode[] {
  const items: ItemNode[] = [];
  forEachMenuMember(members, (member) => {
    if (member.kind === "Item") items.push(member);
  });
  return items;
}

// ---------------------------------------------------------------------------------------------

/** `lib.ipxm:3`: where a name is, for messages. */
function place(analysis: Analysis, file: string, range: Range): string {
  const source = analysis.workspace.files.get(file)?.source;
  const line = source ? source.positionAt(range.start).line : undefined;
  return line === undefined ? baseName(file) : `${baseName(file)}:${line}`;
}
