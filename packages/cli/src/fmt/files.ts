/**
 * The files `ipxm fmt` formats: files named on the command line as given, directories expanded to
 * every `.ipxm` and `.ipxe` below them in sorted order (hidden directories and node_modules skipped).
 */
import * as fs from "node:fs";
import * as path from "node:path";
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
    const found = walk(name, cwd);
    if (found.length === 0) problems.push({ path: name, message: "holds no .ipxm or .ipxe file" });
    for (const file of found) add(file);
  }
  return { files, problems };
}

function walk(root: string, cwd: string): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = (dir: string) => {
    let real: string;
    let entries: fs.Dirent[];
    try {
      real = fs.realpathSync(absolutePath(cwd, dir));
      entries = fs.readdirSync(real, { withFileTypes: true });
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const full = dir === "." ? entry.name : path.posix.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(absolutePath(cwd, full));
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue;
        }
      }
      if (isDirectory && !entry.name.startsWith(".") && entry.name !== "node_modules") visit(full);
      else if (isFile && languageOf(entry.name) !== undefined) found.push(full);
    }
  };
  visit(root);
  return found;
}
