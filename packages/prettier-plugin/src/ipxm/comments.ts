/**
 * Comments, placed with Prettier's attachment. Prettier finds each comment's enclosing, preceding
 * and following node; the rules below move the comments that its defaults would print somewhere a
 * second run would read differently:
 *
 * - a comment inside a `{ … }` block belongs to that block's statements: it leads the statement
 *   after it, trails the one before it, or stays in the empty block;
 * - a comment among the keywords and expressions of a statement moves out of them: a line comment
 *   to the line above the statement, a block comment to the end of its row; in a statement with a
 *   block, both go first into the block (`menu m "t" // note {` keeps the note inside the menu).
 *   Left in place, a comment would end up at a line end once the row breaks before its `->`, and
 *   the next run would move it again;
 * - inside a list or record, the elements are placed like the statements of a block.
 */
import type { AstPath, Doc } from "prettier";
import { doc, util } from "prettier";
import type { Node, SourceFileNode } from "@ipxm/core";
import { blockRegions, type BlockRegion } from "./blocks.js";
import { innermostCollection, statementOf } from "./nodes.js";

const { hardline, join } = doc.builders;

/** A comment as the parser hands it to Prettier, with what Prettier adds while attaching it. */
export interface IpxmComment {
  readonly kind: "line" | "block";
  readonly text: string;
  readonly range: { readonly start: number; readonly end: number };
  /** The text, for Prettier's own messages. */
  readonly value: string;
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  marker?: string;
  placement?: "ownLine" | "endOfLine" | "remaining";
  enclosingNode?: Node;
  precedingNode?: Node;
  followingNode?: Node;
}

export type Commented = Node & { comments?: IpxmComment[] };

const unattachable = new Set(["SourceFile", "Key", "Text", "Interpolation"]);

export function canAttachComment(node: Node): boolean {
  return typeof node.kind === "string" && !unattachable.has(node.kind);
}

export function isBlockComment(comment: IpxmComment): boolean {
  return comment.kind === "block";
}

export function printComment(path: AstPath<IpxmComment>): Doc {
  const comment = path.node;
  return comment.kind === "line" ? comment.text.trimEnd() : comment.text;
}

export function isPrettierIgnoreComment(comment: IpxmComment): boolean {
  const body = comment.kind === "line" ? comment.text.slice(2) : comment.text.slice(2, -2);
  return body.trim() === "prettier-ignore";
}

export function hasPrettierIgnore(path: AstPath<Commented>): boolean {
  return path.node?.comments?.some((comment) => comment.leading === true && isPrettierIgnoreComment(comment)) === true;
}

/** One handler for all three placements; returns false to leave the comment to Prettier. */
export function placeComment(comment: IpxmComment, text: string, _options: unknown, root: Node): boolean {
  // Between declarations Prettier gives no enclosing node: the file is the block.
  const enclosing = comment.enclosingNode ?? root;
  if (enclosing.kind === "SourceFile") {
    const declarations = (enclosing as SourceFileNode).declarations;
    return placeInBlock(
      comment,
      enclosing,
      { key: "declarations", start: 0, end: text.length, children: declarations },
      text,
    );
  }
  const statement = statementOf(enclosing);
  if (statement === undefined) return false;
  const collection = innermostCollection(enclosing, statement);
  if (collection !== undefined) return placeInCollection(comment, collection, enclosing, text);

  const regions = enclosing === statement ? blockRegions(statement, text) : [];
  const region = regions.find(
    (candidate) => candidate.start <= comment.range.start && comment.range.end <= candidate.end,
  );
  if (region !== undefined) return placeInBlock(comment, statement, region, text);

  // In the statement's own text (its keywords and expressions).
  const firstBlock = blockRegions(statement, text)[0];
  if (firstBlock !== undefined)
    return placeInBlock(comment, statement, { ...firstBlock, start: comment.range.start }, text);
  // Only one line comment fits at the end of a row, and the statement's own end-of-line comment
  // takes it: a line comment from inside the statement goes on the line above.
  if (comment.kind === "line") util.addLeadingComment(statement, comment);
  else addTrailingComment(statement, comment, text);
  return true;
}

