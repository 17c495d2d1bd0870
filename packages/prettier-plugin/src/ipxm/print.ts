/**
 * The `.ipxm` printer: one doc per AST node, built with Prettier's builders. The canonical layout
 * is described in docs/formatting.md; in short, one declaration, member or statement per line,
 * blocks indented one level, blank lines kept (one at most), item rows aligned, and long `kernel`
 * argument lists wrapped under `args` with a hanging indent.
 *
 * Literals are printed as written (`0x80` stays hex, string escapes stay as typed), so the printed
 * file always means what the source meant.
 */
import type { AstPath, Doc, ParserOptions } from "prettier";
import { doc, util } from "prettier";
import type {
  BinaryExpr,
  DefaultNode,
  EntryDecl,
  ExitAction,
  Expression,
  GapNode,
  IfNode,
  InitrdStmt,
  ItemNode,
  KernelStmt,
  KeyNode,
  ListLiteral,
  MemdiskAction,
  Node,
  Param,
  RawIpxeStmt,
  RecordLiteral,
  SanbootAction,
  SettingDecl,
  ConstDecl,
  WhenNode,
} from "@ipxm/core";
import type { IpxmFormatOptions } from "../options.js";
import { skipTrivia } from "./blocks.js";
import {
  danglingComments,
  isPrettierIgnoreComment,
  printCommentLines,
  type Commented,
  type IpxmComment,
} from "./comments.js";
import { alignItems, printAlignedItem, type ItemColumns, type ItemParts } from "./items.js";
import { blocksOf } from "./nodes.js";
import { needsParentheses } from "./parentheses.js";

const { align, fill, group, hardline, indent, join, line, softline, ifBreak } = doc.builders;

type Options = ParserOptions<Node> & IpxmFormatOptions;
type Print = (selector?: string | number | (string | number)[]) => Doc;
type AnyNode = Node & Record<string, unknown>;
// Prettier types a path by the properties of its node; ours are found by kind at run time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Path = AstPath<any>;

/** The columns chosen for each aligned item, set by the block that holds it before it is printed. */
const itemColumns = new WeakMap<Node, ItemColumns>();

export function printIpxm(path: Path, options: Options, print: Print): Doc {
  const node = path.node;
  const printed = printNode(path, options, print);
  const leftover = danglingComments(node as Commented);
  if (leftover.length === 0) return printed;
  // Comments Prettier left inside a node that has no place for them: keep them right after it.
  return [printed, " ", printCommentLines(leftover, options.originalText)];
}

function printNode(path: Path, options: Options, print: Print): Doc {
  const node = path.node as AnyNode;
  const text = options.originalText;
  switch (node.kind) {
    case "SourceFile":
      return printSourceFile(path, options, print);

    // Declarations
    case "Import":
      return ["import ", print("path")];
    case "Target":
      return ["target ", print("profile")];
    case "Const": {
      const decl = node as unknown as ConstDecl;
      return ["const ", print("name"), decl.type ? [": ", print("type")] : "", " = ", print("value")];
    }
    case "Setting": {
      const decl = node as unknown as SettingDecl;
      return ["setting ", print("name"), ": ", print("type"), decl.value ? [" = ", print("value")] : ""];
    }
    case "Menu":
      return ["menu ", print("name"), " ", print("title"), " ", printBlock(path, options, print, "body")];
    case "Entry":
      return [
        "entry ",
        print("name"),
        printArguments(path, print, "params", (node as unknown as EntryDecl).params.length),
        " ",
        printBlock(path, options, print, "body"),
      ];
    case "Param": {
      const param = node as unknown as Param;
      return [print("name"), ": ", print("type"), param.defaultValue ? [" = ", print("defaultValue")] : ""];
    }

    // Menu members
    case "Item":
      return printItem(path, print);
    case "Key":
      return ["key ", keyText(node as unknown as KeyNode, text)];
    case "Gap":
      return (node as unknown as GapNode).text ? ["gap ", print("text")] : "gap";
    case "Default": {
      const member = node as unknown as DefaultNode;
      return ["default ", print("item"), member.timeout ? [" after ", print("timeout")] : ""];
    }
    case "Escape":
      return ["on escape -> ", print("action")];
    case "For":
      return ["for ", print("variable"), " in ", print("iterable"), " ", printBlock(path, options, print, "body")];
    case "If":
    case "When":
      return printConditional(path, options, print);

    // Actions
    case "OpenMenu":
      return ["menu ", print("menu")];
    case "BootEntry":
      return ["boot ", print("entry"), printArguments(path, print, "args", (node["args"] as readonly Node[]).length)];
    case "Chain":
      return ["chain ", print("url")];
    case "Sanboot":
      return (node as unknown as SanbootAction).drive ? ["sanboot drive ", print("drive")] : ["sanboot ", print("url")];
    case "Memdisk":
      return ["memdisk ", print("url"), (node as unknown as MemdiskAction).mode ? [" as ", print("mode")] : ""];
    case "Shell":
      return "shell";
    case "Exit":
      return (node as unknown as ExitAction).status ? ["exit ", print("status")] : "exit";
    case "Reboot":
      return "reboot";
    case "Back":
      return "back";

    // Statements
    case "Kernel":
      return printKernel(path, print);
    case "Initrd":
      return ["initrd ", print("url"), (node as unknown as InitrdStmt).name ? [" as ", print("name")] : ""];
    case "BootKernel":
      return "boot";
    case "Echo":
      return ["echo ", print("text")];
    case "Prompt":
      return ["prompt ", print("setting"), " ", print("question")];
    case "Set":
      return ["set ", print("setting"), " = ", print("value")];
    case "Sleep":
      return ["sleep ", print("duration")];
    case "OnFailure":
      return ["on failure ", print("message")];
    case "RawIpxe":
      return printRawIpxe(node as unknown as RawIpxeStmt);

    case "Field":
      return [print("name"), ": ", print("value")];

    // Names and types
    case "Identifier":
      return node["name"] as string;
    case "TypeRef":
      return node["name"] as string;

    default:
      return printExpression(path, options, print);
  }
}

