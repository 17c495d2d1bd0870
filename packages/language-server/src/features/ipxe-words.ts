/**
 * How iPXE reads the words of a line, for the features that look at a line's text rather than at the
 * script's tree (completion of a line being typed, the raw `ipxe { … }` lines of an `.ipxm` file).
 */
import type { CommandSpec, OptionSpec } from "@ipxm/ipxe";

/** Where the logical line holding `offset` starts: lines ending in `\` continue on the next one. */
export function logicalLineStart(text: string, offset: number): number {
  let start = text.lastIndexOf("\n", offset - 1) + 1;
  while (start > 0) {
    let end = start - 1;
    if (text.charCodeAt(end - 1) === 13) end--;
    if (text.charCodeAt(end - 1) !== 92) break;
    start = text.lastIndexOf("\n", end - 2) + 1;
  }
  return start;
}

/** An option as a word names it, and whether the word carries its value too (`--timeout=5`, `-t5`). */
export interface NamedOption {
  readonly option: OptionSpec;
  readonly valueAttached: boolean;
}

/** The option of `spec` a word names: `--long`, `--long=value`, `-s` or `-svalue`. */
export function optionOfWord(spec: CommandSpec, word: string): NamedOption | undefined {
  if (word.startsWith("--")) {
    const equals = word.indexOf("=");
    const long = equals < 0 ? word.slice(2) : word.slice(2, equals);
    const option = spec.options.find((candidate) => candidate.long === long);
    return option ? { option, valueAttached: equals >= 0 } : undefined;
  }
  if (word.startsWith("-") && word.length >= 2) {
    const option = spec.options.find((candidate) => candidate.short === word.charAt(1));
    return option ? { option, valueAttached: word.length > 2 } : undefined;
  }
  return undefined;
}
