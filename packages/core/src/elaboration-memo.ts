/**
 * What an editor's elaboration keeps from one keystroke to the next. Elaborating a menu or an entry
 * instance reads its declaration, the values of constants, and the names and types the program
 * declares; it produces that part of the program and some effects (instances and menus it reaches,
 * settings it reads, its diagnostics). When a later elaboration meets the same declaration node
 * (an edit elsewhere leaves it the same object, at most moved) in the same program context, it
 * checks the constants read against their values now, replays the effects, and takes the part
 * from here, moved with its declaration, instead of elaborating it again.
 */
import type { ConstDecl, EntryDecl, MenuDecl, Node, SettingDecl } from "./ast.js";
import type { Analysis } from "./analyze.js";
import type { Diagnostic } from "./diagnostics.js";
import {
  SourceRef,
  type EntryInstance,
  type ProgramAction,
  type ProgramMenu,
  type ProgramStatement,
} from "./program.js";
import type { Range } from "./source.js";
import { formatType } from "./types.js";
import type { Value } from "./values.js";

/** An effect of elaborating one part, replayed in order when the part is taken from the memo. */
export type Effect =
  /** A constant read, and its value then (undefined when it had none). */
  | { readonly kind: "constant"; readonly node: ConstDecl; readonly value: Value | undefined }
  | { readonly kind: "menu"; readonly node: MenuDecl }
  /** `boot e(args)`: the instance it reached, `written` arguments as the call wrote them. */
  | {
      readonly kind: "call";
      readonly node: EntryDecl;
      readonly args: readonly Value[];
      /** The arguments' `valueKey`s. */
      readonly argsKey: string;
      readonly written: number;
      readonly label: string;
    }
  | { readonly kind: "setting"; readonly node: SettingDecl }
  | { readonly kind: "arch" };

export interface Memo<T> {
  /** The program context it was made in (see `programContext`). */
  readonly context: string;
  /** Where its declaration started then (a node stays in its file). */
  readonly start: number;
  readonly part: T;
  readonly effects: readonly Effect[];
  /** Its own diagnostics, all inside its declaration. */
  readonly diagnostics: readonly Diagnostic[];
  /** Rows and statements it produced (they count against the program's limit). */
  readonly spent: number;
}

/** Per declaration node, its parts by key (an instance's depth, label and arguments; a menu's place). */
const memos = new WeakMap<Node, Map<string, Memo<unknown>>>();

export function memoOf<T>(declaration: Node, key: string, context: string): Memo<T> | undefined {
  const memo = memos.get(declaration)?.get(key);
  return memo?.context === context ? (memo as Memo<T>) : undefined;
}

export function keepMemo<T>(declaration: Node, key: string, memo: Memo<T>): void {
  let byKey = memos.get(declaration);
  if (!byKey) {
    byKey = new Map();
    memos.set(declaration, byKey);
  }
  byKey.set(key, memo);
}

/** Constants whose value is made of literals alone, with the context it was computed in. */
const constants = new WeakMap<ConstDecl, { readonly context: string; readonly value: Value }>();

export function keptConstant(declaration: ConstDecl, context: string): Value | undefined {
  const kept = constants.get(declaration);
  return kept?.context === context ? kept.value : undefined;
}

export function keepConstant(declaration: ConstDecl, context: string, value: Value): void {
  constants.set(declaration, { context, value });
}

/**
 * The shape of the last workspaces seen (see `shapeOf`), each with a number: a context names the
 * shape by its number, so that contexts stay short and cheap to compare.
 */
const shapeNumbers = new Map<string, number>();
let nextShapeNumber = 1;
const shapes = new WeakMap<Analysis, number>();

/**
 * The program context of an elaboration of `analysis` with `options`: everything a part's
 * elaboration may depend on beyond its own declaration and the constants' values. That is the
 * options and the shape of the workspace (see `shapeOf`); any change and nothing is taken from the
 * memo.
 */
export function programContext(analysis: Analysis, options: string): string {
  let shape = shapes.get(analysis);
  if (shape === undefined) {
    // Worked out once per analysis: a workspace with many entry points elaborates each of them.
    const text = shapeOf(analysis);
    shape = shapeNumbers.get(text);
    if (shape === undefined) {
      if (shapeNumbers.size >= 4) shapeNumbers.clear();
      shape = nextShapeNumber++;
      shapeNumbers.set(text, shape);
    }
    shapes.set(analysis, shape);
  }
  return `${options}\n${shape}`;
}

