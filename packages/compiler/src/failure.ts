/**
 * The error screen: what a failed command jumps to. It shows the failure message and iPXE's error
 * number (`${errno}` still holds the failed command's status: the `goto` and `echo` lines before it
 * succeed and leave it alone), waits for a key and returns to the menu.
 */
import type { SourceRef, Template } from "@ipxm/core";
import type { CompileContext } from "./context.js";
import { displayWords } from "./safe-text.js";

export function emitFailureScreen(
  context: CompileContext,
  label: string,
  message: Template,
  returnLine: string,
  source: SourceRef,
): void {
  context.router.restart();
  context.writer.label(label, source);
  const text = context.text(message, "the failure message", source, displayWords);
  context.command("echo", [], [text], source);
  context.writer.line("echo Error: ${errno}", source);
  context.writer.line("prompt Press any key to return to the menu ||", source);
  context.writer.line(returnLine, source);
}
