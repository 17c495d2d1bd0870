/**
 * Hover in iPXE scripts: a command's synopsis from the command table (its options, whether a failure
 * aborts the script, which target builds have it), a label and the gotos that reach it, a goto's
 * target line, where the script sets a `${setting}`, and what an option means.
 */
import type { CommandNode, LabelNode, LineNode, ScriptModel, ScriptNode, WordNode } from "@ipxm/eslint-plugin";
import {
  commandTable,
  optionAvailable,
  parseSettingReference,
  positionalKind,
  type CommandSpec,
  type OptionSpec,
} from "@ipxm/ipxe";
import { MarkupKind, type Hover } from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../../snapshot.js";
import { toLspRange, touches, type OffsetRange } from "../../positions.js";
import { commandDoc } from "../docs/commands.js";
import { code, section } from "../docs/markdown.js";
import { argumentDoc, optionDoc } from "../docs/options.js";
import { builtinSettingDoc } from "../docs/settings.js";
import { optionOfWord } from "../ipxe-words.js";
import { ipxeTarget } from "../target.js";

interface Found {
  readonly markdown: string;
  readonly range: OffsetRange;
}

export function ipxeHover(snapshot: Snapshot, document: SourceDocument, offset: number): Hover | null {
  const script = snapshot.script(document);
  const model = snapshot.scriptModel(document);
  if (!script || !model) return null;
  const line = lineAt(script, offset);
  if (!line) return null;
  const found = describe(snapshot, document, model, line, offset);
  return found
    ? {
        contents: { kind: MarkupKind.Markdown, value: found.markdown },
        range: toLspRange(snapshot.lines(document), found.range),
      }
    : null;
}

/** The logical line holding `offset` (lines are in file order). */
function lineAt(script: ScriptNode, offset: number): LineNode | undefined {
  const lines = script.lines;
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = lines[middle]!.range;
    if (offset < start) high = middle - 1;
    else if (offset > end) low = middle + 1;
    else return lines[middle];
  }
  return undefined;
}

