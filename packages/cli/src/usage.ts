/**
 * The command-line grammar: which commands and options exist, their help text, and the parse from
 * `argv` to typed options. Nothing here touches the file system; mistakes become `UsageError`s,
 * which `main` prints as one line plus a hint and turns into exit code 2.
 */
import { parseArgs } from "node:util";
import { parseLintOptions, type LintOnlyOptions } from "./lint/options.js";
import { parseFmtOptions, type FmtOnlyOptions } from "./fmt/options.js";

export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose --help the hint points to, if any. */
    readonly command?: CommandName,
  ) {
    super(message);
    this.name = "UsageError";
  }
}

export type CommandName = "build" | "check" | "serve" | "preview" | "lint" | "fmt";

interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  /** Shown in help as `--out <dir>`. */
  readonly valueName?: string;
  readonly description: string;
}

interface CommandSpec {
  readonly summary: string;
  readonly usage: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly examples: readonly string[];
  /** What the paths are, when not the .ipxm sources of a build. */
  readonly pathsHelp?: readonly string[];
}

const targetOption: OptionSpec = {
  type: "string",
  short: "t",
  valueName: "profile",
  description: "iPXE build to compile for (see Targets below)",
};
const defineOption: OptionSpec = {
  type: "string",
  short: "D",
  multiple: true,
  valueName: "name=value",
  description: "replace the value of constant <name>; repeatable",
};
const outOption: OptionSpec = {
  type: "string",
  short: "o",
  valueName: "dir",
  description: "directory the scripts are written to (default: out)",
};

export const commands: Readonly<Record<CommandName, CommandSpec>> = {
  build: {
    summary: "compile each entry point to an iPXE script",
    usage: "ipxm build [options] [paths…]",
    options: {
      out: outOption,
      target: targetOption,
      define: defineOption,
      map: { type: "boolean", description: "also write <name>.ipxe.map.json, the line map back to the .ipxm sources" },
    },
    examples: [
      "ipxm build menus                      # menus/main.ipxm -> out/main.ipxe",
      "ipxm build menus -o public --map",
      "ipxm build site.ipxm --target ipxe-2-efi --define mirror_host=10.0.0.5",
    ],
  },
  check: {
    summary: "report problems without writing anything",
    usage: "ipxm check [options] [paths…]",
    options: { target: targetOption, define: defineOption },
    examples: ["ipxm check menus", "ipxm check menus --target debian-efi"],
  },
  serve: {
    summary: "build, serve the scripts over HTTP, rebuild on every change",
    usage: "ipxm serve [options] [paths…]",
    options: {
      out: outOption,
      port: { type: "string", short: "p", valueName: "n", description: "TCP port (default: 8080; 0 picks a free one)" },
      host: {
        type: "string",
        valueName: "addr",
        description: "address to listen on (default: 127.0.0.1; 0.0.0.0 for other machines)",
      },
      target: targetOption,
      define: defineOption,
    },
    examples: ["ipxm serve menus", "ipxm serve menus --host 0.0.0.0 --port 8000"],
  },
  preview: {
    summary: "draw a menu's screen as iPXE draws it",
    usage: "ipxm preview [options] [file]",
    options: {
      menu: {
        type: "string",
        short: "m",
        valueName: "id",
        description: "the menu to draw (default: the first one shown)",
      },
      target: targetOption,
      define: defineOption,
      set: {
        type: "string",
        short: "s",
        multiple: true,
        valueName: "name=value",
        description: "an iPXE setting the script starts with (net0/ip=10.0.2.15, arch=i386); repeatable",
      },
      width: { type: "string", valueName: "n", description: "screen columns (default: 80)" },
      height: { type: "string", valueName: "n", description: "screen rows (default: 25)" },
    },
    examples: [
      "ipxm preview menus                    # the first menu of menus/main.ipxm",
      "ipxm preview menus --menu linux --target ipxe-2-efi",
      "ipxm preview menus --set netX/ip=192.168.1.20 --set live_endpoint=http://assets.lan",
    ],
  },
  lint: {
    summary: "check .ipxm menus and plain iPXE scripts with the lint rules (for CI)",
    usage: "ipxm lint [options] [paths…]",
    options: {
      format: { type: "string", short: "f", valueName: "name", description: "stylish (default), json or sarif" },
      fix: { type: "boolean", description: "apply the safe fixes to the files" },
      "max-warnings": { type: "string", valueName: "n", description: "fail when there are more than n warnings" },
      target: { ...targetOption, description: "iPXE build the scripts must run on (see Targets below)" },
      rule: {
        type: "string",
        multiple: true,
        valueName: "name:severity",
        description: "set a rule to off, warn or error (e.g. no-unused-label:off); repeatable",
      },
    },
    examples: [
      "ipxm lint menus site/                 # every .ipxm, .ipxe and #!ipxe script below them",
      "ipxm lint site --target debian-efi --max-warnings 0",
      "ipxm lint site --format sarif > ipxm.sarif",
    ],
    pathsHelp: [
      "Paths are files or directories (default: the current directory). Below a directory every .ipxm,",
      "every .ipxe and every other file that starts with #!ipxe is linted, all as one tree.",
      "An eslint.config.js that configures the ipxm languages is honoured; else the recommended rules apply.",
    ],
  },
  fmt: {
    summary: "format .ipxm menus and .ipxe scripts in the canonical layout",
    usage: "ipxm fmt [options] [paths…]",
    options: {
      check: { type: "boolean", description: "list the files that would change, and exit 1 if any would" },
      write: { type: "boolean", short: "w", description: "rewrite the files that change (all or none)" },
      "stdin-filepath": {
        type: "string",
        valueName: "path",
        description: "format standard input as the file <path> (for editors)",
      },
    },
    examples: [
      "ipxm fmt menus/main.ipxm              # print the formatted file",
      "ipxm fmt --write menus",
      "ipxm fmt --check menus                # in CI",
      "ipxm fmt --stdin-filepath menus/main.ipxm < menus/main.ipxm",
    ],
    pathsHelp: [
      "Paths are files or directories (default: the current directory); below a directory every .ipxm",
      "and .ipxe file is formatted. Prettier's configuration (.prettierrc, .editorconfig) and the",
      ".prettierignore of the working directory apply. A file with a syntax error is reported and left",
      "as it is; the others are still formatted. The layout is described in docs/formatting.md.",
    ],
  },
};

