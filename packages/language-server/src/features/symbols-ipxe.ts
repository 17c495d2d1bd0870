/**
 * The outline of an iPXE script: each label is a section that runs to the next label, and the menus
 * a section builds (`menu`, then `item`s) sit under it with their items.
 */
import type { ItemModel, LineNode, MenuModel, ScriptModel, ScriptNode, WordNode } from "@ipxm/eslint-plugin";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { documentSymbol } from "./symbols-shared.js";

export const ipxeSymbolKinds = {
  label: SymbolKind.Namespace,
  menu: SymbolKind.Enum,
  item: SymbolKind.EnumMember,
  gap: SymbolKind.String,
} as const;

/** A label's stretch of the script: from its line to the last line with content before the next label. */
export interface LabelSection {
  readonly line: LineNode;
  /** The offset where the section ends. */
  end: number;
  /** The last line with content in the section. */
  lastLine: LineNode;
}

/** The script's label sections, in order. */
export function labelSections(script: ScriptNode): LabelSection[] {
  const sections: LabelSection[] = [];
  let current: LabelSection | undefined;
  for (const line of script.lines) {
    if (line.label) {
      current = { line, end: line.range[1], lastLine: line };
      sections.push(current);
    } else if (current && hasContent(line)) {
      current.end = line.range[1];
      current.lastLine = line;
    }
  }
  return sections;
}

function hasContent(line: LineNode): boolean {
  return line.label !== undefined || line.comment !== undefined || line.commands.some((c) => c.words.length > 0);
}

export function ipxeDocumentSymbols(script: ScriptNode, model: ScriptModel, lines: TextDocument): DocumentSymbol[] {
  const sections = labelSections(script);
  const top: DocumentSymbol[] = [];
  const sectionChildren = sections.map((): DocumentSymbol[] => []);
  // Menus and sections are both in file order: one pass puts each menu into its section.
  let section = -1;
  for (const menu of model.menus) {
    const start = menu.line.range[0];
    while (section + 1 < sections.length && sections[section + 1]!.line.range[0] <= start) section++;
    (section >= 0 ? sectionChildren[section]! : top).push(menuSymbol(menu, lines));
  }
  const labelSymbols = sections.map((entry, index) => {
    const label = entry.line.label!;
    return documentSymbol(
      lines,
      label.name || ":",
      ipxeSymbolKinds.label,
      [entry.line.range[0], entry.end],
      label.name ? label.nameRange : label.range,
      undefined,
      sectionChildren[index],
    );
  });
  // What comes before the first label is shown first, as it runs first.
  return [...top, ...labelSymbols];
}

function menuSymbol(menu: MenuModel, lines: TextDocument): DocumentSymbol {
  const title = wordsText(menu.titleWords);
  let end = menu.command.range[1];
  for (const item of menu.items) end = Math.max(end, item.command.range[1]);
  const selection = menu.titleWords[0]?.range ?? menu.command.words[0]?.range;
  const children: DocumentSymbol[] = [];
  for (const item of menu.items) {
    const symbol = itemSymbol(item, lines);
    if (symbol) children.push(symbol);
  }
  return documentSymbol(
    lines,
    menu.name || title || "menu",
    ipxeSymbolKinds.menu,
    [menu.command.range[0], end],
    selection,
    menu.name ? title || undefined : undefined,
    children,
  );
}

function itemSymbol(item: ItemModel, lines: TextDocument): DocumentSymbol | undefined {
  const text = wordsText(item.textWords);
  if (item.gap) {
    if (text === "") return undefined;
    return documentSymbol(lines, text, ipxeSymbolKinds.gap, item.command.range, item.textWords[0]?.range, "gap");
  }
  return documentSymbol(
    lines,
    item.name,
    ipxeSymbolKinds.item,
    item.command.range,
    item.nameWord?.range,
    text || undefined,
  );
}

function wordsText(words: readonly WordNode[]): string {
  return words.map((word) => word.text).join(" ");
}
