/**
 * Parsing a file again after an edit, reusing the declarations the edit did not touch: an editor
 * reparses on every keystroke, and in a long file all but one declaration are as they were.
 *
 * Only the text from the start of the edited declaration to the start of the first declaration
 * wholly after the edit is parsed again; the declarations after it are moved by the change in
 * length. The result is always the one `parse` gives for the whole new text (a property test holds
 * the two equal). Reuse is attempted only where that is certain, and the whole text is parsed
 * otherwise:
 * - the previous parse found no problem outside the text parsed again, and the new middle parses
 *   clean on its own. An error may stretch across declarations (an unclosed brace or comment
 *   swallows what follows), and error recovery at the end of a slice need not match recovery in the
 *   whole file. (A problem inside the text parsed again is what typing in a declaration leaves
 *   behind for a keystroke or two: it goes with that text.)
 * - the middle starts and ends at declarations that begin a line, in text the edit left alone.
 *   At a line start no token can run across the cut: strings and line comments end at the line's
 *   end, and a block comment or raw block that the middle leaves open is an error.
 */
import type { Declaration, Node, SourceFileNode } from "./ast.js";
import type { Range } from "./source.js";
import { parse, type Comment, type ParseResult } from "./parse.js";

/** A parse and the text it read. */
export interface ParsedText {
  readonly text: string;
  readonly result: ParseResult;
}

export interface ReparseOptions {
  /**
   * Hand the previous parse over: the declarations after the edit are moved where they are instead
   * of being copied. In a long file that is most of what a keystroke would otherwise allocate and
   * keep, and every declaration the edit left alone stays the same object. The previous parse must
   * not be read afterwards; `wasHandedOver` tells, and a reparse from it parses the whole text.
   */
  readonly inPlace?: boolean;
}

/** Trees whose declarations a later parse took over in place (see `ReparseOptions.inPlace`). */
const handedOver = new WeakSet<SourceFileNode>();

/** Whether a later `reparse(…, { inPlace: true })` took this tree's declarations over. */
export function wasHandedOver(ast: SourceFileNode): boolean {
  return handedOver.has(ast);
}

/** `parse(text, file)`, computed from the parse of an earlier text of the same file. */
export function reparse(previous: ParsedText, text: string, file: string, options: ReparseOptions = {}): ParseResult {
  if (handedOver.has(previous.result.ast)) return parse(text, file);
  if (previous.text === text) return previous.result;
  const plan = planReuse(previous, text);
  if (plan === undefined) return parse(text, file);

  const middle = parse(text.slice(plan.from, plan.to), file);
  if (middle.diagnostics.length > 0) return parse(text, file);

  const { declarations: before, after } = plan;
  const shift = plan.to - plan.oldTo;
  const declarations: Declaration[] = [...before];
  // The middle's own parse is ours alone: it is always moved where it is.
  for (const declaration of middle.ast.declarations) declarations.push(shiftedInPlace(declaration, plan.from));
  if (options.inPlace) {
    // The new tree shares the declarations before the edit with the old one, and those after it
    // are about to move: the old tree is no longer a parse of any text.
    handedOver.add(previous.result.ast);
    for (const declaration of after) declarations.push(shiftedInPlace(declaration, shift));
  } else {
    for (const declaration of after) declarations.push(moved(declaration, shift));
  }

  const comments: Comment[] = [];
  for (const comment of previous.result.comments) {
    if (comment.range.end <= plan.from) comments.push(comment);
  }
  for (const comment of middle.comments) comments.push(moved(comment, plan.from));
  for (const comment of previous.result.comments) {
    if (comment.range.start >= plan.oldTo) comments.push(moved(comment, shift));
  }

  const ast: SourceFileNode = { kind: "SourceFile", start: 0, end: text.length, declarations };
  return { ast, comments, diagnostics: [] };
}

interface ReusePlan {
  /** Where the text parsed again starts (the same offset in both texts). */
  readonly from: number;
  /** Where it ends in the new text, and where that was in the old. */
  readonly to: number;
  readonly oldTo: number;
  /** The old declarations kept as they are (before `from`) and those moved (from `oldTo` on). */
  readonly declarations: readonly Declaration[];
  readonly after: readonly Declaration[];
}

