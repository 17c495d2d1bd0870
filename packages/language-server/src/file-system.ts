/**
 * The server's only window on the disk. Everything else reads files through a `FileSystem`, so the
 * language service runs the same over the real disk, in tests over a map, and in a browser over
 * whatever the host provides.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { normalizePath } from "@ipxm/core";

export interface FileSystem {
  /** The text of a file, or undefined when it cannot be read as UTF-8 text. */
  readFile(path: string): string | undefined;
  /** Every `.ipxm` and `.ipxe` file under `folder`, at most `limit` of them. */
  findSourceFiles(folder: string, limit: number): string[];
}

/** Folders no menu tree keeps its sources in, and which can be huge. */
const skippedFolders = new Set(["node_modules", ".git", ".hg", ".svn", ".turbo"]);

const largestFile = 10 * 1024 * 1024;

export const nodeFileSystem: FileSystem = {
  readFile(file) {
    try {
      if (fs.statSync(file).size > largestFile) return undefined;
      return new TextDecoder("utf-8", { fatal: true }).decode(fs.readFileSync(file));
    } catch {
      return undefined;
    }
  },
  findSourceFiles(folder, limit) {
    const found: string[] = [];
    const pending = [folder];
    while (pending.length > 0 && found.length < limit) {
      const directory = pending.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(directory, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const entry of entries) {
        const full = path.join(directory, entry.name);
        if (entry.isDirectory()) {
          if (!skippedFolders.has(entry.name) && !entry.name.startsWith(".")) pending.push(full);
        } else if (entry.isFile() && isSourceFileName(entry.name) && found.length < limit) {
          found.push(normalizePath(full.split(path.sep).join("/")));
        }
      }
    }
    return found.sort();
  },
};

/** A file system held in memory: path → text. Tests and embedders use it. */
export function memoryFileSystem(files: Readonly<Record<string, string>> | ReadonlyMap<string, string>): FileSystem {
  const texts = new Map(files instanceof Map ? files : Object.entries(files));
  return {
    readFile: (file) => texts.get(normalizePath(file)),
    findSourceFiles(folder, limit) {
      return [...texts.keys()]
        .filter((file) => isInFolder(file, folder) && isSourceFileName(file))
        .sort()
        .slice(0, limit);
    },
  };
}

function isSourceFileName(name: string): boolean {
  return name.endsWith(".ipxm") || name.endsWith(".ipxe");
}

/** Whether `path` lies somewhere under `folder` (both normalised, posix-style). */
export function isInFolder(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith("/") ? folder : `${folder}/`);
}
