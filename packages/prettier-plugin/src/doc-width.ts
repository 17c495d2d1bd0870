/**
 * The width of a doc printed on one line, or undefined when it cannot be (a hard line break, a
 * forced break, a line comment). Column alignment measures the parts of a row with it.
 */
import type { Doc } from "prettier";
import { util } from "prettier";

type DocObject = Exclude<Doc, string | Doc[]> & {
  type: string;
  contents?: Doc;
  parts?: Doc[];
  flatContents?: Doc;
  hard?: boolean;
  soft?: boolean;
  break?: boolean;
};

export function flatWidth(doc: Doc): number | undefined {
  if (typeof doc === "string") return util.getStringWidth(doc);
  if (Array.isArray(doc)) return sumWidths(doc);
  const object = doc as DocObject;
  switch (object.type) {
    case "group":
      return object.break === true ? undefined : flatWidth(object.contents!);
    case "fill":
      return sumWidths(object.parts!);
    case "if-break":
      return object.flatContents === undefined ? 0 : flatWidth(object.flatContents);
    case "indent":
    case "align":
    case "indent-if-break":
    case "label":
      return flatWidth(object.contents!);
    case "line":
      return object.hard === true ? undefined : object.soft === true ? 0 : 1;
    case "line-suffix-boundary":
    case "trim":
    case "cursor":
      return 0;
    default:
      // line-suffix (a trailing line comment), break-parent: the row cannot stay on one line.
      return undefined;
  }
}

function sumWidths(docs: readonly Doc[]): number | undefined {
  let total = 0;
  for (const part of docs) {
    const width = flatWidth(part);
    if (width === undefined) return undefined;
    total += width;
  }
  return total;
}
