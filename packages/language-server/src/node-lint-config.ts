/**
 * A project's ESLint configuration for a file, read by the project's own ESLint (the one `ipxm lint`
 * finds): the file's directory resolves `eslint`, ESLint finds the eslint.config.js that applies and
 * calculates the configuration, and the settings of ipxm's rules are taken from it. Where there is no
 * ESLint, no configuration file, or one that does not give the file an ipxm language, or one that
 * fails to load, there is nothing to read and the recommended rules apply.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { configuredRules, type ConfiguredRules } from "@ipxm/eslint-plugin";
import type { LintConfigSource } from "./diagnostics/lint-rules.js";

interface ProjectESLint {
  findConfigFile(filePath: string): Promise<string | undefined>;
  calculateConfigForFile(filePath: string): Promise<unknown>;
}

type ESLintClass = new (options: { cwd: string }) => ProjectESLint;

/** Loads a module by absolute path at run time (kept out of bundlers' reach: the path is the project's). */
const importAtRuntime = (specifier: string): Promise<{ ESLint?: ESLintClass; default?: { ESLint?: ESLintClass } }> =>
  import(/* @vite-ignore */ specifier);

export function projectLintConfig(): LintConfigSource {
  // ESLint caches what it loaded: one instance per configuration file, until a reset.
  let instances = new Map<string, Promise<ProjectESLint | undefined>>();
  const eslintFor = (key: string, entry: string, cwd: string) => {
    let instance = instances.get(key);
    if (!instance) {
      instance = importAtRuntime(pathToFileURL(entry).href).then((module) => {
        const ESLint = module.ESLint ?? module.default?.ESLint;
        return ESLint ? new ESLint({ cwd }) : undefined;
      });
      instances.set(key, instance);
    }
    return instance;
  };
  return {
    async rulesFor(file: string): Promise<ConfiguredRules | undefined> {
      const directory = path.dirname(file);
      let entry: string;
      try {
        entry = createRequire(path.join(directory, "package.json")).resolve("eslint");
      } catch {
        return undefined;
      }
      try {
        const configFile = await (await eslintFor(`${entry}\0${directory}`, entry, directory))?.findConfigFile(file);
        if (!configFile) return undefined;
        const eslint = await eslintFor(`${entry}\0${configFile}`, entry, path.dirname(configFile));
        return configuredRules(await eslint?.calculateConfigForFile(file));
      } catch (error) {
        // A configuration that does not load is ESLint's (and `ipxm lint`'s) to report.
        console.error(`ipxm: cannot read the ESLint configuration for ${file}: ${(error as Error).message}`);
        return undefined;
      }
    },
    reset(): void {
      instances = new Map();
    },
  };
}
