/**
 * Command-line parsing exactly as iPXE's `getopt_long()` (src/core/getopt.c) and `reparse_options()`
 * (src/core/parseopt.c) do it:
 *
 * - no permutation: options stop at the first argument that does not start with `-`;
 * - `--` ends the options and is consumed;
 * - long options match exactly (`--timeout=5000` or `--timeout 5000`); short ones may be bundled
 *   (`-ka`) and take the rest of the argument as their value (`-t5000`);
 * - a required value is taken from the next argument unless that starts with `-`;
 * - `-h`/`--help` prints usage and fails; an unknown option or a missing value fails;
 * - option values are parsed as soon as they are read (`"x": invalid integer value`);
 * - then the positional count must lie within the command's min/max, else "Result too large";
 * - then the command parses its own integer positionals (`exit`, `sleep`, `cpuid`…).
 *
 * Like iPXE, parsing stops at the first error. Indices are argv indices (0 = the command name), so callers
 * can map them back to tokens.
 */
import { commandTable, releaseHas, type CommandSpec, type IpxeRelease, type OptionSpec } from "./commands.js";
import { hasExpansion } from "./expand.js";
import { invalidIntegerMessage, parseIpxeInteger, parseIpxeKey, type IntegerParse } from "./integers.js";

export type CommandParseErrorKind =
  /** `foo: command not found` (ENOEXEC). */
  | "unknown-command"
  /** `Unrecognised option "--x"` (EINVAL). */
  | "unknown-option"
  /** `Option "timeout" requires an argument` (EINVAL). */
  | "missing-argument"
  /** `Option "gap" takes no argument` (EINVAL). */
  | "unexpected-argument"
  /** `"x": invalid integer value` for an integer or timeout (EINVAL). */
  | "invalid-integer"
  /** The same message, for a key that is neither one character nor an integer. */
  | "invalid-key"
  /** Usage text and "Result too large" (ERANGE): too few or too many positional arguments. */
  | "argument-count"
  /** `-h`/`--help`: usage text, and the command fails ("Nothing to do"). */
  | "help";

export interface CommandParseError {
  kind: CommandParseErrorKind;
  /** What iPXE prints, or a description when it prints only the usage text. */
  message: string;
  /** argv index of the offending argument (argv.length when one is missing at the end). */
  index: number;
  /** Long name of the option concerned. */
  option?: string;
  /** When the command or option exists, but only from this release on. */
  availableSince?: IpxeRelease;
}

export type ParseNoteKind = "octal-integer" | "negative-integer" | "wrapped-integer" | "empty-hex-integer";

/** Something iPXE accepts but reads differently from what the text suggests. */
export interface ParseNote {
  kind: ParseNoteKind;
  message: string;
  index: number;
}

export interface ParsedOption {
  option: OptionSpec;
  /** As written: `--timeout`, `-t`. */
  spelling: string;
  /** argv index of the option itself. */
  index: number;
  value?: string;
  /** argv index of the value (equal to `index` for `--x=value` and `-xvalue`). */
  valueIndex?: number;
  /** Parsed value of an integer or timeout option. */
  integer?: number;
  /** Parsed key code of a key option. */
  key?: number;
  /** The value contains a setting expansion, so it was not checked (unexpanded mode only). */
  dynamic?: true;
}

export interface ParsedCommand {
  /** argv[0] ("" for an empty command). */
  name: string;
  command?: CommandSpec;
  /** No tokens at all: iPXE treats this as a command that succeeds. */
  empty: boolean;
  /** The command name contains a setting expansion, so nothing else was checked (unexpanded mode). */
  dynamicName?: true;
  ok: boolean;
  options: ParsedOption[];
  /** argv index of the first positional argument (argv.length when there is none). */
  positionalIndex: number;
  positionals: string[];
  error?: CommandParseError;
  notes: ParseNote[];
}

export interface ParseCommandOptions {
  /** Parse as this release would; options and commands newer than it are unknown. Default: `"master"`. */
  release?: IpxeRelease;
  /**
   * The arguments are raw script tokens rather than expanded values: values containing a `${…}` expansion
   * are not checked as numbers or keys, and a command name containing one is not looked up.
   */
  unexpanded?: boolean;
  /** Command table to use (default: the full iPXE table). */
  commands?: ReadonlyMap<string, CommandSpec>;
}

const HELP: OptionSpec = { long: "help", short: "h" };

/** Options each command accepts in each release, with `--help` first as in iPXE's table; built once. */
const optionCache = new WeakMap<CommandSpec, Map<IpxeRelease, readonly OptionSpec[]>>();