export const commandNames = Object.keys(commands) as CommandName[];

const generalOptions = {
  help: { type: "boolean", short: "h", description: "show this help" },
  version: { type: "boolean", short: "V", description: "print the version of ipxm" },
} as const satisfies Record<string, OptionSpec>;

export interface CommonOptions {
  /** Files and directories, as given. */
  readonly paths: readonly string[];
  readonly target?: string;
  readonly defines: Readonly<Record<string, string>>;
}

export interface BuildOptions extends CommonOptions {
  readonly outDir: string;
  readonly map: boolean;
}

export type CheckOptions = CommonOptions;

export interface PreviewOptions extends CommonOptions {
  readonly menu?: string;
  /** Settings iPXE has when the script starts. */
  readonly settings: Readonly<Record<string, string>>;
  readonly width: number;
  readonly height: number;
}

export interface LintOptions extends Omit<CommonOptions, "defines">, LintOnlyOptions {}

export interface FmtOptions extends Pick<CommonOptions, "paths">, FmtOnlyOptions {}

export interface ServeOptions extends CommonOptions {
  readonly outDir: string;
  readonly port: number;
  readonly host: string;
}

export type Invocation =
  | { readonly kind: "help"; readonly command?: CommandName }
  | { readonly kind: "version" }
  | { readonly kind: "build"; readonly options: BuildOptions }
  | { readonly kind: "check"; readonly options: CheckOptions }
  | { readonly kind: "serve"; readonly options: ServeOptions }
  | { readonly kind: "preview"; readonly options: PreviewOptions }
  | { readonly kind: "lint"; readonly options: LintOptions }
  | { readonly kind: "fmt"; readonly options: FmtOptions };

export const defaultOutDir = "out";
export const defaultPort = 8080;
export const defaultHost = "127.0.0.1";

/**
 * Reads the command line. `targets` gives the known profile names, so an unknown `--target` is a
 * usage error rather than a diagnostic; it is called only when a --target is given, so `--help`
 * and `--version` need not load the language packages.
 */
