/**
 * Column alignment of `item` lines in `.ipxe`. A run of item lines (blank lines and comment lines
 * may stand between them) forms a table whose columns are the options, the label and the text:
 *
 *   item --key n netboot netboot.xyz
 *   item --key s shell   iPXE shell
 *   item         local   Boot from local disk
 *
 * Only spaces between tokens change. Gap items (`item --gap …`) keep single spaces, as do item lines
 * with a label, a terminator or a continuation, which take no part in the table.
 */
import type { LogicalLine } from "@ipxm/ipxe";
import { util } from "prettier";
import { isBlank, isCommentOnly, isVerbatim } from "./lines.js";

/** An item line split into its columns, as token indices into `line.commands[0].argv`. */
export interface ItemRow {
  /** Indices of the option tokens (`--key`, its value, `--default`, `--`). */
  readonly options: readonly number[];
  /** Index of the label token. */
  readonly label: number;
}

/** The padded widths of a table, shared by its rows. */
export interface ItemTable {
  /** Width of the options column; undefined when no row has options. */
  readonly options?: number;
  readonly label: number;
}

const takesValue = new Set(["--key", "-k"]);

/** The columns of an item line that can be aligned, or undefined. */
export function itemRow(line: LogicalLine): ItemRow | undefined {
  if (isVerbatim(line) || line.label !== undefined || line.firstLine !== line.lastLine) return undefined;
  if (line.commands.length !== 1) return undefined;
  const argv = line.commands[0]!.argv;
  if (argv[0]?.text !== "item" || line.commands[0]!.terminator !== undefined) return undefined;
  const options: number[] = [];
  let index = 1;
  while (index < argv.length) {
    const token = argv[index]!.text;
    if (token === "--") {
      options.push(index++);
      break;
    }
    if (!token.startsWith("-") || token === "-") break;
    if (token === "--gap" || token === "-g") return undefined;
    if (takesValue.has(token) && index + 1 < argv.length) {
      options.push(index, index + 1);
      index += 2;
    } else {
      options.push(index++);
    }
  }
  return index < argv.length ? { options, label: index } : undefined;
}

/** Tables for every run of item lines; the result maps a line's index to its row and table. */
export function itemTables(
  lines: readonly LogicalLine[],
  text: string,
): Map<number, { row: ItemRow; table: ItemTable }> {
  const result = new Map<number, { row: ItemRow; table: ItemTable }>();
  let run: { index: number; row: ItemRow }[] = [];
  const close = () => {
    if (run.length >= 2) {
      const table = tableOf(run, lines, text);
      for (const { index, row } of run) result.set(index, { row, table });
    }
    run = [];
  };
  lines.forEach((line, index) => {
    const row = itemRow(line);
    if (row !== undefined) run.push({ index, row });
    else if (!(isBlank(line) || isCommentOnly(line) || isGapItem(line))) close();
  });
  close();
  return result;
}

function isGapItem(line: LogicalLine): boolean {
  const argv = line.commands[0]?.argv;
  return (
    line.commands.length === 1 &&
    argv?.[0]?.text === "item" &&
    argv.some((token) => token.text === "--gap" || token.text === "-g")
  );
}

function tableOf(
  run: readonly { index: number; row: ItemRow }[],
  lines: readonly LogicalLine[],
  text: string,
): ItemTable {
  let options: number | undefined;
  let label = 0;
  for (const { index, row } of run) {
    const argv = lines[index]!.commands[0]!.argv;
    if (row.options.length > 0) {
      const width = util.getStringWidth(row.options.map((i) => slice(text, argv[i]!)).join(" "));
      options = Math.max(options ?? 0, width);
    }
    label = Math.max(label, util.getStringWidth(slice(text, argv[row.label]!)));
  }
  return options === undefined ? { label } : { options, label };
}

/** The padding after token `index` of an item row. */
export function itemSeparator(line: LogicalLine, row: ItemRow, table: ItemTable, text: string, index: number): string {
  const argv = line.commands[0]!.argv;
  // Token 0 is `item`; the spans handed to the separator are the argv tokens, then the comment.
  const optionsWidth =
    row.options.length === 0 ? 0 : util.getStringWidth(row.options.map((i) => slice(text, argv[i]!)).join(" "));
  if (index === 0 && row.options.length === 0 && table.options !== undefined) return " ".repeat(table.options + 2);
  if (index === row.options.at(-1) && table.options !== undefined) return " ".repeat(table.options - optionsWidth + 1);
  if (index === row.label && index + 1 < argv.length) {
    return " ".repeat(table.label - util.getStringWidth(slice(text, argv[row.label]!)) + 1);
  }
  return " ";
}

function slice(text: string, token: { start: number; end: number }): string {
  return text.slice(token.start, token.end);
}
