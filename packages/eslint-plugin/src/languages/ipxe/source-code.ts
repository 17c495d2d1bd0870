/** The SourceCode of a plain iPXE script: its lines, its model, and the tree it was linted in. */
import { directoryOf, normalizePath, resolveImportPath } from "@ipxm/core";
import { RangedSourceCode, type DirectiveComment } from "../../source-code-base.js";
import type { LintTree } from "../../tree.js";
import { ipxeVisitorKeys, type CommentNode, type IpxeNode, type ScriptNode } from "./ast.js";
import { buildModel, type ScriptModel } from "./model.js";

export class IpxeSourceCode extends RangedSourceCode {
  declare readonly ast: ScriptNode;
  /** Absolute path of the file, posix-style. */
  readonly path: string;
  readonly tree: LintTree | undefined;
  private builtModel: ScriptModel | undefined;
  private builtComments: CommentNode[] | undefined;

  constructor(options: { text: string; ast: ScriptNode; path: string; tree?: LintTree; model?: ScriptModel }) {
    super({
      text: options.text,
      ast: options.ast,
      typeKey: "type",
      visitorKeys: ipxeVisitorKeys,
      rangeOf: (node) => (node as IpxeNode).range,
      keepRuns: options.tree?.editing === true,
    });
    this.path = normalizePath(options.path);
    this.tree = options.tree;
    this.builtModel = options.model;
  }

  /** Labels, gotos, menus and settings of this script (built on first use). */
  get model(): ScriptModel {
    this.builtModel ??= buildModel(this.ast);
    return this.builtModel;
  }

  get comments(): readonly DirectiveComment[] {
    if (!this.builtComments) {
      this.builtComments = [];
      for (const line of this.ast.lines) if (line.comment) this.builtComments.push(line.comment);
    }
    return this.builtComments;
  }

  /** The tree's path of a relative reference from this script (`linux.ipxe`, `../x.ipxe`), or undefined. */
  resolveRelative(reference: string): string {
    const withoutQuery = reference.replace(/[?#].*$/, "");
    if (directoryOf(this.path) === "") return normalizePath(withoutQuery);
    return resolveImportPath(this.path, withoutQuery);
  }
}
