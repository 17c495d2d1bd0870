/**
 * Where the `{ … }` blocks of a node lie in the text. The AST keeps the statements of a block but
 * not its braces, and comments need the braces: a comment after `{` belongs inside the block even
 * when the block is empty. Between the tokens of a valid file there is only whitespace and
 * comments, so each brace is found by skipping those from a known position.
 */
import type { Node } from "@ipxm/core";
import { blocksOf } from "./nodes.js";

/** Skips whitespace, `// …` and `/* … *\/` from `position`; returns the offset of the next token. */
export function skipTrivia(text: string, position: number): number {
  let i = position;
  for (;;) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      i++;
    } else if (code === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (code === 47 && text.charCodeAt(i + 1) === 42) {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else {
      return i;
    }
  }
}

/** One block of a node: the text strictly between `start` and `end` belongs to it. */
export interface BlockRegion {
  /** The property that holds the block's members or statements. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
  readonly children: readonly Node[];
}

type WithBlocks = Node & Record<string, unknown>;

/**
 * The blocks of `node`, in order. The region of a block runs from its `{` to its `}`; an `else`
 * region starts right after the `}` of the `then` block, so that a comment before `else` goes with
 * what follows it.
 */
export function blockRegions(node: Node, text: string): BlockRegion[] {
  const keys = blocksOf(node);
  if (keys === undefined) return [];
  const owner = node as WithBlocks;
  const regions: BlockRegion[] = [];
  let open = skipTrivia(text, headerEnd(owner, text));
  for (const key of keys) {
    const children = owner[key] as readonly Node[] | undefined;
    if (children === undefined) continue;
    if (key === "else") {
      // `} else {` or `} else if …`: the region starts after the `}` of `then`.
      const start = open;
      const afterElse = skipTrivia(text, skipTrivia(text, start) + "else".length);
      const isBlock = text.charCodeAt(afterElse) === 123; /* { */
      const end = isBlock ? closingBrace(text, afterElse, children) : node.end;
      regions.push({ key, start, end, children });
      continue;
    }
    const close = closingBrace(text, open, children);
    regions.push({ key, start: open, end: close, children });
    open = close + 1;
  }
  return regions;
}

/** Offset of the `}` that closes the block opened at `open`. */
function closingBrace(text: string, open: number, children: readonly Node[]): number {
  const last = children.at(-1);
  return skipTrivia(text, last === undefined ? open + 1 : last.end);
}

/** Where the part of a node before its first block ends. */
function headerEnd(node: WithBlocks, text: string): number {
  switch (node.kind) {
    case "Menu":
      return (node["title"] as Node).end;
    case "For":
      return (node["iterable"] as Node).end;
    case "If":
    case "When":
      return (node["condition"] as Node).end;
    case "Entry": {
      // entry NAME ( PARAMS ) {
      const params = node["params"] as readonly Node[];
      const afterParams = params.length > 0 ? params.at(-1)!.end : skipTrivia(text, (node["name"] as Node).end) + 1;
      return skipTrivia(text, afterParams) + 1;
    }
    default:
      return node.start;
  }
}
