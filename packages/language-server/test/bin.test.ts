import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 10_000 });

describe("ipxm-language-server's command line", () => {
  it("prints its usage with --help and exits 0", () => {
    const result = run("--help");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: ipxm-language-server --stdio/);
  });

  it("prints the package's version with --version", () => {
    const result = run("--version");
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("refuses to start without a transport, saying which to pick (exit 2, no stack trace)", () => {
    const result = run();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--stdio");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses an unknown option the same way", () => {
    const result = run("--stdoi");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--stdoi");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
