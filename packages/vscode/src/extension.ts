/**
 * The VS Code side of ipxm: start the bundled language server and connect the editor to it. Everything
 * the user sees (diagnostics, completion, navigation, formatting) comes from the server, so the same
 * behaviour reaches every LSP editor; this file only wires VS Code to it.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind } from "vscode-languageclient/node";
import type { LanguageClientOptions, ServerOptions } from "vscode-languageclient/node";

/** The configuration section; `ipxm.trace.server` is read by the client itself through the client id. */
const section = "ipxm";

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath("dist/server.cjs");
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: {
      module: serverModule,
      transport: TransportKind.ipc,
      options: { execArgv: ["--nolazy", "--inspect=6009"] },
    },
  };

  // Imported files may change outside the editor (a checkout, a generator); diagnostics follow them,
  // and the rules an eslint.config.js sets.
  const watchers = ["**/*.{ipxm,ipxe}", "**/eslint.config.{js,mjs,cjs,ts,mts,cts}"].map((glob) =>
    vscode.workspace.createFileSystemWatcher(glob),
  );
  context.subscriptions.push(...watchers);

  const clientOptions: LanguageClientOptions = {
    documentSelector: ["ipxm", "ipxe"].flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    // The server reads the settings at start-up, and again whenever they change.
    initializationOptions: () => settings(),
    synchronize: {
      configurationSection: section,
      fileEvents: watchers,
    },
  };

  client = new LanguageClient(section, "ipxm language server", serverOptions, clientOptions);
  await client.start();
  // A workspace trusted later may have its eslint.config.js run: start again, telling the server so.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.restart()));
}

export async function deactivate(): Promise<void> {
  const running = client;
  client = undefined;
  if (running?.isRunning()) await running.stop();
}

/** What the server is told about the user's settings. */
export interface IpxmSettings {
  /** A target profile name; empty: each file's own `target`, or the default profile. */
  readonly target: string;
  /** Whether the project's eslint.config.js may be run for its rules: only in a trusted workspace. */
  readonly projectLintConfig: boolean;
}

function settings(): IpxmSettings {
  const configuration = vscode.workspace.getConfiguration(section);
  return { target: configuration.get<string>("target", ""), projectLintConfig: vscode.workspace.isTrusted };
}
