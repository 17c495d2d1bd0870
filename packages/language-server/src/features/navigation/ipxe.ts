/**
 * Navigation in plain iPXE scripts: labels and the `goto`s that reach them, menu items and the
 * labels a dispatch sends them to. Everything stays in one script: iPXE's `goto` only searches the
 * script it runs in.
 */
import type { ItemModel, MenuModel, ScriptModel } from "@ipxm/eslint-plugin";
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { lineOf, toLspRange } from "../../positions.js";
import type { Snapshot, SourceDocument } from "../../snapshot.js";
import {
  defaultItem,
  dispatchedLabel,
  dispatchesOf,
  ipxeTargetAt,
  labelsOfItem,
  occurrencesOfItem,
  usesOfLabel,
  type IpxeTarget,
  type Span,
} from "./ipxe-symbols.js";
import { EditCollector, type RenameAnswer } from "./locations.js";
import { asSentence, invalidIpxeName } from "./names.js";

/** What a name stands for: a label, or an item of a menu. */
type IpxeSymbol =
  | { readonly kind: "label"; readonly name: string }
  | { readonly kind: "item"; readonly menu: MenuModel; readonly name: string };

interface Context {
  readonly model: ScriptModel;
  readonly lines: TextDocument;
  readonly target: IpxeTarget;
}

function contextAt(snapshot: Snapshot, document: SourceDocument, offset: number): Context | undefined {
  const model = snapshot.scriptModel(document);
  if (!model) return undefined;
  const target = ipxeTargetAt(model, offset);
  return target ? { model, lines: snapshot.lines(document), target } : undefined;
}

/**
 * The symbol a target stands for. An item that a dispatch sends to an existing label stands for
 * that label (the item is one of the ways to reach it); any other item stands for itself.
 */
function symbolOf(model: ScriptModel, target: IpxeTarget): IpxeSymbol | undefined {
  switch (target.kind) {
    case "label":
      return { kind: "label", name: target.name };
    case "item":
      return itemSymbol(model, target.item);
    case "default": {
      const item = defaultItem(target.choose, target.name);
      return item ? itemSymbol(model, item) : undefined;
    }
  }
}

function itemSymbol(model: ScriptModel, item: ItemModel): IpxeSymbol {
  const [label] = labelsOfItem(model, item);
  return label !== undefined ? { kind: "label", name: label } : { kind: "item", menu: item.menu, name: item.name! };
}

export function ipxeDefinition(snapshot: Snapshot, document: SourceDocument, offset: number): Location[] {
  const context = contextAt(snapshot, document, offset);
  if (!context) return [];
  const { model, lines, target } = context;
  const at = (range: Span): Location => ({ uri: document.uri, range: toLspRange(lines, range) });
  switch (target.kind) {
    case "label": {
      if (target.label) return [at(target.label.nameRange)];
      const first = model.labels.get(target.name)?.[0];
      return first ? [at(first.nameRange)] : [];
    }
    case "item":
      return labelsOfItem(model, target.item).map((name) => at(model.labels.get(name)![0]!.nameRange));
    case "default": {
      const item = defaultItem(target.choose, target.name);
      return item?.nameWord ? [at(item.nameWord.range)] : [];
    }
  }
}

/** Every occurrence of a symbol, each marked as declaring it or using it. */
function occurrences(model: ScriptModel, symbol: IpxeSymbol): { range: Span; declaration: boolean }[] {
  const found: { range: Span; declaration: boolean }[] = [];
  if (symbol.kind === "label") {
    for (const label of model.labels.get(symbol.name) ?? []) found.push({ range: label.nameRange, declaration: true });
    const uses = usesOfLabel(model, symbol.name);
    for (const range of uses.gotos) found.push({ range, declaration: false });
    for (const { item } of uses.items) found.push({ range: item.nameWord!.range, declaration: false });
  } else {
    const { items, defaults } = occurrencesOfItem(symbol.menu, symbol.name);
    for (const item of items) found.push({ range: item.nameWord!.range, declaration: true });
    for (const range of defaults) found.push({ range, declaration: false });
  }
  return found.sort((a, b) => a.range[0] - b.range[0]);
}

export function ipxeReferences(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
  includeDeclaration: boolean,
): Location[] {
  const context = contextAt(snapshot, document, offset);
  const symbol = context && symbolOf(context.model, context.target);
  if (!context || !symbol) return [];
  return occurrences(context.model, symbol)
    .filter((occurrence) => includeDeclaration || !occurrence.declaration)
    .map((occurrence) => ({ uri: document.uri, range: toLspRange(context.lines, occurrence.range) }));
}

