#!/usr/bin/env node
/**
 * `ipxm-language-server --stdio`: the server for editors. The transport flags are the ones every
 * vscode-languageserver server takes (`--stdio`, `--node-ipc`, `--socket=N`, `--pipe=NAME`).
 */
import { parseArgs } from "node:util";
import { createConnection, ProposedFeatures } from "vscode-languageserver/node";
import { nodeFileSystem } from "./file-system.js";
import { resolveFormatConfig } from "./node-format-config.js";
import { projectLintConfig } from "./node-lint-config.js";
import { startServer } from "./server.js";
import { serverName, serverVersion } from "./version.js";

const usage = `Usage: ${serverName} --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The ipxm language server (LSP) for ipxm menus (.ipxm) and plain iPXE scripts (.ipxe):
diagnostics with every lint rule, completion, hover, go to definition, references, rename,
symbols, folding, semantic tokens, links, formatting and quick fixes.

Options:
  --stdio            talk LSP over stdin/stdout (what Neovim, Helix and most editors use)
  --node-ipc         talk over Node's IPC channel (what VS Code's client uses)
  --socket=PORT      connect to a socket on PORT
  --pipe=NAME        connect to a named pipe
  --clientProcessId=PID  exit when that process does
  -h, --help         show this help
  -v, --version      print the version

Editor set-up: docs/editors.md.
`;

let parsed;
try {
  parsed = parseArgs({
    options: {
      stdio: { type: "boolean" },
      "node-ipc": { type: "boolean" },
      socket: { type: "string" },
      pipe: { type: "string" },
      clientProcessId: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
    strict: true,
    allowPositionals: false,
  });
} catch (error) {
  process.stderr.write(`${serverName}: ${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
if (values.version) {
  process.stdout.write(`${serverVersion}\n`);
  process.exit(0);
}
if (!values.stdio && !values["node-ipc"] && values.socket === undefined && values.pipe === undefined) {
  process.stderr.write(`${serverName}: say how to talk to the editor (--stdio, usually)\n\n${usage}`);
  process.exit(2);
}

startServer(createConnection(ProposedFeatures.all), {
  fileSystem: nodeFileSystem,
  resolveFormatConfig,
  lintConfig: projectLintConfig(),
});
