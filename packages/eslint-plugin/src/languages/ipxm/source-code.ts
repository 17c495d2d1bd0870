/**
 * The SourceCode of an `.ipxm` file: core's AST and comments, and the analysed program the file
 * belongs to — the linted tree's when there is one, else the file with what it imports.
 */
import { normalizePath, type Comment, type Diagnostic, type ReadResult, type SourceFileNode } from "@ipxm/core";
import { buildIpxmProject, type IpxmProject } from "../../ipxm-project.js";
import { RangedSourceCode, type DirectiveComment } from "../../source-code-base.js";
import type { LintTree } from "../../tree.js";
import { readTextFile } from "../../util/file-system.js";
import { astChildKeys as ipxmVisitorKeys } from "@ipxm/core";

/**
 * The offsets of a core node (its own `start` and `end`), of a core comment (`range: {start, end}`)
 * or of a directive comment (`range: [start, end]`).
 */
function rangeOf(node: object): readonly [number, number] {
  if (!("range" in node)) {
    const { start, end } = node as { start: number; end: number };
    return [start, end];
  }
  const range = (node as { range: { start: number; end: number } | [number, number] }).range;
  return Array.isArray(range) ? range : [range.start, range.end];
}

export class IpxmSourceCode extends RangedSourceCode {
  declare readonly ast: SourceFileNode;
  /** Absolute path, posix-style. */
  readonly path: string;
  readonly tree: LintTree | undefined;
  private readonly coreComments: readonly Comment[];
  private builtComments: DirectiveComment[] | undefined;
  private readonly projects = new Map<string, IpxmProject>();

  constructor(options: {
    text: string;
    ast: SourceFileNode;
    comments: readonly Comment[];
    path: string;
    tree?: LintTree;
  }) {
    super({
      text: options.text,
      ast: options.ast,
      typeKey: "kind",
      visitorKeys: ipxmVisitorKeys,
      rangeOf,
      keepRuns: options.tree?.editing === true,
    });
    this.path = normalizePath(options.path);
    this.tree = options.tree;
    this.coreComments = options.comments;
  }

  get comments(): readonly DirectiveComment[] {
    this.builtComments ??= this.coreComments.map((comment) => ({
      type: "Comment",
      range: [comment.range.start, comment.range.end],
      value: comment.kind === "line" ? comment.text.slice(2) : comment.text.slice(2, -2),
      block: comment.kind === "block",
    }));
    return this.builtComments;
  }

  /**
   * The program this file belongs to, elaborated for `target` (undefined: each entry file's own
   * `target`, else the default).
   */
  project(target: string | undefined): IpxmProject {
    const key = target ?? "";
    let project = this.projects.get(key);
    if (!project) {
      project = this.tree?.ipxmText(this.path) === this.text ? this.tree.ipxmProject(target) : this.ownProject(target);
      this.projects.set(key, project);
    }
    return project;
  }

  /** Every diagnostic of the checker and of elaboration in this file. */
  diagnostics(target: string | undefined): readonly Diagnostic[] {
    return this.project(target).diagnosticsOf(this.path);
  }

  /** This file and what it imports, read from the tree or from disk. */
  private ownProject(target: string | undefined): IpxmProject {
    const tree = this.tree;
    const host = {
      readFile: (path: string): ReadResult => {
        const key = normalizePath(path);
        const text = key === this.path ? this.text : (tree?.ipxmText(key) ?? readTextFile(key));
        return text === undefined
          ? { ok: false, code: "file-not-found", message: "does not exist" }
          : { ok: true, text: text.startsWith("\uFEFF") ? text.slice(1) : text };
      },
    };
    return buildIpxmProject([this.path], host, {
      entryPoints: "main-only",
      ...(target !== undefined ? { target } : {}),
    });
  }
}
