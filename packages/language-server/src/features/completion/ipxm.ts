/**
 * Completion in `.ipxm` files. The text before the cursor (from the start of its declaration) is
 * scanned and parsed to the cursor (ipxm-scan.ts, ipxm-context.ts); what the grammar expects there is
 * filled from the snapshot's analysis: names of the right kind in scope, item ids and free hotkeys of
 * the menu, types, duration units, import paths, iPXE's own settings inside `${…}`.
 */
import * as posix from "node:path/posix";
import {
  builtinSettings,
  describeKind,
  durationMilliseconds,
  enumValues,
  formatType,
  isAssignable,
  memdiskModes,
  symbolId,
  typeFromName,
  typeNames,
  Types,
  unitMilliseconds,
  type Analysis,
  type DurationUnit,
  type Identifier,
  type MenuDecl,
  type ParsedFile,
  type SymbolInfo,
  type Type,
} from "@ipxm/core";
import { settingTypeNames, profileNames, getProfile } from "@ipxm/ipxe";
import { CompletionItemKind, type CompletionItem } from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../../snapshot.js";
import { toLspRange } from "../../positions.js";
import { commentAbove } from "../docs/comments.js";
import { valueKeywords } from "../docs/keywords.js";
import { memdiskModeDoc } from "../docs/memdisk-modes.js";
import { builtinSettingDoc, scopedSettingForms } from "../docs/settings.js";
import { typeDoc } from "../docs/types.js";
import { ipxmTarget } from "../target.js";
import {
  completionContext,
  type CompletionContext,
  type Expectation,
  type Local,
  type ValueHint,
} from "./ipxm-context.js";
import { menuRows, type MenuRows } from "./ipxm-menu-rows.js";
import { scanWindow } from "./ipxm-scan.js";
import { addHotkeys, freeHotkeys, ItemSink } from "./items.js";
import { rawLineCompletion } from "./ipxe.js";
import { completionView, type CompletionView } from "./view.js";

/** Sort groups: what fits best first. */
const Group = { local: 0, fitting: 1, other: 2, builtin: 3, literal: 4, keyword: 5 } as const;

export function ipxmCompletion(snapshot: Snapshot, document: SourceDocument, offset: number): CompletionItem[] {
  const text = document.text;
  // A block was just opened: an item chosen by the next Enter would be a surprise.
  if (text.charCodeAt(offset - 1) === 123 && text.charCodeAt(offset - 2) !== 36) return [];
  const view = completionView(snapshot, document);
  const file = view.file;
  const scanned = scanWindow(text, windowStart(view.declarationStarts, offset), offset);
  const lines = snapshot.lines(document);
  const scope = new Scope(view, document.path);

  switch (scanned.place.kind) {
    case "comment":
      return [];
    case "raw":
      return rawLineCompletion(text, scanned.place.textStart, offset, lines, ipxmTarget(snapshot, file));
    case "string": {
      const stringStart = scanned.place.start;
      const content = text.slice(stringStart + 1, offset);
      const interpolation = openInterpolation(content);
      if (interpolation !== undefined) {
        const context = completionContext(scanned.tokens, scanned.cursorOnNewLine);
        const start = stringStart + 1 + interpolation;
        return interpolationItems(scope, context.locals, text.slice(start, offset), start, offset, (s, e) =>
          toLspRange(lines, [s, e]),
        );
      }
      const previous = scanned.tokens[scanned.tokens.length - 1];
      const sink = new ItemSink(toLspRange(lines, [stringStart + 1, offset]));
      if (previous?.text === "import") importPaths(snapshot, document, file, sink, false);
      else if (previous?.text === "target") profiles(sink, false);
      return sink.items;
    }
    case "code": {
      // Half of `->` or of `//`: the trigger characters `-` and `/` mean nothing here yet.
      const before = text.charAt(offset - 1);
      if (before === "-" || before === "/") return [];
      const partial = scanned.partial;
      const sink = new ItemSink(toLspRange(lines, [partial?.start ?? offset, offset]));
      const context = completionContext(scanned.tokens, scanned.cursorOnNewLine);
      if (partial && partial.kind !== "name") {
        if (expectsDuration(context.expectation, scope, context.locals)) durationUnits(sink, partial.text);
        return sink.items;
      }
      fill(offset, sink, context, scope, view, snapshot, document);
      return sink.items;
    }
  }
}

