/**
 * What both languages' SourceCode objects share: locations computed from `range` (nodes carry only
 * offsets, so a multi-megabyte script does not pay for a line/column pair on every token), parent
 * links and the traversal ESLint walks, and `eslint-disable` / `eslint` directive comments written in
 * each language's own comment syntax.
 */
import type { FileProblem, RulesConfig, SourceLocation, SourceRange, TraversalStep } from "@eslint/core";
import { ConfigCommentParser, Directive, TextSourceCodeBase, VisitNodeStep } from "@eslint/plugin-kit";

/** Any node of either tree: a type under `typeKey` and 0-based, end-exclusive offsets. */
export type AnyNode = object;

/** A comment as directives see it: its text without the comment markers. */
export interface DirectiveComment {
  readonly type: "Comment";
  readonly range: [number, number];
  /** The comment's text without `#`, `//` or the `/*` and `*\/` around it. */
  readonly value: string;
  /** A block comment may span lines, which line directives must not. */
  readonly block: boolean;
}

export interface SourceCodeBaseOptions {
  readonly text: string;
  readonly ast: AnyNode;
  /** The property holding a node's type. */
  readonly typeKey: string;
  readonly visitorKeys: Readonly<Record<string, readonly string[]>>;
  /** How to read a node's offsets. */
  readonly rangeOf: (node: AnyNode) => readonly [number, number];
  /**
   * Keep the order of each root child's nodes with that node, for the next tree of an editor,
   * which takes unchanged children over as the same objects (see `segments`).
   */
  readonly keepRuns?: boolean;
}

/** What `applyInlineConfig` returns for each `eslint` comment (the type @eslint/core does not export). */
interface InlineConfigElement {
  loc: SourceLocation;
  config: { rules: RulesConfig };
}

type LineDirectiveType = "disable" | "enable" | "disable-line" | "disable-next-line";

const commentParser = new ConfigCommentParser();
const directivePattern = /^\s*eslint(?:-enable|-disable(?:(?:-next)?-line)?)?(?:\s|$)/u;

export abstract class RangedSourceCode extends TextSourceCodeBase {
  private readonly typeKey: string;
  private readonly childKeys: Readonly<Record<string, readonly string[]>>;
  private readonly rangeOf: (node: AnyNode) => readonly [number, number];
  private readonly keepRuns: boolean;
  private parents: WeakMap<AnyNode, AnyNode> | undefined;
  private directiveComments: DirectiveComment[] | undefined;

  readonly visitorKeys: Record<string, string[]>;

  constructor(options: SourceCodeBaseOptions) {
    super({ text: options.text, ast: options.ast });
    this.typeKey = options.typeKey;
    this.childKeys = options.visitorKeys;
    this.visitorKeys = Object.fromEntries(Object.entries(options.visitorKeys).map(([key, value]) => [key, [...value]]));
    this.rangeOf = options.rangeOf;
    this.keepRuns = options.keepRuns === true;
  }

  /** Every comment of the file, in order. */
  abstract get comments(): readonly DirectiveComment[];

  override getRange(node: AnyNode): SourceRange {
    const [start, end] = this.rangeOf(node);
    return [start, end];
  }

  override getLoc(node: AnyNode): SourceLocation {
    if (node === this.ast) return this.rootLocation();
    const [start, end] = this.rangeOf(node);
    return { start: this.getLocFromIndex(start), end: this.getLocFromIndex(end) };
  }

  private rootLoc: SourceLocation | undefined;

  /** The whole file; the base class derives every other position from it. */
  private rootLocation(): SourceLocation {
    if (!this.rootLoc) {
      let line = 1;
      let lineStart = 0;
      for (let at = this.text.indexOf("\n"); at >= 0; at = this.text.indexOf("\n", at + 1)) {
        line++;
        lineStart = at + 1;
      }
      this.rootLoc = { start: { line: 1, column: 1 }, end: { line, column: this.text.length - lineStart + 1 } };
    }
    return this.rootLoc;
  }

  override getParent(node: AnyNode): AnyNode | undefined {
    if (!this.parents) {
      const parents = new WeakMap<AnyNode, AnyNode>();
      const open: AnyNode[] = [];
      for (const segment of this.segments()) {
        for (const visited of segment) {
          if (visited === open[open.length - 1]) {
            open.pop();
            continue;
          }
          const parent = open[open.length - 1];
          if (parent) parents.set(visited, parent);
          open.push(visited);
        }
      }
      this.parents = parents;
    }
    return this.parents.get(node);
  }

  /**
   * Enter and exit steps of every node, depth first, children in visitor-key order. ESLint applies
   * each step as it takes it and keeps none, so one step object, its arguments and one iterator
   * result are rewritten for every step (a large file has hundreds of thousands).
   */
  override traverse(): Iterable<TraversalStep> {
    return { [Symbol.iterator]: () => new StepIterator(this.segments()) };
  }

