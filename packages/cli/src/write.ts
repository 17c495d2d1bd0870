/**
 * Writing outputs all or nothing: every file first goes to a temporary file beside its target, and
 * only when all of them are written are they renamed into place. A reader (an iPXE client fetching
 * from `serve`) therefore never sees half a script, and a failed write leaves the old outputs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { randomBytes } from "node:crypto";

export interface OutputFile {
  /** Absolute path of the file to (re)place. */
  readonly path: string;
  readonly contents: string;
  /** How the text becomes bytes (default UTF-8; `latin1` writes each character as one byte). */
  readonly encoding?: "utf8" | "latin1";
}

export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot write ${path}: ${reason}`);
    this.name = "WriteError";
  }
}

/** Writes every file or none; throws WriteError and removes the temporary files on failure. */
export function writeAllAtomically(files: readonly OutputFile[]): void {
  const staged: { temp: string; target: string }[] = [];
  try {
    for (const file of files) {
      const dir = path.dirname(file.path);
      try {
        fs.mkdirSync(dir, { recursive: true });
      } catch (error) {
        throw new WriteError(dir, reasonOf(error));
      }
      const temp = path.join(dir, `.${path.basename(file.path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      try {
        fs.writeFileSync(temp, file.contents, { flag: "wx", encoding: file.encoding ?? "utf8" });
      } catch (error) {
        throw new WriteError(file.path, reasonOf(error));
      }
      staged.push({ temp, target: file.path });
    }
    for (const { temp, target } of staged) {
      try {
        fs.renameSync(temp, target);
      } catch (error) {
        throw new WriteError(target, reasonOf(error));
      }
    }
  } catch (error) {
    for (const { temp } of staged) fs.rmSync(temp, { force: true });
    throw error;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "a directory is in the way";
    case "ENOTDIR":
    case "EEXIST":
      return "a file is in the way of a directory";
    case "ENOSPC":
      return "no space left on the device";
    case "EROFS":
      return "the file system is read-only";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
