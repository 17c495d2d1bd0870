/**
 * Path spelling. A source file's name is its path relative to the working directory, posix-style
 * (`menus/linux.ipxm`, `../shared/site.ipxm`), normalised the way core's resolveImportPath
 * normalises imports. Root files and imported files thus get the same name, one file never has two,
 * and messages that quote a path read naturally. The host resolves names against the working
 * directory; absolute paths appear only for watching and serving.
 */
import * as path from "node:path";

export function toPosix(p: string): string {
  return path.sep === "/" ? p : p.split(path.sep).join("/");
}

/** The source name of a path given relative to `cwd` (or absolute). */
export function canonicalPath(cwd: string, p: string): string {
  const relative = toPosix(path.relative(cwd, path.resolve(cwd, p)));
  return relative === "" ? "." : relative;
}

/** The absolute file-system path of a source name. */
export function absolutePath(cwd: string, name: string): string {
  return path.resolve(cwd, name);
}

/** How a path is shown: as its source name, so messages and locations agree. */
export const displayPath = canonicalPath;

/** `out` → `out/`, for messages that name a directory; absolute when far from `cwd` (`/srv/tftp/`). */
export function displayDir(cwd: string, p: string): string {
  let shown = displayPath(cwd, p);
  if (shown.startsWith("../../")) shown = toPosix(path.resolve(cwd, p));
  return shown.endsWith("/") ? shown : `${shown}/`;
}
