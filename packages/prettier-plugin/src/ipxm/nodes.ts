/**
 * What the printer and the comment placement need to know about each kind of ipxm AST node: which
 * properties hold children, which nodes stand on a line of their own, which carry `{ … }` blocks.
 * The core AST has no parent links, so the parser records them here once per file.
 */
import { astChildKeys, type Node } from "@ipxm/core";

/**
 * Strings and names are printed whole (comments cannot sit inside them), so the formatter treats them
 * as leaves; every other node has the children core's table gives it.
 */
const printedWhole: ReadonlySet<string> = new Set(["String", "Interpolation", "Name"]);

const noKeys: readonly string[] = [];

export function childKeys(node: Node): readonly string[] {
  return printedWhole.has(node.kind) ? noKeys : (astChildKeys[node.kind] ?? noKeys);
}

/** The blocks of a node that has them, by property: `menu m "t" { body }`, `if c { then } else { else }`. */
const blockKeys: Readonly<Record<string, readonly string[]>> = {
  Menu: ["body"],
  Entry: ["body"],
  For: ["body"],
  If: ["then", "else"],
  When: ["then", "else"],
};

export function blocksOf(node: Node): readonly string[] | undefined {
  return blockKeys[node.kind];
}

const declarationKinds = new Set(["Import", "Target", "Const", "Setting", "Menu", "Entry"]);
const partKinds = new Set([
  "SourceFile",
  "Identifier",
  "TypeRef",
  "Param",
  "Key",
  "Text",
  "Interpolation",
  "String",
  "Int",
  "Duration",
  "Bool",
  "List",
  "Record",
  "Field",
  "Name",
  "Member",
  "Binary",
  "Not",
  "IsSet",
]);

const parents = new WeakMap<Node, Node>();

/** Records the parent of every node below `root` (the parser calls this once per file). */
export function recordParents(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const key of childKeys(node)) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value as Node[]) {
          parents.set(child, node);
          stack.push(child);
        }
      } else if (isNode(value)) {
        parents.set(value, node);
        stack.push(value);
      }
    }
  }
}

export function parentOf(node: Node): Node | undefined {
  return parents.get(node);
}

export function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as Node).kind === "string";
}

/**
 * A node that stands on a line of its own: a declaration, a menu member or an entry statement. An
 * action after `->` is part of its item, not a statement.
 */
export function isStatementLevel(node: Node): boolean {
  if (declarationKinds.has(node.kind)) return true;
  if (partKinds.has(node.kind)) return false;
  const parent = parentOf(node);
  return parent !== undefined && parent.kind !== "Item" && parent.kind !== "Escape";
}

/** The nearest node at or above `node` that stands on its own line. */
export function statementOf(node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current !== undefined && !isStatementLevel(current)) current = parentOf(current);
  return current;
}

/** The innermost list or record at or above `node`, below `statement`. */
export function innermostCollection(node: Node, statement: Node): Node | undefined {
  for (
    let current: Node | undefined = node;
    current !== undefined && current !== statement;
    current = parentOf(current)
  ) {
    if (current.kind === "List" || current.kind === "Record") return current;
  }
  return undefined;
}