/** Every declaration's kind, name, type and (for entries) parameters, and every file's imports. */
function shapeOf(analysis: Analysis): string {
  const words: string[] = [];
  for (const [path, file] of analysis.workspace.files) {
    words.push(`file ${path}`);
    for (const { resolved } of file.imports) words.push(`import ${resolved ?? ""}`);
  }
  for (const symbol of analysis.declarations) {
    words.push(`${symbol.kind} ${symbol.file ?? ""} ${symbol.name} ${formatType(symbol.type)}`);
    if (symbol.kind !== "entry") continue;
    const text = analysis.workspace.files.get(symbol.file!)?.source.text ?? "";
    for (const param of (symbol.node as EntryDecl).params) {
      const written = param.defaultValue ? text.slice(param.defaultValue.start, param.defaultValue.end) : "";
      words.push(`param ${param.name.name} ${param.type.name} ${written}`);
    }
  }
  return words.join("\n");
}

/** Whether every place a diagnostic names lies in `file` within `range`. */
export function diagnosticWithin(diagnostic: Diagnostic, file: string, range: Range): boolean {
  const inside = (other: Range) => other.start >= range.start && other.end <= range.end;
  if (diagnostic.file !== file || !inside(diagnostic.range)) return false;
  for (const related of diagnostic.related ?? []) if (related.file !== file || !inside(related.range)) return false;
  for (const edit of diagnostic.fix?.edits ?? []) if (!inside(edit.range)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Moving a part with its declaration

const movedRange = (range: Range, shift: number): Range => ({ start: range.start + shift, end: range.end + shift });
const movedSource = (source: SourceRef, shift: number): SourceRef =>
  new SourceRef(source.file, source.start + shift, source.end + shift);

/** A copy of a part of the program, of the same class as the part (see program.ts), with `changes`. */
function copyOf<T extends object>(part: T, changes: Partial<T>): T {
  return Object.assign(Object.create(Object.getPrototypeOf(part) as object) as T, part, changes);
}

export function movedDiagnostic(diagnostic: Diagnostic, shift: number): Diagnostic {
  if (shift === 0) return diagnostic;
  const moved = { ...diagnostic, range: movedRange(diagnostic.range, shift) };
  if (diagnostic.related)
    moved.related = diagnostic.related.map((related) => ({ ...related, range: movedRange(related.range, shift) }));
  if (diagnostic.fix)
    moved.fix = {
      ...diagnostic.fix,
      edits: diagnostic.fix.edits.map((edit) => ({ ...edit, range: movedRange(edit.range, shift) })),
    };
  return moved;
}

/** For a part made by moving a kept one: the part as it was made, and how far it moved since. */
const origins = new WeakMap<object, { readonly part: object; readonly shift: number }>();

/**
 * The menu or entry instance `part` was first made as, and how far its declaration has moved since
 * (itself and 0 for a part elaborated anew): what later stages keep per part can be kept with that.
 */
export function originOf<T extends EntryInstance | ProgramMenu>(part: T): { readonly part: T; readonly shift: number } {
  return (origins.get(part) as { readonly part: T; readonly shift: number } | undefined) ?? { part, shift: 0 };
}

export function movedInstance(instance: EntryInstance, shift: number): EntryInstance {
  if (shift === 0) return instance;
  const moved = copyOf(instance, {
    body: movedStatements(instance.body, shift),
    source: movedSource(instance.source, shift),
  });
  origins.set(moved, { part: instance, shift });
  return moved;
}

function movedStatements(statements: readonly ProgramStatement[], shift: number): ProgramStatement[] {
  return statements.map((statement): ProgramStatement => {
    const source = movedSource(statement.source, shift);
    switch (statement.kind) {
      case "when":
        return copyOf(statement, {
          then: movedStatements(statement.then, shift),
          else: movedStatements(statement.else, shift),
          source,
        });
      case "raw":
        return copyOf(statement, {
          lines: statement.lines.map((line) => copyOf(line, { source: movedSource(line.source, shift) })),
          source,
        });
      default:
        return copyOf(statement, { source });
    }
  });
}

export function movedMenu(menu: ProgramMenu, shift: number): ProgramMenu {
  if (shift === 0) return menu;
  const moved = copyOf(menu, {
    rows: menu.rows.map((row) => {
      const source = movedSource(row.source, shift);
      return row.kind === "item"
        ? copyOf(row, { action: movedAction(row.action, shift), source })
        : copyOf(row, { source });
    }),
    escape: movedAction(menu.escape, shift),
    source: movedSource(menu.source, shift),
  });
  origins.set(moved, { part: menu, shift });
  return moved;
}

function movedAction(action: ProgramAction, shift: number): ProgramAction {
  return copyOf(action, { source: movedSource(action.source, shift) });
}
