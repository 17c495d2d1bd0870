/**
 * Completion in iPXE scripts (and in the raw `ipxe { … }` lines of an `.ipxm` file). iPXE reads a
 * line as words split on spaces, commands split on stand-alone `||`, `&&` and `;`, so the words of
 * the line before the cursor tell everything: the command being written, its options so far, and the
 * word the cursor is in. The script's model adds labels, menus, items and the settings it writes.
 */
import type { ScriptModel } from "@ipxm/eslint-plugin";
import {
  commandNames,
  commandTable,
  isIpxeSpace,
  optionAvailable,
  positionalKind,
  settingTypeNames,
  type CommandSpec,
  type TargetProfile,
} from "@ipxm/ipxe";
import { CompletionItemKind, type CompletionItem, type Range } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { Snapshot, SourceDocument } from "../../snapshot.js";
import { toLspRange } from "../../positions.js";
import { commandDoc } from "../docs/commands.js";
import { builtinSettingDoc, ipxeSettingNames } from "../docs/settings.js";
import { logicalLineStart, optionOfWord } from "../ipxe-words.js";
import { ipxeTarget } from "../target.js";
import { addHotkeys, freeHotkeys, ItemSink } from "./items.js";

interface LineWord {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const terminators = new Set(["||", "&&", ";"]);

export function ipxeCompletion(snapshot: Snapshot, document: SourceDocument, offset: number): CompletionItem[] {
  const text = document.text;
  const lineStart = logicalLineStart(text, offset);
  return lineCompletion(
    text,
    lineStart,
    offset,
    snapshot.lines(document),
    ipxeTarget(snapshot),
    snapshot.scriptModel(document),
  );
}

/** A line of a raw `ipxe { … }` block: commands and options, no script model. */
export function rawLineCompletion(
  text: string,
  blockTextStart: number,
  offset: number,
  lines: TextDocument,
  target: TargetProfile,
): CompletionItem[] {
  const lineStart = Math.max(blockTextStart, logicalLineStart(text, offset));
  return lineCompletion(text, lineStart, offset, lines, target, undefined);
}

function lineCompletion(
  text: string,
  lineStart: number,
  offset: number,
  lines: TextDocument,
  target: TargetProfile,
  model: ScriptModel | undefined,
): CompletionItem[] {
  let words = splitWords(text, lineStart, offset);
  const range = (start: number) => toLspRange(lines, [start, offset]);
  // A label's name is new text; after it the line is an ordinary command.
  if (words[0]?.text.startsWith(":")) {
    if (words[0].end === offset) return [];
    words = words.slice(1);
  }
  if (words.some((word) => word.text.startsWith("#"))) return [];
  let commandStart = 0;
  words.forEach((word, k) => {
    if (terminators.has(word.text)) commandStart = k + 1;
  });
  const command = words.slice(commandStart);
  const last = command[command.length - 1];
  const partial = last !== undefined && last.end === offset ? last : undefined;
  const before = partial ? command.slice(0, -1) : command;
  const written = partial?.text ?? "";
  const wordStart = partial?.start ?? offset;

  const expansion = written.lastIndexOf("${");
  if (expansion >= 0 && written.indexOf("}", expansion) < 0) {
    return settingItems(model, written.slice(expansion + 2), wordStart + expansion + 2, range);
  }
  if (before.length === 0) return commandItems(new ItemSink(range(wordStart)), target);

  const spec = commandTable.get(before[0]!.text);
  if (!spec) return [];
  const valueOf = /^--([A-Za-z0-9-]+)=/.exec(written);
  if (valueOf) {
    const sink = new ItemSink(range(wordStart + valueOf[0].length));
    optionValues(sink, spec, valueOf[1]!, command, lineStart, model);
    return sink.items;
  }
  if (written.startsWith("-")) return optionItems(new ItemSink(range(wordStart)), spec, target);

  const sink = new ItemSink(range(wordStart));
  const previous = before[before.length - 1]!;
  const named = before.length > 1 ? optionOfWord(spec, previous.text) : undefined;
  if (named?.option.argument !== undefined && !named.valueAttached) {
    optionValues(sink, spec, named.option.long, command, lineStart, model);
    return sink.items;
  }
  const kind = positionalKind(spec, positionalIndex(spec, before.slice(1)));
  if (kind === "label" && model) labels(sink, model);
  else if (kind === "setting") settingNames(sink, model);
  return sink.items;
}

/** The words of `text` between `from` and `to`, split as iPXE splits them (continuations joined). */
function splitWords(text: string, from: number, to: number): LineWord[] {
  const words: LineWord[] = [];
  let start = -1;
  for (let i = from; i <= to; i++) {
    const code = text.charCodeAt(i);
    if (i < to && code === 92) {
      // iPXE removes a backslash that ends a physical line (and one `\r`) and joins the next line.
      const next = text.charCodeAt(i + 1) === 13 ? i + 2 : i + 1;
      if (text.charCodeAt(next) === 10 && next < to) {
        i = next;
        continue;
      }
    }
    const space = i === to || isIpxeSpace(code) || code === 13 || code === 10;
    if (space && start >= 0) {
      words.push({ text: text.slice(start, i), start, end: i });
      start = -1;
    } else if (!space && start < 0) {
      start = i;
    }
  }
  return words;
}

/** How many positional arguments come before the cursor (options and their values skipped). */
function positionalIndex(spec: CommandSpec, args: readonly LineWord[]): number {
  let count = 0;
  let optionsEnded = false;
  for (let k = 0; k < args.length; k++) {
    const word = args[k]!.text;
    if (!optionsEnded && word === "--") {
      optionsEnded = true;
    } else if (!optionsEnded && word.startsWith("-") && word.length > 1) {
      const named = optionOfWord(spec, word);
      if (named?.option.argument !== undefined && !named.valueAttached) k++;
    } else {
      // iPXE stops reading options at the first positional argument.
      optionsEnded = true;
      count++;
    }
  }
  return count;
}

// ---------------------------------------------------------------------------------------------

function commandItems(sink: ItemSink, target: TargetProfile): CompletionItem[] {
  for (const name of commandNames) {
    const spec = commandTable.get(name)!;
    const available = target.commands.has(name);
    sink.add({
      label: name,
      kind: CompletionItemKind.Function,
      group: available ? 0 : 2,
      detail: spec.usage,
      ...(available ? {} : { description: `not in ${target.name}` }),
      documentation: commandDoc(spec, target, { brief: true }),
    });
  }
  return sink.items;
}

function optionItems(sink: ItemSink, spec: CommandSpec, target: TargetProfile): CompletionItem[] {
  for (const option of spec.options) {
    const available = optionAvailable(target, spec.name, option.long) || !target.commands.has(spec.name);
    sink.add({
      label: `--${option.long}`,
      kind: CompletionItemKind.Property,
      group: available ? 0 : 2,
      detail: option.argument === undefined ? `-${option.short} (flag)` : `-${option.short} <${option.argument}>`,
      ...(available ? {} : { description: `not in ${target.name}` }),
    });
  }
  return sink.items;
}

/** Values of an option whose argument names something the script defines. */
function optionValues(
  sink: ItemSink,
  spec: CommandSpec,
  long: string,
  command: readonly LineWord[],
  lineStart: number,
  model: ScriptModel | undefined,
): void {
  if (!model) return;
  const canonical = spec.canonical;
  if (long === "menu" && (canonical === "item" || canonical === "choose")) {
    for (const menu of model.menus) {
      if (menu.name !== "") sink.add({ label: menu.name, kind: CompletionItemKind.Module, group: 0, detail: "menu" });
    }
    return;
  }
  const menu = menuBefore(model, lineStart, menuOption(command));
  if (!menu) return;
  if (long === "default" && canonical === "choose") {
    for (const item of menu.items) {
      if (item.gap || item.name === undefined) continue;
      sink.add({
        label: item.name,
        kind: CompletionItemKind.EnumMember,
        group: 0,
        detail: item.textWords.map((word) => word.text).join(" "),
      });
    }
  } else if (long === "key" && canonical === "item") {
    const used = menu.items.flatMap((item) => (item.key ? [item.key.value] : []));
    addHotkeys(sink, freeHotkeys(used, undefined));
  }
}

/** The `--menu` a command names (the unnamed menu when it names none). */
function menuOption(command: readonly LineWord[]): string {
  for (let k = 1; k < command.length; k++) {
    const word = command[k]!.text;
    if (word === "--menu" || word === "-m") return command[k + 1]?.text ?? "";
    if (word.startsWith("--menu=")) return word.slice("--menu=".length);
  }
  return "";
}

/** The last menu of that name built before the line. */
function menuBefore(model: ScriptModel, lineStart: number, name: string) {
  let found: ScriptModel["menus"][number] | undefined;
  for (const menu of model.menus) {
    if (menu.line.range[0] < lineStart && menu.name === name) found = menu;
  }
  return found;
}

function labels(sink: ItemSink, model: ScriptModel): void {
  const gotoCounts = new Map<string, number>();
  for (const goto of model.gotos) if (goto.static) gotoCounts.set(goto.target, (gotoCounts.get(goto.target) ?? 0) + 1);
  for (const [name, nodes] of model.labels) {
    if (name === "") continue;
    const gotos = gotoCounts.get(name) ?? 0;
    sink.add({
      label: name,
      kind: CompletionItemKind.Reference,
      group: 0,
      detail: `label${nodes.length > 1 ? ` (${nodes.length} times)` : ""}, ${gotos} goto${gotos === 1 ? "" : "s"}`,
    });
  }
}

function settingNames(sink: ItemSink, model: ScriptModel | undefined): void {
  for (const name of model?.assignments.keys() ?? []) {
    sink.add({ label: name, kind: CompletionItemKind.Variable, group: 0, detail: "set by this script" });
  }
  for (const name of ipxeSettingNames) {
    sink.add({
      label: name,
      kind: CompletionItemKind.Property,
      group: 1,
      detail: "iPXE setting",
      ...(builtinSettingDoc(name) !== undefined ? { documentation: builtinSettingDoc(name)! } : {}),
    });
  }
}

/** Inside `${…`: a setting name, a name after a scope (`net0/`), or a type after `:`. */
function settingItems(
  model: ScriptModel | undefined,
  written: string,
  start: number,
  range: (start: number) => Range,
): CompletionItem[] {
  const colon = written.indexOf(":");
  if (colon >= 0) {
    const sink = new ItemSink(range(start + colon + 1));
    for (const name of settingTypeNames) {
      sink.add({ label: name, kind: CompletionItemKind.TypeParameter, group: 0, detail: "iPXE setting type" });
    }
    return sink.items;
  }
  const slash = written.lastIndexOf("/");
  const sink = new ItemSink(range(slash >= 0 ? start + slash + 1 : start));
  settingNames(sink, slash >= 0 ? undefined : model);
  return sink.items;
}
