/**
 * The chain of AST nodes from a file's root down to the innermost node under the cursor, and where
 * each node sits in its parent. Ranges are end-exclusive; a cursor right after a name is still on it.
 */
import { astChildKeys, type Node, type SourceFileNode } from "@ipxm/core";

export interface PathStep {
  readonly node: Node;
  /** The property of the parent that holds this node (`url`, `args`…), and its index in a list. */
  readonly field?: string;
  readonly index?: number;
}

export function nodePath(root: SourceFileNode, offset: number): PathStep[] {
  const path: PathStep[] = [{ node: root }];
  let node: Node = root;
  for (;;) {
    const next = childAt(node, offset);
    if (!next) return path;
    path.push(next);
    node = next.node;
  }
}

function childAt(node: Node, offset: number): PathStep | undefined {
  let touching: PathStep | undefined;
  for (const field of astChildKeys[node.kind] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[field];
    const candidates: readonly unknown[] = Array.isArray(value) ? value : [value];
    for (let index = 0; index < candidates.length; index++) {
      const child = candidates[index];
      if (!isNode(child)) continue;
      const { start, end } = child;
      const step: PathStep = Array.isArray(value) ? { node: child, field, index } : { node: child, field };
      if (start <= offset && offset < end) return step;
      if (end === offset && start < end) touching = step;
    }
  }
  return touching;
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).kind === "string" && "start" in value;
}
