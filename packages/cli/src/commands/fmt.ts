/**
 * `ipxm fmt`: the Prettier plugin (@ipxm/prettier-plugin) over files, for the terminal, CI and
 * editors. Prints the formatted files by default; `--check` lists those that would change, `--write`
 * rewrites them (all at once, through temporary files); `--stdin-filepath` formats standard input.
 * Prettier's configuration (.prettierrc and friends, .editorconfig) and the working directory's
 * .prettierignore apply. A file that does not parse is reported and left alone; the others are
 * still formatted.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Options } from "prettier";
import { ExitCode } from "../exit-codes.js";
import { plural } from "../format.js";
import { findFiles, languageOf, type Language } from "../fmt/files.js";
import { wantsColour, type CliIO } from "../io.js";
import { absolutePath, canonicalPath } from "../paths.js";
import { SourceText } from "@ipxm/core";
import { makeDiagnostic, type Diagnostic } from "../pipeline.js";
import { formatDiagnostics } from "../printer.js";
import type { FmtOptions } from "../usage.js";
import { decodeUtf8 } from "../utf8.js";
import { writeAllAtomically, WriteError } from "../write.js";

type Prettier = typeof import("prettier");
type PluginModule = typeof import("@ipxm/prettier-plugin");

/** A file's text, and how text becomes its bytes again. */
interface Decoded {
  readonly text: string;
  readonly encoding: "utf8" | "latin1";
}

interface Formatter {
  readonly prettier: Prettier;
  readonly plugin: PluginModule;
  readonly ignorePath: string | undefined;
  readonly io: CliIO;
}

type Outcome =
  | {
      readonly kind: "formatted";
      readonly name: string;
      readonly before: string;
      readonly after: string;
      readonly decoded: Decoded;
    }
  | { readonly kind: "ignored" }
  | { readonly kind: "failed" };

export async function runFmt(options: FmtOptions, io: CliIO): Promise<ExitCode> {
  const [prettier, plugin] = await Promise.all([import("prettier"), import("@ipxm/prettier-plugin")]);
  const ignorePath = path.join(io.cwd, ".prettierignore");
  const formatter: Formatter = { prettier, plugin, io, ignorePath: fs.existsSync(ignorePath) ? ignorePath : undefined };
  if (options.stdinFilepath !== undefined) return formatStdin(formatter, options.stdinFilepath, options.check);

  const found = findFiles(options.paths, io.cwd);
  let failed = found.problems.length > 0;
  for (const problem of found.problems) io.stderr.write(`ipxm fmt: ${problem.path} ${problem.message}\n`);

  const changed: Extract<Outcome, { kind: "formatted" }>[] = [];
  let checked = 0;
  for (const name of found.files) {
    const outcome = await formatFile(formatter, name);
    if (outcome.kind === "failed") failed = true;
    if (outcome.kind !== "formatted") continue;
    checked++;
    if (!options.check && !options.write) writeText(io, outcome.after, outcome.decoded);
    else if (outcome.after !== outcome.before) changed.push(outcome);
  }

  if (options.check) {
    for (const file of changed) io.stdout.write(`${file.name}\n`);
    io.stderr.write(
      changed.length === 0
        ? `checked ${plural(checked, "file")}: all formatted\n`
        : `${plural(changed.length, "file")} of ${checked} would be reformatted (run ipxm fmt --write)\n`,
    );
    return failed || changed.length > 0 ? ExitCode.errors : ExitCode.ok;
  }
  if (options.write) {
    try {
      writeAllAtomically(
        changed.map((file) => ({
          path: absolutePath(io.cwd, file.name),
          contents: file.after,
          encoding: file.decoded.encoding,
        })),
      );
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      io.stderr.write(`ipxm fmt: ${error.message}; no file was changed\n`);
      return ExitCode.errors;
    }
    for (const file of changed) io.stdout.write(`${file.name}\n`);
    io.stderr.write(`formatted ${plural(checked, "file")}: ${changed.length} changed\n`);
  }
  return failed ? ExitCode.errors : ExitCode.ok;
}

