/**
 * Loading a program: the root files and every file they import, each read through the caller's
 * `SourceHost` and parsed exactly once. Core does no I/O of its own.
 */
import type { ImportDecl, SourceFileNode } from "./ast.js";
import { makeDiagnostic, type Diagnostic } from "./diagnostics.js";
import { parse, type Comment } from "./parse.js";
import { reparse } from "./reparse.js";
import { normalizePath, resolveImportPath } from "./paths.js";
import { SourceText, type Range } from "./source.js";

export type ReadFailureCode = "file-not-found" | "file-unreadable" | "invalid-utf8" | "file-too-large";

export type ReadResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly code: ReadFailureCode; readonly message: string };

/** The caller's file system (or editor buffers, or a test's map). */
export interface SourceHost {
  readFile(path: string): ReadResult;
}

export interface ResolvedImport {
  readonly node: ImportDecl;
  /** The imported file's normalised path. */
  readonly resolved: string;
}

export interface ParsedFile {
  /** Normalised path: the key of `Workspace.files` and the `file` of its diagnostics. */
  readonly path: string;
  readonly source: SourceText;
  readonly ast: SourceFileNode;
  readonly comments: readonly Comment[];
  /** The file's imports in source order (only those whose path is plain text). */
  readonly imports: readonly ResolvedImport[];
  /** Parse diagnostics and this file's import problems. */
  readonly diagnostics: readonly Diagnostic[];
  /** The parse's own diagnostics (the first of `diagnostics`). */
  readonly syntaxDiagnostics: readonly Diagnostic[];
}

export interface Workspace {
  /** The root paths, normalised, in the order given. */
  readonly roots: readonly string[];
  /** Every loaded file, in load order (depth first from the roots, imports in source order). */
  readonly files: ReadonlyMap<string, ParsedFile>;
  /** Every loading diagnostic: roots that could not be read, and each file's own diagnostics. */
  readonly diagnostics: readonly Diagnostic[];
}

const startOfFile: Range = { start: 0, end: 0 };

export interface LoadOptions {
  /**
   * An earlier load of the same files (an editor's, one keystroke ago): a file whose text is the
   * same is not parsed again, and one whose text changed is reparsed from its earlier parse.
   */
  readonly previous?: Workspace;
  /**
   * Hand `previous` over: a reparsed file's declarations after the edit are moved in place rather
   * than copied (see `ReparseOptions.inPlace`), and `previous` must not be read afterwards.
   */
  readonly inPlace?: boolean;
}

/** Parses `roots` and, transitively, everything they import; each file once, cycles reported. */
export function loadWorkspace(roots: readonly string[], host: SourceHost, options: LoadOptions = {}): Workspace {
  return new WorkspaceLoader(host, options.previous, options.inPlace === true).load(roots);
}

interface MutableParsedFile extends ParsedFile {
  readonly diagnostics: Diagnostic[];
}

class WorkspaceLoader {
  private readonly files = new Map<string, MutableParsedFile>();
  private readonly failedReads = new Map<string, { code: string; message: string }>();
  private readonly rootDiagnostics: Diagnostic[] = [];

  constructor(
    private readonly host: SourceHost,
    private readonly previous: Workspace | undefined,
    private readonly inPlace: boolean,
  ) {}

  load(rootPaths: readonly string[]): Workspace {
    const roots: string[] = [];
    // A set beside the list: a command line can name thousands of roots (every file of a tree).
    const seenRoots = new Set<string>();
    for (const rootPath of rootPaths) {
      const root = normalizePath(rootPath);
      if (seenRoots.has(root)) continue;
      seenRoots.add(root);
      roots.push(root);
      if (this.files.has(root)) continue;
      const read = this.read(root);
      if (!read.ok) {
        this.rootDiagnostics.push(makeDiagnostic(read.code, `${root} ${read.message}`, root, startOfFile));
        continue;
      }
      this.loadFrom(this.parseFile(root, read.text));
    }
    const diagnostics = [...this.rootDiagnostics];
    for (const file of this.files.values()) diagnostics.push(...file.diagnostics);
    return { roots, files: this.files, diagnostics };
  }

