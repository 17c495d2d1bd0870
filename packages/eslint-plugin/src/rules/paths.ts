/** Relative references between scripts, as iPXE resolves them against the running script's URI. */
import { directoryOf } from "@ipxm/core";
import type { LintTree } from "../tree.js";
import { fileExists } from "../util/file-system.js";

/** How `from` would name `to` relatively: `linux.ipxe`, `tools/x.ipxe`, `../menu.ipxe`. */
export function relativeReference(from: string, to: string): string {
  const fromParts = directoryOf(from).split("/").filter(Boolean);
  const toParts = to.split("/").filter(Boolean);
  let common = 0;
  while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
  const up = fromParts.slice(common).map(() => "..");
  return [...up, ...toParts.slice(common)].join("/");
}

/** Whether a URI is relative (no scheme, no leading slash) and fully written out (no `${…}`). */
export function isStaticRelative(uri: string): boolean {
  return uri.length > 0 && !uri.includes("${") && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri) && !uri.startsWith("/");
}

/**
 * Whether a script the running one refers to is there: in the linted tree when there is one, else on
 * disk next to the file; undefined when neither can tell (a file linted from memory).
 */
export function scriptPresent(tree: LintTree | undefined, path: string): boolean | undefined {
  if (tree) return tree.hasFile(path);
  return fileExists(path);
}
