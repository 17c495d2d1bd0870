/**
 * What a string of an `.ipxm` file becomes. Two views: the pattern as written, with constants folded
 * and settings shown as the iPXE `${…}` they compile to; and the templates elaboration actually made
 * of it, one per menu row or entry instance (a `for` loop or entry arguments make several).
 */
import type {
  Analysis,
  EntryInstance,
  Expression,
  Node,
  Program,
  ProgramStatement,
  SourceRef,
  StringLiteral,
  SymbolInfo,
  Template,
} from "@ipxm/core";
import { templateText } from "@ipxm/compiler";
import type { PathStep } from "./ast-path.js";

// ---------------------------------------------------------------------------------------------
// The pattern as written

/** Nested constants are folded this deep at most (a cycle is reported elsewhere). */
const maxDepth = 8;

/**
 * The string (written in `file`, whose text is `text`) with compile-time constants folded, settings
 * as `${…}` and values known only per call or per loop turn (parameters, loop variables) as `‹name›`.
 */
export function renderPattern(
  analysis: Analysis,
  file: string,
  text: string,
  literal: StringLiteral,
  depth = 0,
): string {
  return literal.parts
    .map((part) => {
      if (part.kind === "Text") return part.value;
      const resolution = analysis.resolutions.get(file, part.name);
      const written = text.slice(part.start + 2, part.end - 1);
      if (resolution?.kind !== "symbol") return `\${${written}}`;
      const symbol = resolution.symbol;
      switch (symbol.kind) {
        case "setting":
        case "builtin-setting":
          return `\${${written}}`;
        case "const": {
          const folded = part.members.length === 0 ? foldConstant(analysis, symbol, depth) : undefined;
          return folded ?? `‹${written}›`;
        }
        default:
          return `‹${written}›`;
      }
    })
    .join("");
}

function foldConstant(analysis: Analysis, symbol: SymbolInfo, depth: number): string | undefined {
  if (depth >= maxDepth || symbol.file === undefined) return undefined;
  const value = (symbol.node as { value?: Expression } | undefined)?.value;
  const text = analysis.workspace.files.get(symbol.file)?.source.text;
  if (!value || text === undefined) return undefined;
  switch (value.kind) {
    case "String":
      return renderPattern(analysis, symbol.file, text, value, depth + 1);
    case "Int":
      return String(value.value);
    case "Name": {
      const resolution = analysis.resolutions.get(symbol.file, value.name);
      return resolution?.kind === "symbol" && resolution.symbol.kind === "const"
        ? foldConstant(analysis, resolution.symbol, depth + 1)
        : undefined;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// What elaboration made of it

type Extractor = (field: string, index: number | undefined) => Template | undefined;

const indexes = new WeakMap<Program, Map<string, Extractor[]>>();

const keyOf = (file: string, start: number, end: number) => `${file}:${start}:${end}`;

function indexOf(program: Program): Map<string, Extractor[]> {
  let index = indexes.get(program);
  if (index) return index;
  const built = new Map<string, Extractor[]>();
  const add = (source: SourceRef, extractor: Extractor) => {
    const key = keyOf(source.file, source.start, source.end);
    const list = built.get(key);
    if (list) list.push(extractor);
    else built.set(key, [extractor]);
  };
  for (const setting of program.settings) {
    add(setting.source, (field) => (field === "value" ? setting.defaultValue : undefined));
  }
  for (const menu of program.menus) {
    add(menu.source, (field) => (field === "title" ? menu.title : undefined));
    addStatement(add, menu.escape);
    for (const row of menu.rows) {
      add(row.source, (field) => (field === "text" ? row.text : undefined));
      if (row.kind === "item") addStatement(add, row.action);
    }
  }
  for (const instance of program.entries) addInstance(add, instance);
  indexes.set(program, built);
  index = built;
  return index;
}

type Add = (source: SourceRef, extractor: Extractor) => void;

function addInstance(add: Add, instance: EntryInstance): void {
  add(instance.source, (field) => (field === "failure" ? instance.failureMessage : undefined));
  const visit = (statements: readonly ProgramStatement[]) => {
    for (const statement of statements) {
      if (statement.kind === "when") {
        visit(statement.then);
        visit(statement.else);
      } else {
        addStatement(add, statement);
      }
    }
  };
  visit(instance.body);
}

function addStatement(add: Add, statement: ProgramStatement): void {
  switch (statement.kind) {
    case "chain":
    case "sanboot":
    case "memdisk":
      add(statement.source, (field) => (field === "url" ? statement.url : undefined));
      return;
    case "kernel":
      add(statement.source, (field, index) =>
        field === "url" ? statement.url : field === "args" && index !== undefined ? statement.args[index] : undefined,
      );
      return;
    case "initrd":
      add(statement.source, (field) =>
        field === "url" ? statement.url : field === "name" ? statement.name : undefined,
      );
      return;
    case "echo":
      add(statement.source, (field) => (field === "text" ? statement.text : undefined));
      return;
    case "prompt":
      add(statement.source, (field) => (field === "question" ? statement.question : undefined));
      return;
    case "set":
      add(statement.source, (field) => (field === "value" ? statement.value : undefined));
      return;
    default:
      return;
  }
}

/**
 * The templates elaboration made of the string at the end of `path`, in every program given, each
 * once; empty when the string is not a value the program keeps (a constant's value, an argument).
 */
export function elaboratedTemplates(programs: readonly Program[], file: string, path: readonly PathStep[]): Template[] {
  const step = path[path.length - 1];
  const parent = path[path.length - 2]?.node;
  if (!step || !parent || step.field === undefined) return [];
  let key: string;
  let field = step.field;
  if (parent.kind === "Menu" || parent.kind === "Setting") {
    const name = (parent as Node & { name: Node }).name;
    key = keyOf(file, name.start, name.end);
  } else if (parent.kind === "OnFailure") {
    const entry = path.find((ancestor) => ancestor.node.kind === "Entry")?.node as (Node & { name: Node }) | undefined;
    if (!entry) return [];
    key = keyOf(file, entry.name.start, entry.name.end);
    field = "failure";
  } else {
    key = keyOf(file, parent.start, parent.end);
  }
  const seen = new Set<string>();
  const found: Template[] = [];
  for (const program of programs) {
    for (const extract of indexOf(program).get(key) ?? []) {
      const template = extract(field, step.index);
      if (!template) continue;
      const rendered = templateText(template);
      if (seen.has(rendered)) continue;
      seen.add(rendered);
      found.push(template);
    }
  }
  return found;
}
