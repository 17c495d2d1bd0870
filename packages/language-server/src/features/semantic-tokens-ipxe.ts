/**
 * Semantic tokens of iPXE lines: command names (iPXE's own as `defaultLibrary`), labels and `goto`
 * targets, options, `${setting}` expansions and comments. The same emitter serves `.ipxe` scripts and
 * the raw `ipxe { … }` blocks of an `.ipxm` file, so it takes any lines shaped like the linter's.
 */
import { builtinSettings } from "@ipxm/core";
import {
  parseCommand,
  parseSettingReference,
  predefinedSettingTypes,
  tokenizeScript,
  type ParsedCommand,
} from "@ipxm/ipxe";
import type { TokenList } from "./semantic-tokens-list.js";

type Span = readonly [number, number];

export interface IpxeWordLike {
  readonly text: string;
  readonly range: Span;
}

export interface IpxeLineLike {
  readonly label?: { readonly range: Span };
  readonly commands: readonly { readonly words: readonly IpxeWordLike[]; readonly parsed: ParsedCommand }[];
  readonly comment?: { readonly range: Span };
}

/**
 * Adds the tokens of `lines`, whose ranges index `text`; `offset` is where `text` starts in the
 * document (0 for a script, the block's start for a raw block).
 */
export function ipxeLineTokens(lines: Iterable<IpxeLineLike>, text: string, offset: number, tokens: TokenList): void {
  const add: TokenList["add"] = (start, end, type, modifiers) =>
    tokens.add(start + offset, end + offset, type, modifiers);
  for (const line of lines) {
    if (line.label) add(line.label.range[0], line.label.range[1], "label", ["declaration"]);
    for (const command of line.commands) {
      const words = command.words;
      const name = words[0];
      if (!name) continue;
      const parsed = command.parsed;
      // A name built from settings (`${cmd}`) is only its expansions.
      if (!name.text.includes("${")) {
        add(name.range[0], name.range[1], "function", parsed.command ? ["defaultLibrary"] : []);
      }
      for (const option of parsed.options) {
        const word = words[option.index];
        // A bundled short option (`-ka`) after the first has no place of its own in the word.
        if (word && word.text.startsWith(option.spelling)) {
          add(word.range[0], skipContinuations(text, word.range[0], option.spelling.length), "parameter");
        }
      }
      if (parsed.command?.canonical === "goto") {
        const target = words[parsed.positionalIndex];
        if (target && !target.text.includes("${")) add(target.range[0], target.range[1], "label");
      }
      for (const word of words) expansionTokens(text, word.range, add);
    }
    if (line.comment) add(line.comment.range[0], line.comment.range[1], "comment");
  }
}

/**
 * Where the first `length` characters of a word (as iPXE joins it) end in the text, which still holds
 * the backslash and line end of each continuation.
 */
function skipContinuations(text: string, start: number, length: number): number {
  let at = start;
  for (let taken = 0; taken < length && at < text.length;) {
    const continuation = /^\\(\r?\n)/.exec(text.slice(at, at + 3));
    if (continuation) at += 1 + continuation[1]!.length;
    else {
      at++;
      taken++;
    }
  }
  return at;
}

/**
 * Each `${…}` of a word, as iPXE finds them: an expansion runs from the last `${` before a `}` to that
 * `}`, so in `${a${b}}` only `${b}` is one (iPXE expands it first).
 */
function expansionTokens(text: string, [start, end]: Span, add: TokenList["add"]): void {
  let open = -1;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x24 /* $ */ && text.charCodeAt(i + 1) === 0x7b /* { */ && i + 1 < end) {
      open = i;
      i++;
    } else if (code === 0x7d /* } */ && open >= 0) {
      const reference = parseSettingReference(text.slice(open + 2, i));
      add(open, i + 1, "variable", isBuiltinSetting(reference.name) ? ["defaultLibrary"] : []);
      open = -1;
    } else if (code === 10 || code === 13) {
      // A continuation inside an expansion: leave it to the grammar.
      open = -1;
    }
  }
}

/** iPXE's own settings, which every script may read without setting them. */
function isBuiltinSetting(name: string): boolean {
  return builtinSettings.has(name) || Object.hasOwn(predefinedSettingTypes, name);
}

/** The lines of raw iPXE text (a `ipxe { … }` block), shaped for `ipxeLineTokens`. */
export function rawIpxeLines(text: string): IpxeLineLike[] {
  return tokenizeScript(text).lines.map((line) => ({
    ...(line.label ? { label: { range: [line.label.start, line.label.end] as Span } } : {}),
    commands: line.commands
      .filter((command) => command.argv.length > 0)
      .map((command) => ({
        words: command.argv.map((token) => ({ text: token.text, range: [token.start, token.end] as Span })),
        parsed: parseCommand(
          command.argv.map((token) => token.text),
          { unexpanded: true },
        ),
      })),
    ...(line.comment ? { comment: { range: [line.comment.start, line.comment.end] as Span } } : {}),
  }));
}