// ---------------------------------------------------------------------------------------------
// Files and blocks

function printSourceFile(path: Path, options: Options, print: Print): Doc {
  const node = path.node as Commented & { declarations: readonly Node[] };
  const text = options.originalText;
  const comments = danglingComments(node);
  if (node.declarations.length === 0) {
    return comments.length === 0 ? "" : [printCommentLines(comments, text), hardline];
  }
  return [printSequence(path, print, "declarations", text), hardline];
}

/** Children one per line, with one blank line wherever the source had one or more. */
function printSequence(path: Path, print: Print, key: string, text: string): Doc {
  const children = (path.node as AnyNode)[key] as readonly Node[];
  const parts: Doc[] = [];
  path.each((child, index) => {
    parts.push(print());
    if (index < children.length - 1) {
      parts.push(hardline);
      if (util.isNextLineEmpty(text, (child.node as Node).end)) parts.push(hardline);
    }
  }, key);
  return parts;
}

/** `{ … }` with the members of `node[key]`, or the comments of an empty block. */
function printBlock(path: Path, options: Options, print: Print, key: string): Doc {
  const node = path.node as AnyNode;
  const children = node[key] as readonly Node[];
  const text = options.originalText;
  if (children.length === 0) {
    const comments = danglingComments(node as Commented, key);
    if (comments.length === 0) return "{}";
    return ["{", indent([hardline, printCommentLines(comments, text)]), hardline, "}"];
  }
  if (options.ipxmAlignItems && children.some((child) => child.kind === "Item")) {
    prepareItemTable(path, options, print, key);
  }
  return ["{", indent([hardline, printSequence(path, print, key, text)]), hardline, "}"];
}

