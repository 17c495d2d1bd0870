/**
 * The linted tree: every file linted together, so that checks can look across files — a `goto` to a
 * label only another script defines, a `chain` to a script that is not there, an ipxm declaration
 * used only by another file. `ipxm lint` builds one and hands it to both languages as the language
 * option `tree`; ESLint lints each file on its own, so without a tree these checks see one file.
 *
 * Paths are absolute and posix-style, as ESLint names files. A tree is a plain object of functions
 * (no prototype) so that ESLint's merging of language options keeps it intact.
 */
import {
  analyze,
  loadWorkspace,
  normalizePath,
  type Analysis,
  type ParsedFile,
  type ReadResult,
  type SourceHost,
} from "@ipxm/core";
import { checkHeader } from "@ipxm/ipxe";
import { buildScript, type ScriptNode } from "./languages/ipxe/ast.js";
import { buildModel, collectValues, type ScriptModel, type SettingValues } from "./languages/ipxe/model.js";
import { projectFrom, type IpxmProject } from "./ipxm-project.js";

export interface LintTree {
  /** Marks the object as a tree (language options are validated against it). */
  readonly kind: "ipxm-lint-tree";
  /** Made for an editor (see `LintTreeOptions.editing`). */
  readonly editing: boolean;
  /** Whether `path` is one of the tree's files (any kind). */
  hasFile(path: string): boolean;
  /** Every file of the tree. */
  paths(): readonly string[];
  /** The tree's reading of an iPXE script; when `text` is given, only if the tree holds exactly that text. */
  script(path: string, text?: string): ScriptNode | undefined;
  /** The model of one of the tree's iPXE scripts. */
  model(path: string): ScriptModel | undefined;
  /** The iPXE scripts of the tree that define `label`. */
  scriptsDefiningLabel(label: string): readonly string[];
  /** Whether any iPXE script of the tree gives `setting` a value (`set` with a value, `read`, `choose`, `inc`). */
  assignsSetting(setting: string): boolean;
  /** What the tree's scripts may store in `setting` (settings are global, so every script counts). */
  settingValues(setting: string): SettingValues;
  /** The text of one of the tree's `.ipxm` files. */
  ipxmText(path: string): string | undefined;
  /** The tree's parse of one of its `.ipxm` files, when it holds exactly `text`. */
  ipxmFile(path: string, text: string): ParsedFile | undefined;
  /** All `.ipxm` files of the tree loaded and analysed together (bound and checked, not elaborated). */
  ipxmAnalysis(): Analysis;
  /** The analysis if something asked for it already; never starts one. */
  ipxmAnalysisIfMade(): Analysis | undefined;
  /**
   * Gives the analysis made (if any) to a newer tree of the same files, which moves the parses of
   * its edited files in place (see `LoadOptions.inPlace`). This tree forgets it: asked again, it
   * analyses its files afresh.
   */
  handOverIpxmAnalysis(): Analysis | undefined;
  /** All `.ipxm` files of the tree analysed together, entry points elaborated for `target`. */
  ipxmProject(target: string | undefined): IpxmProject;
}

export interface TreeFile {
  /** Absolute path. */
  readonly path: string;
  readonly text: string;
  /**
   * The file's language whatever its name and header say (an editor was told so). By default a file
   * is ipxm by its `.ipxm` name, and an iPXE script by its name or its `#!ipxe` header.
   */
  readonly language?: "ipxm" | "ipxe";
}

/** Whether a file of the tree is an iPXE script: a `.ipxe`, or anything else (but `.ipxm`) with the header. */
export function isIpxeScript(path: string, text: string): boolean {
  if (path.endsWith(".ipxm")) return false;
  return path.endsWith(".ipxe") || checkHeader(text).ok;
}

export interface LintTreeOptions {
  /**
   * The tree of an earlier state of the same files (an editor's, one keystroke ago): what it read of
   * files that did not change is taken over, and edited `.ipxm` files are reparsed from its parses,
   * which are handed over (`handOverIpxmAnalysis`).
   */
  readonly previous?: LintTree;
  /**
   * An editor's tree: more trees of the same files follow, each made from the one before. Lint
   * passes then keep what lets the next tree's pass skip reading unchanged declarations again.
   */
  readonly editing?: boolean;
}

