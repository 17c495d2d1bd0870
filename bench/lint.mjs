/**
 * Lint throughput, a section of `npm run bench`: `ipxm lint` over the synthetic sites (the `.ipxm`
 * sources, and the iPXE scripts the compiler makes of them) at 1×, 4× and 16×, and the share of the
 * time ESLint's own machinery takes (configuration, traversal, directives, reports) — the rest is
 * parsing and the rules. Imports the BUILT packages; prints figures, asserts nothing.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSite, memoryHost, siteBytes } from "./generate.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const dist = (pkg, file) => path.join(repo, "packages", pkg, "dist", file);

const scales = process.env.IPXM_BENCH_SCALES ? process.env.IPXM_BENCH_SCALES.split(",").map(Number) : [1, 4, 16];
const runsFor = { 1: 5, 4: 3, 16: 2 };
const targetMbPerSecondAt16 = 2;

function writeTree(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-bench-lint-"));
  for (const [name, text] of files) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The scripts the compiler makes of a site, one per entry point. */
function compiledScripts(files, pipeline) {
  const loaded = pipeline.loadStage([...files.keys()].sort(), memoryHost(files));
  const analyzed = pipeline.analyzeStage(loaded);
  const scripts = new Map();
  for (const entry of loaded.entryPoints) {
    const compiled = pipeline.compileStage(analyzed, entry, {});
    if (compiled.script) scripts.set(entry.replace(/\.ipxm$/, ".ipxe"), compiled.script.script);
  }
  return scripts;
}

async function timeLint(main, dir) {
  let problems = 0;
  const io = {
    stdout: { write: (text) => (problems = JSON.parse(text).reduce((sum, r) => sum + r.messages.length, 0)) },
    stderr: { write: () => {} },
    cwd: dir,
    env: {},
  };
  const started = performance.now();
  const code = await main(["lint", ".", "--format", "json"], io);
  return { ms: performance.now() - started, code, problems };
}

/** Time inside parsing and rules (ESLint's own stats) against the whole run. */
async function machineryShare(eslintModule, pluginModule, files, dir) {
  const texts = files.map((name) => ({
    path: path.join(dir, name),
    text: fs.readFileSync(path.join(dir, name), "utf8"),
  }));
  const tree = pluginModule.createLintTree(texts);
  const eslint = new eslintModule.ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [...pluginModule.default.configs.recommended, { files: ["**/*"], languageOptions: { tree } }],
    stats: true,
  });
  const started = performance.now();
  const results = await eslint.lintFiles(texts.map((file) => file.path));
  const wall = performance.now() - started;
  let ours = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      ours += pass.parse.total;
      for (const rule of Object.values(pass.rules ?? {})) ours += rule.total;
    }
  }
  return Math.max(0, 1 - ours / wall);
}

export async function runLintBenchmark() {
  const { main } = await import(dist("cli", "main.js"));
  const pipeline = await import(dist("cli", "pipeline.js"));
  const pluginModule = await import(dist("eslint-plugin", "index.js"));
  const eslintModule = await import("eslint");

  const rows = [];
  const at16 = {};
  for (const scale of scales) {
    const sources = generateSite(scale);
    const scripts = compiledScripts(sources, pipeline);
    for (const [language, files] of [
      ["ipxm", sources],
      ["ipxe", scripts],
    ]) {
      const dir = writeTree(files);
      try {
        const bytes = siteBytes(files);
        await timeLint(main, dir); // warm-up
        let best = Infinity;
        let last;
        for (let run = 0; run < runsFor[scale]; run++) {
          last = await timeLint(main, dir);
          best = Math.min(best, last.ms);
        }
        const share = await machineryShare(eslintModule, pluginModule, [...files.keys()], dir);
        const mbPerSecond = bytes / 1e6 / (best / 1000);
        if (scale === 16) at16[language] = mbPerSecond;
        rows.push([
          `${scale}×`,
          language,
          String(files.size),
          (bytes / 1000).toFixed(1),
          best.toFixed(0),
          mbPerSecond.toFixed(2),
          `${(share * 100).toFixed(0)}%`,
          String(last.problems),
        ]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
  }

  const header = ["size", "language", "files", "kB", "ms", "MB/s", "ESLint share", "problems"];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    cells.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(
    "\nipxm lint (in process, --format json; best run after a warm-up): the .ipxm sites, and the scripts compiled from them",
  );
  console.log([line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n"));
  console.log(
    "ESLint share = the part of ESLint's own time outside parsing and the rules (configuration, traversal, directives, reports)",
  );
  for (const language of ["ipxm", "ipxe"]) {
    const value = at16[language];
    console.log(
      `lint at 16× (${language}):      ${value.toFixed(2)} MB/s   (target ≥ ${targetMbPerSecondAt16} MB/s: ${value >= targetMbPerSecondAt16 ? "met" : "NOT met"})`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runLintBenchmark();
