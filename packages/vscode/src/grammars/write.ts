/**
 * Writes the generated grammars where package.json's `contributes.grammars` expects them. Run by
 * scripts/build.mjs; the files are build output, never edited by hand.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ipxeGrammar } from "./ipxe-grammar.js";
import { ipxmGrammar } from "./ipxm-grammar.js";
import type { Grammar } from "./textmate.js";

export interface GrammarFile {
  /** Path relative to the package directory, as package.json names it (without `./`). */
  readonly path: string;
  readonly grammar: () => Grammar;
}

export const grammarFiles: readonly GrammarFile[] = [
  { path: "syntaxes/ipxm.tmLanguage.json", grammar: ipxmGrammar },
  { path: "syntaxes/ipxe.tmLanguage.json", grammar: ipxeGrammar },
];

/** Generates every grammar into `packageDir` and returns the paths written. */
export async function writeGrammars(packageDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const file of grammarFiles) {
    const target = join(packageDir, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, `${JSON.stringify(file.grammar(), null, 2)}\n`);
    written.push(target);
  }
  return written;
}
