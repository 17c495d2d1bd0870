/**
 * The children of each kind of AST node, in source order: the one table that every walker of the AST
 * (the ESLint language, the formatter) shares. A test keeps it complete.
 */
import type { DefaultNode, EscapeNode, GapNode, ItemNode, MenuMember, Node } from "./ast.js";

export const astChildKeys: Readonly<Record<string, readonly string[]>> = {
  SourceFile: ["declarations"],
  Import: ["path"],
  Target: ["profile"],
  Const: ["name", "type", "value"],
  Setting: ["name", "type", "value"],
  TypeRef: [],
  Menu: ["name", "title", "body"],
  Entry: ["name", "params", "body"],
  Param: ["name", "type", "defaultValue"],
  Item: ["id", "text", "key", "condition", "action"],
  Key: [],
  Gap: ["text"],
  Default: ["item", "timeout"],
  Escape: ["action"],
  For: ["variable", "iterable", "body"],
  If: ["condition", "then", "else"],
  When: ["condition", "then", "else"],
  OpenMenu: ["menu"],
  BootEntry: ["entry", "args"],
  Chain: ["url"],
  Sanboot: ["url", "drive"],
  Memdisk: ["url", "mode"],
  Shell: [],
  Exit: ["status"],
  Reboot: [],
  Back: [],
  Kernel: ["url", "args"],
  Initrd: ["url", "name"],
  BootKernel: [],
  Echo: ["text"],
  Prompt: ["setting", "question"],
  Set: ["setting", "value"],
  Sleep: ["duration"],
  OnFailure: ["message"],
  RawIpxe: [],
  String: ["parts"],
  Text: [],
  Interpolation: ["name", "members"],
  Int: [],
  Duration: [],
  Bool: [],
  List: ["elements"],
  Record: ["fields"],
  Field: ["name", "value"],
  Name: ["name"],
  Member: ["object", "member"],
  Binary: ["left", "right"],
  Not: ["operand"],
  IsSet: ["setting"],
  Identifier: [],
};

/**
 * Visits `root` and every node under it in source order, telling each node its parent and the
 * parent's key that holds it (`name`, `body`, `members`…; both undefined for `root`). Keeps its own
 * stack: a long chain of `and`s must not overflow the call stack.
 */
export function forEachNode(
  root: Node,
  visit: (node: Node, parent: Node | undefined, key: string | undefined) => void,
): void {
  // Three stacks side by side rather than one of records: a walk allocates nothing per node.
  const nodes: Node[] = [root];
  const parents: (Node | undefined)[] = [undefined];
  const keys: (string | undefined)[] = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    visit(node, parents.pop(), keys.pop());
    const first = nodes.length;
    forEachChild(node, (child, key) => {
      nodes.push(child);
      parents.push(node);
      keys.push(key);
    });
    // Pushed in source order, then reversed in place so that they come out in source order.
    reverseFrom(nodes, first);
    reverseFrom(parents, first);
    reverseFrom(keys, first);
  }
}

/** The nodes directly under `node`, in source order. */
export function childrenOf(node: Node): Node[] {
  const children: Node[] = [];
  forEachChild(node, (child) => children.push(child));
  return children;
}

/** A member of a menu that is not a block: what a menu shows (items, gaps) or how it behaves. */
export type MenuLeafMember = ItemNode | GapNode | DefaultNode | EscapeNode;

/**
 * Visits the members of a menu body in source order, going into the `for`, `if` and `when` blocks
 * that make them (an item made by a loop is listed where the loop is).
 */
export function forEachMenuMember(
  members: readonly MenuMember[] | undefined,
  visit: (member: MenuLeafMember) => void,
): void {
  for (const member of members ?? []) {
    if (!member) continue;
    switch (member.kind) {
      case "For":
        forEachMenuMember(member.body, visit);
        break;
      case "If":
      case "When":
        forEachMenuMember(member.then, visit);
        forEachMenuMember(member.else, visit);
        break;
      default:
        visit(member);
    }
  }
}

function forEachChild(node: Node, visit: (child: Node, key: string) => void): void {
  for (const key of astChildKeys[node.kind] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (isNode(child)) visit(child, key);
    } else if (isNode(value)) {
      visit(value, key);
    }
  }
}

function reverseFrom<T>(items: T[], from: number): void {
  for (let low = from, high = items.length - 1; low < high; low++, high--) {
    const swap = items[low]!;
    items[low] = items[high]!;
    items[high] = swap;
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}
