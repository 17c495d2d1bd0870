/**
 * How the plugin refuses a file. Prettier reports a parse failure from the error's `loc`; the
 * `diagnostics` travel along so that `ipxm fmt` can print them the way every other command does.
 */
import { SourceText, type Diagnostic } from "@ipxm/core";

export class FormatSyntaxError extends SyntaxError {
  /** 1-based line and column of the first error, as Prettier expects. */
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };

  constructor(
    text: string,
    /** Every error the parser found, in order; never empty. */
    readonly diagnostics: readonly Diagnostic[],
  ) {
    const first = diagnostics[0]!;
    super(first.message);
    this.name = "SyntaxError";
    this.loc = new SourceText(first.file, text).locationOf(first.range);
  }
}

export function isFormatSyntaxError(error: unknown): error is FormatSyntaxError {
  return (
    error instanceof Error &&
    Array.isArray((error as Partial<FormatSyntaxError>).diagnostics) &&
    (error as Partial<FormatSyntaxError>).loc !== undefined
  );
}