function optionsIn(command: CommandSpec, release: IpxeRelease): readonly OptionSpec[] {
  let byRelease = optionCache.get(command);
  if (!byRelease) {
    byRelease = new Map();
    optionCache.set(command, byRelease);
  }
  let options = byRelease.get(release);
  if (!options) {
    options = [HELP, ...command.options.filter((option) => releaseHas(release, option.since))];
    byRelease.set(release, options);
  }
  return options;
}

class ParseStop {
  constructor(readonly error: CommandParseError) {}
}

export function parseCommand(argv: readonly string[], settings: ParseCommandOptions = {}): ParsedCommand {
  const release = settings.release ?? "master";
  const unexpanded = settings.unexpanded ?? false;
  const table = settings.commands ?? commandTable;
  const name = argv[0] ?? "";
  const result: ParsedCommand = {
    name,
    empty: argv.length === 0,
    ok: true,
    options: [],
    positionalIndex: Math.min(1, argv.length),
    positionals: [],
    notes: [],
  };
  if (argv.length === 0) return result;
  if (unexpanded && hasExpansion(name)) {
    result.dynamicName = true;
    result.positionals = argv.slice(1);
    return result;
  }

  const command = table.get(name);
  if (!command || !releaseHas(release, command.since)) {
    const error: CommandParseError = { kind: "unknown-command", message: `${name}: command not found`, index: 0 };
    if (command?.since) error.availableSince = command.since;
    return fail(result, error);
  }
  result.command = command;

  try {
    const optind = readOptions(argv, command, release, unexpanded, result);
    result.positionalIndex = optind;
    result.positionals = argv.slice(optind);
    checkCount(command, argv.length, optind);
    checkIntegerPositionals(command, argv, optind, unexpanded, result);
  } catch (stop) {
    if (stop instanceof ParseStop) return fail(result, stop.error);
    throw stop;
  }
  return result;
}

function fail(result: ParsedCommand, error: CommandParseError): ParsedCommand {
  result.ok = false;
  result.error = error;
  return result;
}

/** The getopt loop; returns `optind`, the index of the first positional argument. */
function readOptions(
  argv: readonly string[],
  command: CommandSpec,
  release: IpxeRelease,
  unexpanded: boolean,
  result: ParsedCommand,
): number {
  const available = optionsIn(command, release);
  const argc = argv.length;
  let optind = 1;
  let nextchar = 0;

  // A required value comes from the next argument only if that does not look like an option.
  const takeNext = (): { value: string; index: number } | undefined => {
    if (optind >= argc || argv[optind]!.startsWith("-")) return undefined;
    const taken = { value: argv[optind]!, index: optind };
    optind++;
    return taken;
  };

  for (;;) {
    if (optind >= argc) return optind;
    const text = argv[optind]!;
    if (text.charCodeAt(0) !== 0x2d) return optind;

    if (text.charCodeAt(1) === 0x2d) {
      const body = text.slice(2);
      if (body.length === 0) return optind + 1;
      const option = available.find(
        (candidate) =>
          body.startsWith(candidate.long) &&
          (body.length === candidate.long.length || body[candidate.long.length] === "="),
      );
      if (!option)
        throw new ParseStop(
          unknownOption(
            command,
            text,
            optind,
            (o) => body.startsWith(o.long) && (body.length === o.long.length || body[o.long.length] === "="),
          ),
        );
      const index = optind;
      optind++;
      const inline =
        body.length > option.long.length ? { value: body.slice(option.long.length + 1), index } : undefined;
      if (!option.argument && inline) {
        throw new ParseStop({
          kind: "unexpected-argument",
          message: `Option "${option.long}" takes no argument`,
          index,
          option: option.long,
        });
      }
      const value = option.argument ? (inline ?? takeNext()) : undefined;
      if (option.argument && !value) {
        throw new ParseStop({
          kind: "missing-argument",
          message: `Option "${option.long}" requires an argument`,
          index,
          option: option.long,
        });
      }
      record(option, `--${option.long}`, index, value, unexpanded, result);
      continue;
    }

    if (nextchar < 1) nextchar = 1;
    const letter = text[nextchar] ?? "";
    const option = available.find((candidate) => candidate.short === letter);
    if (!option) throw new ParseStop(unknownOption(command, `-${letter}`, optind, (o) => o.short === letter));
    const index = optind;
    nextchar++;
    let value: { value: string; index: number } | undefined;
    if (nextchar < text.length) {
      if (option.argument) {
        value = { value: text.slice(nextchar), index };
        optind++;
        nextchar = 0;
      }
    } else {
      optind++;
      nextchar = 0;
    }
    if (option.argument && !value) value = takeNext();
    if (option.argument && !value) {
      throw new ParseStop({
        kind: "missing-argument",
        message: `Option "${option.short}" requires an argument`,
        index,
        option: option.long,
      });
    }
    record(option, `-${option.short}`, index, value, unexpanded, result);
  }
}

