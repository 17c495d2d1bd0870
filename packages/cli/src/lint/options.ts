/**
 * The options of `ipxm lint` beyond the common ones, read from the command line. Rule names are
 * checked later, against the plugin's rules (loading the plugin here would slow down --help).
 */
import { UsageError, type CommandName } from "../usage.js";

export const lintFormats = ["stylish", "json", "sarif"] as const;
export type LintFormat = (typeof lintFormats)[number];

export type RuleSeverity = "off" | "warn" | "error";

export interface RuleSetting {
  /** As given, with or without the `ipxm/` prefix. */
  readonly name: string;
  readonly severity: RuleSeverity;
}

export interface LintOnlyOptions {
  readonly format: LintFormat;
  readonly fix: boolean;
  /** More warnings than this fail the run; absent: warnings never do. */
  readonly maxWarnings?: number;
  readonly rules: readonly RuleSetting[];
}

type Value = string | boolean | (string | boolean)[] | undefined;

export function parseLintOptions(values: Readonly<Record<string, Value>>, command: CommandName): LintOnlyOptions {
  const format = values["format"] === undefined ? "stylish" : String(values["format"]);
  if (!(lintFormats as readonly string[]).includes(format)) {
    throw new UsageError(`--format ${format}: expected one of ${lintFormats.join(", ")}`, command);
  }
  const maxWarnings = values["max-warnings"];
  let max: number | undefined;
  if (maxWarnings !== undefined) {
    const text = String(maxWarnings);
    if (!/^\d{1,9}$/.test(text))
      throw new UsageError(`--max-warnings ${text}: expected a number of warnings (0 or more)`, command);
    max = Number(text);
  }
  const given = values["rule"] === undefined ? [] : Array.isArray(values["rule"]) ? values["rule"] : [values["rule"]];
  const rules = given.map(String).map((text) => parseRuleSetting(text, command));
  return {
    format: format as LintFormat,
    fix: values["fix"] === true,
    ...(max !== undefined ? { maxWarnings: max } : {}),
    rules,
  };
}

const severities: Readonly<Record<string, RuleSeverity>> = {
  off: "off",
  "0": "off",
  warn: "warn",
  warning: "warn",
  "1": "warn",
  error: "error",
  "2": "error",
};

/** `no-unused-label:off`, `ipxm/valid-timeout:error`. */
export function parseRuleSetting(text: string, command?: CommandName): RuleSetting {
  const colon = text.lastIndexOf(":");
  const name = colon < 0 ? "" : text.slice(0, colon).trim();
  const severity =
    colon < 0
      ? undefined
      : severities[
          text
            .slice(colon + 1)
            .trim()
            .toLowerCase()
        ];
  if (name === "" || severity === undefined) {
    throw new UsageError(
      `--rule ${text}: expected name:severity, e.g. no-unused-label:off (off, warn or error)`,
      command,
    );
  }
  return { name, severity };
}
