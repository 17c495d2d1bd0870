/**
 * `ipxm lint [paths]`: the rules of @ipxm/eslint-plugin over whole trees of `.ipxm` and iPXE scripts,
 * through ESLint's own API. Without an eslint.config.js that configures ipxm files, the plugin's
 * recommended rules apply; with one, it is honoured and ipxm only adds the tree (for the cross-file
 * checks), the target and the --rule settings.
 *
 * Exit codes: 0 clean (warnings allowed), 1 errors or more warnings than --max-warnings, 2 bad usage
 * (an unknown rule, a missing path, a configuration ESLint refuses).
 */
import * as path from "node:path";
import type { ESLint, Linter } from "eslint";
import { ExitCode } from "../exit-codes.js";
import type { CliIO } from "../io.js";
import { plural } from "../format.js";
import { displayPath } from "../paths.js";
import { collectLintInputs, type LintFile, type RefusedFile } from "../lint/files.js";
import { formatSarif } from "../lint/sarif.js";
import type { RuleSetting } from "../lint/options.js";
import type { LintOptions } from "../usage.js";
import { writeAllAtomically, WriteError } from "../write.js";
import { packageVersion } from "../version.js";

type Plugin = typeof import("@ipxm/eslint-plugin");

export async function runLint(options: LintOptions, io: CliIO): Promise<ExitCode> {
  const inputs = collectLintInputs(options.paths, io.cwd);
  if (inputs.missing.length > 0) {
    for (const missing of inputs.missing) io.stderr.write(`ipxm lint: ${missing} does not exist\n`);
    return ExitCode.usage;
  }
  const pluginModule: Plugin = await import("@ipxm/eslint-plugin");
  const rules = resolveRuleSettings(options.rules, pluginModule);
  if (typeof rules === "string") {
    io.stderr.write(`ipxm lint: ${rules}\n`);
    io.stderr.write('Try "ipxm lint --help".\n');
    return ExitCode.usage;
  }

  const results: ESLint.LintResult[] = [];
  let eslint: ESLint | undefined;
  if (inputs.files.length > 0) {
    const { ESLint: ESLintClass } = await import("eslint");
    try {
      eslint = await createLinter(ESLintClass, pluginModule, inputs.files, rules, options, io.cwd);
      // Each file is handed over as read here: ESLint need not find, stat and read thousands of files again.
      for (const file of inputs.files) {
        const text = file.bom ? `\uFEFF${file.text}` : file.text;
        results.push(...(await eslint.lintText(text, { filePath: file.path, warnIgnored: true })));
      }
    } catch (error) {
      io.stderr.write(`ipxm lint: ${firstLine(error)}\n`);
      return ExitCode.usage;
    }
    if (options.fix) {
      const fixed = results.filter((result) => result.output !== undefined);
      try {
        writeAllAtomically(fixed.map((result) => ({ path: result.filePath, contents: result.output! })));
      } catch (error) {
        io.stderr.write(`ipxm lint: ${error instanceof WriteError ? error.message : firstLine(error)}\n`);
        return ExitCode.errors;
      }
    }
  } else if (inputs.refused.length === 0) {
    io.stderr.write(
      `ipxm lint: no .ipxm or .ipxe files in ${options.paths.map((p) => displayPath(io.cwd, p)).join(", ")}\n`,
    );
  }

  const all = [...results, ...inputs.refused.map(refusedResult)].sort((a, b) =>
    a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0,
  );
  io.stdout.write(await format(all, options, io, pluginModule, eslint));

  const errors = all.reduce((sum, result) => sum + result.errorCount, 0);
  const warnings = all.reduce((sum, result) => sum + result.warningCount, 0);
  if (errors > 0) return ExitCode.errors;
  if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
    io.stderr.write(
      `ipxm lint: ${plural(warnings, "warning")}, more than --max-warnings ${options.maxWarnings} allows\n`,
    );
    return ExitCode.errors;
  }
  return ExitCode.ok;
}

interface ResolvedRule {
  readonly id: string;
  readonly severity: RuleSetting["severity"];
  readonly languages: readonly string[];
}

/** Each --rule as a full rule id with the languages it applies to, or the reason it is refused. */
function resolveRuleSettings(settings: readonly RuleSetting[], plugin: Plugin): ResolvedRule[] | string {
  const resolved: ResolvedRule[] = [];
  for (const setting of settings) {
    const name = setting.name.startsWith("ipxm/") ? setting.name.slice("ipxm/".length) : setting.name;
    const rule = plugin.rules[name];
    if (!rule) return `--rule ${setting.name}: no such rule (rules: ${Object.keys(plugin.rules).join(", ")})`;
    resolved.push({ id: `ipxm/${name}`, severity: setting.severity, languages: rule.meta.languages });
  }
  return resolved;
}

/**
 * The ESLint instance: the user's configuration when one configures ipxm's languages for these
 * files, else ipxm's own; in both cases with the tree, the target and the --rule settings on top.
 */
