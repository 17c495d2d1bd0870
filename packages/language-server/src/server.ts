/**
 * The language server: a `LanguageService` behind an LSP connection. Everything here is transport —
 * documents in, requests routed, diagnostics pushed; what the answers say is the features' business.
 */
import {
  CodeActionKind,
  ErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { LintConfigSource } from "./diagnostics/lint-rules.js";
import { DiagnosticsScheduler } from "./diagnostics/scheduler.js";
import { completionTriggerCharacters } from "./features/completion.js";
import { fixAllKind } from "./features/code-actions.js";
import { semanticTokensLegend } from "./features/semantic-tokens.js";
import type { FileSystem } from "./file-system.js";
import type { FormatConfig } from "./features/formatting.js";
import { languageOfFile, languageOfId } from "./language-kind.js";
import { LanguageService, RenameRefused } from "./service.js";
import { uriToPath } from "./uris.js";
import { serverName, serverVersion } from "./version.js";

export interface ServerOptions {
  readonly fileSystem: FileSystem;
  readonly resolveFormatConfig?: (path: string) => Promise<FormatConfig>;
  /** Where projects' ESLint configurations are read from (see node-lint-config.ts). */
  readonly lintConfig?: LintConfigSource;
  /** Quiet time after the last change before diagnostics run. */
  readonly diagnosticsDelayMs?: number;
}

/** What the client may tell us at start (`initializationOptions`) and in `ipxm` settings. */
interface ClientSettings {
  /** Target profile for every file, instead of each file's own `target "…"`. */
  readonly target?: unknown;
  /**
   * Whether a project's eslint.config.js is read (and so run) for its rules, as `ipxm lint` does;
   * `false`: the recommended rules everywhere (VS Code says so for a workspace it does not trust).
   */
  readonly projectLintConfig?: unknown;
}

export function startServer(connection: Connection, options: ServerOptions): LanguageService {
  const service = new LanguageService(options);
  const documents = new TextDocuments(TextDocument);
  const scheduler = new DiagnosticsScheduler({
    delayMs: options.diagnosticsDelayMs ?? 150,
    validate: (uri) => service.diagnostics(uri),
    publish: (uri, version, diagnostics) => {
      void connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics });
    },
    openDocuments: () => documents.keys(),
    documentVersion: (uri) => service.versionOf(uri),
  });

  const applySettings = (settings: ClientSettings | undefined) => {
    const target = settings?.target;
    service.workspace.setTarget(typeof target === "string" && target !== "" ? target : undefined);
  };
  service.onLintRulesChanged(() => scheduler.revalidateAll());

  let foldersChange = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    foldersChange = params.capabilities.workspace?.workspaceFolders === true;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.workspace.setFolders(folders.filter((uri) => uri.startsWith("file:")).map((uri) => uriToPath(uri)));
    const initial = params.initializationOptions as ClientSettings | undefined;
    applySettings(initial);
    // Told once, at start: settings sent later are the user's, and do not say it.
    service.useProjectLintConfig(initial?.projectLintConfig !== false);
    return {
      serverInfo: { name: serverName, version: serverVersion },
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: completionTriggerCharacters },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: semanticTokensLegend, full: { delta: true } },
        documentLinkProvider: { resolveProvider: false },
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllKind] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    };
  });

  connection.onInitialized(() => {
    if (!foldersChange) return;
    connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
      const paths = (folders: readonly { uri: string }[]) =>
        folders.filter((folder) => folder.uri.startsWith("file:")).map((folder) => uriToPath(folder.uri));
      service.workspace.changeFolders(paths(added), paths(removed));
      scheduler.revalidateAll();
    });
  });

  const track = (document: TextDocument): boolean => {
    const language = languageOfId(document.languageId) ?? languageOfFile(uriToPath(document.uri), document.getText());
    if (!language) return false;
    if (service.workspace.openDocumentOf(document.uri)) {
      service.workspace.changeDocument(document.uri, document.version, document.getText());
    } else {
      service.workspace.openDocument(document.uri, language, document.version, document.getText());
    }
    return true;
  };
  documents.onDidOpen(({ document }) => {
    if (track(document)) scheduler.documentChanged(document.uri);
  });
  documents.onDidChangeContent(({ document }) => {
    if (track(document)) scheduler.documentChanged(document.uri);
  });
  documents.onDidClose(({ document }) => {
    service.workspace.closeDocument(document.uri);
    service.documentClosed(document.uri);
    scheduler.documentClosed(document.uri);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (changes.some((change) => isLintConfigFile(uriToPath(change.uri)))) {
      service.lintConfigChanged();
      scheduler.revalidateAll();
    }
    const paths = changes
      .filter((change) => change.type !== FileChangeType.Changed || !documents.get(change.uri))
      .map((change) => uriToPath(change.uri));
    if (paths.length === 0) return;
    service.workspace.filesChanged(paths);
    scheduler.revalidateAll();
  });
  connection.onDidChangeConfiguration(({ settings }) => {
    applySettings((settings as { ipxm?: ClientSettings } | undefined)?.ipxm);
    scheduler.revalidateAll();
  });

  connection.onCompletion(({ textDocument, position }) => service.completion(textDocument.uri, position));
  connection.onHover(({ textDocument, position }) => service.hover(textDocument.uri, position));
  connection.onDefinition(({ textDocument, position }) => service.definition(textDocument.uri, position));
  connection.onReferences(({ textDocument, position, context }) =>
    service.references(textDocument.uri, position, context.includeDeclaration),
  );
  connection.onDocumentHighlight(({ textDocument, position }) =>
    service.documentHighlights(textDocument.uri, position),
  );
  connection.onPrepareRename(({ textDocument, position }) => service.prepareRename(textDocument.uri, position));
  connection.onRenameRequest(({ textDocument, position, newName }) => {
    try {
      return service.rename(textDocument.uri, position, newName);
    } catch (error) {
      if (error instanceof RenameRefused) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
      throw error;
    }
  });
  connection.onDocumentSymbol(({ textDocument }) => service.documentSymbols(textDocument.uri));
  connection.onWorkspaceSymbol(({ query }) => service.workspaceSymbols(query));
  connection.onFoldingRanges(({ textDocument }) => service.foldingRanges(textDocument.uri));
  connection.languages.semanticTokens.on(({ textDocument }) => service.semanticTokens(textDocument.uri));
  connection.languages.semanticTokens.onDelta(({ textDocument, previousResultId }) =>
    service.semanticTokensDelta(textDocument.uri, previousResultId),
  );
  connection.onDocumentLinks(({ textDocument }) => service.documentLinks(textDocument.uri));
  connection.onDocumentFormatting(({ textDocument }) => service.format(textDocument.uri));
  connection.onDocumentRangeFormatting(({ textDocument, range }) => service.format(textDocument.uri, range));
  connection.onCodeAction((params) => service.codeActions(params));

  connection.onShutdown(() => scheduler.dispose());
  documents.listen(connection);
  connection.listen();
  return service;
}

/** ESLint's flat configuration files, by name. */
function isLintConfigFile(path: string): boolean {
  return /(^|\/)eslint\.config\.[cm]?[jt]s$/.test(path);
}
