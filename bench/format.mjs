/**
 * Format throughput for `npm run bench`: the generated site (bench/generate.mjs) grown to about
 * 1 MB of `.ipxm`, formatted file by file with Prettier and the built @ipxm/prettier-plugin, best
 * of three runs after a warm-up. Target: 1 MB in under 1 s.
 */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSite, siteBytes } from "./generate.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
export const formatTargetSeconds = 1;

export async function measureFormat() {
  const prettier = await import("prettier");
  const plugin = (await import(path.join(repo, "packages/prettier-plugin/dist/index.js"))).default;
  let scale = 1;
  let files = generateSite(scale);
  while (siteBytes(files) < 1_000_000) files = generateSite(++scale);
  const sources = [...files.values()];
  const formatAll = async () => {
    const started = performance.now();
    for (const text of sources) await prettier.format(text, { parser: "ipxm", plugins: [plugin], printWidth: 120 });
    return (performance.now() - started) / 1000;
  };
  await formatAll();
  const seconds = Math.min(await formatAll(), await formatAll(), await formatAll());
  return { bytes: siteBytes(files), files: files.size, seconds };
}
