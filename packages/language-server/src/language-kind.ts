import { isIpxeScript } from "@ipxm/eslint-plugin";
import type { LanguageKind } from "./uris.js";

/** Which of our languages a file is in: `.ipxm`, or an iPXE script by name or `#!ipxe` header. */
export function languageOfFile(path: string, text: string): LanguageKind | undefined {
  if (path.endsWith(".ipxm")) return "ipxm";
  return isIpxeScript(path, text) ? "ipxe" : undefined;
}

/** The language of an editor's language id (`ipxm`, `ipxe`), if it is one of ours. */
export function languageOfId(languageId: string): LanguageKind | undefined {
  return languageId === "ipxm" || languageId === "ipxe" ? languageId : undefined;
}
