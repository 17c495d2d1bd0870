/**
 * The built server, spawned as an editor spawns it (`ipxm-language-server --stdio`), through one whole
 * session: two files where one imports the other, a diagnostic fixed by its quick fix, go to
 * definition into the other file, rename across both, formatting, shutdown.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from "vscode-jsonrpc/node";
import {
  CodeActionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWorkspaceFoldersNotification,
  DidOpenTextDocumentNotification,
  DocumentFormattingRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RenameRequest,
  ShutdownRequest,
  WorkspaceSymbolRequest,
  type Diagnostic,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import * as prettier from "prettier";
import ipxmPrettierPlugin from "@ipxm/prettier-plugin";

/** The server as npm installs it (tsc's output), and the one-file bundle the VS Code extension ships. */
const servers = [
  { name: "dist/bin.js", path: fileURLToPath(new URL("../dist/bin.js", import.meta.url)) },
  { name: "the VS Code bundle", path: fileURLToPath(new URL("../../vscode/dist/server.cjs", import.meta.url)) },
];

const mainText = `import "./linux.ipxm"

menu main "Boot menu" {
  item linux "Linux installers" -> menu linx
  item shell "iPXE shell" -> shell
}
`;
const linuxText = `menu linux "Linux installers" {
  item back "Back" -> back
}
`;

describe.each(servers)("the server over stdio ($name)", ({ path: bin }) => {
  let folder: string;
  let child: ChildProcessWithoutNullStreams;
  let connection: MessageConnection;
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  let stderr = "";

  const uri = (name: string) => pathToFileURL(path.join(folder, name)).href;

  /** The next diagnostics for `target` that `accept` agrees with. */
  const diagnosticsFor = (target: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true) =>
    new Promise<Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${target}; stderr: ${stderr}`)), 15_000);
      const check = () => {
        const found = [...published].reverse().find((p) => p.uri === target);
        if (found && accept(found.diagnostics)) {
          clearTimeout(timer);
          resolve(found.diagnostics);
          return true;
        }
        return false;
      };
      if (!check()) waiters.push(() => void check());
    });

  beforeAll(async () => {
    expect(fs.existsSync(bin), `${bin} missing: build first (npm test does)`).toBe(true);
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-lsp-")));
    fs.writeFileSync(path.join(folder, "main.ipxm"), mainText);
    fs.writeFileSync(path.join(folder, "linux.ipxm"), linuxText);
    child = spawn(process.execPath, [bin, "--stdio"], { cwd: folder });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      published.push(params);
      for (const waiter of waiters.splice(0)) waiter();
    });
    connection.listen();
  });

  afterAll(() => {
    connection?.dispose();
    child?.kill();
    if (folder) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("runs a whole editing session", async () => {
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: "menus" }],
      capabilities: { workspace: { workspaceFolders: true } },
    });
    expect(init.serverInfo?.name).toBe("ipxm-language-server");
    expect(init.capabilities.renameProvider).toEqual({ prepareProvider: true });
    await connection.sendNotification(InitializedNotification.type, {});

    let main = TextDocument.create(uri("main.ipxm"), "ipxm", 1, mainText);
    for (const [name, text] of [
      ["main.ipxm", mainText],
      ["linux.ipxm", linuxText],
    ] as const) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri: uri(name), languageId: "ipxm", version: 1, text },
      });
    }

    // The misspelt menu is reported where it is used, with a quick fix that corrects it.
    const problems = await diagnosticsFor(uri("main.ipxm"), (d) => d.length > 0);
    const unknown = problems.find((d) => d.code === "unknown-name");
    expect(unknown, JSON.stringify(problems)).toBeDefined();
    expect(main.getText(unknown!.range)).toBe("linx");
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: uri("main.ipxm") },
      range: unknown!.range,
      context: { diagnostics: [unknown!] },
    });
    const fix = actions?.find((action) => "edit" in action && action.title.includes("linux"));
    expect(fix, JSON.stringify(actions)).toBeDefined();
    const edits = (fix as { edit: WorkspaceEdit }).edit.changes![uri("main.ipxm")]!;
    const fixed = TextDocument.applyEdits(main, edits);
    expect(fixed).toContain("-> menu linux");
    main = TextDocument.create(main.uri, "ipxm", 2, fixed);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: main.uri, version: 2 },
      contentChanges: [{ text: fixed }],
    });
    expect(await diagnosticsFor(main.uri, (d) => d.length === 0)).toEqual([]);

    // Go to definition: from the item's action to the menu in the other file.
    const at = main.positionAt(fixed.indexOf("menu linux") + "menu li".length);
    const definition = await connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: main.uri },
      position: at,
    });
    const locations = Array.isArray(definition) ? definition : [definition];
    expect(locations).toHaveLength(1);
    expect(locations[0]).toMatchObject({ uri: uri("linux.ipxm"), range: { start: { line: 0, character: 5 } } });

    // Rename it from its use: the declaration in linux.ipxm changes too.
    const renamed = await connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: main.uri },
      position: at,
      newName: "installers",
    });
    const linuxEdits = renamed?.changes?.[uri("linux.ipxm")];
    const mainEdits = renamed?.changes?.[main.uri];
    expect(
      TextDocument.applyEdits(TextDocument.create(uri("linux.ipxm"), "ipxm", 1, linuxText), linuxEdits!),
    ).toContain('menu installers "Linux installers"');
    expect(TextDocument.applyEdits(main, mainEdits!)).toContain("-> menu installers");

    // Formatting: a badly indented file comes back as the formatter prints it (`ipxm fmt`'s plugin).
    const messy = fixed.replace('  item shell "iPXE shell"', '        item   shell "iPXE shell"');
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: main.uri, version: 3 },
      contentChanges: [{ text: messy }],
    });
    const formatting: TextEdit[] | null = await connection.sendRequest(DocumentFormattingRequest.type, {
      textDocument: { uri: main.uri },
      options: { tabSize: 2, insertSpaces: true },
    });
    const expected = await prettier.format(messy, { parser: "ipxm", plugins: [ipxmPrettierPlugin] });
    expect(expected).not.toBe(messy);
    expect(TextDocument.applyEdits(TextDocument.create(main.uri, "ipxm", 3, messy), formatting ?? [])).toBe(expected);

    // A folder added to the workspace later: its declarations are found at once.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-lsp-other-"));
    try {
      fs.writeFileSync(path.join(other, "tools.ipxm"), 'menu tools_extra "Tools" {\n  item b "Back" -> back\n}\n');
      expect(await connection.sendRequest(WorkspaceSymbolRequest.type, { query: "tools_extra" })).toEqual([]);
      await connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
        event: { added: [{ uri: pathToFileURL(other).href, name: "other" }], removed: [] },
      });
      const found = await connection.sendRequest(WorkspaceSymbolRequest.type, { query: "tools_extra" });
      expect(found?.map((symbol) => symbol.name)).toEqual(["tools_extra"]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }

    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    await connection.sendNotification(ExitNotification.type);
    expect(await exited).toBe(0);
    expect(stderr).toBe("");
  }, 30_000);
});
