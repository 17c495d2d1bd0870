/** Reading a command's words the way iPXE's getopt would, for the rules about options and text. */
import type { CommandSpec, OptionSpec } from "@ipxm/ipxe";
import { positionalKind } from "@ipxm/ipxe";
import type { CommandNode, WordNode } from "../languages/ipxe/ast.js";

/** The option a word spells (`--key`, `--key=x`, `-k`), if it is one of the command's. */
export function optionSpelledBy(spec: CommandSpec, word: string): OptionSpec | undefined {
  if (word.startsWith("--")) {
    const body = word.slice(2);
    const long = body.includes("=") ? body.slice(0, body.indexOf("=")) : body;
    return spec.options.find((option) => option.long === long);
  }
  if (/^-[A-Za-z]$/.test(word)) return spec.options.find((option) => option.short === word[1]);
  return undefined;
}

export interface MisplacedOptions {
  /** The word where getopt stopped looking for options. */
  readonly firstPositional: WordNode;
  readonly options: readonly { readonly word: WordNode; readonly option: OptionSpec; readonly value?: WordNode }[];
}

/** Options written after the first positional, where iPXE takes them for text: `item foo --key x`. */
export function misplacedOptions(command: CommandNode): MisplacedOptions | undefined {
  const spec = command.parsed.command;
  if (!spec || command.parsed.dynamicName) return undefined;
  // Where getopt stopped: its own answer when the command parsed, else the first word that is not an option.
  const first = command.parsed.ok ? command.parsed.positionalIndex : firstNonOption(command, spec);
  const firstPositional = command.words[first];
  if (!firstPositional || command.words[first - 1]?.text === "--") return undefined;
  const options: { word: WordNode; option: OptionSpec; value?: WordNode }[] = [];
  for (let index = first + 1; index < command.words.length; index++) {
    const word = command.words[index]!;
    if (word.text === "--") break;
    const option = optionSpelledBy(spec, word.text);
    if (!option) continue;
    const value = option.argument && !word.text.includes("=") ? command.words[index + 1] : undefined;
    options.push({ word, option, ...(value ? { value } : {}) });
    if (value) index++;
  }
  return options.length > 0 ? { firstPositional, options } : undefined;
}

function firstNonOption(command: CommandNode, spec: CommandSpec): number {
  let index = 1;
  while (index < command.words.length) {
    const text = command.words[index]!.text;
    if (text === "--") return index + 1;
    if (!text.startsWith("-")) return index;
    const option = optionSpelledBy(spec, text);
    index += option?.argument && !text.includes("=") ? 2 : 1;
  }
  return index;
}

/** Whether the command's first positional is text shown to the user (`echo`, `menu`, `prompt`, a gap). */
export function takesTextFirst(command: CommandNode): boolean {
  const spec = command.parsed.command;
  if (!spec) return false;
  if (spec.canonical === "item") return true;
  return positionalKind(spec, 0) === "text";
}
