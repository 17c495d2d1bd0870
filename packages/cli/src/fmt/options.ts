/** The options of `ipxm fmt`, read from util.parseArgs' values. */
import { UsageError, type CommandName } from "../usage.js";

export interface FmtOnlyOptions {
  /** List the files that would change instead of printing them; exit 1 if any would. */
  readonly check: boolean;
  /** Rewrite the files in place. */
  readonly write: boolean;
  /** Format standard input as if it were this file (editors pass the buffer's path). */
  readonly stdinFilepath?: string;
}

export function parseFmtOptions(
  values: Readonly<Record<string, unknown>>,
  positionals: readonly string[],
  command: CommandName,
): FmtOnlyOptions {
  const check = values["check"] === true;
  const write = values["write"] === true;
  const stdin = values["stdin-filepath"];
  if (check && write) throw new UsageError("--check and --write cannot be used together", command);
  if (stdin === undefined) return { check, write };
  const stdinFilepath = String(stdin);
  if (stdinFilepath === "") throw new UsageError("option --stdin-filepath needs a path", command);
  if (write) throw new UsageError("--write cannot be used with --stdin-filepath (the input is not a file)", command);
  if (positionals.length > 0) {
    throw new UsageError("paths cannot be given with --stdin-filepath (standard input is formatted)", command);
  }
  return { check, write, stdinFilepath };
}
