import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { recommendedRules, type ConfiguredRules } from "@ipxm/eslint-plugin";
import { afterAll, describe, expect, it } from "vitest";
import type { LintConfigSource } from "../src/diagnostics/lint-rules.js";
import { memoryFileSystem } from "../src/file-system.js";
import { projectLintConfig } from "../src/node-lint-config.js";
import { LanguageService } from "../src/service.js";
import { pathToUri } from "../src/uris.js";

const menu = 'const unused = 1\nmenu main "Main" {\n  item a "A" -> shell\n}\n';
const withoutNoUnused: ConfiguredRules = {
  language: "ipxm",
  rules: { ...recommendedRules("ipxm"), "ipxm/no-unused": [0] },
};

/** A project configuration that answers when told to. */
function deferredSource(answer: () => ConfiguredRules | undefined) {
  const asked: string[] = [];
  let release: () => void = () => {};
  const ready = new Promise<void>((resolve) => (release = resolve));
  const source: LintConfigSource = {
    rulesFor: async (file) => {
      asked.push(file);
      await ready;
      return answer();
    },
    reset: () => {},
  };
  return { source, asked, release };
}

function serviceWith(source: LintConfigSource) {
  const service = new LanguageService({ fileSystem: memoryFileSystem({}), lintConfig: source });
  const uri = pathToUri("/w/main.ipxm");
  service.workspace.openDocument(uri, "ipxm", 1, menu);
  let changes = 0;
  service.onLintRulesChanged(() => changes++);
  const codes = () => (service.diagnostics(uri) ?? []).map((diagnostic) => diagnostic.code);
  return { service, codes, changes: () => changes };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the rules a project's ESLint configuration sets", () => {
  it("lint with the recommended rules until the configuration is read, then with it", async () => {
    const { source, asked, release } = deferredSource(() => withoutNoUnused);
    const { codes, changes } = serviceWith(source);
    expect(codes()).toContain("ipxm/no-unused");
    expect(asked).toEqual(["/w/main.ipxm"]);

    release();
    await settle();
    expect(changes()).toBe(1);
    expect(codes()).not.toContain("ipxm/no-unused");
    expect(asked).toHaveLength(1);
  });

  it("leave a file the configuration gives another language to the recommended rules", async () => {
    const { source, release } = deferredSource(() => ({ language: "ipxe", rules: {} }));
    const { codes } = serviceWith(source);
    codes();
    release();
    await settle();
    expect(codes()).toContain("ipxm/no-unused");
  });

  it("are read again after a configuration file changes, the old ones applying meanwhile", async () => {
    let answer: ConfiguredRules | undefined = withoutNoUnused;
    const { source, asked, release } = deferredSource(() => answer);
    const { service, codes } = serviceWith(source);
    codes();
    release();
    await settle();

    answer = undefined;
    service.lintConfigChanged();
    expect(codes()).not.toContain("ipxm/no-unused");
    expect(asked).toHaveLength(2);
    await settle();
    expect(codes()).toContain("ipxm/no-unused");
  });

  it("are not read where the editor does not trust the workspace", () => {
    const { source, asked } = deferredSource(() => withoutNoUnused);
    const { service, codes } = serviceWith(source);
    service.useProjectLintConfig(false);
    expect(codes()).toContain("ipxm/no-unused");
    expect(asked).toEqual([]);
  });
});

describe("projectLintConfig", () => {
  const repository = fileURLToPath(new URL("../../../", import.meta.url));
  const project = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-lint-config-"));
  afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

  // A project with its own ESLint and the plugin installed, and a configuration for its menus.
  fs.mkdirSync(path.join(project, "node_modules/@ipxm"), { recursive: true });
  fs.symlinkSync(path.join(repository, "node_modules/eslint"), path.join(project, "node_modules/eslint"));
  fs.symlinkSync(
    path.join(repository, "packages/eslint-plugin"),
    path.join(project, "node_modules/@ipxm/eslint-plugin"),
  );
  fs.writeFileSync(
    path.join(project, "eslint.config.mjs"),
    [
      'import ipxm from "@ipxm/eslint-plugin";',
      "export default [",
      "  ...ipxm.configs.recommended,",
      '  { files: ["menus/**/*.ipxm"], rules: { "ipxm/no-unused": "off", "ipxm/max-menu-rows": ["error", { max: 5 }] } },',
      "];",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(project, "menus"));

  it("reads the settings of ipxm's rules from the project's eslint.config.js, with the project's ESLint", async () => {
    const configured = await projectLintConfig().rulesFor(path.join(project, "menus/main.ipxm"));
    expect(configured?.language).toBe("ipxm");
    expect(configured?.rules["ipxm/no-unused"]).toEqual([0]);
    expect(configured?.rules["ipxm/max-menu-rows"]).toEqual([2, { max: 5 }]);
  });

  it("finds nothing where no configuration gives the file an ipxm language", async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-no-config-"));
    try {
      expect(await projectLintConfig().rulesFor(path.join(elsewhere, "main.ipxm"))).toBeUndefined();
      expect(await projectLintConfig().rulesFor(path.join(project, "tool.js"))).toBeUndefined();
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
