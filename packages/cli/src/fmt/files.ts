/**
 * The files `ipxm fmt` formats: files named on the command line as given, directories expanded to
 * every `.ipxm` and `.ipxe` below them in sorted order (hidden directories and node_modules skipped).
 */
import * as fs from "node:fs";
import { walkTree } from "../inputs.js";
import { absolutePath, canonicalPath } from "../paths.js";

export type Language = "ipxm" | "ipxe";

export function languageOf(file: string): Language | undefined {
  if (file.endsWith(".ipxm")) return "ipxm";
  if (file.endsWith(".ipxe")) return "ipxe";
  return undefined;
}

export interface FoundFiles {
  /** Source names (relative to the working directory, posix-style). */
  readonly files: readonly string[];
  readonly problems: readonly { readonly path: string; readonly message: string }[];
}

export function findFiles(paths: readonly string[], cwd: string): FoundFiles {
  const files: string[] = [];
  const problems: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const given of paths) {
    const name = canonicalPath(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolutePath(cwd, name));
    } catch {
      problems.push({ path: name, message: "does not exist" });
      continue;
    }
    if (!stat.isDirectory()) {
      if (languageOf(name) === undefined) problems.push({ path: name, message: "is not an .ipxm or .ipxe file" });
      else add(name);
      continue;
    }
    const found = walkTree(name, cwd, (file) => languageOf(file) !== undefined);
    if (found.length === 0) problems.push({ path: name, message: "holds no .ipxm or .ipxe file" });
    for (const file of found) add(file);
  }
  return { files, problems };
}
