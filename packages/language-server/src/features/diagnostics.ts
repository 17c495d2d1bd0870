/**
 * Diagnostics of a document: every lint rule of @ipxm/eslint-plugin, run in-process over the
 * snapshot's tree. The core's own diagnostics (type errors, unknown names, bad imports…) are
 * reported by the plugin's rules too (`valid-program` and the rules that own particular codes), so
 * the lint output is the whole set, each problem once — as `ipxm lint` prints it.
 */
import { catalogue, SourceText, type Diagnostic as CoreDiagnostic } from "@ipxm/core";
import { ipxeLanguage, ipxmLanguage, rules } from "@ipxm/eslint-plugin";
import { getProfile } from "@ipxm/ipxe";
import {
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type DiagnosticRelatedInformation,
} from "vscode-languageserver";
import { versionKey, type LintDiagnosticData, type LintEdit } from "../diagnostics/data.js";
import { runLinter, type LintMessage } from "../diagnostics/lint-run.js";
import { lintTarget, type LintSettings, type RuleSettings } from "../diagnostics/lint-rules.js";
import { offsetOfLineColumn, startOfDocument, toLspRange } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";

/** Rules whose findings are things nobody uses: editors grey them out. */
const unnecessaryRules: ReadonlySet<string> = new Set(["ipxm/no-unused", "ipxm/no-unused-label"]);

/**
 * One lint per document, snapshot and project settings (the editor's target is the snapshot's):
 * publishing and the code actions asked right after share it.
 */
const linted = new WeakMap<Snapshot, Map<string, { settings: LintSettings; diagnostics: readonly Diagnostic[] }>>();

export function lintDocument(snapshot: Snapshot, document: SourceDocument): Diagnostic[] {
  const settings = snapshot.lintSettings(document);
  let bySnapshot = linted.get(snapshot);
  if (!bySnapshot) {
    bySnapshot = new Map();
    linted.set(snapshot, bySnapshot);
  }
  let done = bySnapshot.get(document.path);
  if (done?.settings !== settings) {
    done = { settings, diagnostics: lintUncached(snapshot, document, settings) };
    bySnapshot.set(document.path, done);
  }
  return [...done.diagnostics];
}

