/**
 * The language service: every feature of the server over one workspace, without a connection.
 * Requests name a document by URI and a position as LSP does; each is answered from the current
 * snapshot. The server (server.ts) is this plus transport; tests and benchmarks call it directly.
 */
import type {
  CodeAction,
  CodeActionParams,
  CompletionList,
  Diagnostic,
  DocumentHighlight,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  SemanticTokens,
  SemanticTokensDelta,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbol,
} from "vscode-languageserver";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { lintDocument } from "./features/diagnostics.js";
import { foldingRanges } from "./features/folding.js";
import { formatDocument, formatRange, type FormatConfig } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { documentLinks } from "./features/links.js";
import { documentHighlights, references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { SemanticTokensHistory } from "./features/semantic-tokens.js";
import { documentSymbols, workspaceSymbols } from "./features/symbols.js";
import { LintRules, type LintConfigSource } from "./diagnostics/lint-rules.js";
import type { FileSystem } from "./file-system.js";
import { ServerWorkspace } from "./server-workspace.js";
import type { Snapshot, SourceDocument } from "./snapshot.js";

export interface LanguageServiceOptions {
  readonly fileSystem: FileSystem;
  /** Prettier's options for a file (.prettierrc, .editorconfig), as `ipxm fmt` resolves them. */
  readonly resolveFormatConfig?: (path: string) => Promise<FormatConfig>;
  /** Where a project's ESLint configuration is read from; without one, the recommended rules apply. */
  readonly lintConfig?: LintConfigSource;
}

/** What a rename that cannot be done answers: the reason, for the editor to show. */
export class RenameRefused extends Error {}

export class LanguageService {
  readonly workspace: ServerWorkspace;
  private readonly resolveFormatConfig: (path: string) => Promise<FormatConfig>;
  private readonly tokensSent = new SemanticTokensHistory();
  private readonly lintRules: LintRules;
  private lintRulesListener: (() => void) | undefined;

  constructor(options: LanguageServiceOptions) {
    this.lintRules = new LintRules(options.lintConfig, () => this.lintRulesListener?.());
    this.workspace = new ServerWorkspace(options.fileSystem, (path, language) =>
      this.lintRules.settingsFor(path, language),
    );
    this.resolveFormatConfig = options.resolveFormatConfig ?? (() => Promise.resolve({}));
  }

  /** The current snapshot and the document `uri` names in it, if the server knows that document. */
  private at(uri: string): { snapshot: Snapshot; document: SourceDocument } | undefined {
    const snapshot = this.workspace.snapshot();
    const document = snapshot.document(uri);
    return document ? { snapshot, document } : undefined;
  }

  diagnostics(uri: string): Diagnostic[] | undefined {
    const found = this.at(uri);
    return found && lintDocument(found.snapshot, found.document);
  }

  /** The editor's version of an open document, to tag its diagnostics with. */
  versionOf(uri: string): number | undefined {
    return this.workspace.openDocumentOf(uri)?.version;
  }

  completion(uri: string, position: Position): CompletionList {
    const found = this.at(uri);
    return found ? completion(found.snapshot, found.document, position) : { isIncomplete: false, items: [] };
  }

  hover(uri: string, position: Position): Hover | null {
    const found = this.at(uri);
    return found ? hover(found.snapshot, found.document, position) : null;
  }

  definition(uri: string, position: Position): Location[] {
    const found = this.at(uri);
    return found ? definition(found.snapshot, found.document, position) : [];
  }

  references(uri: string, position: Position, includeDeclaration: boolean): Location[] {
    const found = this.at(uri);
    return found ? references(found.snapshot, found.document, position, includeDeclaration) : [];
  }

  documentHighlights(uri: string, position: Position): DocumentHighlight[] {
    const found = this.at(uri);
    return found ? documentHighlights(found.snapshot, found.document, position) : [];
  }

  prepareRename(uri: string, position: Position): { range: Range; placeholder: string } | null {
    const found = this.at(uri);
    return found ? prepareRename(found.snapshot, found.document, position) : null;
  }

  /** The edit; throws `RenameRefused` with the reason when the rename cannot be done. */
  rename(uri: string, position: Position, newName: string): WorkspaceEdit {
    const found = this.at(uri);
    if (!found) throw new RenameRefused("this document is not an ipxm or iPXE file the server knows");
    const result = rename(found.snapshot, found.document, position, newName);
    if ("refused" in result) throw new RenameRefused(result.refused);
    return result;
  }

  documentSymbols(uri: string): DocumentSymbol[] {
    const found = this.at(uri);
    return found ? documentSymbols(found.snapshot, found.document) : [];
  }

  workspaceSymbols(query: string): WorkspaceSymbol[] {
    return workspaceSymbols(this.workspace.snapshot(), query);
  }

  foldingRanges(uri: string): FoldingRange[] {
    const found = this.at(uri);
    return found ? foldingRanges(found.snapshot, found.document) : [];
  }

  semanticTokens(uri: string): SemanticTokens {
    const found = this.at(uri);
    return found ? this.tokensSent.full(found.snapshot, found.document) : { data: [] };
  }

  /** The edits from the tokens last sent as `previousResultId` to the current ones. */
  semanticTokensDelta(uri: string, previousResultId: string): SemanticTokens | SemanticTokensDelta {
    const found = this.at(uri);
    return found ? this.tokensSent.delta(found.snapshot, found.document, previousResultId) : { data: [] };
  }

  /** Calls `listener` when a project's configuration changes the rules of some file (lint again). */
  onLintRulesChanged(listener: () => void): void {
    this.lintRulesListener = listener;
  }

  /**
   * Whether projects' eslint.config.js files are read and run (they are code: an editor may not trust
   * the workspace). Off: the recommended rules apply everywhere.
   */
  useProjectLintConfig(enabled: boolean): void {
    this.lintRules.setEnabled(enabled);
  }

  /** An ESLint configuration file changed: read the projects' configurations again. */
  lintConfigChanged(): void {
    this.lintRules.reset();
  }

  /** The editor closed a document: what the service kept for it goes. */
  documentClosed(uri: string): void {
    this.tokensSent.forget(uri);
  }

  documentLinks(uri: string): DocumentLink[] {
    const found = this.at(uri);
    return found ? documentLinks(found.snapshot, found.document) : [];
  }

  /**
   * Formats as `ipxm fmt` does: Prettier's configuration for the file, not the editor's tab size, so
   * that the editor and `ipxm fmt --check` in CI never disagree.
   */
  async format(uri: string, range?: Range): Promise<TextEdit[]> {
    const found = this.at(uri);
    if (!found) return [];
    const config = await this.resolveFormatConfig(found.document.path);
    // The document may have changed while the configuration was read: format what is current.
    const current = this.at(uri);
    if (!current) return [];
    return range ? formatRange(current.document, range, config) : formatDocument(current.document, config);
  }

  codeActions(params: CodeActionParams): CodeAction[] {
    const found = this.at(params.textDocument.uri);
    return found ? codeActions(found.snapshot, found.document, params.context) : [];
  }
}
