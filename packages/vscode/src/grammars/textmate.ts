/**
 * The subset of the TextMate grammar format the generators emit, and the regular-expression helpers they
 * share. Patterns are Oniguruma regular expressions written as strings, as VS Code reads them.
 */

export interface Captures {
  readonly [group: string]: { readonly name?: string; readonly patterns?: readonly Rule[] };
}

export interface Rule {
  readonly name?: string;
  readonly contentName?: string;
  readonly match?: string;
  readonly begin?: string;
  readonly end?: string;
  readonly captures?: Captures;
  readonly beginCaptures?: Captures;
  readonly endCaptures?: Captures;
  readonly patterns?: readonly Rule[];
  readonly include?: string;
  readonly comment?: string;
}

export interface Grammar {
  readonly $schema?: string;
  readonly name: string;
  readonly scopeName: string;
  readonly fileTypes: readonly string[];
  readonly firstLineMatch?: string;
  readonly comment?: string;
  readonly patterns: readonly Rule[];
  readonly repository: Readonly<Record<string, Rule>>;
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, (character) => `\\${character}`);
}

/** An alternation of literal words, longest first so that no word shadows a longer one sharing its start. */
export function alternation(words: Iterable<string>): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return sorted.map(escapeRegex).join("|");
}

/** `include` of a repository entry. */
export function ref(key: string): Rule {
  return { include: `#${key}` };
}
