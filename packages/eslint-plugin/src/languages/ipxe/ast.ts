/**
 * The tree the `ipxm/ipxe` language gives ESLint: a script is its logical lines, as iPXE reads them
 * (`tokenizeScript` of @ipxm/ipxe), each with its label, its commands and its comment. Every node has
 * `type` and a 0-based, end-exclusive `range`; locations are computed on demand by the SourceCode.
 */
import { parseCommand, tokenizeScript, type HeaderCheck, type ParsedCommand, type Terminator } from "@ipxm/ipxe";

export type Range = [number, number];

export interface WordNode {
  readonly type: "Word";
  /** The word as iPXE sees it, continuations removed, settings not expanded. */
  readonly text: string;
  readonly range: Range;
}

export interface LabelNode {
  readonly type: "Label";
  /** Everything after the `:` up to the first whitespace (empty for a bare `:`). */
  readonly name: string;
  /** From the `:` to the end of the name. */
  readonly range: Range;
  /** The range of the name alone. */
  readonly nameRange: Range;
}

export interface TerminatorNode {
  readonly type: "Terminator";
  readonly kind: Terminator;
  readonly range: Range;
}

export interface CommandNode {
  readonly type: "Command";
  /** `argv[0]`, or "" for an empty command (nothing before a terminator, or after a trailing `||`). */
  readonly name: string;
  readonly words: readonly WordNode[];
  /** The `||`, `&&` or `;` after this command. */
  readonly terminator?: TerminatorNode;
  /** The words, or a zero-width range where an empty command sits. */
  readonly range: Range;
  /** The command parsed with iPXE's getopt rules (settings unexpanded, newest release). */
  readonly parsed: ParsedCommand;
  /** Position on its line, from 0. */
  readonly index: number;
}

export interface CommentNode {
  readonly type: "Comment";
  /** From the `#` to the end of the line's content. */
  readonly range: Range;
  /** The text after the `#`. */
  readonly value: string;
  readonly block: false;
}

export interface LineNode {
  readonly type: "Line";
  /** From the start of the first physical line to the end of the last one's content. */
  readonly range: Range;
  /** 1-based numbers of the first and the last physical line joined into this one. */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly label?: LabelNode;
  readonly commands: readonly CommandNode[];
  readonly comment?: CommentNode;
  /** The file ends inside this line with a continuation backslash: iPXE never runs it. */
  readonly unterminated: boolean;
}

export interface ScriptNode {
  readonly type: "Script";
  readonly range: Range;
  readonly lines: readonly LineNode[];
  readonly header: HeaderCheck;
  /** The text had a byte order mark, which ESLint removed before handing it over. */
  readonly bom: boolean;
}

export type IpxeNode = ScriptNode | LineNode | LabelNode | CommandNode | TerminatorNode | WordNode | CommentNode;

export const ipxeVisitorKeys: Readonly<Record<IpxeNode["type"], readonly string[]>> = {
  Script: ["lines"],
  Line: ["label", "commands", "comment"],
  Label: [],
  Command: [],
  Terminator: [],
  Word: [],
  Comment: [],
};

const emptyParse: ParsedCommand = Object.freeze({
  name: "",
  empty: true,
  ok: true,
  options: [],
  positionalIndex: 0,
  positionals: [],
  notes: [],
}) as ParsedCommand;

/** Reads `text` as iPXE would. Never fails: every text is some script, however broken. */
export function buildScript(text: string, bom: boolean): ScriptNode {
  const tokenized = tokenizeScript(text);
  const lines: LineNode[] = tokenized.lines.map((line) => {
    const commands = line.commands.map((command, index): CommandNode => {
      const words = command.argv.map((token): WordNode => ({
        type: "Word",
        text: token.text,
        range: [token.start, token.end],
      }));
      const argv = command.argv.map((token) => token.text);
      return {
        type: "Command",
        name: argv[0] ?? "",
        words,
        ...(command.terminator
          ? {
              terminator: {
                type: "Terminator",
                kind: command.terminator.kind,
                range: [command.terminator.token.start, command.terminator.token.end],
              },
            }
          : {}),
        range: [command.start, command.end],
        parsed: argv.length === 0 ? emptyParse : parseCommand(argv, { unexpanded: true }),
        index,
      };
    });
    return {
      type: "Line",
      range: [line.start, Math.max(line.start, line.end)],
      firstLine: line.firstLine,
      lastLine: line.lastLine,
      ...(line.label
        ? {
            label: {
              type: "Label",
              name: line.label.name,
              range: [line.label.start, line.label.end],
              nameRange: [line.label.start + 1, line.label.end],
            },
          }
        : {}),
      commands,
      ...(line.comment
        ? {
            comment: {
              type: "Comment",
              range: [line.comment.start, line.comment.end],
              value: line.comment.text.slice(1),
              block: false,
            },
          }
        : {}),
      unterminated: line.unterminated === true,
    } as LineNode;
  });
  return { type: "Script", range: [0, text.length], lines, header: tokenized.header, bom };
}