/** `if`/`when` with its blocks; `else if` stays a chain unless a comment sits between the two. */
function printConditional(path: Path, options: Options, print: Print): Doc {
  const node = path.node as unknown as (IfNode<Node> | WhenNode<Node>) & Commented;
  const keyword = node.kind === "If" ? "if " : "when ";
  const parts: Doc[] = [keyword, print("condition"), " ", printBlock(path, options, print, "then")];
  const otherwise = node.else;
  if (otherwise === undefined) return parts;
  const nested = otherwise.length === 1 ? (otherwise[0] as Commented) : undefined;
  if (node.kind === "If" && nested?.kind === "If" && (nested.comments?.length ?? 0) === 0) {
    parts.push(" else ", print(["else", 0]));
  } else {
    parts.push(" else ", printBlock(path, options, print, "else"));
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------
// Items

/** Prints the parts of the block's items and chooses their columns, before the items are printed. */
function prepareItemTable(path: Path, options: Options, print: Print, key: string): void {
  const owner = path.node as AnyNode;
  const items: { node: ItemNode; parts: ItemParts }[] = [];
  (owner[key] as readonly Node[]).forEach((child, index) => {
    if (child.kind !== "Item" || hasIgnoreComment(child as Commented)) return;
    items.push({ node: child as ItemNode, parts: itemParts(child as ItemNode, (part) => print([key, index, part])) });
  });
  const depth = path.ancestors.filter((ancestor) => blocksOf(ancestor as Node) !== undefined).length + 1;
  // A tab counts as tabWidth columns, as Prettier measures it.
  for (const [item, columns] of alignItems(items, depth * options.tabWidth, options.printWidth)) {
    itemColumns.set(item, columns);
  }
}

function hasIgnoreComment(node: Commented): boolean {
  return node.comments?.some((comment) => comment.leading === true && isPrettierIgnoreComment(comment)) === true;
}

function itemParts(item: ItemNode, printPart: (part: string) => Doc): ItemParts {
  return {
    ...(item.id ? { id: printPart("id") } : {}),
    text: printPart("text"),
    ...(item.key ? { key: printPart("key") } : {}),
    ...(item.condition ? { when: ["when ", printPart("condition")] } : {}),
    action: printPart("action"),
  };
}

function printItem(path: Path, print: Print): Doc {
  const item = path.node as ItemNode;
  const parts = itemParts(item, (part) => print(part));
  const columns = itemColumns.get(item);
  if (columns !== undefined) return printAlignedItem(parts, columns);
  return group([
    "item",
    parts.id !== undefined ? [" ", parts.id] : "",
    " ",
    parts.text,
    parts.key !== undefined ? [" ", parts.key] : "",
    parts.when !== undefined ? [" ", parts.when] : "",
    indent([line, "-> ", parts.action]),
  ]);
}

/** The key as written after `key` (`l`, `F5`, `"?"`), without the comments that may stand between. */
function keyText(node: KeyNode, text: string): string {
  const value = skipTrivia(text, node.start + "key".length);
  return text.slice(value, node.end);
}

// ---------------------------------------------------------------------------------------------
// Statements

/**
 * `kernel URL args A B …` on one line when it fits; otherwise `args` goes to the next line, one
 * level in, and the arguments fill the lines after it, aligned under the first.
 */
function printKernel(path: Path, print: Print): Doc {
  const node = path.node as KernelStmt;
  if (node.args.length === 0) return ["kernel ", print("url")];
  const args = path.map(() => print(), "args");
  return group([
    "kernel ",
    print("url"),
    indent([line, "args ", align("args ".length, fill(join(line, args) as Doc[]))]),
  ]);
}

/**
 * The lines of a raw block, re-indented. The compiler takes each line with its surrounding
 * whitespace removed and drops blank lines, so only indentation and blank lines change here.
 */
function printRawIpxe(node: RawIpxeStmt): Doc {
  const lines: string[] = [];
  for (const raw of node.text.split("\n")) {
    const content = raw.replace(/\r$/, "").trim();
    if (content === "" && (lines.length === 0 || lines.at(-1) === "")) continue;
    lines.push(content);
  }
  while (lines.at(-1) === "") lines.pop();
  if (lines.length === 0) return "ipxe {}";
  return ["ipxe {", indent([hardline, join(hardline, lines)]), hardline, "}"];
}

/** `(a, b)` that breaks one per line when too long; `print(key)` prints each element. */
function printArguments(path: Path, print: Print, key: string, count: number): Doc {
  if (count === 0) return "()";
  const printed = path.map(() => print(), key);
  return group(["(", indent([softline, join([",", line], printed)]), softline, ")"]);
}

// ---------------------------------------------------------------------------------------------
// Expressions

function printExpression(path: Path, options: Options, print: Print): Doc {
  const printed = printBareExpression(path, options, print);
  return needsParentheses(path.node, path.parent as Node | undefined, path.key) ? ["(", printed, ")"] : printed;
}

function printBareExpression(path: Path, options: Options, print: Print): Doc {
  const node = path.node as Expression;
  const text = options.originalText;
  switch (node.kind) {
    case "String":
      return text.slice(node.start, node.end);
    case "Int":
    case "Duration":
      return node.text;
    case "Bool":
      return node.value ? "true" : "false";
    case "Name":
      return node.name.name;
    case "Member":
      return [print("object"), ".", print("member")];
    case "Binary":
      return [print("left"), " ", (node as BinaryExpr).operator, " ", print("right")];
    case "Not":
      return ["not ", print("operand")];
    case "IsSet":
      return ["set(", print("setting"), ")"];
    case "List":
      return printCollection(path, options, print, "[", "]", "elements", (node as ListLiteral).elements.length);
    case "Record":
      return printCollection(path, options, print, "{", "}", "fields", (node as RecordLiteral).fields.length);
    default:
      return text.slice((node as Node).start, (node as Node).end);
  }
}

/**
 * A list or record: on one line when it fits, else one element per line with a trailing comma. As
 * in Prettier's own object literals, a collection written with a line break after its opening
 * bracket stays expanded, so a table of records keeps one record per line.
 */
function printCollection(
  path: Path,
  options: Options,
  print: Print,
  open: string,
  close: string,
  key: string,
  count: number,
): Doc {
  const node = path.node as Commented;
  const text = options.originalText;
  const padding = open === "{" ? line : softline;
  if (count === 0) {
    const comments = danglingComments(node);
    if (comments.length === 0) return open + close;
    return group([open, indent([padding, printCommentLines(comments, text)]), padding, close], {
      shouldBreak: comments.some((comment: IpxmComment) => comment.kind === "line"),
    });
  }
  const first = ((node as AnyNode)[key] as readonly Node[])[0]!;
  const expanded = util.hasNewlineInRange(text, node.start, firstCommentOrNode(first).start);
  const printed = path.map(() => print(), key);
  return group([open, indent([padding, join([",", line], printed)]), ifBreak(","), padding, close], {
    shouldBreak: expanded,
  });
}

/** Where the first thing inside a collection starts: its first element or a comment before it. */
function firstCommentOrNode(first: Node): { start: number } {
  const leading = (first as Commented).comments?.find((comment) => comment.leading);
  return leading !== undefined && leading.range.start < first.start ? leading.range : first;
}
