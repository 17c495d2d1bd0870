/**
 * Raw `ipxe { … }` lines: copied as written, after checking that each one stays one line of the
 * script and that iPXE (and the target build) would accept every command on it.
 */
import type { RawLine } from "@ipxm/core";
import { parseCommand, tokenizeScript } from "@ipxm/ipxe";
import type { CompileContext } from "./context.js";
import { checkCommand } from "./target-checks.js";

/** The label a raw line defines (`:retry dhcp || goto retry` defines `retry`), if any. */
export function rawLabel(text: string): string | undefined {
  return /^[\t\n\v\f\r ]*:([^\t\n\v\f\r ]*)/.exec(text)?.[1];
}

export function emitRawLines(context: CompileContext, lines: readonly RawLine[]): void {
  for (const line of lines) {
    if (checkRawLine(context, line)) context.writer.line(line.text, line.source);
  }
}

/** Reports what is wrong with a raw line; returns false when it cannot be written at all. */
function checkRawLine(context: CompileContext, line: RawLine): boolean {
  const invalid = (message: string) => context.report("raw-ipxe-invalid", message, line.source);
  if (/[\n\r\0]/.test(line.text)) {
    invalid("a raw iPXE line cannot contain a line break or a NUL character");
    return false;
  }
  if (line.text.endsWith("\\")) {
    invalid(
      'this raw iPXE line ends in "\\", which would join the next line of the generated script to it; remove the backslash',
    );
    return false;
  }

  const logical = tokenizeScript(line.text).lines[0];
  for (const command of logical?.commands ?? []) {
    if (command.argv.length === 0) continue;
    const argv = command.argv.map((token) => token.text);
    const parsed = parseCommand(argv, { unexpanded: true });
    if (parsed.dynamicName) continue;
    if (parsed.error) {
      invalid(`iPXE would reject "${argv.join(" ")}": ${parsed.error.message}`);
      continue;
    }
    checkCommand(
      context,
      parsed.name,
      parsed.options.map((option) => option.option.long),
      line.source,
    );
  }
  return true;
}
