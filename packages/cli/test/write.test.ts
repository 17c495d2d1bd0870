import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { WriteError, writeAllAtomically } from "../src/write.js";

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const fresh = () => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-write-")));

describe("writing outputs", () => {
  it("writes every file, creating folders, and leaves no temporary file", () => {
    fresh();
    writeAllAtomically([
      { path: path.join(dir, "out", "main.ipxe"), contents: "#!ipxe\n" },
      { path: path.join(dir, "out", "sub", "linux.ipxe"), contents: "#!ipxe\necho linux\n" },
    ]);
    expect(fs.readFileSync(path.join(dir, "out", "main.ipxe"), "utf8")).toBe("#!ipxe\n");
    expect(fs.readFileSync(path.join(dir, "out", "sub", "linux.ipxe"), "utf8")).toBe("#!ipxe\necho linux\n");
    expect(fs.readdirSync(path.join(dir, "out")).sort()).toEqual(["main.ipxe", "sub"]);
  });

  it("replaces an existing file in one step", () => {
    fresh();
    const target = path.join(dir, "main.ipxe");
    fs.writeFileSync(target, "old");
    writeAllAtomically([{ path: target, contents: "new" }]);
    expect(fs.readFileSync(target, "utf8")).toBe("new");
    expect(fs.readdirSync(dir)).toEqual(["main.ipxe"]);
  });

  it("writes nothing when one of the files cannot be written", () => {
    fresh();
    const first = path.join(dir, "main.ipxe");
    fs.writeFileSync(first, "old");
    fs.writeFileSync(path.join(dir, "blocked"), "a file where a folder should be");
    expect(() =>
      writeAllAtomically([
        { path: first, contents: "new" },
        { path: path.join(dir, "blocked", "linux.ipxe"), contents: "x" },
      ]),
    ).toThrow(WriteError);
    expect(fs.readFileSync(first, "utf8")).toBe("old");
    expect(fs.readdirSync(dir).sort()).toEqual(["blocked", "main.ipxe"]);
  });

  it("names the file and the reason when a write fails", () => {
    fresh();
    fs.mkdirSync(path.join(dir, "main.ipxe"));
    fs.writeFileSync(path.join(dir, "main.ipxe", "keep"), "");
    try {
      writeAllAtomically([{ path: path.join(dir, "main.ipxe"), contents: "x" }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(WriteError);
      expect((error as WriteError).path).toBe(path.join(dir, "main.ipxe"));
      expect((error as WriteError).reason).toBe("a directory is in the way");
    }
    expect(fs.readdirSync(dir)).toEqual(["main.ipxe"]);
  });
});
