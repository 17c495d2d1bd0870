#!/usr/bin/env node
/**
 * `npm run bench`: how fast ipxm turns sources into scripts. Generates synthetic sites at 1×, 4× and
 * 16× of about 250 kB, times each stage of the pipeline (best and median of several runs, after a
 * warm-up), and times a cold `ipxm build menus` in a fresh process. Prints figures next to the
 * targets; asserts nothing.
 *
 * Imports the BUILT packages (packages/*\/dist): run `npx turbo run build` first (npm run bench does).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { generateSite, memoryHost, siteBytes } from "./generate.mjs";
import { formatTargetSeconds, measureFormat } from "./format.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const pipelineModule = path.join(repo, "packages/cli/dist/pipeline.js");
const bin = path.join(repo, "packages/cli/dist/bin.js");
if (!fs.existsSync(pipelineModule)) {
  console.error("bench: packages/cli/dist is missing; run `npx turbo run build` first (npm run bench does).");
  process.exit(1);
}
const { loadStage, analyzeStage, compileStage, hasErrors } = await import(pipelineModule);

const scales = [1, 4, 16];
// Small sizes are cheap and the most sensitive to noise: more runs.
const runsFor = { 1: 15, 4: 7, 16: 5 };
const coldRuns = 7;
const targets = { mbPerSecondAt16: 5, coldBuildSeconds: 0.5 };

/**
 * Every garbage collection of the process, as Node reports them (start and duration on the same
 * clock as performance.now()). Read after the timed runs: the observer is called on a later turn.
 */
const collections = [];
new PerformanceObserver((list) => collections.push(...list.getEntries())).observe({ entryTypes: ["gc"] });

/** Milliseconds of garbage collection that started between `from` and `to`. */
function collectionTime(from, to) {
  let sum = 0;
  for (const entry of collections) if (entry.startTime >= from && entry.startTime < to) sum += entry.duration;
  return sum;
}

function timePipeline(files) {
  const host = memoryHost(files);
  const roots = [...files.keys()].sort();
  const t0 = performance.now();
  const loaded = loadStage(roots, host);
  const t1 = performance.now();
  const analyzed = analyzeStage(loaded);
  const t2 = performance.now();
  const scripts = [];
  const diagnostics = [...loaded.diagnostics, ...analyzed.diagnostics];
  for (const entry of loaded.entryPoints) {
    const compiled = compileStage(analyzed, entry, {});
    diagnostics.push(...compiled.diagnostics);
    if (compiled.script) scripts.push(compiled.script);
  }
  const t3 = performance.now();
  return {
    parse: t1 - t0,
    check: t2 - t1,
    compile: t3 - t2,
    total: t3 - t0,
    stageBounds: [t0, t1, t2, t3],
    diagnostics,
    entryPoints: loaded.entryPoints.length,
    scriptBytes: scripts.reduce((sum, script) => sum + Buffer.byteLength(script.script, "utf8"), 0),
  };
}

/**
 * Runs the whole pipeline a few times on a mid-sized site before anything is timed, so that every
 * scale is measured with optimised code. Without it the first (smallest) scale would also time the
 * JIT's work, and the per-MB comparison of 16× with 1× would flatter the larger sizes.
 */
function warmUpEverything() {
  const files = generateSite(2, 1);
  for (let run = 0; run < 5; run++) timePipeline(files);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function measureScale(scale) {
  const files = generateSite(scale);
  const bytes = siteBytes(files);
  const warmUp = timePipeline(files);
  const errors = warmUp.diagnostics.filter((d) => d.severity === "error");
  if (hasErrors(warmUp.diagnostics) || warmUp.scriptBytes === 0) {
    console.error(`bench: the generated ${scale}× site does not compile clean (${errors.length} errors):`);
    for (const d of errors.slice(0, 10)) console.error(`  ${d.file} [${d.range.start}] ${d.code}: ${d.message}`);
    process.exit(1);
  }
  const best = { parse: Infinity, check: Infinity, compile: Infinity, total: Infinity };
  const totals = [];
  const stageBounds = [];
  for (let run = 0; run < runsFor[scale]; run++) {
    const timing = timePipeline(files);
    for (const key of Object.keys(best)) best[key] = Math.min(best[key], timing[key]);
    totals.push(timing.total);
    stageBounds.push(timing.stageBounds);
  }
  return {
    scale,
    files: files.size,
    bytes,
    scriptBytes: warmUp.scriptBytes,
    runs: runsFor[scale],
    ...best,
    medianTotal: median(totals),
    stageBounds,
  };
}

/** Wall time of `ipxm build <source> -o <tmp>` in fresh processes: best and median of `runs`. */
function coldBuild(source = "menus", runs = coldRuns) {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-bench-"));
  const times = [];
  let failure;
  try {
    for (let run = 0; run < runs; run++) {
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [bin, "build", source, "-o", out], { cwd: repo, encoding: "utf8" });
      times.push(Number(process.hrtime.bigint() - started) / 1e9);
      if (result.status !== 0) {
        failure = `exit ${result.status}: ${(result.stderr || "").trim().split("\n").at(-1)}`;
        break;
      }
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
  return { best: Math.min(...times), median: median(times), failure };
}

/**
 * The largest site built the way a user builds it once: written to disk, then `ipxm build` in a
 * fresh process, reading, compiling and writing, with code the JIT has not optimised yet. The
 * figures above are a warm process's (a rebuild in `ipxm serve`, an editor); this is a CI job's.
 */
function coldBuildOfSite(files) {
  const site = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-bench-site-"));
  try {
    for (const [name, text] of files) {
      fs.mkdirSync(path.dirname(path.join(site, name)), { recursive: true });
      fs.writeFileSync(path.join(site, name), text);
    }
    return coldBuild(site, 3);
  } finally {
    fs.rmSync(site, { recursive: true, force: true });
  }
}

const megabytes = (bytes) => bytes / 1e6;
const fixed = (value, digits = 1) => value.toFixed(digits);

function table(rows, header) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) =>
    cells
      .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
      .join("  ");
  return [line(header), widths.map((width) => "-".repeat(width)).join("  "), ...rows.map(line)].join("\n");
}

