import { describe, expect, it } from "vitest";
import { baseName, normalizePath, resolveImportPath } from "../src/index.js";

describe("resolveImportPath", () => {
  it("takes the path relative to the importing file's directory", () => {
    expect(resolveImportPath("/site/menus/main.ipxm", "./linux.ipxm")).toBe("/site/menus/linux.ipxm");
    expect(resolveImportPath("/site/menus/main.ipxm", "linux/debian.ipxm")).toBe("/site/menus/linux/debian.ipxm");
  });

  it("folds .. into the parent directory", () => {
    expect(resolveImportPath("/site/menus/main.ipxm", "../shared/tools.ipxm")).toBe("/site/shared/tools.ipxm");
    expect(resolveImportPath("menus/main.ipxm", "../../up.ipxm")).toBe("../up.ipxm");
  });

  it("resolves from a file without a directory", () => {
    expect(resolveImportPath("main.ipxm", "./a.ipxm")).toBe("a.ipxm");
  });

  it("keeps an absolute import as it is, normalised", () => {
    expect(resolveImportPath("/site/main.ipxm", "/lib//x/./y.ipxm")).toBe("/lib/x/y.ipxm");
  });

  it("never climbs above the root of an absolute path", () => {
    expect(resolveImportPath("/main.ipxm", "../../a.ipxm")).toBe("/a.ipxm");
  });
});

describe("normalizePath", () => {
  it("removes . segments and doubled slashes", () => {
    expect(normalizePath("./a//b/./c.ipxm")).toBe("a/b/c.ipxm");
  });

  it("gives . for an empty relative path", () => {
    expect(normalizePath("a/..")).toBe(".");
  });
});

describe("baseName", () => {
  it("gives the file's name without its directories", () => {
    expect(baseName("/site/menus/main.ipxm")).toBe("main.ipxm");
    expect(baseName("menus/linux.ipxm")).toBe("linux.ipxm");
    expect(baseName("main.ipxm")).toBe("main.ipxm");
  });
});