export function ipxeDocumentHighlights(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
): DocumentHighlight[] {
  const context = contextAt(snapshot, document, offset);
  const symbol = context && symbolOf(context.model, context.target);
  if (!context || !symbol) return [];
  return occurrences(context.model, symbol).map((occurrence) => ({
    range: toLspRange(context.lines, occurrence.range),
    kind: occurrence.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function ipxePrepareRename(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
): { range: Range; placeholder: string } | null {
  const context = contextAt(snapshot, document, offset);
  if (!context) return null;
  const { model, lines, target } = context;
  const placeholder = renamable(model, target);
  return placeholder === undefined ? null : { range: toLspRange(lines, target.range), placeholder };
}

/** The name a rename at `target` starts from, or undefined when there is nothing to rename there. */
function renamable(model: ScriptModel, target: IpxeTarget): string | undefined {
  switch (target.kind) {
    case "label":
      // A `goto` to a label the script lacks names nothing that a rename could keep in step.
      return model.labels.has(target.name) ? target.name : undefined;
    case "item":
      return target.item.name;
    case "default":
      return defaultItem(target.choose, target.name) ? target.name : undefined;
  }
}

export function ipxeRename(
  snapshot: Snapshot,
  document: SourceDocument,
  offset: number,
  newName: string,
): RenameAnswer {
  const context = contextAt(snapshot, document, offset);
  if (!context || renamable(context.model, context.target) === undefined) {
    return { refused: "There is no label or menu item to rename here." };
  }
  const { model, target } = context;
  const collector = new EditCollector();
  const edit: Edit = (range, text) => collector.add(document.path, range, text);
  let refusal: string | undefined;
  if (target.kind === "label") {
    refusal = renameLabel(model, context.lines, target.name, newName, edit);
  } else {
    const item = target.kind === "item" ? target.item : defaultItem(target.choose, target.name)!;
    refusal = renameItemOrItsLabel(model, context.lines, item, newName, edit);
  }
  if (refusal) return { refused: asSentence(refusal) };
  return { changes: collector.changes(snapshot) };
}

type Edit = (range: Span, newText: string) => void;

/**
 * Renaming an item that a dispatch sends to a label renames that label (and with it every other way
 * to reach it); any other item is renamed in its menu alone.
 */
function renameItemOrItsLabel(
  model: ScriptModel,
  lines: TextDocument,
  item: ItemModel,
  newName: string,
  edit: Edit,
): string | undefined {
  const invalid = invalidIpxeName(newName, "an item name");
  if (invalid) return invalid;
  for (const dispatch of dispatchesOf(model, item.menu)) {
    const label = dispatchedLabel(dispatch, item.name!);
    if (model.labels.has(label)) return renameLabel(model, lines, label, dispatchedLabel(dispatch, newName), edit);
  }
  return renameItem(item.menu, item.name!, newName, edit);
}

function renameItem(menu: MenuModel, oldName: string, newName: string, edit: Edit): string | undefined {
  if (newName === oldName) return undefined;
  const clash = menu.items.find((item) => item.name === newName);
  if (clash) return `${describeMenu(menu)} already has an item "${newName}" (line ${clash.line.firstLine})`;
  const { items, defaults } = occurrencesOfItem(menu, oldName);
  for (const item of items) edit(item.nameWord!.range, newName);
  for (const range of defaults) edit(range, newName);
  return undefined;
}

/**
 * Renames label `oldName` on every label line of that name, in every static `goto` to it, and in
 * the items a dispatch sends to it — which is only possible when the dispatch's prefix and suffix
 * still frame the new name, so that the renamed item leads to the renamed label.
 */
function renameLabel(
  model: ScriptModel,
  lines: TextDocument,
  oldName: string,
  newName: string,
  edit: Edit,
): string | undefined {
  const invalid = invalidIpxeName(newName, "a label");
  if (invalid) return invalid;
  if (newName === oldName) return undefined;
  const existing = model.labels.get(newName)?.[0];
  if (existing) return `the label ":${newName}" already exists (line ${lineOf(lines, existing.range[0]) + 1})`;
  const uses = usesOfLabel(model, oldName);
  const itemEdits: { range: Span; newText: string }[] = [];
  for (const { item, dispatch } of uses.items) {
    const { prefix, suffix } = dispatch;
    const pattern = `goto ${dispatch.goto.target}`;
    if (!newName.startsWith(prefix) || !newName.endsWith(suffix) || newName.length <= prefix.length + suffix.length) {
      return `item "${item.name}" (line ${item.line.firstLine}) reaches ":${oldName}" through "${pattern}"; the new label must look like "${prefix}…${suffix}" so that the item can be renamed with it`;
    }
    const newItemName = newName.slice(prefix.length, newName.length - suffix.length);
    const invalid = invalidIpxeName(newItemName, "an item name");
    if (invalid) return invalid;
    const clash = item.menu.items.find((other) => other.name === newItemName);
    if (clash) {
      return `renaming ":${oldName}" renames item "${item.name}" to "${newItemName}", but ${describeMenu(item.menu)} already has an item "${newItemName}" (line ${clash.line.firstLine})`;
    }
    // The item's new name must not change where the menu's other dispatches send it.
    for (const other of dispatchesOf(model, item.menu)) {
      const otherLabel = dispatchedLabel(other, item.name!);
      if (otherLabel === oldName || !model.labels.has(otherLabel)) continue;
      return `item "${item.name}" also leads to ":${otherLabel}" through "goto ${other.goto.target}" (line ${other.goto.line.firstLine}); rename that label and the item by hand`;
    }
    itemEdits.push({ range: item.nameWord!.range, newText: newItemName });
    for (const range of occurrencesOfItem(item.menu, item.name!).defaults)
      itemEdits.push({ range, newText: newItemName });
  }
  for (const label of model.labels.get(oldName) ?? []) edit(label.nameRange, newName);
  for (const range of uses.gotos) edit(range, newName);
  for (const { range, newText } of itemEdits) edit(range, newText);
  return undefined;
}

function describeMenu(menu: MenuModel): string {
  return menu.name === "" ? `the menu of line ${menu.line.firstLine}` : `menu "${menu.name}"`;
}
