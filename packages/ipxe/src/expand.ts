/**
 * Setting expansion exactly as `expand_settings()` (src/core/settings.c) performs it on every token:
 * scan from the start for a `}` that follows some `${`; the expansion starts at the last `${` before that
 * `}` (so nesting resolves innermost first); replace `${…}` by the value, or by nothing when the reference
 * is unset or invalid; then rescan the whole new string from the start. Stop when no `${…}` is left.
 *
 * Because the result is rescanned, a value that itself contains `${…}` is expanded again, and a value
 * that reproduces itself never terminates in iPXE. The model bounds both the number of replacements and
 * the length of the result and reports when it gave up.
 */
import type { SettingsLookup } from "./settings.js";

export interface ExpansionLimits {
  /** Replacements before giving up (default 10 000). */
  maxExpansions?: number;
  /** Longest intermediate string before giving up (default 1 MiB of UTF-16 units). */
  maxLength?: number;
}

export interface ExpansionResult {
  /** The expanded token (as far as it got, when `complete` is false). */
  text: string;
  /** Number of `${…}` replacements performed. */
  expansions: number;
  /** False when a limit stopped an expansion that iPXE would continue (usually forever). */
  complete: boolean;
  limit?: "expansions" | "length";
  /** The references looked up, in order (inner references first). */
  references: string[];
}

const DEFAULT_MAX_EXPANSIONS = 10_000;
const DEFAULT_MAX_LENGTH = 1 << 20;

/** Finds the next expansion iPXE would perform: `[start of "${", index of "}"]`, or undefined. */
export function nextExpansion(text: string): [number, number] | undefined {
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x24 && text.charCodeAt(i + 1) === 0x7b) start = i;
    else if (code === 0x7d && start >= 0) return [start, i];
  }
  return undefined;
}

export function expandSettingsDetailed(
  text: string,
  settings: SettingsLookup,
  limits: ExpansionLimits = {},
): ExpansionResult {
  const maxExpansions = limits.maxExpansions ?? DEFAULT_MAX_EXPANSIONS;
  const maxLength = limits.maxLength ?? DEFAULT_MAX_LENGTH;
  const references: string[] = [];
  let current = text;
  let expansions = 0;
  for (;;) {
    const found = nextExpansion(current);
    if (!found) return { text: current, expansions, complete: true, references };
    if (expansions >= maxExpansions)
      return { text: current, expansions, complete: false, limit: "expansions", references };
    const [start, close] = found;
    const reference = current.slice(start + 2, close);
    references.push(reference);
    const value = settings.lookup(reference) ?? "";
    const next = current.slice(0, start) + value + current.slice(close + 1);
    expansions++;
    if (next.length > maxLength) return { text: current, expansions, complete: false, limit: "length", references };
    current = next;
  }
}

/** The expanded token; see `expandSettingsDetailed` for the limits and what was looked up. */
export function expandSettings(text: string, settings: SettingsLookup, limits?: ExpansionLimits): string {
  return expandSettingsDetailed(text, settings, limits).text;
}

/** True when the token contains an expansion iPXE would perform (a `}` after some `${`). */
export function hasExpansion(text: string): boolean {
  return nextExpansion(text) !== undefined;
}
