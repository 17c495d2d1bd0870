import { readFileSync } from "node:fs";

export const serverName = "ipxm-language-server";

/**
 * The package's version: inlined by a bundler that defines `IPXM_SERVER_VERSION`, else read from
 * package.json (one level above both src/ and dist/).
 */
export const serverVersion: string = typeof IPXM_SERVER_VERSION === "string" ? IPXM_SERVER_VERSION : readVersion();

declare const IPXM_SERVER_VERSION: string | undefined;

function readVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof manifest.version === "string" ? manifest.version : "unknown";
  } catch {
    return "unknown";
  }
}