/** Where to start reading: the start of the last top-level declaration that begins before the cursor. */
function windowStart(declarationStarts: readonly number[], offset: number): number {
  let start = 0;
  for (const declarationStart of declarationStarts) {
    if (declarationStart <= offset && declarationStart > start) start = declarationStart;
  }
  return start;
}

/** Index (in `content`) just after the `${` the cursor is in, if it is in one. */
function openInterpolation(content: string): number | undefined {
  const open = content.lastIndexOf("${");
  if (open < 0 || content.indexOf("}", open) >= 0) return undefined;
  // `\${` is a literal `$` followed by `{` (an even run of backslashes escapes only itself).
  let backslashes = 0;
  for (let k = open - 1; k >= 0 && content.charCodeAt(k) === 92; k--) backslashes++;
  return backslashes % 2 === 0 ? open + 2 : undefined;
}

// ---------------------------------------------------------------------------------------------
// Names in scope

/** The names a file sees, with their types. */
class Scope {
  private visibleDeclarations: SymbolInfo[] | undefined;
  readonly analysis: Analysis;

  constructor(
    private readonly view: CompletionView,
    readonly file: string,
  ) {
    this.analysis = view.analysis;
  }

  declarations(): readonly SymbolInfo[] {
    if (!this.visibleDeclarations) {
      const visible = this.analysis.workspace.files.has(this.file)
        ? this.analysis.visibleFiles(this.file)
        : new Set([this.file]);
      this.visibleDeclarations = this.analysis.declarations.filter((symbol) => visible.has(symbol.file!));
    }
    return this.visibleDeclarations;
  }

  local(local: Local): SymbolInfo | undefined {
    const start = this.view.toAnalysed(local.start);
    if (start === undefined) return undefined;
    // The declaring name as the analysed text has it.
    const name: Identifier = {
      kind: "Identifier",
      name: local.name,
      start,
      end: start + local.name.length,
    };
    return this.analysis.symbols.get(symbolId(this.file, name));
  }

  /** The type of a name as the cursor sees it: a local, a declaration, or one of iPXE's settings. */
  typeOf(name: string, locals: readonly Local[]): Type | undefined {
    for (let k = locals.length - 1; k >= 0; k--) {
      if (locals[k]!.name === name) return this.local(locals[k]!)?.type;
    }
    return (this.analysis.lookup(name, this.file) ?? builtinSettings.get(name))?.type;
  }
}

function fill(
  offset: number,
  sink: ItemSink,
  context: CompletionContext,
  scope: Scope,
  view: CompletionView,
  snapshot: Snapshot,
  document: SourceDocument,
): void {
  const { file, declarationStarts } = view;
  const expected = context.expectation;
  if (expected.value) values(sink, expected.value, scope, context.locals);
  if (expected.menus) namesOfKind(sink, scope, "menu");
  if (expected.entries) namesOfKind(sink, scope, "entry");
  if (expected.settings) {
    namesOfKind(sink, scope, "setting");
    if (expected.settings === "any") builtins(sink);
  }
  if (expected.items) menuItemIds(sink, context, rowsOf(context, declarationStarts, document.text, offset));
  if (expected.hotkeys) {
    const used = [...rowsOf(context, declarationStarts, document.text, offset).keys, ...(context.menu?.keys ?? [])];
    addHotkeys(sink, freeHotkeys(used, expected.hotkeys.itemText));
  }
  if (expected.types) types(sink);
  if (expected.memdiskModes) modes(sink);
  if (expected.importPaths) importPaths(snapshot, document, file, sink, true);
  if (expected.profiles) profiles(sink, true);
  if (expected.members) members(sink, scope, context.locals, expected.members);
  for (const keyword of expected.keywords) sink.keyword(keyword, Group.keyword);
}

