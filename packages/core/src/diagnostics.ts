/**
 * One diagnostic type for the whole toolchain, and the one catalogue of its codes. Codes are stable,
 * kebab-case, and documented in docs/diagnostics.md (a test keeps the two in step).
 */
import { offsetsOf } from "./source.js";
import type { Range } from "./source.js";

export type Severity = "error" | "warning" | "info";

export interface TextEdit {
  /** The file to edit; the diagnostic's own file when absent. */
  readonly file?: string;
  readonly range: Range;
  readonly newText: string;
}

export interface Fix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
}

export interface RelatedInformation {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

export interface Diagnostic {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: string;
  /** Path of the file the range refers to, as the caller named it. */
  readonly file: string;
  readonly range: Range;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
}

interface CatalogueEntry {
  readonly severity: Severity;
  /** One line: what the code means. */
  readonly summary: string;
}

export const catalogue = {
  // Reading files (reported by whoever does the I/O, with these codes)
  "file-not-found": { severity: "error", summary: "A path given on the command line or in an import does not exist." },
  "file-unreadable": { severity: "error", summary: "A file exists but cannot be read (a directory, no permission)." },
  "no-input-files": { severity: "error", summary: "A directory holds no .ipxm file." },
  "file-too-large": { severity: "error", summary: "A source file is larger than the compiler accepts (8 MiB)." },
  "invalid-utf8": { severity: "error", summary: "A source file is not valid UTF-8." },
  "byte-order-mark": {
    severity: "warning",
    summary: "A source file starts with a UTF-8 byte order mark; it is ignored.",
  },

  // Lexing and parsing
  "invalid-character": { severity: "error", summary: "A character that cannot start any token." },
  "unterminated-string": { severity: "error", summary: "A string literal is not closed on its line." },
  "unterminated-comment": { severity: "error", summary: "A /* comment */ is not closed before the end of the file." },
  "unterminated-raw-block": {
    severity: "error",
    summary: "An ipxe { … } block is not closed (its braces do not balance).",
  },
  "invalid-escape": { severity: "error", summary: "An unknown escape sequence in a string." },
  "invalid-interpolation": {
    severity: "error",
    summary: "A ${…} in a string that is not a name, a member path or an iPXE setting reference.",
  },
  "syntax-error": { severity: "error", summary: "The text does not follow the grammar." },
  "nesting-too-deep": {
    severity: "error",
    summary: "Brackets or an expression nested deeper than ipxm reads (100 brackets, 256 expression levels).",
  },

  // Imports and names
  "import-not-found": { severity: "error", summary: "An imported file does not exist." },
  "import-cycle": { severity: "error", summary: "Files import each other in a cycle." },
  "duplicate-declaration": { severity: "error", summary: "Two top-level declarations share a name." },
  "unknown-name": {
    severity: "error",
    summary: "A reference to a menu, entry, constant or setting that is not declared.",
  },
  "unknown-type": { severity: "error", summary: "A type name that is not one of the language's types." },
  "unknown-field": { severity: "error", summary: "A record has no field of that name." },
  "duplicate-item": { severity: "error", summary: "Two items of one menu share an id (iPXE would take the first)." },
  "unknown-item": { severity: "error", summary: "`default` names an item the menu does not have." },
  "duplicate-parameter": { severity: "error", summary: "An entry declares two parameters with one name." },
  "no-main-menu": { severity: "error", summary: "An entry-point file has no menu to show first." },

  // Types and values
  "type-mismatch": { severity: "error", summary: "A value of one type where another is required." },
  "duration-unit-missing": { severity: "error", summary: "A duration written as a bare number." },
  "bad-interpolation": {
    severity: "error",
    summary: "A value of a type that cannot be inserted into a string (bool, duration, list, record).",
  },
  "invalid-url": {
    severity: "error",
    summary: "A url that does not start with a known scheme or an interpolated url.",
  },
  "invalid-key": { severity: "error", summary: "A hotkey that is not one character or F5–F12." },
  "wrong-argument-count": { severity: "error", summary: "An entry called with too few or too many arguments." },
  "not-compile-time": {
    severity: "error",
    summary: "`for`, `if`, a constant or an id needs a value known at compile time.",
  },
  "not-runtime-setting": {
    severity: "error",
    summary: "`prompt`, `set` or `set(…)` names something that is not a declared setting.",
  },
  "read-only-setting": { severity: "error", summary: "A built-in iPXE setting that a script must not overwrite." },
  "invalid-define": { severity: "error", summary: "A --define names no constant or gives a value of the wrong type." },
  "unrepresentable-text": {
    severity: "error",
    summary: "Text that iPXE cannot pass to a command as written (a literal ${…} in a url or argument).",
  },
  "elaboration-limit": {
    severity: "error",
    summary:
      "Expanding the program would make more entry instances or rows than the compiler accepts (runaway recursion or data).",
  },
  "empty-menu": { severity: "error", summary: "A menu with no selectable item; iPXE refuses to show it." },
  "duplicate-hotkey": {
    severity: "warning",
    summary: "Two items of one menu share a hotkey; only one can be reached with it.",
  },
  "timeout-out-of-range": {
    severity: "warning",
    summary: "A menu timeout of zero (wait forever in iPXE) or longer than a day.",
  },
  "unknown-ipxe-setting": {
    severity: "warning",
    summary: "An interpolated iPXE setting reference with an unknown scope or type; iPXE expands it to nothing.",
  },

  // Targets
  "unknown-target": { severity: "error", summary: "A target profile name that does not exist." },
  "target-unsupported": {
    severity: "error",
    summary: "A command, option or URL scheme that the target iPXE build lacks.",
  },
  "memdisk-loader-missing": {
    severity: "error",
    summary: "`memdisk` is used but no `setting memdisk: url` says where the loader is.",
  },
  "unknown-memdisk-mode": {
    severity: "error",
    summary: "`memdisk URL as MODE` with a mode other than `iso`, `harddisk` or `floppy`.",
  },
  "raw-ipxe-invalid": { severity: "error", summary: "A raw ipxe { … } line that iPXE would reject." },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof catalogue;

export function severityOf(code: DiagnosticCode): Severity {
  return catalogue[code].severity;
}

export function makeDiagnostic(
  code: DiagnosticCode,
  message: string,
  file: string,
  range: Range,
  extra: { related?: readonly RelatedInformation[]; fix?: Fix; severity?: Severity } = {},
): Diagnostic {
  const { severity = severityOf(code), related, fix } = extra;
  // Ranges are often AST nodes (a node is a Range): a diagnostic keeps their offsets alone, so that
  // it serialises as it reads and stays put when an edit moves the tree (see reparse.ts).
  return {
    code,
    severity,
    message,
    file,
    range: offsetsOf(range),
    ...(related && related.length > 0
      ? { related: related.map((information) => ({ ...information, range: offsetsOf(information.range) })) }
      : {}),
    ...(fix ? { fix: { ...fix, edits: fix.edits.map((edit) => ({ ...edit, range: offsetsOf(edit.range) })) } } : {}),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Stable order: by file, then position, then code. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.range.start - b.range.start ||
      a.range.end - b.range.end ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
