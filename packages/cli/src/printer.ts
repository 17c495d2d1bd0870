/**
 * Diagnostics as text for a terminal:
 *
 *   menus/main.ipxm:3:29  error  menu "linx" is not declared  unknown-name
 *      3 | item linux "Linux" -> menu linx
 *        |                           ^^^^
 *
 * Paths are relative to the working directory; tabs in the source line are expanded so the carets
 * line up whatever the terminal's tab width; colour only when asked for.
 */
import { definesFile, type Diagnostic, type SourceText } from "./pipeline.js";
import { displayPath } from "./paths.js";
import { plural } from "./format.js";

export interface PrintOptions {
  readonly cwd: string;
  readonly colour: boolean;
}

const tabWidth = 4;

type Style = "bold" | "dim" | "red" | "yellow" | "cyan";
const ansi: Record<Style, [string, string]> = {
  bold: ["\x1b[1m", "\x1b[22m"],
  dim: ["\x1b[2m", "\x1b[22m"],
  red: ["\x1b[31m", "\x1b[39m"],
  yellow: ["\x1b[33m", "\x1b[39m"],
  cyan: ["\x1b[36m", "\x1b[39m"],
};
const severityStyle: Record<Diagnostic["severity"], Style> = { error: "red", warning: "yellow", info: "cyan" };

export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, SourceText>,
  options: PrintOptions,
): string {
  return diagnostics.map((diagnostic) => formatDiagnostic(diagnostic, sources, options)).join("");
}

export function formatDiagnostic(
  diagnostic: Diagnostic,
  sources: ReadonlyMap<string, SourceText>,
  options: PrintOptions,
): string {
  const paint = painter(options.colour);
  const source = sources.get(diagnostic.file);
  const where = location(diagnostic.file, diagnostic.range.start, source, options.cwd);
  const severityColour = severityStyle[diagnostic.severity];
  const lines = [
    `${paint("bold", where)}  ${paint(severityColour, diagnostic.severity)}  ${printable(diagnostic.message)}  ${paint("dim", diagnostic.code)}`,
  ];
  if (source) lines.push(...excerpt(source, diagnostic.range, paint, severityColour));
  for (const related of diagnostic.related ?? []) {
    const relatedWhere = location(related.file, related.range.start, sources.get(related.file), options.cwd);
    lines.push(`  ${paint("bold", relatedWhere)}  ${paint("cyan", "note")}  ${printable(related.message)}`);
  }
  if (diagnostic.fix) lines.push(`  ${paint("cyan", "fix")}: ${printable(diagnostic.fix.description)}`);
  return lines.join("\n") + "\n";
}

/** `2 errors, 1 warning`; empty when there is nothing to count. */
export function formatCounts(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === severity).length;
  const errors = count("error");
  const warnings = count("warning");
  const infos = count("info");
  const parts: string[] = [];
  if (errors > 0) parts.push(plural(errors, "error"));
  if (warnings > 0) parts.push(plural(warnings, "warning"));
  if (infos > 0) parts.push(plural(infos, "info", "infos"));
  return parts.join(", ");
}

function location(file: string, offset: number, source: SourceText | undefined, cwd: string): string {
  // Problems with a --define value belong to the command line, not to a file.
  const shown = file === definesFile ? "--define" : displayPath(cwd, file);
  if (!source) return shown;
  const { line, column } = visiblePosition(source, offset);
  return `${shown}:${line}:${column}`;
}

/** The position as an editor shows it: a leading byte order mark is invisible and takes no column. */
function visiblePosition(source: SourceText, offset: number): { line: number; column: number } {
  const position = source.positionAt(offset);
  if (position.line === 1 && source.text.startsWith("\uFEFF") && position.column > 1) {
    return { line: 1, column: position.column - 1 };
  }
  return position;
}

function excerpt(
  source: SourceText,
  range: { start: number; end: number },
  paint: (style: Style, text: string) => string,
  colour: Style,
): string[] {
  const start = source.positionAt(range.start);
  let text = source.lineText(start.line);
  let startColumn = start.column;
  if (start.line === 1 && text.startsWith("\uFEFF")) {
    text = text.slice(1);
    startColumn = Math.max(1, startColumn - 1);
  }
  // The underline stops at the end of the first line of a range that spans several.
  const end = source.positionAt(Math.max(range.start, range.end));
  const endColumn =
    end.line === start.line
      ? end.column - (start.line === 1 && source.text.startsWith("\uFEFF") ? 1 : 0)
      : text.length + 1;

  const visible = expandTabs(text);
  const caretStart = visible.columnOf(startColumn - 1);
  const caretEnd = Math.max(caretStart + 1, visible.columnOf(Math.min(endColumn - 1, text.length)));
  const gutter = String(start.line);
  const pad = " ".repeat(gutter.length);
  return [
    `  ${paint("dim", `${gutter} |`)} ${visible.text}`.trimEnd(),
    `  ${paint("dim", `${pad} |`)} ${" ".repeat(caretStart)}${paint(colour, "^".repeat(caretEnd - caretStart))}`,
  ];
}

/** The line with tabs expanded and control characters made visible, and a map from code unit to column. */
function expandTabs(line: string): { text: string; columnOf(index: number): number } {
  const columns: number[] = [];
  let out = "";
  for (const char of line) {
    for (let k = 0; k < char.length; k++) columns.push(out.length);
    if (char === "\t") out += " ".repeat(tabWidth - (out.length % tabWidth));
    else out += printable(char);
  }
  columns.push(out.length);
  return { text: out, columnOf: (index) => columns[Math.max(0, Math.min(index, columns.length - 1))]! };
}

/** Control characters would move the cursor or recolour the terminal; show a placeholder instead. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, "\uFFFD");
}

function painter(colour: boolean): (style: Style, text: string) => string {
  if (!colour) return (_style, text) => text;
  return (style, text) => `${ansi[style][0]}${text}${ansi[style][1]}`;
}
