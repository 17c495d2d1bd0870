/**
 * Golden files: every `test/golden/<name>.ipxm` goes through the whole pipeline (load, analyse,
 * elaborate, compile) and must produce exactly `test/golden/<name>.ipxe`. Files under
 * `test/golden/shared/` are only imported, never compiled on their own.
 *
 * `UPDATE_GOLDEN=1 npx vitest run packages/compiler` rewrites the expected files; read every changed
 * one before keeping it.
 */
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProgram } from "@ipxm/core";
import { compile } from "@ipxm/compiler";
import { tokenizeScript } from "@ipxm/ipxe";
import { goldenDirectory, goldenHost, goldenSources } from "./golden-sources.js";

const update = process.env.UPDATE_GOLDEN === "1";
const sources = goldenSources();

describe("golden files", () => {
  it("exist: at least six programs", () => {
    expect(sources.length).toBeGreaterThanOrEqual(6);
  });

  for (const source of sources) {
    it(`${source} compiles to ${source.replace(/\.ipxm$/, ".ipxe")}`, () => {
      const path = goldenDirectory + source;
      const checked = checkProgram([path], goldenHost);
      expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const program = [...checked.programs.values()][0]!;
      const result = compile(program, { sourceName: source });
      expect(result.diagnostics).toEqual([]);
      const script = result.script!;
      expect(tokenizeScript(script).header.ok).toBe(true);

      const expectedPath = path.replace(/\.ipxm$/, ".ipxe");
      if (update) writeFileSync(expectedPath, script);
      expect(existsSync(expectedPath), `${expectedPath} is missing: run with UPDATE_GOLDEN=1 and read it`).toBe(true);
      expect(script).toBe(readFileSync(expectedPath, "utf8"));
    });
  }
});
