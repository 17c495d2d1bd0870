import { describe, expect, it } from "vitest";
import { runPipeline } from "../packages/cli/src/pipeline.js";
import type { SourceHost } from "../packages/cli/src/pipeline.js";
// @ts-expect-error the generator is plain JavaScript, run by node without a build
import { generateSite, memoryHost, siteBytes } from "./generate.mjs";

type Site = Map<string, string>;
const generate = generateSite as (scale: number, seed?: number) => Site;
const bytesOf = siteBytes as (site: Site) => number;
const hostOf = memoryHost as (site: Site) => SourceHost;

describe("the benchmark's synthetic sites", () => {
  it("are the same for the same scale and seed", () => {
    expect([...generate(1)]).toEqual([...generate(1)]);
    expect([...generate(1, 7)]).not.toEqual([...generate(1)]);
  });

  it("are about 250 kB per unit of scale", () => {
    for (const scale of [1, 4]) {
      const bytes = bytesOf(generate(scale));
      expect(bytes).toBeGreaterThan(230_000 * scale);
      expect(bytes).toBeLessThan(270_000 * scale);
    }
  });

  it("compile clean, with main.ipxm and one script per group of sections as entry points", () => {
    const site = generate(1);
    const result = runPipeline([...site.keys()].sort(), hostOf(site));
    expect(result.diagnostics).toEqual([]);
    const groups = [...site.keys()].filter((name) => name.startsWith("groups/")).sort();
    expect(groups.length).toBeGreaterThan(1);
    expect(result.entryPoints).toEqual([...groups, "main.ipxm"]);
    expect(result.scripts).toHaveLength(groups.length + 1);
    for (const script of result.scripts) expect(script.script.startsWith("#!ipxe\n")).toBe(true);
  });
});
