/**
 * The TextMate grammar of plain iPXE scripts, generated from @ipxm/ipxe's command table and setting types,
 * so that a command or option the model learns is highlighted without anyone editing a grammar.
 *
 * iPXE's syntax is line-based and has no quoting: a line is whitespace-separated tokens; `:name` at the
 * start labels it; a token starting with `#` ends it; the stand-alone tokens `||`, `&&` and `;` separate
 * commands; a trailing `\` joins the next physical line; `${scope/name:type}` expands a setting, innermost
 * first. The rules below follow those token boundaries rather than keywords.
 *
 * The same rules are embedded in ipxm's `ipxe { … }` blocks. There the ipxm lexer ends the raw text at the
 * `}` that balances the block's `{`, whatever iPXE would make of it, so an embedded rule must never run
 * past an unbalanced `}`: `ipxeRules({ embedded: true })` builds that variant.
 */
import { commandTable, settingTypeNames } from "@ipxm/ipxe";
import type { CommandSpec } from "@ipxm/ipxe";
import { alternation, escapeRegex, ref } from "./textmate.js";
import type { Captures, Grammar, Rule } from "./textmate.js";

export const ipxeScopeName = "source.ipxe";

export interface IpxeRulesOptions {
  /** Build the variant that lives inside an ipxm `ipxe { … }` block (see the module comment). */
  readonly embedded: boolean;
  /** Prefix of the repository keys, so that the rules can join another grammar's repository. */
  readonly keyPrefix: string;
}

export interface IpxeRules {
  /** What a line may contain, in matching order: include these where iPXE lines are expected. */
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, Rule>>;
}

/** How highlighting groups the commands: by what they do to the flow of the script. */
export type CommandRole = "flow" | "condition" | "command";

export function commandRole(command: CommandSpec): CommandRole {
  if (command.stopsLine !== "never") return "flow";
  if (command.condition) return "condition";
  return "command";
}

const roleScopes: Readonly<Record<CommandRole, string>> = {
  flow: "keyword.control.flow.ipxe",
  condition: "keyword.control.conditional.ipxe",
  command: "support.function.command.ipxe",
};

/** Command names by role, every synonym included. */
function commandNamesByRole(): Record<CommandRole, string[]> {
  const byRole: Record<CommandRole, string[]> = { flow: [], condition: [], command: [] };
  for (const command of commandTable.values()) byRole[commandRole(command)].push(command.name);
  return byRole;
}

function optionNames(): { long: string[]; short: string[] } {
  const long = new Set<string>();
  const short = new Set<string>();
  for (const command of commandTable.values()) {
    for (const option of command.options) {
      long.add(option.long);
      short.add(option.short);
    }
  }
  return { long: [...long], short: [...short] };
}

/**
 * A command name at a command position, with `goto`'s label taken apart: a regex fragment whose capture
 * groups start at `firstGroup`, and their scopes.
 */
function commandNamePattern(firstGroup: number, tokenEnd: string): [string, Captures] {
  // A label that is itself an expansion (`goto ${next}`) is left to the expansion rule.
  const labelChars = "[^\\s${}#]";
  const byRole = commandNamesByRole();
  const pattern =
    `(?:(goto)(?:[ \\t]+(${labelChars}+)${tokenEnd})?` +
    `|(${alternation(byRole.flow)})|(${alternation(byRole.condition)})|(${alternation(byRole.command)}))${tokenEnd}`;
  const captures: Captures = {
    [firstGroup]: { name: roleScopes.flow },
    [firstGroup + 1]: { name: "entity.name.label.reference.ipxe" },
    [firstGroup + 2]: { name: roleScopes.flow },
    [firstGroup + 3]: { name: roleScopes.condition },
    [firstGroup + 4]: { name: roleScopes.command },
  };
  return [pattern, captures];
}

