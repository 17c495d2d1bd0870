// Builds the extension: two self-contained CommonJS bundles (the client, which VS Code loads, and the
// language server it starts) and the TextMate grammars generated from the lexer. Run after the
// workspace packages it bundles were built (turbo's `^build`).
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const packageUrl = new URL("..", import.meta.url);
const packageDir = fileURLToPath(packageUrl);
const at = (path) => fileURLToPath(new URL(path, packageUrl));

/** @type {import("esbuild").BuildOptions} */
const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  logLevel: "warning",
  // Warnings here are bundling hazards (an `import.meta` that CommonJS cannot provide, a dynamic
  // require that cannot be followed): they are errors for a file that must run on its own.
  logOverride: { "empty-import-meta": "error", "unsupported-require-call": "error" },
};

await mkdir(at("dist"), { recursive: true });

await writeGrammars();

await build({
  ...common,
  entryPoints: [at("src/extension.ts")],
  outfile: at("dist/extension.cjs"),
  minify: true,
  keepNames: true,
  // The editor provides `vscode` at run time; there is no such package to bundle.
  external: ["vscode"],
});

const serverEntry = at("../language-server/src/bin.ts");
if (!existsSync(serverEntry)) {
  throw new Error(
    `ipxm-vscode: the language server's entry ${serverEntry} does not exist, so there is no server to bundle`,
  );
}
const serverManifest = JSON.parse(await readFile(at("../language-server/package.json"), "utf8"));
await build({
  ...common,
  entryPoints: [serverEntry],
  outfile: at("dist/server.cjs"),
  // Everything the server needs travels inside the bundle: the extension ships without node_modules.
  minify: true,
  keepNames: true,
  plugins: [prettierStandalone()],
  define: {
    // The server reads its version from its package.json unless the bundler inlines it.
    IPXM_SERVER_VERSION: JSON.stringify(serverManifest.version),
    // ES modules that locate files next to themselves find them next to the bundle instead.
    "import.meta.url": "__bundleUrl",
  },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
});

/**
 * Prettier's Node entry cannot be bundled (it loads its plugins and config files from disk), and the
 * server needs only the standalone formatter. Static imports of `prettier` (the Prettier plugin takes its
 * `doc` builders and `util` from there) get the standalone build, which exports the same ones. The
 * dynamic `import("prettier")` with which the server looks for a project's Prettier configuration stays
 * a run-time import: where no Prettier is installed, it fails and the server formats with the defaults.
 */
function prettierStandalone() {
  return {
    name: "prettier-standalone",
    setup(build) {
      build.onResolve({ filter: /^prettier$/ }, async (args) => {
        if (args.kind === "dynamic-import") return { path: "prettier", external: true };
        const standalone = await build.resolve("prettier/standalone", { kind: args.kind, resolveDir: args.resolveDir });
        return { path: standalone.path, errors: standalone.errors };
      });
    },
  };
}

/**
 * The grammar generator is TypeScript that imports the workspace packages: bundle it into a throw-away
 * ES module, run it, and format what it wrote as the repository formats JSON.
 */
async function writeGrammars() {
  const generator = at("dist/.write-grammars.mjs");
  try {
    await build({
      ...common,
      format: "esm",
      entryPoints: [at("src/grammars/write.ts")],
      outfile: generator,
    });
    const { writeGrammars: write } = await import(pathToFileURL(generator).href);
    const written = await write(packageDir);
    const prettier = await import("prettier");
    for (const file of written) {
      const options = (await prettier.resolveConfig(file)) ?? {};
      await writeFile(file, await prettier.format(await readFile(file, "utf8"), { ...options, filepath: file }));
    }
  } finally {
    await rm(generator, { force: true });
  }
}
