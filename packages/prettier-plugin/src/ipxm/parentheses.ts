/**
 * Where an expression needs parentheses. The AST has no node for them, so the printer adds exactly
 * those that make the text parse back to the same tree:
 *
 * - precedence: `or` < `and` < `not` < `==`/`!=`, all left-associative; `not` applies to a whole
 *   comparison (`not a == b` is `not (a == b)`), so a `not` inside a comparison is parenthesised;
 *   an `and` inside an `or`, and a comparison under `not`, are parenthesised too, for the reader;
 * - a member access binds to a single value: `(a or b).x`;
 * - a name that is also a keyword (`menu`, `boot`, …) is always parenthesised: whether the parser
 *   reads a bare keyword as a name depends on the next token;
 * - where an expression is optional (`gap`, `exit`, kernel `args`) or may be mistaken for an item
 *   id, it must not start with `not`, `set(…)` or `{`, which the parser takes for something else.
 */
import { keywords, type BinaryExpr, type Expression, type Node } from "@ipxm/core";

const keywordSet: ReadonlySet<string> = new Set(keywords);

const precedence: Readonly<Record<BinaryExpr["operator"], number>> = { or: 1, and: 2, "==": 3, "!=": 3 };
const COMPARISON = 3;

export function needsParentheses(node: Node, parent: Node | undefined, key: string | number | null): boolean {
  if (parent === undefined) return false;
  if (node.kind === "Name" && keywordSet.has((node as Extract<Expression, { kind: "Name" }>).name.name)) return true;
  if (inNestingPosition(node as Expression, parent, key)) return true;
  return inGuardedPosition(parent, key) && startsWithGuardedToken(node as Expression);
}

/** Parentheses that precedence and member access call for. */
function inNestingPosition(node: Expression, parent: Node, key: string | number | null): boolean {
  switch (parent.kind) {
    case "Binary": {
      const outer = precedence[(parent as BinaryExpr).operator];
      if (node.kind === "Not") return outer === COMPARISON;
      if (node.kind !== "Binary") return false;
      const inner = precedence[node.operator];
      // `a or (b and c)` keeps its parentheses for the reader, as Prettier does for `||` and `&&`.
      if (node.operator === "and" && (parent as BinaryExpr).operator === "or") return true;
      return key === "right" ? inner <= outer : inner < outer;
    }
    case "Not":
      // `not (a == b)` needs no parentheses to parse, but reads better with them.
      return node.kind === "Binary";
    case "Member":
      return key === "object" && (node.kind === "Binary" || node.kind === "Not");
    default:
      return false;
  }
}

/** Positions where the parser decides from the first token whether an expression follows. */
function inGuardedPosition(parent: Node, key: string | number | null): boolean {
  switch (parent.kind) {
    case "Gap":
      return key === "text";
    case "Exit":
      return key === "status";
    case "Kernel":
      return key === "args";
    case "Item":
      return key === "text" && (parent as { id?: unknown }).id === undefined;
    default:
      return false;
  }
}

/** Whether the printed expression begins with `not`, `set(` or `{`. */
function startsWithGuardedToken(node: Expression): boolean {
  switch (node.kind) {
    case "Not":
    case "IsSet":
    case "Record":
      return true;
    case "Binary":
      return (
        !inNestingPosition(node.left, node, "left") && !isKeywordName(node.left) && startsWithGuardedToken(node.left)
      );
    case "Member":
      return (
        !inNestingPosition(node.object, node, "object") &&
        !isKeywordName(node.object) &&
        startsWithGuardedToken(node.object)
      );
    default:
      return false;
  }
}

function isKeywordName(node: Expression): boolean {
  return node.kind === "Name" && keywordSet.has(node.name.name);
}
