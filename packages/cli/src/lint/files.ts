/**
 * What `ipxm lint` lints: files named on the command line, whatever their names, and below each
 * directory every `.ipxm`, every `.ipxe`, and every other file that starts with `#!ipxe` (sites name
 * scripts `boot.cfg`, `menu`, `local-vars`…). Hidden directories and node_modules are skipped.
 * Each file is read once here; what cannot be linted as text (binary, not UTF-8, too large) is
 * turned away with a message instead of being handed to ESLint.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { decodeUtf8, lineOfByte } from "../utf8.js";
import { formatBytes } from "../format.js";
import { walkTree } from "../inputs.js";
import { canonicalPath } from "../paths.js";

export type LintLanguage = "ipxm" | "ipxe";

export interface LintFile {
  /** Absolute path. */
  readonly path: string;
  readonly language: LintLanguage;
  /** The text, without a byte order mark. */
  readonly text: string;
  /** The file starts with a byte order mark (kept out of `text`; iPXE refuses such a script). */
  readonly bom: boolean;
  /** Found by its `#!ipxe` header rather than by its name. */
  readonly byHeader: boolean;
}

export interface RefusedFile {
  readonly path: string;
  readonly message: string;
}

export interface LintInputs {
  readonly files: readonly LintFile[];
  readonly refused: readonly RefusedFile[];
  /** Paths on the command line that do not exist. */
  readonly missing: readonly string[];
}

/** Files larger than this are not read (the compiler's own limit). */
export const maxLintBytes = 8 * 1024 * 1024;

export function collectLintInputs(paths: readonly string[], cwd: string): LintInputs {
  const files: LintFile[] = [];
  const refused: RefusedFile[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();

  const take = (absolute: string, explicit: boolean) => {
    if (seen.has(absolute)) return;
    const language: LintLanguage = absolute.endsWith(".ipxm") ? "ipxm" : "ipxe";
    const byName = absolute.endsWith(".ipxm") || absolute.endsWith(".ipxe");
    if (!explicit && !byName && !startsWithHeader(absolute)) return;
    seen.add(absolute);
    const read = readText(absolute);
    if (typeof read !== "string") refused.push({ path: absolute, message: read.message });
    else {
      const bom = read.startsWith("\uFEFF");
      files.push({ path: absolute, language, text: bom ? read.slice(1) : read, bom, byHeader: !byName });
    }
  };

  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch {
      missing.push(canonicalPath(cwd, given));
      continue;
    }
    // Sorted as whole paths, so `a-b.ipxe` comes before `a/c.ipxe` as it always has.
    if (stat.isDirectory()) for (const file of walkTree(absolute, cwd, () => true).sort()) take(file, false);
    else take(absolute, true);
  }
  return { files, refused, missing };
}

/** Whether a file's first bytes are an iPXE script signature. */
function startsWithHeader(file: string): boolean {
  let descriptor: number | undefined;
  try {
    descriptor = fs.openSync(file, "r");
    const head = Buffer.alloc(7);
    const read = fs.readSync(descriptor, head, 0, 7, 0);
    const text = head.subarray(0, read).toString("latin1");
    return /^#![ig]pxe\s/.test(text);
  } catch {
    return false;
  } finally {
    if (descriptor !== undefined) fs.closeSync(descriptor);
  }
}

function readText(file: string): string | { message: string } {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxLintBytes) return { message: `is ${formatBytes(size)}; ipxm lints files of at most 8 MiB` };
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return {
      message: `is not a text file (a NUL byte at byte offset ${nul}, line ${lineOfByte(bytes, nul)}); not linted`,
    };
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const byte = decoded.byte.toString(16).toUpperCase().padStart(2, "0");
    return {
      message: `is not valid UTF-8 (byte 0x${byte} at byte offset ${decoded.offset}, line ${lineOfByte(bytes, decoded.offset)}); save it as UTF-8`,
    };
  }
  return decoded.text;
}
