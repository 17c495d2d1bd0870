#!/usr/bin/env node
/**
 * Second half of `npm run build` for the CLI (after `tsc -b`): bundles src/bin.ts and everything it
 * loads into the single file dist/bin.js. Loading the language packages module by module costs more
 * than the work of a typical build (Chevrotain alone brings lodash-es, several hundred files), so
 * the command ships as one file that Node reads and compiles at once.
 *
 * Every @ipxm package is bundled, with what it uses (Chevrotain), so that the whole command shares one
 * copy of each: the language packages, and the editor-tool plugins that `fmt` and `lint` load. The
 * CLI's third-party dependencies (Prettier, ESLint) stay ordinary imports, resolved from
 * node_modules when one of those commands asks for them.
 *
 * The rest of dist/ is tsc's output and stays as it is: it carries the types and the importable API
 * (`ipxm` as a library, bench/run.mjs's stages), and it runs unbundled too.
 */
import { build } from "esbuild";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

const isOurs = (name) => name.startsWith("@ipxm/");
const external = Object.keys(manifest.dependencies ?? {}).filter((name) => !isOurs(name));

/** First line after the shebang; tests use it to tell the bundle from tsc's dist/bin.js. */
const bundleMarker = "// ipxm: bundled by packages/cli/scripts/bundle.mjs";

await build({
  absWorkingDir: packageDir,
  entryPoints: ["src/bin.ts"],
  outfile: "dist/bin.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // Only the dependencies that stay outside, and their subpaths (`eslint/use-at-your-own-risk`).
  external: external.flatMap((name) => [name, `${name}/*`]),
  banner: { js: bundleMarker },
  // Licence notices of the bundled packages go to the end of the file.
  legalComments: "eof",
  // Replaces tsc's map of its own bin.js; read only with `node --enable-source-maps`.
  sourcemap: true,
  logLevel: "warning",
});
