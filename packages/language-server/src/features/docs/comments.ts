/**
 * Doc comments: the `//` lines right above a declaration (no blank line between, each on a line of
 * its own) describe it, as in most languages without a doc-comment syntax of their own.
 */
import type { Comment, ParsedFile } from "@ipxm/core";

export function commentAbove(file: ParsedFile, declarationStart: number): string | undefined {
  const comments = file.comments;
  const text = file.source.text;
  let index = lastCommentBefore(comments, declarationStart);
  const lines: string[] = [];
  let below = declarationStart;
  while (index >= 0) {
    const comment = comments[index]!;
    if (comment.kind !== "line" || !onlyOneLineBreak(text, comment.range.end, below)) break;
    if (!startsItsLine(text, comment.range.start)) break;
    lines.unshift(comment.text.replace(/^\/\/\s?/, ""));
    below = comment.range.start;
    index--;
  }
  const doc = lines.join("\n").trim();
  return doc === "" ? undefined : doc;
}

function lastCommentBefore(comments: readonly Comment[], offset: number): number {
  let low = 0;
  let high = comments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (comments[middle]!.range.end <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

function onlyOneLineBreak(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  return /^[ \t\r]*\n[ \t\r]*$/.test(between);
}

function startsItsLine(text: string, offset: number): boolean {
  for (let k = offset - 1; k >= 0; k--) {
    const code = text.charCodeAt(k);
    if (code === 10) return true;
    if (code !== 32 && code !== 9) return false;
  }
  return true;
}