async function createLinter(
  ESLintClass: typeof ESLint,
  pluginModule: Plugin,
  files: readonly LintFile[],
  rules: readonly ResolvedRule[],
  options: LintOptions,
  cwd: string,
): Promise<ESLint> {
  const tree = pluginModule.createLintTree(files.map((file) => ({ path: file.path, text: file.text })));
  const base = commonDirectory([cwd, ...files.map((file) => file.path)]);
  const relative = (file: string) => escapeGlob(path.relative(base, file).split(path.sep).join("/"));
  const ipxmFiles = ["**/*.ipxm"];
  // Files outside the usual names (explicit ones, and those found by their `#!ipxe` header) by name.
  const ipxeFiles = [
    "**/*.ipxe",
    ...files
      .filter((file) => file.language === "ipxe" && !file.path.endsWith(".ipxe"))
      .map((file) => relative(file.path)),
  ];
  const settings = options.target !== undefined ? { ipxm: { target: options.target } } : {};
  const ruleOverrides = (language: string): Linter.RulesRecord =>
    Object.fromEntries(
      rules.filter((rule) => rule.languages.includes(language)).map((rule) => [rule.id, rule.severity]),
    );
  const additions: Linter.Config[] = [
    {
      name: "ipxm-lint/ipxm",
      files: ipxmFiles,
      languageOptions: { tree },
      settings,
      rules: ruleOverrides("ipxm/ipxm"),
    },
    {
      name: "ipxm-lint/ipxe",
      files: ipxeFiles,
      languageOptions: { tree },
      settings,
      rules: ruleOverrides("ipxm/ipxe"),
    },
  ];

  const userConfig = await configuresIpxm(ESLintClass, pluginModule, base, files);
  if (userConfig) {
    return new ESLintClass({ cwd: base, overrideConfig: additions, fix: options.fix, errorOnUnmatchedPattern: false });
  }
  const plugin = pluginModule.default;
  const own: Linter.Config[] = [
    {
      name: "ipxm-lint/languages/ipxm",
      files: ipxmFiles,
      plugins: { ipxm: plugin as never },
      language: "ipxm/ipxm",
      rules: pluginModule.recommendedRules("ipxm"),
    },
    {
      name: "ipxm-lint/languages/ipxe",
      files: ipxeFiles,
      plugins: { ipxm: plugin as never },
      language: "ipxm/ipxe",
      rules: pluginModule.recommendedRules("ipxe"),
    },
  ];
  return new ESLintClass({
    cwd: base,
    overrideConfigFile: true,
    overrideConfig: [...own, ...additions],
    fix: options.fix,
    errorOnUnmatchedPattern: false,
  });
}

/** Whether an eslint.config.js applies to these files and gives them one of ipxm's languages. */
async function configuresIpxm(
  ESLintClass: typeof ESLint,
  pluginModule: Plugin,
  cwd: string,
  files: readonly LintFile[],
): Promise<boolean> {
  const probe = new ESLintClass({ cwd });
  const samples = [files.find((file) => file.language === "ipxm"), files.find((file) => file.language === "ipxe")];
  for (const sample of samples) {
    if (!sample || !(await probe.findConfigFile(sample.path))) continue;
    if (pluginModule.configuredLanguage(await probe.calculateConfigForFile(sample.path))) return true;
  }
  return false;
}

async function format(
  results: ESLint.LintResult[],
  options: LintOptions,
  io: CliIO,
  pluginModule: Plugin,
  eslint: ESLint | undefined,
): Promise<string> {
  if (options.format === "sarif") {
    return formatSarif(results, {
      cwd: io.cwd,
      toolVersion: packageVersion(),
      ruleInfo: (ruleId) => {
        const rule = pluginModule.rules[ruleId.replace(/^ipxm\//, "")];
        return rule ? { description: rule.meta.docs.description, helpPath: rule.meta.docs.url } : undefined;
      },
    });
  }
  if (options.format === "json") return `${JSON.stringify(results)}\n`;
  if (!eslint) {
    // Only refused files: print them the way stylish would.
    return results
      .map((result) => `\n${displayPath(io.cwd, result.filePath)}\n  1:1  error  ${result.messages[0]!.message}\n`)
      .join("");
  }
  const formatter = await eslint.loadFormatter("stylish");
  // Paths as the user named them, relative to the working directory.
  const shown = results.map((result) => ({ ...result, filePath: displayPath(io.cwd, result.filePath) }));
  return String(await formatter.format(shown));
}

function refusedResult(file: RefusedFile): ESLint.LintResult {
  return {
    filePath: file.path,
    messages: [
      {
        ruleId: null,
        fatal: true,
        severity: 2,
        message: `${path.basename(file.path)} ${file.message}`,
        line: 1,
        column: 1,
      },
    ],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

/** The deepest directory that holds every path (the paths being files or directories). */
function commonDirectory(paths: readonly string[]): string {
  const split = paths.map((p) => path.resolve(p).split(path.sep));
  const first = split[0]!;
  let length = first.length;
  for (const parts of split.slice(1)) {
    let k = 0;
    while (k < length && k < parts.length && parts[k] === first[k]) k++;
    length = k;
  }
  // A file path's last part is the file itself; the cwd (first) is a directory, so the result is one.
  return first.slice(0, length).join(path.sep) || path.sep;
}

/** A path as a glob that matches only itself. */
function escapeGlob(relative: string): string {
  return relative.replace(/[\\*?[\]{}()!+@]/g, "\\$&");
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0]!;
}