const kindOfSymbol: Readonly<Record<SymbolInfo["kind"], CompletionItemKind>> = {
  menu: CompletionItemKind.Module,
  entry: CompletionItemKind.Function,
  const: CompletionItemKind.Constant,
  setting: CompletionItemKind.Variable,
  "builtin-setting": CompletionItemKind.Property,
  param: CompletionItemKind.Variable,
  "loop-variable": CompletionItemKind.Variable,
  item: CompletionItemKind.EnumMember,
};

function addSymbol(sink: ItemSink, symbol: SymbolInfo, group: number, scope: Scope, text?: string): void {
  const documentation = symbol.kind === "builtin-setting" ? builtinSettingDoc(symbol.name) : docOf(scope, symbol);
  sink.add({
    label: symbol.name,
    kind: kindOfSymbol[symbol.kind],
    group,
    detail: detailOf(symbol),
    description: describeKind(symbol.kind),
    ...(documentation !== undefined ? { documentation } : {}),
    ...(text !== undefined ? { text, snippet: true } : {}),
  });
}

function detailOf(symbol: SymbolInfo): string {
  if (symbol.kind === "menu") {
    const title = (symbol.node as MenuDecl | undefined)?.title;
    const words =
      title?.kind === "String" ? title.parts.map((part) => (part.kind === "Text" ? part.value : "${…}")) : [];
    return words.length > 0 ? `menu "${words.join("")}"` : "menu";
  }
  if (symbol.kind === "entry")
    return `entry ${symbol.name}(${parameters(symbol)
      .map((p) => `${p.name}: ${p.type}`)
      .join(", ")})`;
  return formatType(symbol.type);
}

function parameters(symbol: SymbolInfo): { name: string; type: string }[] {
  const node = symbol.node as { kind?: string; params?: readonly { name: { name: string }; type: { name: string } }[] };
  return node?.kind === "Entry" ? (node.params ?? []).map((p) => ({ name: p.name.name, type: p.type.name })) : [];
}

function docOf(scope: Scope, symbol: SymbolInfo): string | undefined {
  if (symbol.file === undefined || symbol.node === undefined) return undefined;
  const file = scope.analysis.workspace.files.get(symbol.file);
  return file ? commentAbove(file, symbol.node.start) : undefined;
}

function namesOfKind(sink: ItemSink, scope: Scope, kind: "menu" | "entry" | "setting"): void {
  for (const symbol of scope.declarations()) {
    if (symbol.kind !== kind) continue;
    const call =
      kind === "entry"
        ? `${symbol.name}(${parameters(symbol)
            .map((p, k) => `\${${k + 1}:${p.name}}`)
            .join(", ")})`
        : undefined;
    addSymbol(sink, symbol, Group.other, scope, call);
  }
}

function builtins(sink: ItemSink): void {
  for (const symbol of builtinSettings.values()) {
    sink.add({
      label: symbol.name,
      kind: CompletionItemKind.Property,
      group: Group.builtin,
      detail: formatType(symbol.type),
      description: "built-in iPXE setting",
      ...withDoc(builtinSettingDoc(symbol.name)),
    });
  }
}

function withDoc(documentation: string | undefined): { documentation?: string } {
  return documentation !== undefined ? { documentation } : {};
}

// ---------------------------------------------------------------------------------------------
// Values

