import { describe, expect, it } from "vitest";
import { analyzeText, show, type Files } from "./helpers.js";

/** Duplicate-declaration diagnostics as file, covered text and the file of the declaration it clashes with. */
function duplicates(files: Files, roots: readonly string[]) {
  const diagnostics = analyzeText(files, roots).diagnostics.filter((d) => d.code === "duplicate-declaration");
  return show(diagnostics, files).map((shown, index) => ({
    file: shown.file,
    at: shown.at,
    clashesWith: diagnostics[index]!.related?.[0]?.file,
  }));
}

describe("duplicate declarations", () => {
  it("are not reported between sibling scripts that share a library but not each other", () => {
    const files: Record<string, string> = { "common.ipxm": 'const site = "http://x"\n' };
    for (let n = 0; n < 50; n++) {
      files[`g${n}.ipxm`] = `import "./common.ipxm"\nmenu main "G${n}" { item "x" -> chain "\${site}/${n}" }\n`;
    }
    expect(duplicates(files, Object.keys(files))).toEqual([]);
  });

  it("are reported against the earliest declaration seen together, not the earliest of all", () => {
    const files = {
      "alone.ipxm": "const x = 1\n",
      "lib.ipxm": "const x = 2\n",
      "site.ipxm": 'import "./lib.ipxm"\nconst x = 3\n',
    };
    expect(duplicates(files, ["alone.ipxm", "site.ipxm"])).toEqual([
      { file: "site.ipxm", at: "x", clashesWith: "lib.ipxm" },
    ]);
  });

  it("are reported when only a third file sees both declarations", () => {
    const files = {
      "top.ipxm": 'import "./left.ipxm"\nimport "./right.ipxm"\n',
      "left.ipxm": "const x = 1\n",
      "right.ipxm": "const x = 2\n",
    };
    expect(duplicates(files, ["top.ipxm"])).toEqual([{ file: "right.ipxm", at: "x", clashesWith: "left.ipxm" }]);
  });

  it("are reported within one file, and once per later declaration", () => {
    const files = {
      "lib.ipxm": "const x = 1\n",
      "main.ipxm": 'import "./lib.ipxm"\nconst x = 2\nconst x = 3\n',
    };
    expect(duplicates(files, ["main.ipxm"])).toEqual([
      { file: "main.ipxm", at: "x", clashesWith: "lib.ipxm" },
      { file: "main.ipxm", at: "x", clashesWith: "lib.ipxm" },
    ]);
  });

  it("follow imports through several files and through cycles", () => {
    const files = {
      "main.ipxm": 'import "./a.ipxm"\nconst x = 1\n',
      "a.ipxm": 'import "./b.ipxm"\n',
      "b.ipxm": 'import "./a.ipxm"\nconst x = 2\n',
    };
    expect(duplicates(files, ["main.ipxm"])).toEqual([{ file: "main.ipxm", at: "x", clashesWith: "b.ipxm" }]);
  });
});
