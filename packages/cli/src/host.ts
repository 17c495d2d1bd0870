/**
 * The source host: the only way ipxm reads `.ipxm` files. It refuses what the compiler must not
 * take (missing files, directories, files over 8 MiB, invalid UTF-8) with a stable code, and it
 * checks the size before reading, so a huge file is never loaded into memory.
 */
import * as fs from "node:fs";
import { decodeUtf8, lineOfByte } from "./utf8.js";
import { formatBytes } from "./format.js";
import { absolutePath } from "./paths.js";
import type { ReadResult, SourceHost } from "./pipeline.js";

export const maxSourceBytes = 8 * 1024 * 1024;

export type { ReadResult };

export interface NodeSourceHost extends SourceHost {
  readFile(path: string): ReadResult;
  /** Every source name asked for so far, found or not, for the watcher. */
  readonly pathsRead: ReadonlySet<string>;
}

/** A host that reads source names relative to `cwd`. */
export function createSourceHost(cwd: string): NodeSourceHost {
  const pathsRead = new Set<string>();
  return {
    pathsRead,
    readFile(name: string): ReadResult {
      pathsRead.add(name);
      return readSourceFile(absolutePath(cwd, name));
    },
  };
}

export function readSourceFile(path: string): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path);
  } catch (error) {
    return failure(error);
  }
  if (stat.isDirectory()) return { ok: false, code: "file-unreadable", message: "is a directory, not a file" };
  // FIFOs, sockets and devices could block or never end; only regular files are sources.
  if (!stat.isFile()) return { ok: false, code: "file-unreadable", message: "is not a regular file" };
  if (stat.size > maxSourceBytes) return tooLarge(stat.size);

  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (error) {
    return failure(error);
  }
  // The file may have grown between stat and read.
  if (bytes.length > maxSourceBytes) return tooLarge(bytes.length);

  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, "0");
    return {
      ok: false,
      code: "invalid-utf8",
      message: `is not valid UTF-8: byte 0x${byte} at byte offset ${decoded.offset} (line ${lineOfByte(bytes, decoded.offset)}); save the file as UTF-8`,
    };
  }
  return { ok: true, text: decoded.text };
}

function tooLarge(size: number): ReadResult {
  return {
    ok: false,
    code: "file-too-large",
    message: `is ${formatBytes(size)}; source files may be at most 8 MiB`,
  };
}

function failure(error: unknown): ReadResult {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return { ok: false, code: "file-not-found", message: "does not exist" };
    case "EACCES":
    case "EPERM":
      return { ok: false, code: "file-unreadable", message: "cannot be read: permission denied" };
    case "EISDIR":
      return { ok: false, code: "file-unreadable", message: "is a directory, not a file" };
    case "ELOOP":
      return { ok: false, code: "file-unreadable", message: "cannot be read: too many symbolic links" };
    default:
      return {
        ok: false,
        code: "file-unreadable",
        message: `cannot be read: ${code ?? (error instanceof Error ? error.message : String(error))}`,
      };
  }
}
