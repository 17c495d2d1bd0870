/**
 * ESLint results as SARIF 2.1.0, the format code-scanning services read: one run, the rules that
 * were reported (with their descriptions), one result per message with its region. Paths are
 * relative to the working directory, which the run names as `%SRCROOT%`.
 */
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import type { ESLint, Linter } from "eslint";
import { toPosix } from "../paths.js";

export interface SarifRuleInfo {
  readonly description?: string;
  readonly helpPath?: string;
}

export interface SarifOptions {
  readonly cwd: string;
  readonly toolVersion: string;
  /** What is known about each rule id. */
  readonly ruleInfo: (ruleId: string) => SarifRuleInfo | undefined;
}

interface SarifRule {
  id: string;
  shortDescription?: { text: string };
  help?: { text: string };
  properties?: Record<string, unknown>;
}

export function formatSarif(results: readonly ESLint.LintResult[], options: SarifOptions): string {
  const rules: SarifRule[] = [];
  const ruleIndex = new Map<string, number>();
  const artifacts: { location: { uri: string; uriBaseId: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const sarifResults: unknown[] = [];

  const indexOfRule = (ruleId: string): number => {
    let index = ruleIndex.get(ruleId);
    if (index === undefined) {
      const info = options.ruleInfo(ruleId);
      const rule: SarifRule = { id: ruleId };
      if (info?.description) rule.shortDescription = { text: info.description };
      if (info?.helpPath) rule.help = { text: `See ${info.helpPath} in the ipxm repository.` };
      index = rules.length;
      rules.push(rule);
      ruleIndex.set(ruleId, index);
    }
    return index;
  };

  for (const result of results) {
    const uri = encodeUri(toPosix(path.relative(options.cwd, result.filePath)));
    let artifact = artifactIndex.get(uri);
    if (artifact === undefined) {
      artifact = artifacts.length;
      artifacts.push({ location: { uri, uriBaseId: "%SRCROOT%" } });
      artifactIndex.set(uri, artifact);
    }
    for (const message of result.messages) {
      const ruleId = message.ruleId ?? (message.fatal ? "ipxm/fatal" : undefined);
      sarifResults.push({
        ...(ruleId ? { ruleId, ruleIndex: indexOfRule(ruleId) } : {}),
        level: message.severity === 2 ? "error" : "warning",
        message: { text: message.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri, uriBaseId: "%SRCROOT%", index: artifact },
              region: region(message),
            },
          },
        ],
      });
    }
  }

  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "ipxm lint",
            semanticVersion: options.toolVersion,
            version: options.toolVersion,
            rules,
          },
        },
        originalUriBaseIds: { "%SRCROOT%": { uri: directoryUri(options.cwd) } },
        artifacts,
        results: sarifResults,
        columnKind: "utf16CodeUnits",
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** SARIF regions are 1-based like ESLint's; an end, when known, is exclusive in both. */
function region(message: Linter.LintMessage): Record<string, number> {
  const line = Math.max(1, message.line || 1);
  const column = Math.max(1, message.column || 1);
  const out: Record<string, number> = { startLine: line, startColumn: column };
  if (message.endLine !== undefined && message.endColumn !== undefined) {
    const endLine = Math.max(line, message.endLine);
    const endColumn = endLine === line ? Math.max(column, message.endColumn) : Math.max(1, message.endColumn);
    out["endLine"] = endLine;
    out["endColumn"] = endColumn;
  }
  return out;
}

/** A relative reference: each segment percent-encoded as a URI needs it. */
function encodeUri(relative: string): string {
  return relative
    .split("/")
    .map((segment) => encodeURIComponent(segment))
    .join("/");
}

function directoryUri(directory: string): string {
  const href = pathToFileURL(directory).href;
  return href.endsWith("/") ? href : `${href}/`;
}