export function ipxeRules(options: IpxeRulesOptions): IpxeRules {
  const { embedded, keyPrefix: p } = options;
  // Where a token ends. Inside an ipxm block a `}` also ends it: the block's own `}` follows.
  const tokenEnd = embedded ? "(?=[\\s}]|$)" : "(?=\\s|$)";
  const tokenChar = embedded ? "[^\\s}]" : "\\S";
  // A line starts at `^`, and inside an ipxm block also right after the block's `{` (`\G`).
  const lineStart = embedded ? "(?:^|\\G)" : "^";
  const { long, short } = optionNames();

  const [lineCommand, lineCaptures] = commandNamePattern(1, tokenEnd);
  // After a label or a terminator (two groups of their own) a command starts too.
  const [laterCommand, laterCaptures] = commandNamePattern(3, tokenEnd);

  const repository: Record<string, Rule> = {
    [`${p}comment`]: {
      name: "comment.line.number-sign.ipxe",
      // A token that starts with `#` ends the line. Inside an ipxm block the comment stops before a `}` the
      // ipxm lexer would count as the block's end.
      match: embedded ? "(?:^|\\G|(?<=\\s))(#)(?:[^{}\\n]|\\{[^{}\\n]*\\})*" : "(?:^|(?<=\\s))(#).*$",
      captures: { 1: { name: "punctuation.definition.comment.ipxe" } },
    },
    [`${p}labelled-line`]: {
      name: "meta.label.ipxe",
      match: `${lineStart}[ \\t]*(:)(${tokenChar}*)(?:[ \\t]+${laterCommand})?`,
      captures: {
        1: { name: "punctuation.definition.label.ipxe" },
        2: { name: "entity.name.label.ipxe" },
        ...laterCaptures,
      },
    },
    [`${p}command`]: {
      match: `${lineStart}[ \\t]*${lineCommand}`,
      captures: lineCaptures,
    },
    [`${p}terminator`]: {
      // `||`, `&&` and `;` count only as whole tokens; the command that follows is at a command position.
      match: `(?<=^|\\s)(?:(\\|\\||&&)|(;))${tokenEnd}(?:[ \\t]+${laterCommand})?`,
      captures: {
        1: { name: "keyword.operator.logical.ipxe" },
        2: { name: "punctuation.terminator.statement.ipxe" },
        ...laterCaptures,
      },
    },
    [`${p}option`]: {
      match: `(?<=\\s)(?:(--(?:${alternation(long)}))|(-[${short.map(escapeRegex).join("")}]))(?:(=)|${tokenEnd})`,
      captures: {
        1: { name: "variable.parameter.option.long.ipxe" },
        2: { name: "variable.parameter.option.short.ipxe" },
        3: { name: "punctuation.separator.option-value.ipxe" },
      },
    },
    [`${p}expansion`]: {
      // `${` up to its `}`; whitespace ends a token, so it also ends an unclosed expansion.
      name: "meta.expansion.ipxe",
      begin: "(\\$\\{)",
      end: "(\\})|(?=\\s)|$",
      beginCaptures: { 1: { name: "punctuation.definition.expansion.begin.ipxe" } },
      endCaptures: { 1: { name: "punctuation.definition.expansion.end.ipxe" } },
      patterns: [
        ref(`${p}expansion`),
        {
          match: "([^\\s/:${}]+)(/)",
          captures: {
            1: { name: "entity.name.scope.ipxe" },
            2: { name: "punctuation.separator.scope.ipxe" },
          },
        },
        {
          match: `(:)(?:(${alternation(settingTypeNames)})(?=[\\s}]|$)|([^\\s\${}]*))`,
          captures: {
            1: { name: "punctuation.separator.type.ipxe" },
            2: { name: "support.type.setting.ipxe" },
            3: { name: "entity.name.type.setting.ipxe" },
          },
        },
        { name: "variable.other.setting.ipxe", match: "[^\\s/:${}]+" },
      ],
    },
    [`${p}continuation`]: {
      // A trailing `\` joins the next physical line, which therefore continues the command's arguments.
      name: "meta.continuation.ipxe",
      begin: "(\\\\)$",
      // It ends at the first line break not preceded by another `\` (TextMate sees each line with its `\n`).
      end: embedded ? "(?<!\\\\)\\n|(?=\\})" : "(?<!\\\\)\\n",
      beginCaptures: { 1: { name: "constant.character.escape.line-continuation.ipxe" } },
      // Further backslashes extend this same rule (its end skips them) rather than nesting a new one.
      patterns: [
        ref(`${p}comment`),
        ref(`${p}terminator`),
        ref(`${p}expansion`),
        ref(`${p}option`),
        { name: "constant.character.escape.line-continuation.ipxe", match: "\\\\$" },
      ],
    },
    [`${p}arguments`]: {
      patterns: [
        ref(`${p}comment`),
        ref(`${p}terminator`),
        ref(`${p}expansion`),
        ref(`${p}option`),
        ref(`${p}continuation`),
      ],
    },
  };

  return {
    patterns: [ref(`${p}comment`), ref(`${p}labelled-line`), ref(`${p}command`), ref(`${p}arguments`)],
    repository,
  };
}

export function ipxeGrammar(): Grammar {
  const rules = ipxeRules({ embedded: false, keyPrefix: "" });
  return {
    name: "iPXE",
    scopeName: ipxeScopeName,
    fileTypes: ["ipxe"],
    firstLineMatch: "^#!(?:ipxe|gpxe)(?:\\s|$)",
    comment: "Generated from @ipxm/ipxe's command table by packages/vscode/src/grammars. Do not edit.",
    patterns: [ref("header"), ...rules.patterns],
    repository: {
      header: {
        // Only the file's very first bytes make a script signature; iPXE skips the rest of that line.
        name: "meta.header.ipxe",
        match: "\\A(#!)(ipxe|gpxe)(?=\\s|$)(.*)$",
        captures: {
          1: { name: "punctuation.definition.directive.ipxe" },
          2: { name: "keyword.control.directive.signature.ipxe" },
          3: { name: "comment.line.header.ipxe" },
        },
      },
      ...rules.repository,
    },
  };
}
