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