function lintUncached(snapshot: Snapshot, document: SourceDocument, settings: LintSettings): Diagnostic[] {
  try {
    const target = lintTarget(snapshot.target, settings);
    const messages = runLinter({
      path: document.path,
      text: document.text,
      language: document.language,
      target,
      tree: snapshot.tree,
      rules: settings.rules,
    });
    // The converter finds the core's diagnostics behind messages with the target the rules had.
    const converter = new MessageConverter(snapshot, document, target, settings.rules);
    const seen = new Set<string>();
    const diagnostics: Diagnostic[] = [];
    for (const message of messages) {
      const diagnostic = converter.convert(message);
      if (!diagnostic) continue;
      // The same problem from two rules (or twice from one) is shown once.
      const key = `${JSON.stringify(diagnostic.range)}\0${diagnostic.severity}\0${diagnostic.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      diagnostics.push(diagnostic);
    }
    return diagnostics;
  } catch (error) {
    // A rule that breaks on some text must not take the server down; say so where it shows.
    return [
      {
        range: startOfDocument(),
        severity: DiagnosticSeverity.Warning,
        source: "ipxm",
        message: `ipxm could not check this file: ${firstLine(error)}`,
      },
    ];
  }
}

/** A code of the core's catalogue at the end of a message: `… (type-mismatch)`. */
const trailingCode = /\s\(([a-z0-9]+(?:-[a-z0-9]+)*)\)$/;

function isCoreCode(code: string): code is keyof typeof catalogue {
  return Object.hasOwn(catalogue, code);
}

/** Turns ESLint's messages for one document into LSP diagnostics. */
class MessageConverter {
  private readonly text: string;
  /** ESLint removes a byte order mark before linting: its offsets start after it. */
  private readonly shift: number;
  private source: SourceText | undefined;
  /** The core's diagnostics of the document by place and words (`start:end:message`), by target. */
  private readonly coreDiagnostics = new Map<string | undefined, Map<string, CoreDiagnostic[]>>();

  constructor(
    private readonly snapshot: Snapshot,
    private readonly document: SourceDocument,
    /** The target the lint ran with (the editor's, else the project's); undefined: the file's own. */
    private readonly target: string | undefined,
    /** The settings of the rules the lint ran with: a rule's own `target` option counts over `target`. */
    private readonly rules: RuleSettings,
  ) {
    this.shift = document.text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.text = document.text.slice(this.shift);
  }

  convert(message: LintMessage): Diagnostic | undefined {
    // "No matching configuration" and the like: ESLint's word that it did not lint the file at all.
    if (message.ruleId === null && !message.fatal && message.line === 0) return undefined;
    const language = this.document.language === "ipxm" ? ipxmLanguage : ipxeLanguage;
    // Parse errors come straight from the language, in its own numbering; the rest ESLint made 1-based.
    const lineStart = message.fatal ? language.lineStart : 1;
    const columnStart = message.fatal ? language.columnStart : 1;
    // Offsets into the document's own text (the core's, too, count a byte order mark).
    const start = this.offsetAt(message.line - lineStart, message.column - columnStart) + this.shift;
    const end =
      message.endLine !== undefined && message.endColumn !== undefined
        ? Math.max(start, this.offsetAt(message.endLine - lineStart, message.endColumn - columnStart) + this.shift)
        : start;

    let text = message.message;
    let code: string | undefined = message.ruleId ?? undefined;
    let core: CoreDiagnostic | undefined;
    if (message.fatal) text = text.replace(/^Parsing error: /, "");
    const written = trailingCode.exec(text);
    if ((message.fatal || message.messageId === "core") && written && isCoreCode(written[1]!)) {
      code = written[1]!;
      text = text.slice(0, written.index);
      core = this.coreDiagnostic(message.ruleId, start, end, text, code) ?? this.parseProblem(start, code);
    } else if (message.messageId === "core") {
      core = this.coreDiagnostic(message.ruleId, start, end, text);
      if (core) code = core.code;
    }
    // A parse error is a point to ESLint; the core knows how far the offending text goes.
    const range = core && message.fatal ? core.range : { start, end };

    const diagnostic: Diagnostic = {
      range: toLspRange(this.snapshot.lines(this.document), range),
      severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: "ipxm",
      message: text,
      data: this.data(message),
    };
    if (code !== undefined) diagnostic.code = code;
    const href = message.ruleId ? ruleDocsHref(message.ruleId) : undefined;
    if (href) diagnostic.codeDescription = { href };
    if ((message.ruleId && unnecessaryRules.has(message.ruleId)) || isUnusedDirective(message)) {
      diagnostic.tags = [DiagnosticTag.Unnecessary];
    }
    const related = core?.related ? this.related(core.related) : [];
    if (related.length > 0) diagnostic.relatedInformation = related;
    return diagnostic;
  }

  private data(message: LintMessage): LintDiagnosticData {
    const data: { -readonly [K in keyof LintDiagnosticData]: LintDiagnosticData[K] } = {
      source: "ipxm",
      version: versionKey(this.document.version),
      rule: message.ruleId,
    };
    if (message.fix) data.fix = this.edit(message.fix);
    if (message.suggestions && message.suggestions.length > 0) {
      data.suggestions = message.suggestions.map((suggestion) => ({
        desc: suggestion.desc,
        fix: this.edit(suggestion.fix),
      }));
    }
    return data;
  }

  private edit(fix: { range: readonly [number, number]; text: string }): LintEdit {
    return { range: [fix.range[0] + this.shift, fix.range[1] + this.shift], text: fix.text };
  }

  /** Offset of a 0-based line and column as ESLint counts them (lines end at `\n`). */
  private offsetAt(line: number, column: number): number {
    this.source ??= this.parsedSource() ?? new SourceText(this.document.path, this.text);
    return offsetOfLineColumn(this.source, line, column);
  }

  /** The lines of an `.ipxm` document as its parse already counted them, when it read this very text. */
  private parsedSource(): SourceText | undefined {
    if (this.document.language !== "ipxm") return undefined;
    const source = this.snapshot.ipxmFile(this.document)?.source;
    return source?.text === this.text ? source : undefined;
  }

  /**
   * The core diagnostic a `core` message of a rule stands for (same place and words), among those of
   * the program elaborated for the target that rule checked for: what is wrong, and where, depends on it.
   */
  private coreDiagnostic(
    ruleId: string | null,
    start: number,
    end: number,
    message: string,
    code?: string,
  ): CoreDiagnostic | undefined {
    if (this.document.language !== "ipxm") return undefined;
    const target = usableTarget(ruleTargetOption(this.rules, ruleId) ?? this.target);
    let diagnostics = this.coreDiagnostics.get(target);
    if (!diagnostics) {
      diagnostics = byPlaceAndWords(this.snapshot.tree.ipxmProject(target).diagnosticsOf(this.document.path));
      this.coreDiagnostics.set(target, diagnostics);
    }
    const candidates = diagnostics.get(placeAndWords(start, end, message));
    return candidates?.find((diagnostic) => code === undefined || diagnostic.code === code);
  }

  /** The parser's diagnostic of a parse error ESLint reports at `start`. */
  private parseProblem(start: number, code: string): CoreDiagnostic | undefined {
    if (this.document.language !== "ipxm") return undefined;
    const parsed = this.snapshot.ipxmFile(this.document);
    return parsed?.diagnostics.find((diagnostic) => diagnostic.code === code && diagnostic.range.start === start);
  }

  private related(related: NonNullable<CoreDiagnostic["related"]>): DiagnosticRelatedInformation[] {
    const found: DiagnosticRelatedInformation[] = [];
    for (const item of related) {
      const other = this.snapshot.documentAtPath(item.file);
      if (!other) continue;
      found.push({
        location: { uri: other.uri, range: toLspRange(this.snapshot.lines(other), item.range) },
        message: item.message,
      });
    }
    return found;
  }
}

function byPlaceAndWords(diagnostics: readonly CoreDiagnostic[]): Map<string, CoreDiagnostic[]> {
  const index = new Map<string, CoreDiagnostic[]>();
  for (const diagnostic of diagnostics) {
    const key = placeAndWords(diagnostic.range.start, diagnostic.range.end, diagnostic.message);
    const list = index.get(key);
    if (list) list.push(diagnostic);
    else index.set(key, [diagnostic]);
  }
  return index;
}

function placeAndWords(start: number, end: number, message: string): string {
  return `${start}:${end}:${message}`;
}

/** The target the rules elaborate for: the configured one, unless no such profile exists. */
function usableTarget(target: string | undefined): string | undefined {
  return target !== undefined && getProfile(target) ? target : undefined;
}

/** A rule's own `target` option (`["error", { target: "debian-efi" }]`): it wins over the settings' target. */
function ruleTargetOption(rules: RuleSettings, ruleId: string | null): string | undefined {
  const setting = ruleId === null ? undefined : rules[ruleId];
  const options: unknown = Array.isArray(setting) ? setting[1] : undefined;
  const target = (options as { target?: unknown } | undefined)?.target;
  return typeof target === "string" ? target : undefined;
}

function isUnusedDirective(message: LintMessage): boolean {
  return (
    message.ruleId === null && !message.fatal && /^Unused eslint-(?:disable|enable) directive/.test(message.message)
  );
}

/**
 * The address of a rule's documentation, when it is one an editor can open. The plugin names its
 * pages by their path in the ipxm repository until there is a web site; a bare path is no URI.
 */
export function ruleDocsHref(ruleId: string): string | undefined {
  const rule = rules[ruleId.replace(/^ipxm\//, "")];
  const url = rule?.meta.docs.url;
  return url !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(url) ? url : undefined;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
