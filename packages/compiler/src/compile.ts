/**
 * The compiler: an elaborated `Program` in, one self-contained iPXE script and its line map out.
 * Output order: header, prologue, every menu (in program order, the first is shown first), every
 * entry instance. No script is produced when any error diagnostic exists.
 */
import { hasErrors, sortDiagnostics } from "@ipxm/core";
import type { Diagnostic, Program, ProgramStatement, SourceRef } from "@ipxm/core";
import { CompileContext } from "./context.js";
import { emitEntry } from "./entries.js";
import { isSafeName } from "./labels.js";
import { emitKeptPart } from "./kept-diagnostics.js";
import { emitMenu } from "./menus.js";
import { emitHeader, emitPrologue } from "./prologue.js";
import { rawLabel } from "./raw.js";
import { lineMapOf, type LineSources } from "./script-writer.js";
import { printable } from "./safe-text.js";
import { getProfile, profileNames } from "@ipxm/ipxe";
import type { CompileOptions, CompileResult, LineMapEntry } from "./types.js";

export function compile(program: Program, options: CompileOptions = {}): CompileResult {
  const target = getProfile(program.target);
  const context = new CompileContext(program, target, {
    diagnosticsOnly: options.diagnosticsOnly,
    lineMap: options.lineMap,
  });
  if (!target) {
    context.report(
      "unknown-target",
      `there is no target profile "${printable(program.target)}"; use one of ${knownTargetList()}`,
      context.prologueSource,
    );
  }

  checkNames(context);
  // Labels are only ever written: a compilation that writes nothing has none to reserve.
  if (!options.diagnosticsOnly) reserveLabels(context);

  emitHeader(context, options.sourceName ?? baseName(program.file));
  emitPrologue(context);
  // An editor's diagnostics-only compilation of a reused elaboration keeps each part's diagnostics.
  const keeps = options.diagnosticsOnly === true && options.reuse === true;
  for (const menu of program.menus) {
    if (keeps) emitKeptPart(context, menu, undefined, () => emitMenu(context, menu));
    else emitMenu(context, menu);
  }
  for (const instance of program.entries) {
    if (keeps)
      emitKeptPart(context, instance, context.entryPlatforms.get(instance.label), () => emitEntry(context, instance));
    else emitEntry(context, instance);
  }

  const diagnostics = sortDiagnostics(context.diagnostics);
  if (hasErrors(diagnostics) || options.diagnosticsOnly) return { lineMap: [], diagnostics };
  const { script, sources } = context.writer.finish();
  return resultWithLineMapOnRead(script, sources, diagnostics);
}

/**
 * Made apart from `compile`: a getter made inside it would keep its whole scope alive (V8 shares
 * one context among a function's closures), the compile context with every line written included.
 */
function resultWithLineMapOnRead(script: string, sources: LineSources, diagnostics: Diagnostic[]): CompileResult {
  let lineMap: LineMapEntry[] | undefined;
  return {
    script,
    get lineMap() {
      return (lineMap ??= lineMapOf(sources));
    },
    diagnostics,
  };
}

function knownTargetList(): string {
  return profileNames.map((name) => `"${name}"`).join(", ");
}

/**
 * Names the script writes bare (labels, item names, setting names) must be one plain token each.
 * The language's identifiers always are; anything else is reported rather than mangled, because a
 * changed name would no longer match the `goto` or `${…}` that refers to it.
 */
function checkNames(context: CompileContext): void {
  const check = (name: string, what: string, source: SourceRef) => {
    if (!isSafeName(name)) {
      context.report(
        "unrepresentable-text",
        `the ${what} "${printable(name)}" cannot be written into an iPXE script: use letters, digits, "_", "-" or "."`,
        source,
      );
    }
  };
  const { program } = context;
  for (const setting of program.settings) check(setting.name, "setting name", setting.source);
  for (const menu of program.menus) {
    check(menu.id, "menu id", menu.source);
    for (const row of menu.rows) if (row.kind === "item") check(row.id, "item id", row.source);
    if (menu.defaultItem !== undefined) check(menu.defaultItem, "default item", menu.source);
  }
  for (const instance of program.entries) {
    check(instance.label, "entry label", instance.source);
    walkStatements(instance.body, (statement) => {
      if (statement.kind === "prompt" || statement.kind === "set")
        check(statement.setting, "setting name", statement.source);
    });
  }
}

/**
 * Fixed labels first (menus, `<menu>.<item>`, entry instances), then labels written in raw iPXE
 * lines, so that no internal label the emitters allocate later can shadow any of them.
 */
function reserveLabels(context: CompileContext): void {
  const { program, labels } = context;
  for (const menu of program.menus) {
    labels.reserve(menu.id);
    for (const row of menu.rows) if (row.kind === "item") labels.reserve(`${menu.id}.${row.id}`);
  }
  for (const instance of program.entries) {
    const label = labels.reserve(instance.label) ? instance.label : labels.allocate(instance.label);
    context.instanceLabels.set(instance.label, label);
  }
  for (const instance of program.entries) {
    walkStatements(instance.body, (statement) => {
      if (statement.kind !== "raw") return;
      for (const line of statement.lines) {
        const name = rawLabel(line.text);
        if (name !== undefined) labels.reserve(name);
      }
    });
  }
}

function walkStatements(statements: readonly ProgramStatement[], visit: (statement: ProgramStatement) => void): void {
  for (const statement of statements) {
    visit(statement);
    if (statement.kind === "when") {
      walkStatements(statement.then, visit);
      walkStatements(statement.else, visit);
    }
  }
}

/** The file name without its directories, so that build paths do not leak into the output. */
function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}
