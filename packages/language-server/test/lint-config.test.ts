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
/** A menu that downloads over HTTPS, for a target that can. */
const httpsOnIpxe2 =
  'target "ipxe-2-efi"\nmenu main "Main" {\n  item a "A" -> chain "https://boot.example.org/a.ipxe"\n}\n';
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

  it("check for the target the configuration's settings give the file, unless the editor sets one", async () => {
    const onDebian: ConfiguredRules = { ...withoutNoUnused, target: "debian-pcbios" };
    const { source, release } = deferredSource(() => onDebian);
    const service = new LanguageService({ fileSystem: memoryFileSystem({}), lintConfig: source });
    const uri = pathToUri("/w/main.ipxm");
    service.workspace.openDocument(uri, "ipxm", 1, httpsOnIpxe2);
    const diagnostics = () => service.diagnostics(uri) ?? [];
    expect(diagnostics()).toEqual([]);

    release();
    await settle();
    // Over the file's own target, as `ipxm lint` does; and still the core's diagnostic, with its code.
    expect(diagnostics()).toEqual([expect.objectContaining({ code: "target-unsupported" })]);
    expect(diagnostics()[0]!.message).toContain('target "debian-pcbios"');

    service.workspace.setTarget("ipxe-2-efi");
    expect(diagnostics()).toEqual([]);
    service.workspace.setTarget(undefined);
    expect(diagnostics()).toEqual([expect.objectContaining({ code: "target-unsupported" })]);
  });

  it("map a rule's messages to the core's diagnostics of the target that rule was set to check for", async () => {
    const ownTarget: ConfiguredRules = {
      language: "ipxm",
      rules: { ...withoutNoUnused.rules, "ipxm/target-support": [2, { target: "debian-efi" }] },
      target: "ipxe-2-efi",
    };
    const { source, release } = deferredSource(() => ownTarget);
    const service = new LanguageService({ fileSystem: memoryFileSystem({}), lintConfig: source });
    const uri = pathToUri("/w/main.ipxm");
    service.workspace.openDocument(uri, "ipxm", 1, httpsOnIpxe2);
    service.diagnostics(uri);
    release();
    await settle();
    // The settings' target can download HTTPS; the rule's own cannot, and its message is still the core's.
    const [diagnostic, ...others] = service.diagnostics(uri) ?? [];
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ code: "target-unsupported" });
    expect(diagnostic!.message).toContain("debian-efi");
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
      '  { files: ["debian/**"], settings: { ipxm: { target: "debian-pcbios" } } },',
      "];",
    ].join("\n"),
  );
  fs.mkdirSync(path.join(project, "menus"));
  fs.mkdirSync(path.join(project, "debian"));

  it("reads the settings of ipxm's rules from the project's eslint.config.js, with the project's ESLint", async () => {
    const configured = await projectLintConfig().rulesFor(path.join(project, "menus/main.ipxm"));
    expect(configured?.language).toBe("ipxm");
    expect(configured?.rules["ipxm/no-unused"]).toEqual([0]);
    expect(configured?.rules["ipxm/max-menu-rows"]).toEqual([2, { max: 5 }]);
  });

  it("reads the target the project's settings give a file", async () => {
    const config = projectLintConfig();
    expect((await config.rulesFor(path.join(project, "debian/main.ipxm")))?.target).toBe("debian-pcbios");
    expect(await config.rulesFor(path.join(project, "menus/main.ipxm"))).not.toHaveProperty("target");
  });

  it("has the server check a file for the target the project's eslint.config.js gives it", async () => {
    const service = new LanguageService({ fileSystem: memoryFileSystem({}), lintConfig: projectLintConfig() });
    let changed: () => void = () => {};
    const read = new Promise<void>((resolve) => (changed = resolve));
    service.onLintRulesChanged(() => changed());
    const menu = pathToUri(path.join(project, "debian/main.ipxm"));
    service.workspace.openDocument(menu, "ipxm", 1, httpsOnIpxe2);
    const codes = () => (service.diagnostics(menu) ?? []).map((diagnostic) => diagnostic.code);
    expect(codes()).toEqual([]);

    await read;
    expect(codes()).toEqual(["target-unsupported"]);
    // The editor's target wins over the project's.
    service.workspace.setTarget("ipxe-2-efi");
    expect(codes()).toEqual([]);
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
