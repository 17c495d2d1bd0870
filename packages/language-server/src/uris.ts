/**
 * Document URIs and the paths core works with. `file:` URIs map to absolute posix paths; any other
 * scheme (an unsaved `untitled:` buffer) gets a path of its own, `/.ipxm-buffers/<uri>/buffer.ipxm`,
 * whose extension tells the language, as a file name does.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { normalizePath } from "@ipxm/core";

export type LanguageKind = "ipxm" | "ipxe";

const bufferRoot = "/.ipxm-buffers/";

export function uriToPath(uri: string, language: LanguageKind = "ipxm"): string {
  if (uri.startsWith("file:")) {
    try {
      return normalizePath(fileURLToPath(uri).split("\\").join("/"));
    } catch {
      // A malformed file URI is still the name of one buffer.
    }
  }
  return `${bufferRoot}${encodeURIComponent(uri)}/buffer.${language}`;
}

export function pathToUri(path: string): string {
  if (path.startsWith(bufferRoot)) {
    return decodeURIComponent(path.slice(bufferRoot.length, path.lastIndexOf("/")));
  }
  return pathToFileURL(path).href;
}