  /**
   * Depth-first over imports with an explicit stack (a long chain of imports must not overflow the
   * call stack). An import of a file that is still on the stack closes a cycle.
   */
  private loadFrom(root: MutableParsedFile): void {
    const stack: { file: MutableParsedFile; next: number }[] = [{ file: root, next: 0 }];
    const onStack = new Set<string>([root.path]);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.next >= frame.file.imports.length) {
        stack.pop();
        onStack.delete(frame.file.path);
        continue;
      }
      const { node, resolved } = frame.file.imports[frame.next++]!;
      if (onStack.has(resolved)) {
        const start = stack.findIndex((entry) => entry.file.path === resolved);
        const chain = [...stack.slice(start).map((entry) => entry.file.path), resolved];
        frame.file.diagnostics.push(
          makeDiagnostic(
            "import-cycle",
            `import cycle: ${chain.join(" → ")}; remove one of these imports`,
            frame.file.path,
            node.path,
          ),
        );
        continue;
      }
      if (this.files.has(resolved)) continue;
      const read = this.read(resolved);
      if (!read.ok) {
        const code = read.code === "file-not-found" ? "import-not-found" : read.code;
        const spec = importSpec(node) ?? resolved;
        frame.file.diagnostics.push(
          makeDiagnostic(code, `cannot import "${spec}": ${resolved} ${read.message}`, frame.file.path, node.path),
        );
        continue;
      }
      const file = this.parseFile(resolved, read.text);
      stack.push({ file, next: 0 });
      onStack.add(resolved);
    }
  }

  private read(path: string): ReadResult {
    const failed = this.failedReads.get(path);
    if (failed) return failed as ReadResult;
    let result: ReadResult;
    try {
      result = this.host.readFile(path);
    } catch (error) {
      // A host that throws is a host bug, but the user still deserves a diagnostic, not a crash.
      result = {
        ok: false,
        code: "file-unreadable",
        message: `cannot be read: ${error instanceof Error ? error.message : String(error)}`,
      };
    }
    if (!result.ok) this.failedReads.set(path, result);
    return result;
  }

  private parseFile(path: string, text: string): MutableParsedFile {
    const earlier = this.previous?.files.get(path);
    const parsed = earlier
      ? reparse(
          { text: earlier.source.text, result: { ...earlier, diagnostics: earlier.syntaxDiagnostics } },
          text,
          path,
          { inPlace: this.inPlace },
        )
      : parse(text, path);
    const diagnostics: Diagnostic[] = [...parsed.diagnostics];
    const imports: ResolvedImport[] = [];
    for (const declaration of parsed.ast.declarations) {
      if (declaration.kind !== "Import") continue;
      const spec = importSpec(declaration);
      if (spec === undefined) {
        diagnostics.push(
          makeDiagnostic("import-not-found", "an import path must be plain text, without ${…}", path, declaration.path),
        );
        continue;
      }
      if (!spec.endsWith(".ipxm")) {
        diagnostics.push(
          makeDiagnostic(
            "import-not-found",
            `cannot import "${spec}": an import names a .ipxm file, e.g. "${spec.replace(/\/+$/, "")}.ipxm"`,
            path,
            declaration.path,
          ),
        );
        continue;
      }
      imports.push({ node: declaration, resolved: resolveImportPath(path, spec) });
    }
    const file: MutableParsedFile = {
      path,
      source: earlier?.source.text === text ? earlier.source : new SourceText(path, text),
      ast: parsed.ast,
      comments: parsed.comments,
      imports,
      diagnostics,
      syntaxDiagnostics: parsed.diagnostics,
    };
    this.files.set(path, file);
    return file;
  }
}

/** The import's path when it is plain text; undefined when it interpolates. */
function importSpec(node: ImportDecl): string | undefined {
  let text = "";
  for (const part of node.path.parts) {
    if (part.kind !== "Text") return undefined;
    text += part.value;
  }
  return text;
}

/** The files `file` sees: itself and everything reachable through its imports. */
export function reachableFiles(workspace: Workspace, file: string): Set<string> {
  const seen = new Set<string>([file]);
  const pending = [file];
  while (pending.length > 0) {
    const current = workspace.files.get(pending.pop()!);
    if (!current) continue;
    for (const { resolved } of current.imports) {
      if (seen.has(resolved) || !workspace.files.has(resolved)) continue;
      seen.add(resolved);
      pending.push(resolved);
    }
  }
  return seen;
}