async function formatFile(formatter: Formatter, name: string): Promise<Outcome> {
  const { io } = formatter;
  const file = absolutePath(io.cwd, name);
  const language = languageOf(name)!;
  if (await isIgnored(formatter, file)) return { kind: "ignored" };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    io.stderr.write(`ipxm fmt: ${name} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return { kind: "failed" };
  }
  const decoded = decode(bytes, language);
  if (decoded === undefined) {
    report(io, name, "", [
      makeDiagnostic("invalid-utf8", `${name} is not valid UTF-8; save it as UTF-8`, name, { start: 0, end: 0 }),
    ]);
    return { kind: "failed" };
  }
  const after = await format(formatter, decoded.text, file, name, language);
  return after === undefined ? { kind: "failed" } : { kind: "formatted", name, before: decoded.text, after, decoded };
}

async function formatStdin(formatter: Formatter, stdinFilepath: string, check: boolean): Promise<ExitCode> {
  const { io } = formatter;
  const name = canonicalPath(io.cwd, stdinFilepath);
  const language = languageOf(name);
  if (language === undefined) {
    io.stderr.write(`ipxm fmt: --stdin-filepath ${name} is not an .ipxm or .ipxe file\n`);
    return ExitCode.usage;
  }
  if (io.stdin === undefined) {
    io.stderr.write("ipxm fmt: no standard input to read\n");
    return ExitCode.usage;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  const bytes = Buffer.concat(chunks);
  const decoded = decode(bytes, language);
  if (decoded === undefined) {
    report(io, name, "", [makeDiagnostic("invalid-utf8", `${name} is not valid UTF-8`, name, { start: 0, end: 0 })]);
    return ExitCode.errors;
  }
  const file = absolutePath(io.cwd, name);
  // An ignored file comes back as it went in, as Prettier does for editors.
  const after = (await isIgnored(formatter, file))
    ? decoded.text
    : await format(formatter, decoded.text, file, name, language);
  if (after === undefined) return ExitCode.errors;
  if (check) {
    if (after === decoded.text) return ExitCode.ok;
    io.stdout.write(`${name}\n`);
    return ExitCode.errors;
  }
  writeText(io, after, decoded);
  return ExitCode.ok;
}

/** The formatted text, or undefined when the file does not parse (reported here). */
async function format(
  formatter: Formatter,
  text: string,
  file: string,
  name: string,
  language: Language,
): Promise<string | undefined> {
  const { prettier, plugin, io } = formatter;
  const config = (await prettier.resolveConfig(file, { editorconfig: true })) ?? {};
  // Our plugin is passed as an object; a config naming it (or others) must not load a second copy.
  const { plugins: _plugins, parser: _parser, ...settings } = config as Options;
  // iPXE reads a lone carriage return as a space, Prettier as a line break: make it a space first.
  const input = language === "ipxe" ? text.replace(/\r(?!\n)/g, " ") : text;
  try {
    return await prettier.format(input, { ...settings, filepath: file, parser: language, plugins: [plugin.default] });
  } catch (error) {
    if (!plugin.isFormatSyntaxError(error)) throw error;
    report(
      io,
      name,
      text,
      error.diagnostics.map((diagnostic) => ({ ...diagnostic, file: name })),
    );
    io.stderr.write(`ipxm fmt: ${name} was left as it is\n`);
    return undefined;
  }
}

async function isIgnored(formatter: Formatter, file: string): Promise<boolean> {
  if (formatter.ignorePath === undefined) return false;
  const info = await formatter.prettier.getFileInfo(file, { ignorePath: formatter.ignorePath });
  return info.ignored;
}

/**
 * `.ipxm` must be UTF-8. An `.ipxe` script is bytes to iPXE: one that is not UTF-8 is read as
 * Latin-1, which maps every byte to one character and back, so no byte changes.
 */
function decode(bytes: Buffer, language: Language): Decoded | undefined {
  const utf8 = decodeUtf8(bytes);
  if (utf8.ok) return { text: utf8.text, encoding: "utf8" };
  if (language === "ipxm") return undefined;
  return { text: bytes.toString("latin1"), encoding: "latin1" };
}

/** Formatted text to standard output, in the file's own encoding. */
function writeText(io: CliIO, text: string, decoded: Decoded): void {
  if (decoded.encoding === "utf8") io.stdout.write(text);
  // Process streams take bytes too; a test's capture sees them as they are.
  else (io.stdout as unknown as { write(bytes: Uint8Array): unknown }).write(Buffer.from(text, "latin1"));
}

function report(io: CliIO, name: string, text: string, diagnostics: readonly Diagnostic[]): void {
  const sources = new Map([[name, new SourceText(name, text)]]);
  io.stderr.write(formatDiagnostics(diagnostics, sources, { cwd: io.cwd, colour: wantsColour(io) }));
}
