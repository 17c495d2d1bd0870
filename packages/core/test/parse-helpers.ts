/** Helpers shared by the parse-*.test.ts files. */
import { expect } from "vitest";
import type { Declaration, EntryDecl, Expression, MenuDecl, MenuMember, Node, Statement } from "../src/ast.js";
import { parse } from "../src/parse.js";
import type { ParseResult } from "../src/parse.js";
import type { Range } from "../src/source.js";

export const FILE = "test.ipxm";

/** Parse text that must be free of diagnostics; also checks every node's range (see below). */
export function parseClean(text: string): ParseResult {
  const result = parse(text, FILE);
  expect(result.diagnostics).toEqual([]);
  expectRangesCoverText(text, result.ast);
  return result;
}

export function slice(text: string, range: Range): string {
  return text.slice(range.start, range.end);
}

export function onlyDeclaration(text: string): Declaration {
  const { ast } = parseClean(text);
  expect(ast.declarations).toHaveLength(1);
  return ast.declarations[0]!;
}

/** The members of `menu m "M" { <body> }`, with the full text to slice ranges from. */
export function menuMembers(body: string): { text: string; members: readonly MenuMember[] } {
  const text = `menu m "M" {\n${body}\n}\n`;
  const menu = onlyDeclaration(text) as MenuDecl;
  expect(menu.kind).toBe("Menu");
  return { text, members: menu.body };
}

export function onlyMember(body: string): { text: string; member: MenuMember } {
  const { text, members } = menuMembers(body);
  expect(members).toHaveLength(1);
  return { text, member: members[0]! };
}

/** The statements of `entry e() { <body> }`. */
export function entryStatements(body: string): { text: string; statements: readonly Statement[] } {
  const text = `entry e() {\n${body}\n}\n`;
  const entry = onlyDeclaration(text) as EntryDecl;
  expect(entry.kind).toBe("Entry");
  return { text, statements: entry.body };
}

export function onlyStatement(body: string): { text: string; statement: Statement } {
  const { text, statements } = entryStatements(body);
  expect(statements).toHaveLength(1);
  return { text, statement: statements[0]! };
}

/** The expression of `const x = <source>`. */
export function expressionOf(source: string): { text: string; expression: Expression } {
  const text = `const x = ${source}`;
  const declaration = onlyDeclaration(text);
  if (declaration.kind !== "Const") throw new Error("expected a constant");
  return { text, expression: declaration.value };
}

/**
 * Every node's range lies inside its parent's, starts and ends on text (no surrounding whitespace,
 * except in string text),
 * and covers what the node is: names slice to their name, keyword-led nodes start with their keyword.
 */
export function expectRangesCoverText(text: string, root: Node): void {
  const visit = (node: Node, parent: Range): void => {
    const { start, end } = node;
    expect(Number.isInteger(start) && Number.isInteger(end), `${node.kind} has integer offsets`).toBe(true);
    expect(start, `${node.kind} starts inside its parent`).toBeGreaterThanOrEqual(parent.start);
    expect(end, `${node.kind} ends inside its parent`).toBeLessThanOrEqual(parent.end);
    const written = text.slice(start, end);
    if (node.kind !== "SourceFile" && node.kind !== "Text")
      expect(written.trim(), `${node.kind} range has no surrounding space`).toBe(written);
    const leading = leadingWord[node.kind];
    // (An empty range marks a part that recovery filled in, such as a missing menu title.)
    if (leading !== undefined && start < end)
      expect(written.startsWith(leading), `${node.kind} starts with ${leading}`).toBe(true);
    if (node.kind === "Identifier") expect(written).toBe((node as Node & { name: string }).name);
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) {
        if (isNode(child)) visit(child, node);
      }
    }
  };
  visit(root, { start: 0, end: text.length });
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "kind" in value && "start" in value;
}

const leadingWord: Readonly<Record<string, string>> = {
  Import: "import",
  Target: "target",
  Const: "const",
  Setting: "setting",
  Menu: "menu",
  Entry: "entry",
  Item: "item",
  Key: "key",
  Gap: "gap",
  Default: "default",
  Escape: "on escape",
  For: "for",
  If: "if",
  When: "when",
  OpenMenu: "menu",
  BootEntry: "boot",
  BootKernel: "boot",
  Chain: "chain",
  Sanboot: "sanboot",
  Memdisk: "memdisk",
  Shell: "shell",
  Exit: "exit",
  Reboot: "reboot",
  Back: "back",
  Kernel: "kernel",
  Initrd: "initrd",
  Echo: "echo",
  Prompt: "prompt",
  Set: "set",
  Sleep: "sleep",
  OnFailure: "on failure",
  RawIpxe: "ipxe",
  String: '"',
  Interpolation: "${",
  List: "[",
  Record: "{",
  Not: "not",
  IsSet: "set(",
};
