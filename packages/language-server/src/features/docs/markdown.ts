/** Markdown for hovers and completion documentation: fenced code and paragraphs. */

export function code(language: string, text: string): string {
  // A fence longer than any run of backticks inside, so that no text can close it early.
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}

export function section(...parts: readonly string[]): string {
  return parts.filter((part) => part !== "").join("\n\n");
}
