import { describe, expect, it } from "vitest";
import { runPipeline, type SourceHost } from "../src/pipeline.js";

const files = new Map([["main.ipxm", 'menu main "Main" {\n  item shell "Shell" -> shell\n}\n']]);
const host: SourceHost = {
  readFile: (name) =>
    files.has(name)
      ? { ok: true, text: files.get(name)! }
      : { ok: false, code: "file-not-found", message: "does not exist" },
};

describe("the pipeline's line maps", () => {
  it("are made only when asked for, and the scripts are the same either way", () => {
    const [plain] = runPipeline(["main.ipxm"], host).scripts;
    const [mapped] = runPipeline(["main.ipxm"], host, { lineMaps: true }).scripts;
    expect(plain!.lineMap).toBeUndefined();
    expect(mapped!.script).toBe(plain!.script);
    expect(mapped!.lineMap).toHaveLength(plain!.script.split("\n").length - 1);
    expect(mapped!.lineMap![0]).toMatchObject({ line: 1, file: "main.ipxm" });
  });
});