  /**
   * The order nodes are entered and left in, as runs of nodes in which a node's second appearance
   * is its exit: the root, each child of the root with everything under it, the root again. With
   * `keepRuns`, the run of a root's child is kept with that node: an editor's next tree takes every
   * declaration it did not reparse over as the same object (moved in place, never changed below),
   * and ESLint then walks it without the tree being read again.
   */
  private segments(): (readonly AnyNode[])[] {
    let cache: WeakMap<AnyNode, readonly AnyNode[]> | undefined;
    if (this.keepRuns) {
      cache = runsByKeys.get(this.childKeys);
      if (!cache) {
        cache = new WeakMap();
        runsByKeys.set(this.childKeys, cache);
      }
    }
    const segments: (readonly AnyNode[])[] = [[this.ast]];
    for (const child of this.childrenOf(this.ast)) {
      let run = cache?.get(child);
      if (!run) {
        run = this.runOf(child);
        cache?.set(child, run);
      }
      segments.push(run);
    }
    segments.push([this.ast]);
    return segments;
  }

  /** `node` and everything under it, each node when entered and again when left. */
  private runOf(node: AnyNode): AnyNode[] {
    const run: AnyNode[] = [];
    const pending: AnyNode[] = [node];
    /** For each pending node, whether it was entered (so its next appearance is its exit). */
    const entered: boolean[] = [false];
    while (pending.length > 0) {
      const next = pending.pop()!;
      run.push(next);
      if (entered.pop()) continue;
      pending.push(next);
      entered.push(true);
      const children = this.childrenOf(next);
      for (let i = children.length - 1; i >= 0; i--) {
        pending.push(children[i]!);
        entered.push(false);
      }
    }
    return run;
  }

  /** A node's children in visitor-key order. */
  private childrenOf(node: AnyNode): AnyNode[] {
    const children: AnyNode[] = [];
    const keys = this.childKeys[(node as Record<string, string>)[this.typeKey]!];
    if (!keys) return children;
    for (const key of keys) {
      const value = (node as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const element of value) if (isNode(element, this.typeKey)) children.push(element);
      } else if (isNode(value, this.typeKey)) {
        children.push(value);
      }
    }
    return children;
  }

  /** Comments that hold an `eslint…` directive. */
  getInlineConfigNodes(): DirectiveComment[] {
    this.directiveComments ??= this.comments.filter((comment) => directivePattern.test(comment.value));
    return this.directiveComments;
  }

  getDisableDirectives(): { directives: Directive[]; problems: FileProblem[] } {
    const directives: Directive[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed) continue;
      const { label, value, justification } = parsed;
      if (!label.startsWith("eslint-")) continue;
      const type = label.slice("eslint-".length) as LineDirectiveType;
      const loc = this.getLoc(comment);
      if ((type === "disable-line" || type === "disable-next-line") && loc.start.line !== loc.end.line) {
        problems.push({
          ruleId: null,
          message: `${label} comment should not span multiple lines.`,
          loc,
        });
        continue;
      }
      directives.push(new Directive({ type, node: comment, value, justification }));
    }
    return { directives, problems };
  }

  applyInlineConfig(): { configs: InlineConfigElement[]; problems: FileProblem[] } {
    const configs: InlineConfigElement[] = [];
    const problems: FileProblem[] = [];
    for (const comment of this.getInlineConfigNodes()) {
      const parsed = commentParser.parseDirective(comment.value);
      if (!parsed || parsed.label !== "eslint") continue;
      const loc = this.getLoc(comment);
      const result = commentParser.parseJSONLikeConfig(parsed.value);
      if (result.ok) configs.push({ config: { rules: result.config }, loc });
      else problems.push({ ruleId: null, message: result.error.message, loc });
    }
    return { configs, problems };
  }
}

function isNode(value: unknown, typeKey: string): value is AnyNode {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[typeKey] === "string";
}

/** Per language (its visitor keys), the run of each child of a root that was traversed (see `segments`). */
const runsByKeys = new WeakMap<object, WeakMap<AnyNode, readonly AnyNode[]>>();

/** The steps of one traversal of runs, each written into the same step, arguments and result. */
class StepIterator implements Iterator<TraversalStep> {
  /** The nodes entered and not yet left, innermost last. */
  private readonly open: AnyNode[] = [];
  private readonly args: [AnyNode, AnyNode | undefined] = [{}, undefined];
  private readonly step = new VisitNodeStep({ target: {}, phase: 1, args: this.args });
  private readonly result: IteratorResult<TraversalStep> = { done: false, value: this.step };
  private segment = 0;
  private index = 0;

  constructor(private readonly segments: readonly (readonly AnyNode[])[]) {}

  next(): IteratorResult<TraversalStep> {
    const { segments, open, step, args } = this;
    while (this.segment < segments.length && this.index >= segments[this.segment]!.length) {
      this.segment++;
      this.index = 0;
    }
    if (this.segment === segments.length) return { done: true, value: undefined };
    const node = segments[this.segment]![this.index++]!;
    step.target = node;
    if (node === open[open.length - 1]) {
      open.pop();
      step.phase = 2;
    } else {
      step.phase = 1;
      open.push(node);
    }
    args[0] = node;
    args[1] = open[open.length - (step.phase === 1 ? 2 : 1)];
    return this.result;
  }
}
