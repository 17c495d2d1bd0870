/**
 * What to write when a name is used before it exists: a menu an item opens, an entry an item
 * boots, a label a `goto` jumps to. Each is appended at the end of the file, laid out as `ipxm fmt`
 * lays it out, and is valid as it stands, so the unknown name is gone at once and the author fills in
 * the rest.
 */
import {
  childrenOf,
  type Analysis,
  type BootAction,
  type Expression,
  type Node,
  type OpenMenuAction,
  type ParsedFile,
  type Range,
} from "@ipxm/core";
import type { ScriptModel } from "@ipxm/eslint-plugin";
import { hiddenBuiltin, invalidIpxmName } from "../features/navigation/names.js";

export interface MissingDeclaration {
  readonly kind: "menu" | "entry" | "label";
  readonly name: string;
  /** The text that replaces the file's trailing white space. */
  readonly text: string;
  /** Offsets of the file's trailing white space (empty at the very end when there is none). */
  readonly range: Range;
}

/** The menu or entry an unknown name at `range` of an `.ipxm` file calls for, if it calls for one. */
export function missingIpxmDeclaration(
  file: ParsedFile,
  analysis: Analysis,
  range: Range,
): MissingDeclaration | undefined {
  const use = findUse(file, range);
  if (!use) return undefined;
  const name = use.kind === "OpenMenu" ? use.menu.name : use.entry.name;
  // Declared after all (the diagnostic is older than what the file now sees): nothing to create.
  if (analysis.lookup(name, file.path)) return undefined;
  const declaration =
    use.kind === "OpenMenu"
      ? `menu ${name} ${JSON.stringify(titleOf(name))} {\n  item back "Back" -> back\n}`
      : entryDeclaration(name, parametersFor(use, file, analysis));
  return appendAtEnd(file.source.text, use.kind === "OpenMenu" ? "menu" : "entry", name, declaration);
}

/** The label a `goto` at `range` of an iPXE script jumps to when the script lacks it. */
export function missingLabel(text: string, model: ScriptModel, range: Range): MissingDeclaration | undefined {
  const goto = model.gotos.find(
    (candidate) => candidate.targetWord.range[0] === range.start && candidate.targetWord.range[1] === range.end,
  );
  if (!goto || !goto.static || goto.target === "" || model.labels.has(goto.target)) return undefined;
  // A label name ends at white space; anything else iPXE takes as written.
  if (/\s/.test(goto.target)) return undefined;
  return appendAtEnd(text, "label", goto.target, `:${goto.target}`);
}

function appendAtEnd(
  text: string,
  kind: MissingDeclaration["kind"],
  name: string,
  declaration: string,
): MissingDeclaration {
  const contentEnd = text.trimEnd().length;
  // One blank line between declarations, one line end at the end of the file: `ipxm fmt`'s layout.
  const separator = contentEnd === 0 ? "" : "\n\n";
  return { kind, name, text: `${separator}${declaration}\n`, range: { start: contentEnd, end: text.length } };
}

/** The `menu ID` or `boot ID(…)` whose name is exactly at `range`. */
function findUse(file: ParsedFile, range: Range): OpenMenuAction | BootAction | undefined {
  const pending: Node[] = [file.ast];
  while (pending.length > 0) {
    const node = pending.pop()!;
    // Only nodes that contain the range can hold the use.
    if (node.start > range.start || node.end < range.end) continue;
    if (node.kind === "OpenMenu" && sameRange((node as OpenMenuAction).menu, range)) {
      return node as OpenMenuAction;
    }
    if (node.kind === "BootEntry" && sameRange((node as BootAction).entry, range)) return node as BootAction;
    pending.push(...childrenOf(node));
  }
  return undefined;
}

function sameRange(a: Range, b: Range): boolean {
  return a.start === b.start && a.end === b.end;
}

/** `ipxm fmt`'s line width (Prettier's default); a longer parameter list goes one parameter a line. */
const printWidth = 80;

function entryDeclaration(name: string, parameters: readonly string[]): string {
  const flat = `entry ${name}(${parameters.join(", ")}) {}`;
  if (flat.length <= printWidth || parameters.length === 0) return flat;
  return `entry ${name}(\n${parameters.map((parameter) => `  ${parameter}`).join(",\n")}\n) {}`;
}

/** `linux-tools` → `Linux tools`: a title to start from. */
function titleOf(name: string): string {
  const words = name.replace(/[-_]+/g, " ").trim();
  return words === "" ? name : words[0]!.toUpperCase() + words.slice(1);
}

/** The types a parameter can be written with; anything else (a list, a record) is passed as a string. */
const parameterTypes: ReadonlySet<string> = new Set(["string", "int", "bool", "duration", "url", "arch", "platform"]);

/**
 * One parameter per argument of the `boot`: named after the argument when it is a name or a field
 * (`boot ubuntu(r.version)` → `version`) and that name hides nothing, typed as the checker typed it.
 */
function parametersFor(use: BootAction, file: ParsedFile, analysis: Analysis): string[] {
  const taken = new Set<string>();
  return use.args.map((argument, index) => {
    let name = nameOf(argument);
    const hides = (candidate: string) =>
      analysis.lookup(candidate, file.path) !== undefined || hiddenBuiltin(candidate) !== undefined;
    if (name === undefined || invalidIpxmName(name, "a parameter") || taken.has(name) || hides(name)) {
      name = `arg${index + 1}`;
      for (let n = index + 1; taken.has(name) || hides(name); n++) name = `arg${n + 1}`;
    }
    taken.add(name);
    return `${name}: ${typeOf(argument, file.path, analysis)}`;
  });
}

function nameOf(argument: Expression): string | undefined {
  if (argument.kind === "Name") return argument.name.name;
  if (argument.kind === "Member") return argument.member.name;
  return undefined;
}

function typeOf(argument: Expression, path: string, analysis: Analysis): string {
  const type = analysis.info.get(path, argument)?.type;
  if (!type) return "string";
  if (type.kind === "list" || type.kind === "record") return type.kind;
  return parameterTypes.has(type.kind) ? type.kind : "string";
}