/**
 * Inside a list or record, the elements play the part of statements: a comment between them is
 * placed as in a block, and one inside an element (`name: // note` + `value`) moves out of it.
 */
function placeInCollection(comment: IpxmComment, collection: Node, enclosing: Node, text: string): boolean {
  const children = ((collection as unknown as Record<string, unknown>)[
    collection.kind === "List" ? "elements" : "fields"
  ] ?? []) as readonly Node[];
  if (enclosing === collection) {
    return placeInBlock(
      comment,
      collection,
      { key: "elements", start: collection.start, end: collection.end, children },
      text,
    );
  }
  const element = children.find((child) => child.start <= comment.range.start && comment.range.end <= child.end)!;
  if (comment.kind === "line") util.addLeadingComment(element, comment);
  else addTrailingComment(element, comment, text);
  return true;
}

function placeInBlock(comment: IpxmComment, owner: Node, region: BlockRegion, text: string): boolean {
  const following = region.children.find((child) => child.start >= comment.range.end);
  let preceding = region.children.findLast((child) => child.end <= comment.range.start);
  // One line comment per line: a second one after the same node goes before the next one.
  if (
    comment.kind === "line" &&
    following !== undefined &&
    preceding !== undefined &&
    hasTrailingLineComment(preceding)
  ) {
    preceding = undefined;
  }
  // A comment on the line of both neighbours goes with the one it is not separated from by a `,`.
  const beforeFollowing = following === undefined ? "" : text.slice(comment.range.end, following.start);
  const trailsPreceding =
    comment.placement === "endOfLine" || (comment.placement === "remaining" && !/^[\s(]*$/.test(beforeFollowing));
  if (trailsPreceding && preceding !== undefined) {
    addTrailingComment(preceding, comment, text);
  } else if (following !== undefined) {
    util.addLeadingComment(following, comment);
  } else if (preceding !== undefined) {
    addTrailingComment(preceding, comment, text);
  } else {
    util.addDanglingComment(owner, comment, region.key);
  }
  return true;
}

function hasTrailingLineComment(node: Node): boolean {
  return (node as Commented).comments?.some((comment) => comment.trailing && comment.kind === "line") === true;
}

/**
 * Trails `node` with `comment`. A block comment on the statement's line goes before the line
 * comments that already trail it: a line comment moved to the end of the row must stay last, or
 * it would swallow what follows it.
 */
function addTrailingComment(node: Node, comment: IpxmComment, text: string): void {
  util.addTrailingComment(node, comment);
  if (comment.kind !== "block" || util.hasNewline(text, comment.range.start, { backwards: true })) return;
  const comments = (node as Commented).comments!;
  const firstLineComment = comments.findIndex((other) => other.trailing && other.kind === "line" && other !== comment);
  if (firstLineComment < 0) return;
  comments.pop();
  comments.splice(firstLineComment, 0, comment);
}

export const handleComments = {
  ownLine: placeComment,
  endOfLine: placeComment,
  remaining: placeComment,
};

/** Comments left inside `node` (an empty block, an empty list), for `marker` if given; marks them printed. */
export function danglingComments(node: Commented, marker?: string): IpxmComment[] {
  const found = (node.comments ?? []).filter(
    (comment) =>
      !comment.leading && !comment.trailing && !comment.printed && (marker === undefined || comment.marker === marker),
  );
  for (const comment of found) comment.printed = true;
  return found;
}

/** Dangling comments one per line, keeping one blank line where the source had blank lines. */
export function printCommentLines(comments: readonly IpxmComment[], text: string): Doc {
  const parts: Doc[] = [];
  comments.forEach((comment, index) => {
    if (index > 0) {
      parts.push(hardline);
      if (util.isPreviousLineEmpty(text, comment.range.start)) parts.push(hardline);
    }
    parts.push(comment.kind === "line" ? comment.text.trimEnd() : comment.text);
  });
  return join("", parts);
}
