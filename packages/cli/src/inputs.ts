/**
 * Turns the paths on the command line into the list of source files: files as given, directories
 * expanded to every `.ipxm` below them in sorted order. Hidden directories and node_modules are
 * skipped, and a symbolic link loop is followed only once.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { makeDiagnostic, type Diagnostic } from "./pipeline.js";
import { absolutePath, canonicalPath } from "./paths.js";

export interface InputFile {
  /** The source name (relative to the working directory, posix-style; see paths.ts). */
  readonly path: string;
  /** The directory its output path is relative to: the directory given, or the file's own directory. */
  readonly base: string;
}

export interface Inputs {
  readonly files: readonly InputFile[];
  /** Directories the user named (source names), which `serve` watches. */
  readonly directories: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

export const sourceExtension = ".ipxm";

export function collectInputs(paths: readonly string[], cwd: string): Inputs {
  const files: InputFile[] = [];
  const directories: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const add = (file: string, base: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    files.push({ path: file, base });
  };

  for (const given of paths) {
    const canonical = canonicalPath(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolutePath(cwd, canonical));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") {
        diagnostics.push(inputDiagnostic("file-not-found", `${canonical} does not exist`, canonical));
      } else {
        diagnostics.push(
          inputDiagnostic("file-unreadable", `${canonical} cannot be read: ${code ?? String(error)}`, canonical),
        );
      }
      continue;
    }
    if (stat.isDirectory()) {
      directories.push(canonical);
      const found = walkSources(canonical, diagnostics, cwd);
      if (found.length === 0) {
        diagnostics.push(
          inputDiagnostic(
            "no-input-files",
            `${canonical} holds no ${sourceExtension} file (looked in every folder below it)`,
            canonical,
          ),
        );
      }
      for (const file of found) add(file, canonical);
    } else {
      // A file named explicitly is a source whatever its extension; the host reports if it cannot be read.
      add(canonical, path.posix.dirname(canonical));
    }
  }
  return { files, directories, diagnostics };
}

/** Source names of the `.ipxm` files below the directory `root` (a source name too). */
function walkSources(root: string, diagnostics: Diagnostic[], cwd: string): string[] {
  return walkTree(
    root,
    cwd,
    (name) => name.endsWith(sourceExtension),
    (dir, code) =>
      diagnostics.push(inputDiagnostic("file-unreadable", `directory ${dir} cannot be read: ${code}`, dir)),
  );
}

/**
 * The files below the directory `root` whose name `accept`s, depth first with each directory's entries
 * sorted by name; paths are built on `root` (relative to `cwd`, or absolute). Hidden directories and
 * node_modules are skipped, symbolic links are followed once (a loop is not), dangling links ignored.
 * Every command that takes directories (build, check, serve, fmt, lint) walks them with this.
 */
export function walkTree(
  root: string,
  cwd: string,
  accept: (name: string) => boolean,
  onUnreadable?: (dir: string, code: string) => void,
): string[] {
  const found: string[] = [];
  const visited = new Set<string>();
  const visit = (dir: string) => {
    const absolute = absolutePath(cwd, dir);
    let real: string;
    try {
      real = fs.realpathSync(absolute);
    } catch {
      return;
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      onUnreadable?.(dir, (error as NodeJS.ErrnoException).code ?? String(error));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = entry.name;
      const full = dir === "." ? name : path.posix.join(dir, name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = fs.statSync(absolutePath(cwd, full));
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link is not a source
        }
      }
      if (isDirectory) {
        if (name.startsWith(".") || name === "node_modules") continue;
        visit(full);
      } else if (isFile && accept(name)) {
        found.push(full);
      }
    }
  };
  visit(root);
  return found;
}

function inputDiagnostic(
  code: "file-not-found" | "file-unreadable" | "no-input-files",
  message: string,
  file: string,
): Diagnostic {
  return makeDiagnostic(code, message, file, { start: 0, end: 0 });
}
