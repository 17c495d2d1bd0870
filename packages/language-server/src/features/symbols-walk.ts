/**
 * A walk over an `.ipxm` AST that tells each node where it sits (its parent and the parent's key),
 * which is what the outline, the semantic tokens and the links need to know what a name is. Core's
 * `astChildKeys` is the one table of children, so a new kind of node is walked without a change here.
 * The walk keeps its own stack: a long chain of `and`s must not overflow the call stack.
 */
import { astChildKeys, type Node } from "@ipxm/core";

export interface Visit {
  readonly node: Node;
  readonly parent: Node | undefined;
  /** The parent's key that holds the node (`name`, `body`, `members`…). */
  readonly key: string | undefined;
}

export function walkAst(root: Node, visit: (visit: Visit) => void): void {
  const pending: Visit[] = [{ node: root, parent: undefined, key: undefined }];
  while (pending.length > 0) {
    const current = pending.pop()!;
    visit(current);
    const node = current.node;
    const keys = astChildKeys[node.kind] ?? [];
    const children: Visit[] = [];
    for (const key of keys) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) children.push({ node: child, parent: node, key });
      } else if (isNode(value)) {
        children.push({ node: value, parent: node, key });
      }
    }
    // Pushed in reverse so that nodes come out in source order.
    for (let i = children.length - 1; i >= 0; i--) pending.push(children[i]!);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).kind === "string" && "range" in value;
}