export function createLintTree(files: Iterable<TreeFile>, options: LintTreeOptions = {}): LintTree {
  // Held only until this tree has made its own analysis: trees must not chain back through every edit.
  let previous = options.previous;
  const texts = new Map<string, string>();
  const declared = new Map<string, "ipxm" | "ipxe">();
  for (const file of files) {
    const key = normalizePath(file.path);
    texts.set(key, file.text);
    if (file.language) declared.set(key, file.language);
  }
  const isScript = (path: string, text: string) => {
    const language = declared.get(path);
    return language ? language === "ipxe" : isIpxeScript(path, text);
  };
  const isIpxm = (path: string) => {
    const language = declared.get(path);
    return language ? language === "ipxm" : path.endsWith(".ipxm");
  };
  const scripts = new Map<string, ScriptNode>();
  /** Scripts taken over from the previous tree (their models can be too). */
  const takenOver = new Set<string>();
  const models = new Map<string, ScriptModel>();
  const projects = new Map<string, IpxmProject>();
  let ipxmAnalysis: Analysis | undefined;
  let labelIndex: Map<string, string[]> | undefined;
  let assigned: Set<string> | undefined;
  const values = new Map<string, SettingValues>();

  let scriptList: string[] | undefined;
  const scriptPaths = () => (scriptList ??= [...texts.keys()].filter((path) => isScript(path, texts.get(path)!)));

  const script = (path: string, text?: string): ScriptNode | undefined => {
    const key = normalizePath(path);
    const held = texts.get(key);
    if (held === undefined || (text !== undefined && text !== held) || !isScript(key, held)) return undefined;
    let node = scripts.get(key);
    if (!node) {
      node = previous?.script(key, held);
      if (node) takenOver.add(key);
      else node = buildScript(held, false);
      scripts.set(key, node);
    }
    return node;
  };

  const model = (path: string): ScriptModel | undefined => {
    const key = normalizePath(path);
    let built = models.get(key);
    if (!built) {
      const node = script(key);
      if (!node) return undefined;
      built = (takenOver.has(key) ? previous?.model(key) : undefined) ?? buildModel(node);
      models.set(key, built);
    }
    return built;
  };

  const index = () => {
    if (labelIndex && assigned) return { labelIndex, assigned };
    labelIndex = new Map();
    assigned = new Set();
    for (const path of scriptPaths()) {
      const built = model(path)!;
      for (const name of built.labels.keys()) {
        const list = labelIndex.get(name);
        if (list) list.push(path);
        else labelIndex.set(name, [path]);
      }
      for (const [name, list] of built.assignments) {
        if (list.some((assignment) => assignment.kind !== "delete" && assignment.kind !== "clear")) assigned.add(name);
      }
    }
    return { labelIndex, assigned };
  };

  const host: SourceHost = {
    readFile(path): ReadResult {
      const text = texts.get(normalizePath(path));
      return text === undefined
        ? { ok: false, code: "file-not-found", message: "is not in the linted tree" }
        : { ok: true, text };
    },
  };

  // Every `.ipxm` file of the tree, loaded and analysed once: only elaboration depends on the target.
  const ipxm = (): Analysis => {
    if (!ipxmAnalysis) {
      const roots = [...texts.keys()].filter(isIpxm).sort();
      const earlier = previous?.handOverIpxmAnalysis()?.workspace;
      ipxmAnalysis = analyze(loadWorkspace(roots, host, earlier ? { previous: earlier, inPlace: true } : {}));
      previous = undefined;
    }
    return ipxmAnalysis;
  };

  return {
    kind: "ipxm-lint-tree",
    editing: options.editing === true,
    hasFile: (path) => texts.has(normalizePath(path)),
    paths: () => [...texts.keys()],
    script,
    model,
    scriptsDefiningLabel: (label) => index().labelIndex.get(label) ?? [],
    assignsSetting: (setting) => index().assigned.has(setting),
    settingValues: (setting) => {
      let found = values.get(setting);
      if (!found) {
        found = { values: new Set(), any: false };
        for (const path of scriptPaths()) {
          const built = model(path)!;
          const assignments = built.assignments.get(setting);
          if (assignments) collectValues(assignments, found);
        }
        values.set(setting, found);
      }
      return found;
    },
    ipxmText: (path) => {
      const key = normalizePath(path);
      return isIpxm(key) ? texts.get(key) : undefined;
    },
    ipxmFile: (path, text) => {
      const key = normalizePath(path);
      if (!isIpxm(key) || texts.get(key) !== text) return undefined;
      return ipxm().workspace.files.get(key);
    },
    ipxmAnalysis: ipxm,
    ipxmAnalysisIfMade: () => ipxmAnalysis,
    handOverIpxmAnalysis: () => {
      const analysis = ipxmAnalysis;
      // Everything made from the analysis goes with it: its nodes are about to move.
      ipxmAnalysis = undefined;
      projects.clear();
      return analysis;
    },
    ipxmProject: (target) => {
      const key = target ?? "";
      let project = projects.get(key);
      if (!project) {
        project = projectFrom(ipxm(), {
          entryPoints: "tree",
          ...(target !== undefined ? { target } : {}),
          ...(options.editing ? { reuse: true } : {}),
        });
        projects.set(key, project);
      }
      return project;
    },
  };
}

/** Whether a language option value is a tree made by `createLintTree`. */
export function isLintTree(value: unknown): value is LintTree {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { kind?: unknown }).kind === "ipxm-lint-tree" &&
    typeof (value as { script?: unknown }).script === "function"
  );
}
