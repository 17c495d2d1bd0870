/**
 * The `.ipxm` parser for Prettier: core's parser, plus the comments where Prettier looks for them.
 * A file with any syntax error is refused (FormatSyntaxError): formatting a tree that error
 * recovery patched up would silently drop the text it skipped.
 */
import { parse, type Node, type SourceFileNode } from "@ipxm/core";
import { FormatSyntaxError } from "../syntax-error.js";
import type { IpxmComment } from "./comments.js";
import { recordParents } from "./nodes.js";

export interface IpxmRoot extends SourceFileNode {
  comments: IpxmComment[];
}

export function parseIpxm(text: string, options: { filepath?: string }): IpxmRoot {
  const result = parse(text, options.filepath ?? "<input>");
  const errors = result.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) throw new FormatSyntaxError(text, errors);
  const comments = result.comments.map((comment): IpxmComment => ({ ...comment, value: comment.text }));
  const root: IpxmRoot = { ...result.ast, comments };
  recordParents(root);
  return root;
}

// A node is its own range; a comment has one.
export function locStart(node: Node | IpxmComment): number {
  return "range" in node ? node.range.start : node.start;
}

export function locEnd(node: Node | IpxmComment): number {
  return "range" in node ? node.range.end : node.end;
}