console.log(`ipxm benchmark: node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus()[0]?.model ?? "cpu"}`);
console.log("synthetic sites from bench/generate.mjs (seeded); times are the best run after a warm-up\n");

warmUpEverything();
const results = scales.map(measureScale);
console.log(
  table(
    results.map((r) => [
      `${r.scale}×`,
      String(r.files),
      fixed(r.bytes / 1000),
      fixed(r.parse),
      fixed(r.check),
      fixed(r.compile),
      fixed(r.total),
      fixed(r.medianTotal),
      fixed(megabytes(r.bytes) / (r.total / 1000), 2),
      fixed(r.scriptBytes / 1000),
      `${fixed(r.scriptBytes / r.bytes)}×`,
      String(r.runs),
    ]),
    [
      "size",
      "files",
      "source kB",
      "parse ms",
      "check ms",
      "compile ms",
      "total ms",
      "median ms",
      "MB/s",
      "script kB",
      "out/in",
      "runs",
    ],
  ),
);
console.log("\nparse = read + lex + parse (in memory), check = bind + check, compile = elaborate + compile;");
console.log("each time is its own best, so the stages need not add up to the total;");
console.log("median ms = median of the totals; MB/s = source MB per second end to end, from the best total;");
console.log("out/in = script size / source size\n");

const first = results[0];
const last = results.at(-1);
const perMb = (r, key) => r[key] / megabytes(r.bytes);
console.log("cost per MB, 16× relative to 1× (1.00 = linear):");
for (const key of ["parse", "check", "compile", "total"]) {
  console.log(`  ${key.padEnd(8)} ${fixed(perMb(last, key) / perMb(first, key), 2)}`);
}

// Node hands the observer its entries on a later turn of the event loop.
await new Promise((resolve) => setTimeout(resolve, 0));
const collectionsPerRun = last.stageBounds.map(([t0, t1, t2, t3]) => [
  collectionTime(t0, t1),
  collectionTime(t1, t2),
  collectionTime(t2, t3),
]);
const stageCollections = (stage) => collectionsPerRun.map((run) => fixed(run[stage], 0)).join(" ");
console.log(
  `garbage collection at ${last.scale}×, ms in each run: parse ${stageCollections(0)}; check ${stageCollections(1)}; compile ${stageCollections(2)}`,
);
console.log(
  "  (compile's share was 30–70 ms per run at 16× on the 2-core machine; twice that means V8 allocates part of the\n" +
    "   elaborated program in the old generation again: see the top of packages/core/src/program.ts)",
);

const throughput = megabytes(last.bytes) / (last.total / 1000);
const medianThroughput = megabytes(last.bytes) / (last.medianTotal / 1000);
const cold = coldBuild();
const verdict = (ok) => (ok ? "met" : "NOT met");
console.log("");
console.log(
  `end to end at 16×:       ${fixed(throughput, 2)} MB/s, median ${fixed(medianThroughput, 2)} MB/s   (target ≥ ${targets.mbPerSecondAt16} MB/s: ${verdict(throughput >= targets.mbPerSecondAt16)})`,
);
if (cold.failure) {
  console.log(`cold ipxm build menus:   failed (${cold.failure})`);
} else {
  console.log(
    `cold ipxm build menus:   ${fixed(cold.best, 3)} s, median ${fixed(cold.median, 3)} s   (best of ${coldRuns} spawned processes; target < ${targets.coldBuildSeconds} s: ${verdict(cold.best < targets.coldBuildSeconds)})`,
  );
}

const largest = generateSite(scales.at(-1));
const coldLargest = coldBuildOfSite(largest);
const coldLargestLabel = `cold ipxm build at ${scales.at(-1)}×:`.padEnd(25);
if (coldLargest.failure) {
  console.log(`${coldLargestLabel}failed (${coldLargest.failure})`);
} else {
  console.log(
    `${coldLargestLabel}${fixed(coldLargest.best, 2)} s, median ${fixed(coldLargest.median, 2)} s, ${fixed(megabytes(siteBytes(largest)) / coldLargest.best, 2)} MB/s   (from disk, fresh process, best of 3; no target)`,
  );
}

const formatted = await measureFormat();
console.log(
  `ipxm fmt, ${fixed(formatted.bytes / 1e6, 2)} MB in ${formatted.files} files: ${fixed(formatted.seconds, 3)} s   (target < ${formatTargetSeconds} s per MB: ${verdict(formatted.seconds / megabytes(formatted.bytes) < formatTargetSeconds)})`,
);

// Lint throughput: a section of its own, in bench/lint.mjs.
const { runLintBenchmark } = await import("./lint.mjs");
await runLintBenchmark();

// Editor latency of the language server: bench/editor.mjs.
const { runEditorBenchmark } = await import("./editor.mjs");
await runEditorBenchmark();
