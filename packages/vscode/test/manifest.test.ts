import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tokenVocabulary } from "@ipxm/core";
import { defaultProfileName, profileNames } from "@ipxm/ipxe";
import { describe, expect, it } from "vitest";
import { embeddedIpxeScope } from "../src/grammars/ipxm-grammar.js";
import { grammarFiles } from "../src/grammars/write.js";

interface Manifest {
  main: string;
  engines: { vscode: string };
  activationEvents: string[];
  contributes: {
    languages: Array<{
      id: string;
      extensions: string[];
      firstLine?: string;
      configuration: string;
    }>;
    grammars: Array<{
      language: string;
      scopeName: string;
      path: string;
      embeddedLanguages?: Record<string, string>;
    }>;
    snippets: Array<{ language: string; path: string }>;
    configuration: { properties: Record<string, { default: unknown; enum?: unknown[] }> };
  };
}

interface LanguageConfiguration {
  comments: { lineComment?: string; blockComment?: [string, string] };
  wordPattern?: string;
}

const packageDir = new URL("../", import.meta.url);
const readJson = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, packageDir), "utf8")) as T;
const manifest = readJson<Manifest>("package.json");
const { languages, grammars, snippets, configuration } = manifest.contributes;

describe("the extension manifest", () => {
  it("loads the client bundle the build writes", () => {
    expect(manifest.main).toBe("./dist/extension.cjs");
    const build = readFileSync(new URL("scripts/build.mjs", packageDir), "utf8");
    expect(build).toContain('"dist/extension.cjs"');
    expect(build).toContain('"dist/server.cjs"');
  });

  it("contributes both languages, each with a grammar the build generates", () => {
    expect(languages.map((language) => language.id).sort()).toEqual(["ipxe", "ipxm"]);
    const generated = grammarFiles.map((file) => ({ path: `./${file.path}`, scopeName: file.grammar().scopeName }));
    for (const language of languages) {
      const grammar = grammars.find((candidate) => candidate.language === language.id);
      expect(grammar, `the grammar of ${language.id}`).toBeDefined();
      expect(generated).toContainEqual({ path: grammar!.path, scopeName: grammar!.scopeName });
    }
  });

  it("maps the embedded iPXE scope of raw blocks to the ipxe language", () => {
    const ipxm = grammars.find((grammar) => grammar.language === "ipxm")!;
    expect(ipxm.embeddedLanguages).toEqual({ [embeddedIpxeScope]: "ipxe" });
  });

  it("recognises iPXE scripts by extension and by their signature", () => {
    const ipxe = languages.find((language) => language.id === "ipxe")!;
    expect(ipxe.extensions).toEqual([".ipxe"]);
    const firstLine = new RegExp(ipxe.firstLine!);
    expect(firstLine.test("#!ipxe")).toBe(true);
    expect(firstLine.test("# not a script")).toBe(false);
    expect(languages.find((language) => language.id === "ipxm")!.extensions).toEqual([".ipxm"]);
  });

  it("gives each language a configuration file whose comments are the lexer's", () => {
    for (const language of languages) {
      const path = language.configuration.replace(/^\.\//, "");
      expect(existsSync(new URL(path, packageDir)), path).toBe(true);
      readJson<LanguageConfiguration>(path);
    }
    const ipxm = readJson<LanguageConfiguration>("language-configuration.ipxm.json");
    const pattern = (name: string) => tokenVocabulary.find((token) => token.name === name)!.pattern as RegExp;
    expect(`${ipxm.comments.lineComment} note`).toMatch(new RegExp(`^(?:${pattern("LineComment").source})$`));
    expect(`${ipxm.comments.blockComment![0]} note ${ipxm.comments.blockComment![1]}`).toMatch(
      new RegExp(`^(?:${pattern("BlockComment").source})$`),
    );
    expect(readJson<LanguageConfiguration>("language-configuration.ipxe.json").comments.lineComment).toBe("#");
  });

  it("treats a name with a `-` as one word", () => {
    const wordPattern = new RegExp(
      readJson<LanguageConfiguration>("language-configuration.ipxm.json").wordPattern!,
      "g",
    );
    expect("item ubuntu-24 -> menu x".match(wordPattern)).toEqual(["item", "ubuntu-24", "menu", "x"]);
    expect("after 30s drive 0x80".match(wordPattern)).toEqual(["after", "30s", "drive", "0x80"]);
  });

  it("activates for both languages", () => {
    for (const language of languages) expect(manifest.activationEvents).toContain(`onLanguage:${language.id}`);
  });

  it("contributes snippets that exist", () => {
    for (const snippet of snippets) {
      expect(languages.map((language) => language.id)).toContain(snippet.language);
      expect(existsSync(new URL(snippet.path, packageDir)), snippet.path).toBe(true);
    }
  });

  it("offers every target profile of the iPXE model, and the files' own as the default", () => {
    const target = configuration.properties["ipxm.target"]!;
    expect(target.enum).toEqual(["", ...profileNames]);
    expect(target.default).toBe("");
    expect(profileNames).toContain(defaultProfileName);
    expect(configuration.properties["ipxm.trace.server"]!.enum).toEqual(["off", "messages", "verbose"]);
  });

  it("requires the VS Code version whose API types it compiles against", () => {
    const require = createRequire(import.meta.url);
    const types = JSON.parse(readFileSync(require.resolve("@types/vscode/package.json"), "utf8")) as {
      version: string;
    };
    const [major, minor] = types.version.split(".");
    expect(manifest.engines.vscode).toBe(`^${major}.${minor}.0`);
  });
});