export function parseCommandLine(argv: readonly string[], targets: () => readonly string[]): Invocation {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError("missing command");
  if (first === "help") {
    const topic = rest[0];
    if (topic === undefined) return { kind: "help" };
    if (!isCommandName(topic)) throw new UsageError(`unknown command "${topic}"`);
    return { kind: "help", command: topic };
  }
  if (first.startsWith("-")) {
    // Only the general options make sense before a command.
    const flags = beforeTerminator(argv);
    if (flags.includes("-h") || flags.includes("--help")) return { kind: "help" };
    if (flags.includes("-V") || flags.includes("--version")) return { kind: "version" };
    throw new UsageError(`unknown option ${optionName(first)} (a command comes first: ${commandNames.join(", ")})`);
  }
  if (!isCommandName(first)) {
    throw new UsageError(`unknown command "${first}" (commands: ${commandNames.join(", ")})`);
  }
  const command = first;

  // --help and --version win over any other mistake on the line, as users expect.
  const flags = beforeTerminator(rest);
  if (flags.includes("-h") || flags.includes("--help")) return { kind: "help", command };
  if (flags.includes("-V") || flags.includes("--version")) return { kind: "version" };

  const parsed = parseCommandArgs(command, rest);
  // Without paths, the working directory: `ipxm build` in a folder of menus builds them.
  const paths = parsed.positionals.length > 0 ? parsed.positionals : ["."];
  const common: CommonOptions = {
    paths,
    ...optionalTarget(parsed.values["target"], targets, command),
    defines: parseDefines(parsed.values["define"], command),
  };
  switch (command) {
    case "build":
      return {
        kind: "build",
        options: { ...common, outDir: outDirOf(parsed.values["out"], command), map: parsed.values["map"] === true },
      };
    case "check":
      return { kind: "check", options: common };
    case "serve":
      return {
        kind: "serve",
        options: {
          ...common,
          outDir: outDirOf(parsed.values["out"], command),
          port: parsePort(parsed.values["port"], command),
          host: parseHost(parsed.values["host"], command),
        },
      };
    case "preview":
      return {
        kind: "preview",
        options: {
          ...common,
          ...(parsed.values["menu"] !== undefined ? { menu: String(parsed.values["menu"]) } : {}),
          settings: parseSettings(parsed.values["set"], command),
          width: parseDimension(parsed.values["width"], "width", 80, 10, command),
          height: parseDimension(parsed.values["height"], "height", 25, 7, command),
        },
      };
    case "lint": {
      const { defines: _defines, ...rest } = common;
      return { kind: "lint", options: { ...rest, ...parseLintOptions(parsed.values, command) } };
    }
    case "fmt":
      return { kind: "fmt", options: { paths, ...parseFmtOptions(parsed.values, parsed.positionals, command) } };
  }
}

type ParsedValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parseCommandArgs(
  command: CommandName,
  args: readonly string[],
): { values: ParsedValues; positionals: string[] } {
  const spec = commands[command];
  const options: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const [name, option] of Object.entries({ ...spec.options, ...generalOptions })) {
    options[name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...("multiple" in option && option.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values, positionals } = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
    return { values: values as ParsedValues, positionals };
  } catch (error) {
    throw new UsageError(describeParseError(error, args), command);
  }
}

/** Turns util.parseArgs' long messages into one short line that names the option. */
function describeParseError(error: unknown, args: readonly string[]): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const quoted = /'([^']+)'/.exec(message)?.[1];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${quoted ?? "?"}`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      // `quoted` looks like "-o, --out <value>" or "--map".
      const long = /--[\w-]+/.exec(quoted ?? "")?.[0] ?? quoted ?? "?";
      if (/argument missing|ambiguous/.test(message)) return `option ${long} needs a value`;
      if (/does not take an argument/.test(message)) return `option ${long} takes no value`;
      return `bad value for option ${long}`;
    }
    default:
      return `cannot read the command line ${JSON.stringify(args.join(" "))}: ${message}`;
  }
}

function optionalTarget(
  value: ParsedValues[string],
  targets: () => readonly string[],
  command: CommandName,
): { target?: string } {
  if (value === undefined) return {};
  const target = String(value);
  const known = targets();
  if (!known.includes(target)) {
    throw new UsageError(`unknown target "${target}" (targets: ${known.join(", ")})`, command);
  }
  return { target };
}

