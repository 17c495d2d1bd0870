/**
 * What a published diagnostic carries in its `data` for the code actions asked of it later: the
 * linter's fix and suggestions, as offsets into the text of one version of the document. The editor
 * hands `data` back untouched with a code action request; by then the document may have changed, so
 * the version says whether the offsets still mean anything.
 */

/** One replacement, as ESLint reports it: offsets into the linted text, end exclusive. */
export interface LintEdit {
  readonly range: readonly [number, number];
  readonly text: string;
}

export interface LintSuggestionData {
  readonly desc: string;
  readonly fix: LintEdit;
}

export interface LintDiagnosticData {
  /** Marks the object as ours (another server's diagnostics may sit beside ours in a request). */
  readonly source: "ipxm";
  /** The editor's version of the document the offsets refer to; null for a document not open. */
  readonly version: number | null;
  /** The rule that reported it (`ipxm/…`); null for ESLint's own messages (parse errors, directives). */
  readonly rule: string | null;
  readonly fix?: LintEdit;
  readonly suggestions?: readonly LintSuggestionData[];
}

function isEdit(value: unknown): value is LintEdit {
  if (typeof value !== "object" || value === null) return false;
  const { range, text } = value as { range?: unknown; text?: unknown };
  return (
    Array.isArray(range) &&
    range.length === 2 &&
    Number.isInteger(range[0]) &&
    Number.isInteger(range[1]) &&
    range[0] <= range[1] &&
    typeof text === "string"
  );
}

/** `data` as we wrote it, or undefined for anything else (a client may send back whatever it likes). */
export function readDiagnosticData(data: unknown): LintDiagnosticData | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const candidate = data as Partial<Record<keyof LintDiagnosticData, unknown>>;
  if (candidate.source !== "ipxm") return undefined;
  if (candidate.version !== null && !Number.isInteger(candidate.version)) return undefined;
  if (candidate.rule !== null && typeof candidate.rule !== "string") return undefined;
  if (candidate.fix !== undefined && !isEdit(candidate.fix)) return undefined;
  const suggestions = candidate.suggestions;
  if (
    suggestions !== undefined &&
    !(
      Array.isArray(suggestions) &&
      suggestions.every(
        (suggestion: unknown) =>
          typeof suggestion === "object" &&
          suggestion !== null &&
          typeof (suggestion as { desc?: unknown }).desc === "string" &&
          isEdit((suggestion as { fix?: unknown }).fix),
      )
    )
  ) {
    return undefined;
  }
  return candidate as LintDiagnosticData;
}

/** The version a document's diagnostics are made for, as `data.version` records it. */
export function versionKey(version: number | undefined): number | null {
  return version ?? null;
}
