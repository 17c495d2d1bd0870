/**
 * Building completion items: every item replaces the word being typed (from its start to the cursor)
 * through a text edit, so that names with `-` and paths with `/` filter and insert whole, whatever the
 * client takes for a word.
 */
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range,
} from "vscode-languageserver";
import type { KeywordChoice } from "../docs/keywords.js";

/** Where items go and what they replace. */
export class ItemSink {
  readonly items: CompletionItem[] = [];
  private readonly labels = new Set<string>();

  constructor(readonly range: Range) {}

  /**
   * Adds an item unless one with the same label is there already (the first, best-sorted one wins).
   * `group` orders the list: lower groups first, then by label.
   */
  add(item: {
    label: string;
    kind: CompletionItemKind;
    group: number;
    detail?: string;
    description?: string;
    documentation?: string;
    /** Inserted text, when it differs from the label. */
    text?: string;
    snippet?: boolean;
    filterText?: string;
    /** Orders items of one group (the label otherwise). */
    sortKey?: string;
  }): void {
    if (this.labels.has(item.label)) return;
    this.labels.add(item.label);
    const completion: CompletionItem = {
      label: item.label,
      kind: item.kind,
      sortText: `${item.group}_${item.sortKey ?? item.label}`,
      textEdit: { range: this.range, newText: item.text ?? item.label },
    };
    if (item.detail !== undefined) completion.detail = item.detail;
    if (item.description !== undefined) completion.labelDetails = { description: item.description };
    if (item.documentation !== undefined) {
      completion.documentation = { kind: MarkupKind.Markdown, value: item.documentation };
    }
    if (item.snippet) completion.insertTextFormat = InsertTextFormat.Snippet;
    if (item.filterText !== undefined) completion.filterText = item.filterText;
    this.items.push(completion);
  }

  keyword(choice: KeywordChoice, group = 5): void {
    this.add({
      label: choice.label,
      kind: CompletionItemKind.Keyword,
      group,
      documentation: choice.doc,
      ...(choice.snippet !== undefined ? { text: choice.snippet, snippet: true } : {}),
    });
  }
}

/** Letters and digits that make good hotkeys, in the order a menu usually takes them. */
const hotkeyAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789";

/**
 * The hotkeys no item of the menu uses yet (letters compared without case, as users read them),
 * the letters of the item's own text first.
 */
export function freeHotkeys(used: Iterable<string>, itemText: string | undefined): string[] {
  const taken = new Set<string>();
  for (const key of used) taken.add(key.toLowerCase());
  const free = [...hotkeyAlphabet].filter((key) => !taken.has(key));
  if (!itemText) return free;
  const preferred: string[] = [];
  for (const character of itemText.toLowerCase()) {
    if (free.includes(character) && !preferred.includes(character)) preferred.push(character);
  }
  return [...preferred, ...free.filter((key) => !preferred.includes(key))];
}

export function addHotkeys(sink: ItemSink, keys: readonly string[]): void {
  keys.forEach((key, index) => {
    // The order of `keys` is the order of preference: keep it.
    sink.add({
      label: key,
      kind: CompletionItemKind.Value,
      group: 0,
      detail: "free hotkey",
      sortKey: String(index).padStart(3, "0"),
    });
  });
}
