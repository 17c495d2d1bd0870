/**
 * The rule pages (docs/rules/) are part of the rules: one per rule, with its reasons and examples,
 * and the examples do what the page says — the bad ones are reported by the rule, the good ones not.
 */
import { Linter } from "eslint";
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import plugin, { rules } from "../src/index.js";

const docs = new URL("../../../docs/rules/", import.meta.url);
const read = (file: string) => fs.readFileSync(new URL(file, docs), "utf8");

/** The code blocks of one section of a page, with their language. */
function examples(page: string, section: "Bad" | "Good"): { language: string; code: string }[] {
  const body = page.split(`## ${section}\n`)[1]?.split(/\n## /)[0] ?? "";
  return [...body.matchAll(/```(ipxe|ipxm)\n([\s\S]*?)```/g)].map((match) => ({
    language: match[1]!,
    code: match[2]!,
  }));
}

/** Pages whose examples need what a single file cannot give: another file of the tree, or a long menu. */
const needsMore = new Set(["no-cross-file-goto", "no-missing-script", "max-menu-rows"]);
/** What a page's bad example is linted with. */
const exampleSettings: Record<string, Record<string, unknown>> = {
  "target-support": { ipxm: { target: "debian-efi" } },
};

function reports(rule: string, language: string, code: string): number {
  const linter = new Linter({ configType: "flat" });
  const messages = linter.verify(
    code,
    [
      {
        files: ["**/*.ipxe", "**/*.ipxm"],
        plugins: { ipxm: plugin as never },
        language: `ipxm/${language}`,
        rules: { [`ipxm/${rule}`]: "error" },
        settings: exampleSettings[rule] ?? {},
      },
    ],
    `example.${language}`,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.filter((message) => message.ruleId === `ipxm/${rule}`).length;
}

describe("docs/rules", () => {
  const index = read("README.md");

  for (const [name, rule] of Object.entries(rules)) {
    describe(name, () => {
      const page = read(`${name}.md`);

      it("has a page with what it catches, why iPXE behaves so, and bad and good examples", () => {
        expect(page.startsWith(`# ${name}\n`)).toBe(true);
        for (const section of ["## Why", "## Bad", "## Good"]) expect(page).toContain(`\n${section}\n`);
      });

      it("is listed in the index with its languages and its recommended severity", () => {
        const row = index.split("\n").find((line) => line.startsWith(`| [${name}](${name}.md)`));
        expect(row).toBeDefined();
        const recommended = rule.meta.docs.recommended;
        for (const [language, severity] of Object.entries(recommended)) {
          expect(row).toMatch(new RegExp(`${severity}`));
          expect(row).toContain(language === "ipxe" ? "iPXE" : "ipxm");
        }
      });

      if (!needsMore.has(name)) {
        it("reports its bad examples and not its good ones", () => {
          const bad = examples(page, "Bad");
          expect(bad.length).toBeGreaterThan(0);
          for (const example of bad)
            expect(reports(name, example.language, example.code), example.code).toBeGreaterThan(0);
          for (const example of examples(page, "Good"))
            expect(reports(name, example.language, example.code), example.code).toBe(0);
        });
      }
    });
  }

  it("has no page for a rule that does not exist", () => {
    const pages = fs.readdirSync(docs).filter((file) => file.endsWith(".md") && file !== "README.md");
    expect(pages.map((file) => file.slice(0, -3)).sort()).toEqual(Object.keys(rules).sort());
  });
});
