/**
 * Real files cut short at every few characters: the states a file passes through while it is typed
 * from the top. Features must answer for each of them.
 */
import { readFileSync } from "node:fs";
import type { Snapshot, SourceDocument } from "../../src/snapshot.js";
import { fixture } from "./fixture.js";

const repository = new URL("../../../../", import.meta.url);

/** A file of the repository by its path from the root (`menus/alpine.ipxm`). */
export function repositoryFile(path: string): string {
  return readFileSync(new URL(path, repository), "utf8");
}

export interface Prefix {
  readonly text: string;
  readonly snapshot: Snapshot;
  readonly document: SourceDocument;
}

/**
 * Opens `path` and sets its text to every `step`-th prefix of `text` in turn. `others` are further
 * files of the workspace (as in `fixture`).
 */
export function* prefixesOf(
  path: string,
  text: string,
  step: number,
  others: Readonly<Record<string, string>> = {},
): Generator<Prefix> {
  const fx = fixture({ ...others, [path]: "" });
  const uri = fx.uri(path);
  for (let end = 0; end <= text.length; end += step) {
    const prefix = text.slice(0, end);
    fx.workspace.changeDocument(uri, end + 2, prefix);
    const snapshot = fx.snapshot();
    yield { text: prefix, snapshot, document: snapshot.document(uri)! };
  }
}