function describe(
  snapshot: Snapshot,
  document: SourceDocument,
  model: ScriptModel,
  line: LineNode,
  offset: number,
): Found | undefined {
  if (line.comment && touches(line.comment.range, offset)) return undefined;
  if (line.label && touches(line.label.range, offset)) return label(snapshot, document, model, line.label);
  for (const command of line.commands) {
    for (let k = 0; k < command.words.length; k++) {
      const word = command.words[k]!;
      if (!touches(word.range, offset)) continue;
      const expansion = expansionAt(document.text, word, offset);
      if (expansion) return setting(snapshot, document, model, expansion.name, expansion.range);
      if (k === 0) return commandWord(snapshot, command, word);
      return argument(snapshot, document, model, command, k, word);
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Commands and options

function commandWord(snapshot: Snapshot, command: CommandNode, word: WordNode): Found | undefined {
  const spec = commandTable.get(word.text);
  if (!spec) {
    return {
      markdown: `\`${word.text}\` is not an iPXE command: iPXE stops with "command not found".`,
      range: word.range,
    };
  }
  const guarded = command.terminator?.kind === "||";
  return { markdown: commandDoc(spec, ipxeTarget(snapshot), { guarded }), range: word.range };
}

function argument(
  snapshot: Snapshot,
  document: SourceDocument,
  model: ScriptModel,
  command: CommandNode,
  index: number,
  word: WordNode,
): Found | undefined {
  const spec = command.parsed.command ?? commandTable.get(command.name);
  if (!spec) return undefined;
  const option = command.parsed.options.find((candidate) => candidate.index === index);
  if (option) return optionHover(snapshot, spec, option.option, word);
  if (word.text.startsWith("-") && index < command.parsed.positionalIndex) {
    const named = optionOfWord(spec, word.text);
    return named ? optionHover(snapshot, spec, named.option, word) : undefined;
  }
  if (spec.canonical === "goto" && index >= command.parsed.positionalIndex)
    return gotoTarget(snapshot, document, model, word);
  if (positionalKind(spec, index - command.parsed.positionalIndex) === "setting")
    return setting(snapshot, document, model, parseSettingReference(word.text).name, word.range);
  return undefined;
}

function optionHover(snapshot: Snapshot, spec: CommandSpec, option: OptionSpec, word: WordNode): Found {
  const target = ipxeTarget(snapshot);
  const parts = [code("ipxe", `${spec.name} --${option.long}${option.argument ? ` <${option.argument}>` : ""}`)];
  const doc = optionDoc(spec.canonical, option.long);
  if (doc) parts.push(doc);
  parts.push(
    option.argument
      ? `Takes ${argumentDoc(option.argument)}; short form \`-${option.short}\`.`
      : `A flag; short form \`-${option.short}\`.`,
  );
  if (option.since) parts.push(`Since iPXE ${option.since}.`);
  if (target.commands.has(spec.name) && !optionAvailable(target, spec.name, option.long)) {
    parts.push(`**Not available in the target \`${target.name}\`.**`);
  }
  return { markdown: section(...parts), range: word.range };
}

// ---------------------------------------------------------------------------------------------
// Labels, gotos, settings

/** 1-based line numbers, as editors show them. */
function lineNumber(snapshot: Snapshot, document: SourceDocument, offset: number): number {
  return snapshot.lines(document).positionAt(offset).line + 1;
}

function label(snapshot: Snapshot, document: SourceDocument, model: ScriptModel, node: LabelNode): Found {
  const gotos = model.gotos.filter((goto) => goto.static && goto.target === node.name).length;
  const defined = model.labels.get(node.name) ?? [];
  const parts = [code("ipxe", `:${node.name}`), `Label, reached by ${gotos} \`goto\`${gotos === 1 ? "" : "s"}.`];
  if (defined.length > 1) {
    const first = defined[0]!;
    parts.push(
      first === node
        ? `Defined ${defined.length} times; \`goto\` reaches this one, the first.`
        : `Defined ${defined.length} times; \`goto\` reaches the first, at line ${lineNumber(snapshot, document, first.range[0])}, never this one.`,
    );
  }
  return { markdown: section(...parts), range: node.range };
}

function gotoTarget(snapshot: Snapshot, document: SourceDocument, model: ScriptModel, word: WordNode): Found {
  const defined = model.labels.get(word.text);
  if (defined && defined.length > 0) {
    const first = defined[0]!;
    const lineStart = document.text.lastIndexOf("\n", first.range[0] - 1) + 1;
    const lineEnd = document.text.indexOf("\n", first.range[0]);
    const text = document.text.slice(lineStart, lineEnd < 0 ? document.text.length : lineEnd).replace(/\r$/, "");
    return {
      markdown: section(
        `Goes to label \`${word.text}\` at line ${lineNumber(snapshot, document, first.range[0])}:`,
        code("ipxe", text),
      ),
      range: word.range,
    };
  }
  if (word.text.includes("${")) {
    return { markdown: "The label is computed at run time from the settings this word expands.", range: word.range };
  }
  const elsewhere = snapshot.tree.scriptsDefiningLabel(word.text).filter((path) => path !== document.path);
  const note =
    elsewhere.length > 0
      ? ` (${elsewhere.map((path) => `\`${path}\``).join(", ")} define one, but \`goto\` stays in its own script)`
      : "";
  return {
    markdown: `There is no label \`${word.text}\` in this script${note}: the \`goto\` fails.`,
    range: word.range,
  };
}

/** The `${…}` of a word that the cursor is in, with the setting's name. */
function expansionAt(text: string, word: WordNode, offset: number): { name: string; range: OffsetRange } | undefined {
  const [start, end] = word.range;
  const open = text.lastIndexOf("${", offset);
  if (open < start) return undefined;
  const close = text.indexOf("}", open);
  if (close < 0 || close >= end || offset > close + 1) return undefined;
  return { name: parseSettingReference(text.slice(open + 2, close)).name, range: [open, close + 1] };
}

function setting(
  snapshot: Snapshot,
  document: SourceDocument,
  model: ScriptModel,
  name: string,
  range: OffsetRange,
): Found {
  const parts = [code("ipxe", `\${${name}}`)];
  const assignments = model.assignments.get(name) ?? [];
  if (assignments.length > 0) {
    const shown = assignments.slice(0, 6).map((assignment) => {
      const [start, end] = assignment.command.range;
      return `- line ${lineNumber(snapshot, document, start)}: \`${document.text.slice(start, end).replace(/`/g, "'")}\``;
    });
    if (assignments.length > shown.length) shown.push(`- … ${assignments.length - shown.length} more`);
    parts.push(`Set by this script:\n${shown.join("\n")}`);
  }
  const doc = builtinSettingDoc(name);
  if (doc) parts.push(`iPXE setting: ${doc}`);
  if (assignments.length === 0 && !doc)
    parts.push("This script never sets it: it is empty unless set before the script runs.");
  return { markdown: section(...parts), range };
}
