/**
 * The files the server knows: the workspace folders' `.ipxm` and `.ipxe` files as on disk, with the
 * editor's open buffers over them. Hands out snapshots; a new one after every change.
 */
import { directoryOf, normalizePath } from "@ipxm/core";
import { isInFolder, type FileSystem } from "./file-system.js";
import { languageOfFile } from "./language-kind.js";
import { recommendedSettingsFor, type LintSettings } from "./diagnostics/lint-rules.js";
import { Snapshot, type SourceDocument } from "./snapshot.js";
import { pathToUri, uriToPath, type LanguageKind } from "./uris.js";

/** A workspace larger than this is read only in part (the first files found). */
export const maxWorkspaceFiles = 5000;

export class ServerWorkspace {
  /** The folders' source files as read from disk, with their language (worked out once, when read). */
  private readonly onDisk = new Map<string, { readonly text: string; readonly language: LanguageKind }>();
  private readonly open = new Map<string, SourceDocument>();
  private folders: string[] = [];
  private version = 0;
  private current: Snapshot | undefined;
  /** The last snapshot handed out, until the next one is made (it may hold an analysis to fall back on). */
  private replaced: Snapshot | undefined;
  private target: string | undefined;

  constructor(
    private readonly fileSystem: FileSystem,
    /** The project's settings of the lint rules for a file; the recommended ones unless told otherwise. */
    private readonly settingsFor: (path: string, language: LanguageKind) => LintSettings = recommendedSettingsFor,
  ) {}

  /** Reads the folders' source files from disk (replacing what was read before). */
  setFolders(paths: readonly string[]): void {
    this.folders = [];
    this.onDisk.clear();
    for (const folder of paths) this.addFolder(normalizePath(folder));
    this.changed();
  }

  /** Workspace folders added and removed (the editor's multi-root workspace changed). */
  changeFolders(added: readonly string[], removed: readonly string[]): void {
    for (const folder of removed.map(normalizePath)) {
      this.folders = this.folders.filter((kept) => kept !== folder);
      for (const path of [...this.onDisk.keys()]) {
        if (isInFolder(path, folder) && !this.isInFolders(path)) this.onDisk.delete(path);
      }
    }
    for (const folder of added) this.addFolder(normalizePath(folder));
    this.changed();
  }

  private addFolder(folder: string): void {
    if (folder === "" || this.folders.includes(folder)) return;
    this.folders.push(folder);
    for (const path of this.fileSystem.findSourceFiles(folder, maxWorkspaceFiles - this.onDisk.size)) {
      if (!this.onDisk.has(path)) this.reread(path);
    }
  }

  setTarget(target: string | undefined): void {
    if (target === this.target) return;
    this.target = target;
    this.changed();
  }

  openDocument(uri: string, language: LanguageKind, version: number, text: string): SourceDocument {
    const path = uriToPath(uri, language);
    // A file opened on its own (no folder, or outside them) still sees its neighbours: what it imports.
    if (uri.startsWith("file:") && !this.isInFolders(path)) this.addFolder(directoryOf(path));
    const document: SourceDocument = { uri, path, language, text, open: true, version };
    this.open.set(path, document);
    this.changed();
    return document;
  }

  changeDocument(uri: string, version: number, text: string): SourceDocument | undefined {
    const previous = this.openDocumentOf(uri);
    if (!previous) return undefined;
    const document: SourceDocument = { ...previous, text, version };
    this.open.set(previous.path, document);
    this.changed();
    return document;
  }

  closeDocument(uri: string): void {
    const previous = this.openDocumentOf(uri);
    if (!previous) return;
    this.open.delete(previous.path);
    // What is on disk counts again (the buffer may have been closed without saving).
    if (this.isInFolders(previous.path)) this.reread(previous.path);
    this.changed();
  }

  /** Files created, changed or deleted on disk (the editor's file watcher). */
  filesChanged(paths: readonly string[]): void {
    for (const path of paths.map(normalizePath)) this.reread(path);
    this.changed();
  }

  snapshot(): Snapshot {
    if (!this.current) {
      const documents = new Map<string, SourceDocument>();
      for (const [path, { text, language }] of this.onDisk) {
        documents.set(path, { uri: pathToUri(path), path, language, text, open: false });
      }
      for (const [path, document] of this.open) documents.set(path, document);
      this.current = new Snapshot(this.version, documents, this.target, this.settingsFor, this.replaced);
      this.replaced = undefined;
    }
    return this.current;
  }

  openDocumentOf(uri: string): SourceDocument | undefined {
    for (const document of this.open.values()) if (document.uri === uri) return document;
    return undefined;
  }

  private reread(path: string): void {
    const text = this.fileSystem.readFile(path);
    const language = text === undefined ? undefined : languageOfFile(path, text);
    if (text === undefined || !language) this.onDisk.delete(path);
    else this.onDisk.set(path, { text, language });
  }

  private isInFolders(path: string): boolean {
    return this.folders.some((folder) => isInFolder(path, folder));
  }

  private changed(): void {
    this.version++;
    if (this.current) this.replaced = this.current;
    this.current = undefined;
  }
}
