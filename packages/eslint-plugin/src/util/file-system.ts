/**
 * Reading a file next to the one being linted, for when no tree was given (ESLint run directly on
 * some files). Node's file system is reached through `process.getBuiltinModule`, so the plugin still
 * loads where there is none (a browser running `eslint/universal`); there, nothing is read.
 */
type ReadFileSync = (path: string, encoding: "utf8") => string;

function nodeReadFileSync(): ReadFileSync | undefined {
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const fs = get?.("node:fs") as { readFileSync?: ReadFileSync } | undefined;
  return fs?.readFileSync;
}

/** The file's text, or undefined when it cannot be read (or there is no file system). */
export function readTextFile(path: string): string | undefined {
  if (!path.startsWith("/")) return undefined;
  const readFileSync = nodeReadFileSync();
  if (!readFileSync) return undefined;
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

/** Whether a file exists: true or false when the file system can tell, undefined when there is none. */
export function fileExists(path: string): boolean | undefined {
  if (!path.startsWith("/")) return undefined;
  const get = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const fs = get?.("node:fs") as
    { statSync?: (path: string, options: { throwIfNoEntry: false }) => unknown } | undefined;
  if (!fs?.statSync) return undefined;
  try {
    const stat = fs.statSync(path, { throwIfNoEntry: false }) as { isFile(): boolean } | undefined;
    return stat !== undefined && stat.isFile();
  } catch {
    return undefined;
  }
}
