import { describe, expect, it } from "vitest";
import { ScriptWriter, lineMapOf } from "../src/script-writer.js";

const source = { file: "main.ipxm", start: 3, end: 7 };

function written(lines: readonly string[]) {
  const writer = new ScriptWriter();
  for (const line of lines) writer.line(line, source);
  return writer.finish();
}

describe("the script writer", () => {
  it("ends every line, the last one included, with a line feed", () => {
    expect(written(["#!ipxe", ":main", "echo hi"]).script).toBe("#!ipxe\n:main\necho hi\n");
    expect(written([]).script).toBe("\n");
  });

  it("maps each line, numbered from 1, to the source that produced it", () => {
    const other = { file: "other.ipxm", start: 0, end: 1 };
    const writer = new ScriptWriter();
    writer.line("#!ipxe", source);
    writer.line("echo hi", other);
    expect(lineMapOf(writer.finish().sources)).toEqual([
      { line: 1, file: "main.ipxm", range: { start: 3, end: 7 } },
      { line: 2, file: "other.ipxm", range: { start: 0, end: 1 } },
    ]);
  });

  const unsafe: [string, string][] = [
    ["a line feed", "echo a\necho b"],
    ["a carriage return", "echo a\rb"],
    ["a line-final backslash", "echo C:\\"],
  ];
  for (const [what, line] of unsafe) {
    it(`refuses a line with ${what}, naming it`, () => {
      expect(() => written(["#!ipxe", line, "boot"])).toThrow(
        `internal error: unsafe output line ${JSON.stringify(line)}`,
      );
    });
  }

  it("accepts backslashes and empty lines that do not end or join a line", () => {
    expect(written(["echo a\\b", "", "echo \\ x"]).script).toBe("echo a\\b\n\necho \\ x\n");
  });
});
