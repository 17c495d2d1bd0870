/**
 * @ipxm/language-server: the LSP server for ipxm menus and plain iPXE scripts, and the language
 * service it is made of (usable without a connection: tests, benchmarks, other hosts).
 */
export { LanguageService, RenameRefused, type LanguageServiceOptions } from "./service.js";
export { startServer, type ServerOptions } from "./server.js";
export { ServerWorkspace, maxWorkspaceFiles } from "./server-workspace.js";
export { Snapshot, type SourceDocument } from "./snapshot.js";
export { memoryFileSystem, nodeFileSystem, type FileSystem } from "./file-system.js";
export { pathToUri, uriToPath, type LanguageKind } from "./uris.js";
export { serverName, serverVersion } from "./version.js";
