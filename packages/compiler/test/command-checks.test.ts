import { getProfile } from "@ipxm/ipxe";
import { describe, expect, it } from "vitest";
import { CompileContext } from "../src/context.js";
import { at, minimal } from "./builders.js";

function written(target: string, name: string, options: string[]) {
  const context = new CompileContext(minimal(), getProfile(target));
  context.command(name, options, ["x"], at(7));
  return {
    problems: context.diagnostics.map((d) => `${d.code}: ${d.message}`),
    line: context.writer.finish().script,
  };
}

describe("a command checked against the target", () => {
  it("reports an option the target's build lacks, by its long name", () => {
    expect(written("ipxe-1.21-pcbios", "sanboot", ["--label x"]).problems).toEqual([
      'target-unsupported: target "ipxe-1.21-pcbios" (iPXE v1.21.1, stock configuration (PC-BIOS)) has no "sanboot --label" option',
    ]);
  });

  it("reads the long name before an = or a value, and lets short options be", () => {
    expect(written("ipxe-1.21-pcbios", "sanboot", ["--uuid=1", "-n"]).problems).toEqual([
      'target-unsupported: target "ipxe-1.21-pcbios" (iPXE v1.21.1, stock configuration (PC-BIOS)) has no "sanboot --uuid" option',
    ]);
  });

  it("accepts the option on a build that has it, and writes the command as given", () => {
    const result = written("ipxe-2-efi", "sanboot", ["--label x"]);
    expect(result.problems).toEqual([]);
    expect(result.line).toBe("sanboot --label x x\n");
  });
});
