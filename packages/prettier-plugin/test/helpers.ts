/**
 * What the formatter's tests share: formatting with the plugin, and the two equivalences a format
 * must keep (same AST and same compiled script for `.ipxm`, same iPXE tokens for `.ipxe`).
 */
import { format, type Options } from "prettier";
import { checkProgram, parse, type SourceHost } from "@ipxm/core";
import { compile } from "@ipxm/compiler";
import { tokenizeScript } from "@ipxm/ipxe";
import plugin from "@ipxm/prettier-plugin";

export function formatIpxm(text: string, options: Options = {}): Promise<string> {
  return format(text, { parser: "ipxm", plugins: [plugin], ...options });
}

export function formatIpxe(text: string, options: Options = {}): Promise<string> {
  return format(text, { parser: "ipxe", plugins: [plugin], ...options });
}

/**
 * The AST of `text` without positions. A raw `ipxe { … }` block is reduced to what the compiler
 * takes from it: its lines without surrounding whitespace, blank lines dropped.
 */
export function shapeOf(text: string): unknown {
  const parsed = parse(text, "shape.ipxm");
  const errors = parsed.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(`does not parse: ${errors.map((d) => d.message).join("; ")}`);
  return withoutPositions(parsed.ast);
}

function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (typeof value !== "object" || value === null) return value;
  const node = value as Record<string, unknown>;
  if (node["kind"] === "RawIpxe") return { kind: "RawIpxe", lines: rawLines(node["text"] as string) };
  const result: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(node)) {
    if (key !== "start" && key !== "end") result[key] = withoutPositions(child);
  }
  return result;
}

function rawLines(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.replace(/\r$/, "").trim())
    .filter((line) => line !== "");
}

/** The texts of the comments of `text`, in order (line comments without trailing spaces). */
export function commentTexts(text: string): string[] {
  return parse(text, "comments.ipxm").comments.map((c) => (c.kind === "line" ? c.text.trimEnd() : c.text));
}

/** A host over in-memory files, for the real pipeline. */
export function memoryHost(files: ReadonlyMap<string, string>): SourceHost {
  return {
    readFile(path) {
      const text = files.get(path);
      return text === undefined
        ? { ok: false, code: "file-not-found", message: `${path} does not exist` }
        : { ok: true, text };
    },
  };
}

/** The script each entry point compiles to, by path (entry points with errors are left out). */
export function compileAll(files: ReadonlyMap<string, string>, entries: readonly string[]): Map<string, string> {
  const checked = checkProgram(entries, memoryHost(files));
  const scripts = new Map<string, string>();
  for (const [path, program] of checked.programs) {
    const result = compile(program, { sourceName: path });
    if (result.script !== undefined) scripts.set(path, result.script);
  }
  return scripts;
}

/** The iPXE reading of a script, logical line by logical line: label, commands and comment. */
export function ipxeTokens(text: string): unknown[] {
  return tokenizeScript(text)
    .lines.filter((line) => line.label !== undefined || line.commands.length > 0 || line.comment !== undefined)
    .map((line) => ({
      label: line.label?.name,
      commands: line.commands.map((command) => ({
        argv: command.argv.map((token) => token.text),
        terminator: command.terminator?.kind,
      })),
      comment: line.comment?.text,
      unterminated: line.unterminated,
    }));
}
