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
  private parents: WeakMap<AnyNode, AnyNode> | undefined;
  private directiveComments: DirectiveComment[] | undefined;

  readonly visitorKeys: Record<string, string[]>;

  constructor(options: SourceCodeBaseOptions) {
    super({ text: options.text, ast: options.ast });
    this.typeKey = options.typeKey;
    this.childKeys = options.visitorKeys;
    this.visitorKeys = Object.fromEntries(Object.entries(options.visitorKeys).map(([key, value]) => [key, [...value]]));
    this.rangeOf = options.rangeOf;
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
      this.walk((child, parent) => {
        if (parent) parents.set(child, parent);
      });
      this.parents = parents;
    }
    return this.parents.get(node);
  }

  /**
   * Enter and exit steps of every node, depth first, children in visitor-key order. ESLint applies
   * each step as it takes it and keeps none, so the steps are not kept either: one step object and
   * one iterator result are rewritten for every step (a large script has hundreds of thousands, and
   * a fresh object for each was a third of what an edit allocated). Pending nodes wait on plain
   * stacks, and a node's enter and exit steps share their arguments.
   */
  override traverse(): Iterable<TraversalStep> {
    return {
      [Symbol.iterator]: () =>
        new StepIterator(this.ast, (node, nodes, parents, entered) => this.pushChildren(node, nodes, parents, entered)),
    };
  }

  /** Calls `visit` with every node and its parent, depth first. */
  private walk(visit: (node: AnyNode, parent: AnyNode | undefined) => void): void {
    const nodes: AnyNode[] = [this.ast];
    const parents: (AnyNode | undefined)[] = [undefined];
    const entered: (unknown[] | undefined)[] = [undefined];
    while (nodes.length > 0) {
      const node = nodes.pop()!;
      visit(node, parents.pop());
      entered.pop();
      this.pushChildren(node, nodes, parents, entered);
    }
  }

  /** Puts a node's children on the stacks last to first, so that they pop in source order. */
  private pushChildren(
    node: AnyNode,
    nodes: AnyNode[],
    parents: (AnyNode | undefined)[],
    entered: (unknown[] | undefined)[],
  ): void {
    const keys = this.childKeys[(node as Record<string, string>)[this.typeKey]!];
    if (!keys) return;
    for (let k = keys.length - 1; k >= 0; k--) {
      const value = (node as Record<string, unknown>)[keys[k]!];
      if (Array.isArray(value)) {
        for (let i = value.length - 1; i >= 0; i--) {
          if (isNode(value[i], this.typeKey)) {
            nodes.push(value[i] as AnyNode);
            parents.push(node);
            entered.push(undefined);
          }
        }
      } else if (isNode(value, this.typeKey)) {
        nodes.push(value);
        parents.push(node);
        entered.push(undefined);
      }
    }
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

type PushChildren = (
  node: AnyNode,
  nodes: AnyNode[],
  parents: (AnyNode | undefined)[],
  entered: (unknown[] | undefined)[],
) => void;

/** The steps of one traversal, each written into the same step and result objects. */
class StepIterator implements Iterator<TraversalStep> {
  private readonly nodes: AnyNode[];
  private readonly parents: (AnyNode | undefined)[] = [undefined];
  /** For each pending node, its arguments once entered (so the entry is its exit), else undefined. */
  private readonly entered: (unknown[] | undefined)[] = [undefined];
  private readonly step = new VisitNodeStep({ target: {}, phase: 1, args: [] });
  private readonly result: IteratorResult<TraversalStep> = { done: false, value: this.step };

  constructor(
    root: AnyNode,
    private readonly pushChildren: PushChildren,
  ) {
    this.nodes = [root];
  }

  next(): IteratorResult<TraversalStep> {
    const { nodes, parents, entered, step } = this;
    if (nodes.length === 0) return { done: true, value: undefined };
    const node = nodes.pop()!;
    const parent = parents.pop();
    const args = entered.pop();
    step.target = node;
    if (args) {
      step.phase = 2;
      step.args = args;
      return this.result;
    }
    const own = [node, parent];
    step.phase = 1;
    step.args = own;
    nodes.push(node);
    parents.push(parent);
    entered.push(own);
    this.pushChildren(node, nodes, parents, entered);
    return this.result;
  }
}
