/** RuleTester wired to vitest, with one tester per language. */
import { RuleTester } from "eslint";
import { describe, it } from "vitest";
import plugin, { createLintTree, type LintTree } from "../src/index.js";

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

export const ipxeTester = new RuleTester({ plugins: { ipxm: plugin as never }, language: "ipxm/ipxe" });
export const ipxmTester = new RuleTester({ plugins: { ipxm: plugin as never }, language: "ipxm/ipxm" });

/** A tree of files under /site for cross-file cases, as language options of a test case. */
export function treeOptions(files: Record<string, string>): { languageOptions: { tree: LintTree } } {
  return {
    languageOptions: {
      tree: createLintTree(Object.entries(files).map(([path, text]) => ({ path: `/site/${path}`, text }))),
    },
  };
}
