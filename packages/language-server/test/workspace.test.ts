import { describe, expect, it } from "vitest";
import { memoryFileSystem } from "../src/file-system.js";
import { ServerWorkspace } from "../src/server-workspace.js";
import { pathToUri, uriToPath } from "../src/uris.js";
import { fixture, unmark } from "./support/fixture.js";

describe("the server's workspace", () => {
  it("reads the folder's .ipxm and .ipxe files from disk", () => {
    const workspace = new ServerWorkspace(
      memoryFileSystem({ "/w/a.ipxm": "menu main {}", "/w/b.ipxe": "#!ipxe\n", "/w/notes.txt": "x", "/x/c.ipxm": "" }),
    );
    workspace.setFolders(["/w"]);
    const paths = [...workspace.snapshot().documents()].map((d) => d.path);
    expect(paths.sort()).toEqual(["/w/a.ipxm", "/w/b.ipxe"]);
  });

  it("lays an open buffer over the file on disk, and the disk's text counts again once it is closed", () => {
    const workspace = new ServerWorkspace(memoryFileSystem({ "/w/a.ipxm": "on disk" }));
    workspace.setFolders(["/w"]);
    const uri = pathToUri("/w/a.ipxm");
    workspace.openDocument(uri, "ipxm", 1, "in the editor");
    expect(workspace.snapshot().document(uri)?.text).toBe("in the editor");
    workspace.changeDocument(uri, 2, "edited");
    expect(workspace.snapshot().document(uri)).toMatchObject({ text: "edited", version: 2, open: true });
    workspace.closeDocument(uri);
    expect(workspace.snapshot().document(uri)).toMatchObject({ text: "on disk", open: false });
  });

  it("reads a folder added later, and forgets a removed one's files", () => {
    const workspace = new ServerWorkspace(
      memoryFileSystem({ "/w/a.ipxm": "const a = 1", "/x/b.ipxm": "const b = 1", "/x/y/c.ipxe": "#!ipxe\n" }),
    );
    workspace.setFolders(["/w"]);
    workspace.changeFolders(["/x"], []);
    const paths = () => [...workspace.snapshot().documents()].map((d) => d.path).sort();
    expect(paths()).toEqual(["/w/a.ipxm", "/x/b.ipxm", "/x/y/c.ipxe"]);
    workspace.changeFolders([], ["/x"]);
    expect(paths()).toEqual(["/w/a.ipxm"]);
  });

  it("keeps one snapshot until something changes", () => {
    const workspace = new ServerWorkspace(memoryFileSystem({ "/w/a.ipxm": "" }));
    workspace.setFolders(["/w"]);
    const first = workspace.snapshot();
    expect(workspace.snapshot()).toBe(first);
    workspace.filesChanged(["/w/a.ipxm"]);
    expect(workspace.snapshot()).not.toBe(first);
    expect(workspace.snapshot().version).toBeGreaterThan(first.version);
  });

  it("sees the neighbours of a file opened outside every folder (what it imports)", () => {
    const workspace = new ServerWorkspace(
      memoryFileSystem({ "/elsewhere/main.ipxm": 'import "./lib.ipxm"', "/elsewhere/lib.ipxm": "const x = 1" }),
    );
    workspace.openDocument(pathToUri("/elsewhere/main.ipxm"), "ipxm", 1, 'import "./lib.ipxm"');
    const analysis = workspace.snapshot().analysis();
    expect(analysis.diagnostics.filter((d) => d.code === "import-not-found")).toEqual([]);
    expect(analysis.lookup("x", "/elsewhere/main.ipxm")?.kind).toBe("const");
  });

  it("gives an unsaved buffer a path of its own that maps back to its URI", () => {
    const path = uriToPath("untitled:Untitled-1", "ipxe");
    expect(path.endsWith(".ipxe")).toBe(true);
    expect(pathToUri(path)).toBe("untitled:Untitled-1");
    expect(uriToPath(pathToUri("/w/a b.ipxm"))).toBe("/w/a b.ipxm");
  });
});

describe("a document's language", () => {
  it("is the one the editor gives, whatever the file's name and first line say", () => {
    const workspace = new ServerWorkspace(memoryFileSystem({}));
    const script = pathToUri("/w/boot.cfg");
    const menu = pathToUri("/w/menu.txt");
    workspace.openDocument(script, "ipxe", 1, ":start\ngoto start\n");
    workspace.openDocument(menu, "ipxm", 1, 'menu main "M" {\n  item a "A" -> shell\n}\n');
    const snapshot = workspace.snapshot();
    expect(snapshot.scriptModel(snapshot.document(script)!)?.labels.has("start")).toBe(true);
    expect(snapshot.analysis().lookup("main", "/w/menu.txt")?.kind).toBe("menu");
  });
});

describe("test fixtures", () => {
  it("remove the markers and report where they were", () => {
    expect(unmark("a┆b [|cd|] [|e|]")).toEqual({
      text: "ab cd e",
      cursor: 1,
      ranges: [
        { start: 3, end: 5 },
        { start: 6, end: 7 },
      ],
    });
  });

  it("open every file and put the cursor where the marker was", () => {
    const fx = fixture({ "/w/main.ipxm": "menu ┆main {}" });
    expect(fx.cursor.document.open).toBe(true);
    expect(fx.cursor.position).toEqual({ line: 0, character: 5 });
  });
});
