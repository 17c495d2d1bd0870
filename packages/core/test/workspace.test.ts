import { describe, expect, it } from "vitest";
import { analyze, loadWorkspace } from "../src/index.js";
import { memoryHost, show } from "./helpers.js";

describe("loadWorkspace", () => {
  const three = {
    "/site/main.ipxm": 'import "./linux/debian.ipxm"\nmenu main "Boot" { item "Debian" -> menu debian }\n',
    "/site/linux/debian.ipxm":
      'import "../shared/common.ipxm"\nmenu debian "Debian" { item "Install" -> boot install(mirror) }\n',
    "/site/shared/common.ipxm":
      'setting mirror: url = "http://deb.debian.org"\nentry install(base: url) { chain "${base}/boot.ipxe" }\n',
  };

  it("loads the roots and everything they import, each once, depth first", () => {
    const host = memoryHost(three);
    const workspace = loadWorkspace(["/site/main.ipxm"], host);
    expect([...workspace.files.keys()]).toEqual([
      "/site/main.ipxm",
      "/site/linux/debian.ipxm",
      "/site/shared/common.ipxm",
    ]);
    expect(host.reads).toEqual(["/site/main.ipxm", "/site/linux/debian.ipxm", "/site/shared/common.ipxm"]);
    expect(workspace.diagnostics).toEqual([]);
  });

  it("records each import with the path it resolves to", () => {
    const workspace = loadWorkspace(["/site/main.ipxm"], memoryHost(three));
    const debian = workspace.files.get("/site/linux/debian.ipxm")!;
    expect(debian.imports.map((i) => i.resolved)).toEqual(["/site/shared/common.ipxm"]);
    expect(debian.imports[0]!.node.kind).toBe("Import");
    expect(debian.source.text).toBe(three["/site/linux/debian.ipxm"]);
  });

  it("lets a file use what it imports transitively, across three files", () => {
    const analysis = analyze(loadWorkspace(["/site/main.ipxm"], memoryHost(three)));
    expect(analysis.diagnostics).toEqual([]);
  });

  it("reads a file imported twice only once", () => {
    const files = {
      "a.ipxm": 'import "./b.ipxm"\nimport "./c.ipxm"\n',
      "b.ipxm": 'import "./c.ipxm"\n',
      "c.ipxm": "const x = 1\n",
    };
    const host = memoryHost(files);
    const workspace = loadWorkspace(["a.ipxm", "c.ipxm"], host);
    expect(host.reads).toEqual(["a.ipxm", "b.ipxm", "c.ipxm"]);
    expect(workspace.roots).toEqual(["a.ipxm", "c.ipxm"]);
  });

  it("normalises root paths", () => {
    const workspace = loadWorkspace(["./menus/../main.ipxm"], memoryHost({ "main.ipxm": "" }));
    expect([...workspace.files.keys()]).toEqual(["main.ipxm"]);
    expect(workspace.roots).toEqual(["main.ipxm"]);
  });

  it("reports a missing import at the import's string", () => {
    const files = { "main.ipxm": 'import "./gone.ipxm"\n' };
    const workspace = loadWorkspace(["main.ipxm"], memoryHost(files));
    expect(show(workspace.diagnostics, files)).toEqual([
      {
        code: "import-not-found",
        file: "main.ipxm",
        at: '"./gone.ipxm"',
        message: 'cannot import "./gone.ipxm": gone.ipxm does not exist',
      },
    ]);
  });

  it("reports other read failures with the host's code at the import", () => {
    const files = { "main.ipxm": 'import "./big.ipxm"\n' };
    const host = memoryHost(files, {
      "big.ipxm": { ok: false, code: "file-too-large", message: "is 9.0 MB; source files may be at most 8 MiB" },
    });
    const workspace = loadWorkspace(["main.ipxm"], host);
    expect(show(workspace.diagnostics, files)).toEqual([
      expect.objectContaining({ code: "file-too-large", at: '"./big.ipxm"' }),
    ]);
  });

  it("reports a root that cannot be read at the start of that file", () => {
    const workspace = loadWorkspace(["nothing.ipxm"], memoryHost({}));
    expect(workspace.files.size).toBe(0);
    expect(workspace.diagnostics).toEqual([
      expect.objectContaining({
        code: "file-not-found",
        file: "nothing.ipxm",
        range: { start: 0, end: 0 },
        message: "nothing.ipxm does not exist",
      }),
    ]);
  });

  it("requires imports to name a .ipxm file", () => {
    const files = { "main.ipxm": 'import "./linux"\n' };
    const workspace = loadWorkspace(["main.ipxm"], memoryHost(files));
    expect(show(workspace.diagnostics, files)).toEqual([
      expect.objectContaining({ code: "import-not-found", at: '"./linux"' }),
    ]);
    expect(workspace.diagnostics[0]!.message).toContain('"./linux.ipxm"');
  });

  it("rejects an import path that interpolates", () => {
    const files = { "main.ipxm": 'import "./${x}.ipxm"\n' };
    const workspace = loadWorkspace(["main.ipxm"], memoryHost(files));
    expect(show(workspace.diagnostics, files)).toEqual([
      expect.objectContaining({ code: "import-not-found", at: '"./${x}.ipxm"' }),
    ]);
  });

  it("keeps the parser's diagnostics with their file", () => {
    const files = { "main.ipxm": 'import "./b.ipxm"\n', "b.ipxm": "menu {" };
    const workspace = loadWorkspace(["main.ipxm"], memoryHost(files));
    expect(workspace.files.get("b.ipxm")!.diagnostics.length).toBeGreaterThan(0);
    expect(workspace.diagnostics.every((d) => d.file === "b.ipxm")).toBe(true);
  });
});

