/**
 * Path spelling for the workspace. Core does no I/O, so paths are plain strings: posix-style, joined
 * and normalised here, once, so that one file never goes by two names.
 */

/** Removes `.` and empty segments and folds `..` into its parent (never above the root of an absolute path). */
export function normalizePath(path: string): string {
  // Most paths are normal already (every import is resolved through here): no `.`, `..` or empty
  // segment, so splitting and joining would give them back unchanged.
  if (path !== "" && !path.endsWith("/") && !path.includes("//") && !dotSegment.test(path)) return path;
  const absolute = path.startsWith("/");
  const segments: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (segments.length > 0 && segments[segments.length - 1] !== "..") segments.pop();
      else if (!absolute) segments.push("..");
      continue;
    }
    segments.push(segment);
  }
  const joined = segments.join("/");
  if (absolute) return `/${joined}`;
  return joined === "" ? "." : joined;
}

const dotSegment = /(?:^|\/)\.\.?(?:\/|$)/;

/** The directory part of a normalised path: `""` for a bare file name, `/` for a file at the root. */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf("/");
  if (slash < 0) return "";
  if (slash === 0) return "/";
  return path.slice(0, slash);
}

/**
 * The file an `import "spec"` in `fromFile` names: `spec` taken relative to the importing file's
 * directory (or as is when it is absolute), normalised.
 */
export function resolveImportPath(fromFile: string, spec: string): string {
  if (spec.startsWith("/")) return normalizePath(spec);
  const directory = directoryOf(normalizePath(fromFile));
  if (directory === "") return normalizePath(spec);
  return normalizePath(`${directory}/${spec}`);
}

/** The last segment of a path: the file's name without its directories. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}
