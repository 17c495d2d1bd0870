/** Helpers for tests that run the BUILT command (packages/cli/dist/bin.js) in a child process. */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const bin = fileURLToPath(new URL("../dist/bin.js", import.meta.url));

export function assertBuilt(): void {
  if (!fs.existsSync(bin)) {
    throw new Error(`${bin} is missing: build first (npm test does, or: npx tsc -b packages/cli)`);
  }
  const newer = newerThanBundle();
  if (newer !== undefined) {
    throw new Error(
      `${bin} is a bundle older than ${newer}, so these tests would run old code: rebuild it (npm test does, or: npm run build -w ipxm)`,
    );
  }
}

/**
 * `npm run build` bundles the command into dist/bin.js (packages/cli/scripts/bundle.mjs), after tsc.
 * A later `tsc -b` alone rebuilds the packages' dist/ but not the bundle, which then holds old code:
 * the bundle is stale when the CLI's sources or the built language packages are newer than it.
 * (tsc's own dist/bin.js loads the rest of dist/ as it is, so it is never stale.)
 */
function newerThanBundle(): string | undefined {
  const head = fs.readFileSync(bin, "utf8").slice(0, 200);
  if (!head.includes("ipxm: bundled by")) return undefined;
  const bundled = fs.statSync(bin).mtimeMs;
  const packages = fileURLToPath(new URL("../..", import.meta.url));
  const inputs: [string, string][] = [
    ["cli/src", ".ts"],
    ["ipxe/dist", ".js"],
    ["core/dist", ".js"],
    ["compiler/dist", ".js"],
  ];
  for (const [folder, extension] of inputs) {
    const dir = path.join(packages, folder);
    if (!fs.existsSync(dir)) continue;
    for (const file of fs.readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const full = path.join(dir, file);
      if (file.endsWith(extension) && fs.statSync(full).mtimeMs > bundled) return full;
    }
  }
  return undefined;
}

export interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function ipxm(args: readonly string[], cwd: string, env: Record<string, string> = {}): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", IPXM_DEBUG: "", ...env },
    timeout: 20_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function startIpxm(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", IPXM_DEBUG: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** A fresh temporary folder with the given files (text or bytes). */
export function fixture(files: Record<string, string | Uint8Array>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-cli-"));
  for (const [name, contents] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, contents);
  }
  return dir;
}

/** A stack trace line, which bad input must never produce. */
export const stackTrace = /\n\s+at .+[:(]\d+/;
