/**
 * The children of each kind of AST node, in source order: the one table that every walker of the AST
 * (the ESLint language, the formatter) shares. A test keeps it complete.
 */
import type { Node } from "./ast.js";

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
 * Visits `root` and every node under it in source order. Keeps its own stack: a long chain of `and`s
 * must not overflow the call stack.
 */
export function forEachNode(root: Node, visit: (node: Node) => void): void {
  const pending: Node[] = [root];
  const children: Node[] = [];
  while (pending.length > 0) {
    const node = pending.pop()!;
    visit(node);
    for (const key of astChildKeys[node.kind] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) children.push(child);
      } else if (isNode(value)) {
        children.push(value);
      }
    }
    // Pushed in reverse so that nodes come out in source order.
    while (children.length > 0) pending.push(children.pop()!);
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}
