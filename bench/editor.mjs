/**
 * Editor latency, a section of `npm run bench`: the language service on one .ipxm document of
 * 10,000+ lines (a synthetic site's sections in one file). Each round edits the middle of the document
 * (one character typed into a string), then asks for what an editor asks for: diagnostics (analysis
 * and every lint rule), completion, hover, definition and rename. Prints p50 and p95; asserts nothing.
 *
 * Completion and hover are timed twice: right after the edit, before anything else ran on the new
 * text (they answer from the last analysis made, carried over the edit, as they do while typing goes
 * on), and after diagnostics (the server runs them 150 ms after typing stops; they analyse the new text).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSite } from "./generate.mjs";

const repo = fileURLToPath(new URL("..", import.meta.url));
const targets = { diagnosticsP95: 100, completionP95: 20, hoverP95: 20 };
const rounds = Number(process.env.IPXM_BENCH_EDITOR_ROUNDS ?? 40);

/** One file: shared settings, then every section of a generated site (data, menu, entries), then a main menu. */
export function bigDocument(minimumLines = 10_000) {
  const files = generateSite(4);
  const withoutImports = (text) =>
    text
      .split("\n")
      .filter((line) => !line.startsWith("import "))
      .join("\n");
  const parts = [withoutImports(files.get("common.ipxm"))];
  const sections = [];
  for (let s = 0; files.has(`sections/s${s}.ipxm`); s++) {
    parts.push(withoutImports(files.get(`data/s${s}.ipxm`)), withoutImports(files.get(`sections/s${s}.ipxm`)));
    sections.push(s);
    if (parts.join("\n").split("\n").length >= minimumLines) break;
  }
  parts.push(
    `menu main "\${site_name}" {`,
    ...sections.map((s) => `  item s${s} "Section ${s}" -> menu s${s}`),
    "}",
    "",
  );
  return parts.join("\n");
}

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

export async function runEditorBenchmark() {
  const { LanguageService, memoryFileSystem, pathToUri } = await import(
    path.join(repo, "packages/language-server/dist/index.js")
  );
  let text = bigDocument();
  const lines = text.split("\n").length;
  const file = "/bench/site.ipxm";
  const uri = pathToUri(file);
  const service = new LanguageService({ fileSystem: memoryFileSystem({}) });
  service.workspace.openDocument(uri, "ipxm", 1, text);
  const baseline = service.diagnostics(uri);
  const errors = baseline.filter((d) => d.severity === 1);
  if (errors.length > 0) {
    console.error(`bench: the editor benchmark's document has ${errors.length} errors, e.g. ${errors[0].message}`);
    process.exit(1);
  }

  const positionOf = (needle, offsetInNeedle = 0) => {
    const at = text.indexOf(needle, Math.floor(text.length / 2)) + offsetInNeedle;
    const before = text.slice(0, at).split("\n");
    return { line: before.length - 1, character: before.at(-1).length };
  };
  const times = {
    diagnostics: [],
    "completion (first after edit)": [],
    "hover (first after edit)": [],
    completion: [],
    hover: [],
    definition: [],
    rename: [],
  };
  const time = (key, run) => {
    const started = performance.now();
    const result = run();
    times[key].push(performance.now() - started);
    return result;
  };

  const editAt = text.indexOf('echo "Starting the ', Math.floor(text.length / 2)) + 'echo "Starting the '.length;
  for (let round = 0; round < rounds + 5; round++) {
    // Type one character into a string in the middle of the document (alternately add and remove it).
    text =
      round % 2 === 0
        ? `${text.slice(0, editAt)}x${text.slice(editAt)}`
        : text.slice(0, editAt) + text.slice(editAt + 1);
    const completionAt = positionOf("-> boot s", "-> boot s".length);
    const hoverAt = positionOf("default back after ", "default back after 5".length);
    const nameAt = positionOf("-> boot s", "-> boot s".length + 1);

    if (round % 2 === 0) {
      service.workspace.changeDocument(uri, round + 2, text);
      time("completion (first after edit)", () => service.completion(uri, completionAt));
      time("hover (first after edit)", () => service.hover(uri, hoverAt));
    }
    service.workspace.changeDocument(uri, round + 1000, text);
    time("diagnostics", () => service.diagnostics(uri));
    time("completion", () => service.completion(uri, completionAt));
    time("hover", () => service.hover(uri, hoverAt));
    time("definition", () => service.definition(uri, nameAt));
    time("rename", () => service.rename(uri, nameAt, "renamed_entry"));
    if (round === 4) for (const list of Object.values(times)) list.length = 0; // warm-up rounds
  }

  const ours = ownMenusDiagnostics(LanguageService, memoryFileSystem, pathToUri);
  const stages = await diagnosticsStages(bigDocument());

  console.log(
    `\neditor latency: one .ipxm document of ${lines} lines (${(text.length / 1000).toFixed(0)} kB), ${rounds} edits`,
  );
  const target = { diagnostics: targets.diagnosticsP95, completion: targets.completionP95, hover: targets.hoverP95 };
  for (const [key, values] of Object.entries(times)) {
    const p50 = percentile(values, 50);
    const p95 = percentile(values, 95);
    const goal = target[key];
    const verdict = goal === undefined ? "" : `   (target p95 < ${goal} ms: ${p95 < goal ? "met" : "NOT met"})`;
    console.log(
      `  ${key.padEnd(31)} p50 ${p50.toFixed(1).padStart(6)} ms   p95 ${p95.toFixed(1).padStart(6)} ms${verdict}`,
    );
  }
  console.log(
    `  where diagnostics after an edit go, p50: ${Object.entries(stages)
      .map(([stage, values]) => `${stage} ${percentile(values, 50).toFixed(1)} ms`)
      .join(", ")}`,
  );
  console.log(
    `  diagnostics in our menus/ (${ours.files} files, ${ours.lines} lines; an edit in ${ours.edited}): p50 ${percentile(ours.times, 50).toFixed(1)} ms, p95 ${percentile(ours.times, 95).toFixed(1)} ms`,
  );
}

