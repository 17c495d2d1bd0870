/** The language options both languages accept. */
import { isLintTree, type LintTree } from "../tree.js";

export interface IpxmLanguageOptions {
  /** The files linted together (see tree.ts); `ipxm lint` sets it. */
  tree?: LintTree;
  [key: string]: unknown;
}

export function validateTreeOption(options: IpxmLanguageOptions): void {
  if (options.tree !== undefined && !isLintTree(options.tree)) {
    throw new TypeError('languageOptions.tree must be a tree made by createLintTree() of "@ipxm/eslint-plugin"');
  }
}