function values(
  sink: ItemSink,
  expected: NonNullable<Expectation["value"]>,
  scope: Scope,
  locals: readonly Local[],
): void {
  let hint: ValueHint | Type["kind"] = expected.hint;
  if (expected.assignedTo !== undefined) hint = scope.typeOf(expected.assignedTo, locals)?.kind ?? hint;
  if (expected.comparedWith !== undefined) hint = scope.typeOf(expected.comparedWith, locals)?.kind ?? hint;
  if (hint === "arch" || hint === "platform") {
    for (const value of enumValues[hint]) {
      sink.add({ label: value, kind: CompletionItemKind.EnumMember, group: Group.local, detail: hint });
    }
  }
  const wanted = hint === "any" || expected.condition ? undefined : typeFromName(hint);
  const fits = (type: Type) => wanted === undefined || isAssignable(type, wanted);
  for (let k = locals.length - 1; k >= 0; k--) {
    const symbol = scope.local(locals[k]!);
    if (symbol) addSymbol(sink, symbol, Group.local, scope);
  }
  for (const symbol of scope.declarations()) {
    if (symbol.kind !== "const" && symbol.kind !== "setting") continue;
    addSymbol(sink, symbol, fits(symbol.type) ? Group.fitting : Group.other, scope);
  }
  for (const symbol of builtinSettings.values()) addSymbol(sink, symbol, Group.builtin, scope);
  if (hint === "bool" || hint === "any" || expected.condition) {
    sink.keyword(valueKeywords.true, Group.literal);
    sink.keyword(valueKeywords.false, Group.literal);
  }
  if (expected.condition) {
    sink.keyword(valueKeywords.not, Group.literal);
    sink.keyword(valueKeywords.isSet, Group.literal);
  }
}

function expectsDuration(expected: Expectation, scope: Scope, locals: readonly Local[]): boolean {
  const value = expected.value;
  if (!value) return false;
  if (value.assignedTo !== undefined) return scope.typeOf(value.assignedTo, locals)?.kind === "duration";
  return value.hint === "duration" || value.hint === "any";
}