/**
 * The diagnostics of an edit stage by stage, as the language server makes them: the linter's tree
 * of the new text made from the previous one (reparse), its analysis (bind + check), the project
 * (elaboration and the compiler's diagnostics), and ESLint's pass with every recommended rule.
 */
async function diagnosticsStages(original) {
  const { createRequire } = await import("node:module");
  const fromServer = createRequire(path.join(repo, "packages/language-server/package.json"));
  const { Linter } = await import(fromServer.resolve("eslint/universal"));
  const plugin = await import(path.join(repo, "packages/eslint-plugin/dist/index.js"));
  const linter = new Linter({ cwd: "/", configType: "flat" });
  const file = "/bench/site.ipxm";
  let text = original;
  const at = text.indexOf('echo "Starting the ', Math.floor(text.length / 2)) + 'echo "Starting the '.length;
  const stages = { "reparse + bind + check": [], "elaborate + compile": [], "ESLint's pass": [] };
  let previous;
  for (let round = 0; round < rounds + 5; round++) {
    text = round % 2 === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
    const tree = plugin.createLintTree([{ path: file, text, language: "ipxm" }], {
      editing: true,
      ...(previous ? { previous } : {}),
    });
    const timed = (stage, run) => {
      const started = performance.now();
      run();
      if (round >= 5) stages[stage].push(performance.now() - started);
    };
    timed("reparse + bind + check", () => tree.ipxmAnalysis());
    timed("elaborate + compile", () => tree.ipxmProject(undefined));
    const config = {
      files: [() => true],
      plugins: { ipxm: plugin.default },
      language: "ipxm/ipxm",
      rules: plugin.recommendedRules("ipxm"),
      languageOptions: { tree },
    };
    timed("ESLint's pass", () => linter.verify(text, [config], { filename: file }));
    previous = tree;
  }
  return stages;
}

/** Diagnostics after an edit in our own menu tree: a real workspace of many small files. */
function ownMenusDiagnostics(LanguageService, memoryFileSystem, pathToUri) {
  const folder = path.join(repo, "menus");
  const files = Object.fromEntries(
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith(".ipxm"))
      .map((name) => [`/menus/${name}`, fs.readFileSync(path.join(folder, name), "utf8")]),
  );
  const service = new LanguageService({ fileSystem: memoryFileSystem(files) });
  service.workspace.setFolders(["/menus"]);
  const edited = "/menus/linux.ipxm";
  const uri = pathToUri(edited);
  let text = files[edited];
  service.workspace.openDocument(uri, "ipxm", 1, text);
  // Inside the first string of the file: one character typed, then taken back.
  const at = text.indexOf('"') + 1;
  const times = [];
  for (let round = 0; round < rounds + 5; round++) {
    text = round % 2 === 0 ? `${text.slice(0, at)}x${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
    service.workspace.changeDocument(uri, round + 2, text);
    const started = performance.now();
    service.diagnostics(uri);
    if (round >= 5) times.push(performance.now() - started);
  }
  const lines = Object.values(files).reduce((sum, source) => sum + source.split("\n").length, 0);
  return { files: Object.keys(files).length, lines, edited: "menus/linux.ipxm", times };
}

// `node bench/editor.mjs` runs this section alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) await runEditorBenchmark();
