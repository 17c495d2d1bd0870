/**
 * The `.ipxe` printer. The script is printed line by line: each logical line re-spaced (lines.ts),
 * indented under its label when `ipxeIndentLabels` is on, item lines aligned (items.ts), runs of
 * blank lines collapsed to one and blank lines at the end dropped. A `# prettier-ignore` line keeps
 * the line after it as written.
 *
 * Lines are joined with `literalline`: Prettier's `hardline` would trim trailing spaces, and the
 * one space after a final `\` token must stay.
 */
import type { AstPath, Doc, ParserOptions } from "prettier";
import { doc } from "prettier";
import type { LogicalLine } from "@ipxm/ipxe";
import type { IpxmFormatOptions } from "../options.js";
import { isBlank, isCommentOnly, respace, verbatim } from "./lines.js";
import { itemSeparator, itemTables } from "./items.js";
import type { IpxeNode, IpxeScriptNode } from "./parse.js";

const { join, literalline } = doc.builders;

type Options = ParserOptions<IpxeNode> & IpxmFormatOptions;

export function printIpxe(path: AstPath<IpxeNode>, options: Options): Doc {
  const node = path.node;
  if (node.kind !== "IpxeScript") return "";
  const printed = printLines(node, options);
  return printed.length === 0 ? "" : [join(literalline, printed), literalline];
}

function printLines(script: IpxeScriptNode, options: Options): string[] {
  const text = options.originalText;
  const lines = script.lines.map((node) => node.line);
  const unit = options.useTabs ? "\t" : " ".repeat(options.tabWidth);
  const tables = options.ipxmAlignItems ? itemTables(lines, text) : new Map();
  const indented = options.ipxeIndentLabels ? linesUnderLabels(lines) : new Set<number>();
  // A header that leading whitespace spoils stays spoilt: removing the whitespace would turn a
  // file iPXE refuses into a script it runs.
  const keepUntil = script.header.problem === "leading-whitespace" ? lines.findIndex((line) => !isBlank(line)) : -1;

  const out: string[] = [];
  let ignoreNext = false;
  lines.forEach((line, index) => {
    if (index <= keepUntil) {
      out.push(verbatim(text, line));
      return;
    }
    if (isBlank(line)) {
      if (out.length > 0 && out.at(-1) !== "") out.push("");
      return;
    }
    if (ignoreNext) {
      out.push(verbatim(text, line));
      ignoreNext = false;
      return;
    }
    const indentation = indented.has(index) ? unit : "";
    const entry = tables.get(index);
    const separator = entry && ((i: number) => itemSeparator(line, entry.row, entry.table, text, i));
    out.push(respace(text, line, indentation, indentation + unit, separator));
    ignoreNext = isIgnoreComment(text, line);
  });
  while (out.at(-1) === "") out.pop();
  return out;
}

function isIgnoreComment(text: string, line: LogicalLine): boolean {
  return isCommentOnly(line) && text.slice(line.comment!.start, line.comment!.end) === "# prettier-ignore";
}

/**
 * Indices of the lines to indent: those after a label, up to the next one. Comment lines right
 * before a label (and the blank lines among them) describe that label and stay at the margin.
 */
function linesUnderLabels(lines: readonly LogicalLine[]): Set<number> {
  const result = new Set<number>();
  let underLabel = false;
  let labelAhead = false;
  const heading = new Set<number>();
  for (let index = lines.length - 1; index >= 0; index--) {
    const line = lines[index]!;
    if (line.label !== undefined) labelAhead = true;
    else if (isCommentOnly(line) || isBlank(line)) {
      if (labelAhead) heading.add(index);
    } else labelAhead = false;
  }
  lines.forEach((line, index) => {
    if (line.label !== undefined) underLabel = true;
    else if (underLabel && !heading.has(index)) result.add(index);
  });
  return result;
}
