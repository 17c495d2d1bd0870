/**
 * Watches source directories and calls back once per burst of changes. Editors save in several
 * steps (write a temp file, rename, touch), so events are debounced. Only changes to `.ipxm`
 * files and to the files a build read count, so writing the output never triggers a rebuild.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface WatchTarget {
  readonly directory: string;
  readonly recursive: boolean;
}

export interface SourceWatcher {
  /** Replaces the watched set (after a build has read new imports). */
  update(targets: readonly WatchTarget[], relevantFiles: ReadonlySet<string>): void;
  close(): void;
}

export function watchSources(onChange: (changed: string) => void, debounceMs = 100): SourceWatcher {
  const watchers = new Map<string, fs.FSWatcher>();
  let relevant: ReadonlySet<string> = new Set();
  let timer: NodeJS.Timeout | undefined;
  let pending: string | undefined;

  const fire = (changed: string) => {
    pending ??= changed;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const first = pending!;
      pending = undefined;
      onChange(first);
    }, debounceMs);
  };

  const keyOf = (target: WatchTarget) => `${target.recursive ? "r" : "n"}:${target.directory}`;

  return {
    update(targets, relevantFiles) {
      relevant = relevantFiles;
      const wanted = new Map(targets.map((target) => [keyOf(target), target]));
      for (const [key, watcher] of watchers) {
        if (!wanted.has(key)) {
          watcher.close();
          watchers.delete(key);
        }
      }
      for (const [key, target] of wanted) {
        if (watchers.has(key)) continue;
        try {
          const watcher = fs.watch(target.directory, { recursive: target.recursive }, (_event, name) => {
            const changed = name === null ? target.directory : path.join(target.directory, name.toString());
            if (name === null || changed.endsWith(".ipxm") || relevant.has(changed)) {
              fire(changed);
            }
          });
          // A watched directory that disappears ends its watcher; the next update may add it again.
          watcher.on("error", () => {
            watcher.close();
            watchers.delete(key);
          });
          watchers.set(key, watcher);
        } catch {
          // The directory is gone; nothing to watch until it comes back through an update.
        }
      }
    },
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
    },
  };
}

/**
 * What to watch for a build: the directories the user named (recursively, so new files are seen)
 * and the directory of every other file the build read, including imports that did not exist yet.
 * All paths are absolute.
 */
export function watchTargetsFor(directories: readonly string[], filesRead: Iterable<string>): WatchTarget[] {
  const targets: WatchTarget[] = directories.map((directory) => ({ directory, recursive: true }));
  const covered = (file: string) =>
    directories.some((directory) => file === directory || file.startsWith(`${directory}${path.sep}`));
  const parents = new Set<string>();
  for (const file of filesRead) {
    if (covered(file)) continue;
    let parent = path.dirname(file);
    // A missing import may sit in a missing directory: watch the nearest ancestor that exists.
    while (!fs.existsSync(parent) && parent !== path.dirname(parent)) parent = path.dirname(parent);
    parents.add(parent);
  }
  for (const directory of [...parents].sort()) targets.push({ directory, recursive: false });
  return targets;
}