function unknownOption(
  command: CommandSpec,
  spelling: string,
  index: number,
  matches: (option: OptionSpec) => boolean,
): CommandParseError {
  const error: CommandParseError = { kind: "unknown-option", message: `Unrecognised option "${spelling}"`, index };
  const later = command.options.find(matches);
  if (later) {
    error.option = later.long;
    if (later.since) error.availableSince = later.since;
  }
  return error;
}

/** Stores an option and parses its value the way its `parse_*` function would. */
function record(
  option: OptionSpec,
  spelling: string,
  index: number,
  value: { value: string; index: number } | undefined,
  unexpanded: boolean,
  result: ParsedCommand,
): void {
  if (option === HELP) {
    throw new ParseStop({
      kind: "help",
      message: "usage requested: the command prints its usage and fails",
      index,
      option: "help",
    });
  }
  const parsed: ParsedOption = { option, spelling, index };
  result.options.push(parsed);
  if (!value) return;
  parsed.value = value.value;
  parsed.valueIndex = value.index;
  if (unexpanded && hasExpansion(value.value)) {
    parsed.dynamic = true;
    return;
  }
  if (option.argument === "integer" || option.argument === "timeout-ms") {
    const read = parseIpxeInteger(value.value);
    if (!read.ok) {
      throw new ParseStop({
        kind: "invalid-integer",
        message: invalidIntegerMessage(value.value),
        index: value.index,
        option: option.long,
      });
    }
    parsed.integer = read.value;
    note(read, value.value, value.index, result);
  } else if (option.argument === "key") {
    const read = parseIpxeKey(value.value);
    if (!read.ok) {
      throw new ParseStop({
        kind: "invalid-key",
        message: invalidIntegerMessage(value.value),
        index: value.index,
        option: option.long,
      });
    }
    parsed.key = read.key;
    if (read.notable) note({ ok: true, value: read.key, notable: read.notable }, value.value, value.index, result);
  }
}

function note(read: IntegerParse, text: string, index: number, result: ParsedCommand): void {
  switch (read.notable) {
    case "octal":
      result.notes.push({
        kind: "octal-integer",
        index,
        message: `"${text}" has a leading zero, so it is octal: ${read.value}`,
      });
      break;
    case "negative":
      result.notes.push({
        kind: "negative-integer",
        index,
        message: `"${text}" is negative; iPXE reads it as ${read.value}`,
      });
      break;
    case "wrapped":
      result.notes.push({
        kind: "wrapped-integer",
        index,
        message: `"${text}" does not fit in 32 bits; iPXE reads it as ${read.value}`,
      });
      break;
    case "empty-hex":
      result.notes.push({
        kind: "empty-hex-integer",
        index,
        message: `"${text}" has no hex digits; iPXE reads it as 0`,
      });
      break;
    default:
      break;
  }
}

function checkCount(command: CommandSpec, argc: number, optind: number): void {
  const count = argc - optind;
  if (count >= command.minArgs && count <= command.maxArgs) return;
  const expected =
    command.minArgs === command.maxArgs
      ? `${command.minArgs}`
      : command.maxArgs === 255
        ? `at least ${command.minArgs}`
        : `${command.minArgs} to ${command.maxArgs}`;
  const plural = command.maxArgs === 1 && command.minArgs === 1 ? "argument" : "arguments";
  throw new ParseStop({
    kind: "argument-count",
    message: `${command.name} expects ${expected} ${plural}, got ${count} (usage: ${command.usage})`,
    index: count < command.minArgs ? argc : optind + command.maxArgs,
  });
}

function checkIntegerPositionals(
  command: CommandSpec,
  argv: readonly string[],
  optind: number,
  unexpanded: boolean,
  result: ParsedCommand,
): void {
  for (let k = 0; k < command.positionals.length; k++) {
    const index = optind + k;
    if (index >= argv.length) return;
    if (command.positionals[k]!.kind !== "integer") continue;
    const text = argv[index]!;
    if (unexpanded && hasExpansion(text)) continue;
    const read = parseIpxeInteger(text);
    if (!read.ok) throw new ParseStop({ kind: "invalid-integer", message: invalidIntegerMessage(text), index });
    note(read, text, index, result);
  }
}