function planReuse(previous: ParsedText, text: string): ReusePlan | undefined {
  const old = previous.text;
  const { declarations } = previous.result.ast;
  if (declarations.length < 2) return undefined;

  const sharedStart = commonPrefixLength(old, text);
  const sharedEnd = commonSuffixLength(old, text, Math.min(old.length, text.length) - sharedStart);
  const editEnd = old.length - sharedEnd;

  // The last declaration starting at a line start before the edit: the middle begins there.
  let first = 0;
  for (let i = 0; i < declarations.length; i++) {
    const start = declarations[i]!.start;
    if (start >= sharedStart) break;
    if (startsLine(old, start)) first = i;
  }
  // The first declaration starting at a line start whose line break the edit left alone.
  let next = declarations.length;
  for (let i = first + 1; i < declarations.length; i++) {
    const start = declarations[i]!.start;
    if (start > editEnd && startsLine(old, start)) {
      next = i;
      break;
    }
  }
  if (first === 0 && next === declarations.length) return undefined;

  const from = first === 0 ? 0 : declarations[first]!.start;
  const oldTo = next === declarations.length ? old.length : declarations[next]!.start;
  for (const { range } of previous.result.diagnostics) {
    if (range.start < from || range.end >= oldTo) return undefined;
  }
  return {
    from,
    to: oldTo + text.length - old.length,
    oldTo,
    declarations: declarations.slice(0, first),
    after: declarations.slice(next),
  };
}

function startsLine(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === 10; /* \n */
}

/** Characters compared at once: comparing slices is a block compare, a loop over them is not. */
const chunk = 2048;

function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let i = 0;
  while (i + chunk <= limit && a.slice(i, i + chunk) === b.slice(i, i + chunk)) i += chunk;
  while (i < limit && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function commonSuffixLength(a: string, b: string, limit: number): number {
  let i = 0;
  while (
    i + chunk <= limit &&
    a.slice(a.length - i - chunk, a.length - i) === b.slice(b.length - i - chunk, b.length - i)
  )
    i += chunk;
  while (i < limit && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

/**
 * A copy of a node (and everything under it) with its offsets moved by `shift`. Nodes are plain
 * data; offsets are the `start` and `end` of every node, a raw block's `textOffset` and the `range`
 * of a comment.
 */
function moved<T extends object>(node: T, shift: number): T {
  if (shift === 0) return node;
  return copyShifted(node, shift) as T;
}

/**
 * The node itself, its offsets (and those of every node under it) moved by `shift`. Diagnostics
 * made from the old tree keep their offsets: a diagnostic copies them (see `makeDiagnostic`).
 */
function shiftedInPlace<T extends Node>(node: T, shift: number): T {
  if (shift !== 0) shiftInPlace(node, shift);
  return node;
}

function shiftInPlace(value: object, shift: number): void {
  if (Array.isArray(value)) {
    for (const element of value) if (typeof element === "object" && element !== null) shiftInPlace(element, shift);
    return;
  }
  const node = value as Record<string, unknown>;
  for (const key in node) {
    const field = node[key];
    if (isOffsetKey(key)) {
      node[key] = (field as number) + shift;
    } else if (typeof field === "object" && field !== null) {
      shiftInPlace(field, shift);
    }
  }
}

function copyShifted(value: unknown, shift: number): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((element) => copyShifted(element, shift));
  const copy: Record<string, unknown> = {};
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (isOffsetKey(key)) {
      copy[key] = (field as number) + shift;
    } else if (key === "range") {
      const range = field as Range;
      copy[key] = { start: range.start + shift, end: range.end + shift };
    } else {
      copy[key] = copyShifted(field, shift);
    }
  }
  return copy;
}

/** The fields of a node that hold offsets into the file's text. */
function isOffsetKey(key: string): boolean {
  return key === "start" || key === "end" || key === "textOffset";
}
