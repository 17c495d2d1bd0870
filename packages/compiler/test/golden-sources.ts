/** The golden programs (test/golden/*.ipxm), read from disk, for the tests that go through all of them. */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SourceHost } from "@ipxm/core";

export const goldenDirectory = fileURLToPath(new URL("./golden/", import.meta.url));

/** Reads the golden files (and what they import) from disk. */
export const goldenHost: SourceHost = {
  readFile(path) {
    try {
      return { ok: true, text: readFileSync(path, "utf8") };
    } catch {
      return { ok: false, code: "file-not-found", message: `cannot read ${path}` };
    }
  },
};

/** The names of the golden programs, in order. */
export function goldenSources(): string[] {
  return readdirSync(goldenDirectory)
    .filter((name) => name.endsWith(".ipxm"))
    .sort();
}