export function parseDefines(value: ParsedValues[string], command?: CommandName): Record<string, string> {
  const defines: Record<string, string> = {};
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const raw of list.map(String)) {
    const equals = raw.indexOf("=");
    if (equals < 0) throw new UsageError(`--define ${raw}: expected name=value`, command);
    const name = raw.slice(0, equals).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(name)) {
      throw new UsageError(`--define ${raw}: "${name}" is not a constant name`, command);
    }
    defines[name] = raw.slice(equals + 1);
  }
  return defines;
}

/** `--set name=value`: a setting name as iPXE writes it, scope and type included (`net0/ip`). */
function parseSettings(value: ParsedValues[string], command: CommandName): Record<string, string> {
  const settings: Record<string, string> = {};
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  for (const raw of list.map(String)) {
    const equals = raw.indexOf("=");
    const name = equals < 0 ? "" : raw.slice(0, equals);
    if (!/^[\w.-]+(\/[\w.-]+)?(:[\w]+)?$/.test(name)) {
      throw new UsageError(`--set ${raw}: expected name=value with an iPXE setting name`, command);
    }
    settings[name] = raw.slice(equals + 1);
  }
  return settings;
}

function parseDimension(
  value: ParsedValues[string],
  option: string,
  fallback: number,
  least: number,
  command: CommandName,
): number {
  if (value === undefined) return fallback;
  const text = String(value);
  const number = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(number >= least && number <= 1000)) {
    throw new UsageError(`--${option} ${text}: expected a number from ${least} to 1000`, command);
  }
  return number;
}

function outDirOf(value: ParsedValues[string], command: CommandName): string {
  if (value === undefined) return defaultOutDir;
  const dir = String(value);
  if (dir === "") throw new UsageError("option --out needs a directory", command);
  return dir;
}

function parsePort(value: ParsedValues[string], command: CommandName): number {
  if (value === undefined) return defaultPort;
  const text = String(value);
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new UsageError(`--port ${text}: expected a number from 0 to 65535`, command);
  }
  return port;
}

function parseHost(value: ParsedValues[string], command: CommandName): string {
  if (value === undefined) return defaultHost;
  const host = String(value);
  if (host === "" || /\s/.test(host)) throw new UsageError(`--host "${host}": expected an address`, command);
  return host;
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(commands, name);
}

function beforeTerminator(args: readonly string[]): readonly string[] {
  const end = args.indexOf("--");
  return end < 0 ? args : args.slice(0, end);
}

function optionName(arg: string): string {
  const equals = arg.indexOf("=");
  return equals < 0 ? arg : arg.slice(0, equals);
}

// ---------------------------------------------------------------------------------------------
// Help text

export function topLevelHelp(): string {
  const width = Math.max(...commandNames.map((name) => name.length));
  return [
    "ipxm: build, check and serve iPXE menus written in ipxm",
    "",
    "Usage: ipxm <command> [options] [paths…]",
    "",
    "Commands:",
    ...commandNames.map((name) => `  ${name.padEnd(width)}  ${commands[name].summary}`),
    "",
    "Options:",
    ...optionLines(generalOptions),
    "",
    'Run "ipxm <command> --help" for the options of a command.',
    "",
  ].join("\n");
}

export function commandHelp(command: CommandName, targets: readonly string[], defaultTarget: string): string {
  const spec = commands[command];
  return [
    `ipxm ${command}: ${spec.summary}`,
    "",
    `Usage: ${spec.usage}`,
    "",
    ...(spec.pathsHelp ?? [
      "Paths are .ipxm files or directories (every .ipxm below them; default: the current directory).",
      "The entry points are the given files that no other file imports; each X.ipxm becomes X.ipxe.",
    ]),
    "",
    "Options:",
    ...optionLines({ ...spec.options, ...generalOptions }),
    "",
    `Targets: ${targets.map((name) => (name === defaultTarget ? `${name} (default)` : name)).join(", ")}`,
    "",
    "Examples:",
    ...spec.examples.map((example) => `  ${example}`),
    "",
    "Exit codes: 0 done (warnings allowed), 1 errors in the input, 2 bad command line, 70 internal error.",
    "",
  ].join("\n");
}

function optionLines(options: Readonly<Record<string, OptionSpec>>): string[] {
  const rows = Object.entries(options).map(([name, option]) => {
    const short = option.short ? `-${option.short}, ` : "    ";
    const value = option.type === "string" ? ` <${option.valueName ?? "value"}>` : "";
    return [`${short}--${name}${value}`, option.description] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}