describe("import cycles", () => {
  it("are reported at the import that closes the cycle, and every file still loads once", () => {
    const files = {
      "a.ipxm": 'import "./b.ipxm"\nconst a = 1\n',
      "b.ipxm": 'import "./c.ipxm"\nconst b = 2\n',
      "c.ipxm": 'import "./a.ipxm"\nconst c = 3\n',
    };
    const host = memoryHost(files);
    const workspace = loadWorkspace(["a.ipxm"], host);
    expect(host.reads).toEqual(["a.ipxm", "b.ipxm", "c.ipxm"]);
    expect(show(workspace.diagnostics, files)).toEqual([
      {
        code: "import-cycle",
        file: "c.ipxm",
        at: '"./a.ipxm"',
        message: "import cycle: a.ipxm → b.ipxm → c.ipxm → a.ipxm; remove one of these imports",
      },
    ]);
  });

  it("include a file that imports itself", () => {
    const files = { "a.ipxm": 'import "./a.ipxm"\n' };
    const workspace = loadWorkspace(["a.ipxm"], memoryHost(files));
    expect(show(workspace.diagnostics, files)).toEqual([
      expect.objectContaining({
        code: "import-cycle",
        at: '"./a.ipxm"',
        message: expect.stringContaining("a.ipxm → a.ipxm"),
      }),
    ]);
  });

  it("still give every file of the cycle the whole cycle's declarations", () => {
    const files = {
      "a.ipxm": 'import "./b.ipxm"\nmenu main "M" { item "x" -> boot fromb() }\n',
      "b.ipxm": 'import "./a.ipxm"\nentry fromb() { menu main }\n',
    };
    const analysis = analyze(loadWorkspace(["a.ipxm"], memoryHost(files)));
    expect(analysis.diagnostics.map((d) => d.code)).toEqual(["import-cycle"]);
  });

  it("are not reported for a diamond (two paths to one file)", () => {
    const files = {
      "a.ipxm": 'import "./b.ipxm"\nimport "./c.ipxm"\n',
      "b.ipxm": 'import "./d.ipxm"\n',
      "c.ipxm": 'import "./d.ipxm"\n',
      "d.ipxm": "",
    };
    expect(loadWorkspace(["a.ipxm"], memoryHost(files)).diagnostics).toEqual([]);
  });
});