/** `5` → `5ms`, `5s`, `5m`, `5h`, each with its value in milliseconds. */
function durationUnits(sink: ItemSink, written: string): void {
  const digits = /^[0-9]+/.exec(written)?.[0];
  if (digits === undefined || /^0[xX]/.test(written)) return;
  const amount = Number(digits);
  (Object.keys(unitMilliseconds) as DurationUnit[]).forEach((unit, index) => {
    sink.add({
      label: `${digits}${unit}`,
      kind: CompletionItemKind.Unit,
      group: index,
      detail: `${durationMilliseconds(amount, unit)} ms`,
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Menus: item ids and hotkeys

function rowsOf(
  context: CompletionContext,
  declarationStarts: readonly number[],
  text: string,
  cursor: number,
): MenuRows {
  const nameStart = context.menu?.nameStart;
  if (nameStart === undefined) return { items: [], keys: [] };
  let end = text.length;
  for (const start of declarationStarts) {
    if (start > nameStart && start < end) end = start;
  }
  return menuRows(text, nameStart, end, cursor);
}

function menuItemIds(sink: ItemSink, context: CompletionContext, rows: MenuRows): void {
  for (const item of rows.items) {
    sink.add({
      label: item.id,
      kind: CompletionItemKind.EnumMember,
      group: Group.local,
      detail: item.text !== undefined ? `item "${item.text}"` : "item",
    });
  }
  for (const id of context.menu?.itemIds ?? []) {
    sink.add({ label: id, kind: CompletionItemKind.EnumMember, group: Group.local, detail: "item" });
  }
}

// ---------------------------------------------------------------------------------------------
// Types, modes, files, profiles, members

function types(sink: ItemSink): void {
  for (const name of typeNames) {
    sink.add({ label: name, kind: CompletionItemKind.TypeParameter, group: Group.local, ...withDoc(typeDoc(name)) });
  }
}

function modes(sink: ItemSink): void {
  for (const mode of memdiskModes) {
    sink.add({
      label: mode,
      kind: CompletionItemKind.EnumMember,
      group: Group.local,
      ...withDoc(memdiskModeDoc(mode)),
    });
  }
}

/** The other `.ipxm` files of the snapshot, as paths relative to this one (those not imported yet first). */
function importPaths(
  snapshot: Snapshot,
  document: SourceDocument,
  file: ParsedFile | undefined,
  sink: ItemSink,
  quoted: boolean,
): void {
  const imported = new Set(file?.imports.map((i) => i.resolved) ?? []);
  const directory = posix.dirname(document.path);
  for (const other of snapshot.documents()) {
    if (other.language !== "ipxm" || other.path === document.path) continue;
    let relative = posix.relative(directory, other.path);
    if (!relative.startsWith("../")) relative = `./${relative}`;
    sink.add({
      label: relative,
      kind: CompletionItemKind.File,
      group: imported.has(other.path) ? Group.other : Group.local,
      ...(imported.has(other.path) ? { detail: "imported already" } : {}),
      ...(quoted ? { text: `"${relative}"` } : {}),
    });
  }
}

function profiles(sink: ItemSink, quoted: boolean): void {
  for (const name of profileNames) {
    const profile = getProfile(name);
    sink.add({
      label: name,
      kind: CompletionItemKind.EnumMember,
      group: Group.local,
      ...(profile ? { detail: profile.build, documentation: profile.description } : {}),
      ...(quoted ? { text: `"${name}"` } : {}),
    });
  }
}

/** Fields of the record a member path reads (`r.` → `version`, `name`). */
function members(sink: ItemSink, scope: Scope, locals: readonly Local[], path: readonly string[]): void {
  let type = scope.typeOf(path[0]!, locals);
  for (const member of path.slice(1)) type = type?.kind === "record" ? type.fields?.get(member) : undefined;
  if (type?.kind !== "record" || !type.fields) return;
  for (const [name, field] of type.fields) {
    sink.add({ label: name, kind: CompletionItemKind.Field, group: Group.local, detail: formatType(field) });
  }
}

// ---------------------------------------------------------------------------------------------
// Inside `${…}`

function interpolationItems(
  scope: Scope,
  locals: readonly Local[],
  written: string,
  start: number,
  offset: number,
  range: (start: number, end: number) => import("vscode-languageserver").Range,
): CompletionItem[] {
  const colon = written.indexOf(":");
  if (colon >= 0) {
    const sink = new ItemSink(range(start + colon + 1, offset));
    for (const name of settingTypeNames) {
      sink.add({
        label: name,
        kind: CompletionItemKind.TypeParameter,
        group: Group.local,
        detail: "iPXE setting type",
      });
    }
    return sink.items;
  }
  const slash = written.lastIndexOf("/");
  if (slash >= 0) {
    const sink = new ItemSink(range(start + slash + 1, offset));
    builtins(sink);
    return sink.items;
  }
  const dot = written.lastIndexOf(".");
  if (dot >= 0) {
    const sink = new ItemSink(range(start + dot + 1, offset));
    members(sink, scope, locals, written.slice(0, dot).split("."));
    return sink.items;
  }
  const sink = new ItemSink(range(start, offset));
  for (let k = locals.length - 1; k >= 0; k--) {
    const symbol = scope.local(locals[k]!);
    if (symbol) addSymbol(sink, symbol, Group.local, scope);
  }
  for (const symbol of scope.declarations()) {
    if ((symbol.kind === "const" || symbol.kind === "setting") && interpolatable(symbol.type)) {
      addSymbol(sink, symbol, Group.fitting, scope);
    }
  }
  for (const symbol of builtinSettings.values()) addSymbol(sink, symbol, Group.builtin, scope);
  for (const form of scopedSettingForms) {
    const name = form.slice(form.indexOf("/") + 1);
    sink.add({
      label: form,
      kind: CompletionItemKind.Property,
      group: Group.builtin + 1,
      detail: "string",
      description: "built-in iPXE setting of net0",
      ...withDoc(builtinSettingDoc(name)),
    });
  }
  return sink.items;
}

/** What `${…}` may insert (records too: their members may be). */
function interpolatable(type: Type): boolean {
  return type.kind !== "bool" && type.kind !== "duration" && type.kind !== "list" && type !== Types.error;
}
