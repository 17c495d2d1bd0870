/**
 * Workspaces for tests, written inline with markers:
 *   `┆`          the cursor (at most one per file)
 *   `[|…|]`      an expected range (any number per file, in order)
 * Every file is open in the editor unless `options.closed` names it; the folder is `/w`.
 */
import type { Position, Range } from "vscode-languageserver";
import { memoryFileSystem } from "../../src/file-system.js";
import { languageOfFile } from "../../src/language-kind.js";
import { ServerWorkspace } from "../../src/server-workspace.js";
import type { Snapshot, SourceDocument } from "../../src/snapshot.js";
import { pathToUri } from "../../src/uris.js";

export const cursorMarker = "┆";

export interface Marked {
  readonly text: string;
  /** Offset of the cursor, if the text had one. */
  readonly cursor?: number;
  /** Offsets of each `[|…|]`, in order. */
  readonly ranges: readonly { start: number; end: number }[];
}

/** Removes the markers from `marked` and says where they were. */
export function unmark(marked: string): Marked {
  let text = "";
  let cursor: number | undefined;
  const ranges: { start: number; end: number }[] = [];
  const open: number[] = [];
  for (let i = 0; i < marked.length;) {
    if (marked.startsWith(cursorMarker, i)) {
      if (cursor !== undefined) throw new Error("two cursors in one file");
      cursor = text.length;
      i += cursorMarker.length;
    } else if (marked.startsWith("[|", i)) {
      open.push(text.length);
      i += 2;
    } else if (marked.startsWith("|]", i)) {
      const start = open.pop();
      if (start === undefined) throw new Error("`|]` without `[|`");
      ranges.push({ start, end: text.length });
      i += 2;
    } else {
      text += marked[i];
      i++;
    }
  }
  if (open.length > 0) throw new Error("`[|` without `|]`");
  ranges.sort((a, b) => a.start - b.start);
  return { text, ...(cursor !== undefined ? { cursor } : {}), ranges };
}

export interface Fixture {
  readonly workspace: ServerWorkspace;
  snapshot(): Snapshot;
  document(path: string): SourceDocument;
  uri(path: string): string;
  /** The file holding the cursor, and the cursor's LSP position. */
  readonly cursor: { readonly document: SourceDocument; readonly position: Position; readonly offset: number };
  /** The `[|…|]` ranges of a file as LSP ranges. */
  ranges(path: string): Range[];
  /** LSP position of an offset in a file. */
  position(path: string, offset: number): Position;
}

export interface FixtureOptions {
  /** Files that exist only on disk (not open in the editor). */
  readonly closed?: readonly string[];
  readonly target?: string;
}

export function fixture(files: Readonly<Record<string, string>>, options: FixtureOptions = {}): Fixture {
  const marked = new Map(Object.entries(files).map(([path, text]) => [path, unmark(text)]));
  const disk = memoryFileSystem(new Map([...marked].map(([path, { text }]) => [path, text])));
  const workspace = new ServerWorkspace(disk);
  workspace.setFolders(["/w"]);
  if (options.target !== undefined) workspace.setTarget(options.target);
  for (const [path, { text }] of marked) {
    if (options.closed?.includes(path)) continue;
    const language = languageOfFile(path, text);
    if (!language) throw new Error(`${path}: neither .ipxm nor an iPXE script`);
    workspace.openDocument(pathToUri(path), language, 1, text);
  }
  const document = (path: string): SourceDocument => {
    const found = workspace.snapshot().documentAtPath(path);
    if (!found) throw new Error(`no document ${path}`);
    return found;
  };
  const position = (path: string, offset: number) => {
    const doc = document(path);
    return workspace.snapshot().lines(doc).positionAt(offset);
  };
  const withCursor = [...marked].filter(([, m]) => m.cursor !== undefined);
  let cursor: Fixture["cursor"] | undefined;
  if (withCursor.length > 1) throw new Error("a cursor in more than one file");
  const cursorFile = withCursor[0];
  return {
    workspace,
    snapshot: () => workspace.snapshot(),
    document,
    uri: pathToUri,
    get cursor() {
      if (!cursorFile) throw new Error("no cursor marker in the fixture");
      cursor ??= {
        document: document(cursorFile[0]),
        offset: cursorFile[1].cursor!,
        position: position(cursorFile[0], cursorFile[1].cursor!),
      };
      return cursor;
    },
    ranges: (path) => {
      const lines = workspace.snapshot().lines(document(path));
      return marked.get(path)!.ranges.map((r) => ({ start: lines.positionAt(r.start), end: lines.positionAt(r.end) }));
    },
    position,
  };
}
