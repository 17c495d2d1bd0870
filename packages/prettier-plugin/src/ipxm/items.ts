/**
 * Column alignment of `item` rows. The items that are direct members of one block (a menu body, or
 * the body of a `for`, `if` or `when` inside a menu) form a table:
 *
 *   item linux "Linux installers" key l -> menu linux
 *   item bsd   "BSD installers"   key b -> menu bsd
 *   item shell "iPXE shell"             -> shell
 *
 * The columns are id, text and key, so the arrows of the rows line up; a `when` condition follows
 * the key column unpadded (conditions vary too much in length to make a useful column). A row that
 * would pass `printWidth` once padded is left out of the table (and the columns are measured again
 * without it); a row that does not fit on one line even unpadded breaks before its `->`. Rows whose
 * parts cannot be printed flat (a line comment inside) are left out too.
 */
import type { Doc } from "prettier";
import type { ItemNode } from "@ipxm/core";
import { flatWidth } from "../doc-width.js";

/** The printed parts of one item row. `key` and `when` include their keywords. */
export interface ItemParts {
  readonly id?: Doc;
  readonly text: Doc;
  readonly key?: Doc;
  readonly when?: Doc;
  readonly action: Doc;
}

/** The width each aligned column is padded to; a missing width means the column is not aligned. */
export interface ItemColumns {
  readonly id?: number;
  readonly text?: number;
  readonly key?: number;
  readonly when?: number;
}

interface MeasuredItem {
  readonly node: ItemNode;
  readonly id: number | undefined;
  readonly text: number;
  readonly key: number | undefined;
  readonly when: number | undefined;
  readonly action: number;
}

type ColumnName = keyof ItemColumns;

const columnNames: readonly ColumnName[] = ["id", "text", "key"];

const ITEM = "item".length;
const ARROW = " -> ".length;

/**
 * Chooses the columns of one block's items. `indentWidth` is the width of the rows' indentation.
 * Returns the columns of each item that takes part in the table.
 */
export function alignItems(
  items: readonly { node: ItemNode; parts: ItemParts }[],
  indentWidth: number,
  printWidth: number,
): Map<ItemNode, ItemColumns> {
  let rows: MeasuredItem[] = [];
  for (const { node, parts } of items) {
    const measured = measure(node, parts);
    if (measured !== undefined && rowWidth(measured, {}) + indentWidth <= printWidth) rows.push(measured);
  }
  // Rows too wide once padded leave the table, and the columns are measured again without them.
  for (;;) {
    const columns = columnsOf(rows);
    const fitting = rows.filter((row) => rowWidth(row, columns) + indentWidth <= printWidth);
    if (fitting.length === rows.length) break;
    rows = fitting;
  }
  const result = new Map<ItemNode, ItemColumns>();
  if (rows.length < 2) return result;
  const columns = columnsOf(rows);
  for (const row of rows) result.set(row.node, columns);
  return result;
}

function columnsOf(rows: readonly MeasuredItem[]): Partial<Record<ColumnName, number>> {
  const columns: Partial<Record<ColumnName, number>> = {};
  for (const name of columnNames) {
    let widest: number | undefined;
    for (const row of rows) {
      const width = row[name];
      if (width !== undefined && (widest === undefined || width > widest)) widest = width;
    }
    if (widest !== undefined) columns[name] = widest;
  }
  return columns;
}

function measure(node: ItemNode, parts: ItemParts): MeasuredItem | undefined {
  const id = parts.id === undefined ? undefined : flatWidth(parts.id);
  const text = flatWidth(parts.text);
  const key = parts.key === undefined ? undefined : flatWidth(parts.key);
  const when = parts.when === undefined ? undefined : flatWidth(parts.when);
  const action = flatWidth(parts.action);
  if (text === undefined || action === undefined) return undefined;
  if ((parts.id !== undefined && id === undefined) || (parts.key !== undefined && key === undefined)) return undefined;
  if (parts.when !== undefined && when === undefined) return undefined;
  return { node, id, text, key, when, action };
}

/** Width of a row without indentation, with the given columns padded. */
function rowWidth(item: MeasuredItem, columns: Partial<Record<ColumnName, number>>): number {
  let width = ITEM;
  for (const name of ["id", "text", "key", "when"] as const) {
    const padded = columns[name];
    const own = item[name];
    if (padded !== undefined) width += 1 + padded;
    else if (own !== undefined) width += 1 + own;
  }
  return width + ARROW + item.action;
}

/** The row of an item in a table. */
export function printAlignedItem(parts: ItemParts, columns: ItemColumns): Doc[] {
  const row: Doc[] = ["item"];
  const cell = (name: ColumnName, content: Doc | undefined) => {
    const width = columns[name];
    if (width === undefined) {
      if (content !== undefined) row.push(" ", content);
      return;
    }
    const own = content === undefined ? 0 : flatWidth(content)!;
    row.push(" ");
    if (content !== undefined) row.push(content);
    if (width > own) row.push(" ".repeat(width - own));
  };
  cell("id", parts.id);
  cell("text", parts.text);
  cell("key", parts.key);
  cell("when", parts.when);
  row.push(" -> ", parts.action);
  return row;
}
