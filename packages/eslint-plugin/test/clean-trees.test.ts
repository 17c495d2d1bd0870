/**
 * The linter and the compiler agree: our own menus lint clean, and so does everything the compiler
 * emits — the compiler never writes what the linter flags.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compiledTarget, filesBelow, lintTree } from "./support.js";

const repo = fileURLToPath(new URL("../../..", import.meta.url));

describe("trees that must lint clean", () => {
  it("menus/, every .ipxm of it, as one tree", async () => {
    const root = path.join(repo, "menus");
    const files = filesBelow(root, (file) => file.endsWith(".ipxm"));
    expect(files.length).toBeGreaterThan(10);
    expect(await lintTree(root, files)).toEqual([]);
  });

  it("every golden output of the compiler, for the target it was compiled for", async () => {
    const root = path.join(repo, "packages/compiler/test/golden");
    const files = filesBelow(root, (file) => file.endsWith(".ipxe"));
    expect(files.length).toBeGreaterThan(5);
    expect(await lintTree(root, files, { target: compiledTarget })).toEqual([]);
  });

  it("the golden sources of the compiler", async () => {
    const root = path.join(repo, "packages/compiler/test/golden");
    const files = filesBelow(root, (file) => file.endsWith(".ipxm"));
    expect(await lintTree(root, files)).toEqual([]);
  });
});
