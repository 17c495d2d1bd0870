/**
 * ipxm sources → one iPXE script, through the real pipeline (`@ipxm/core` checks and elaborates,
 * `@ipxm/compiler` compiles), from files on disk or from sources held in memory.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SourceText } from "@ipxm/core";
import { checkProgram, hasErrors, type Diagnostic, type Program, type SourceHost } from "@ipxm/core";
import { compile } from "@ipxm/compiler";

export interface CompileRequest {
  /** The entry-point file: a path on disk, or a key of `sources`. */
  readonly entry: string;
  /** Sources in memory, by absolute posix path (`/site/main.ipxm`); without them, files are read from disk. */
  readonly sources?: Readonly<Record<string, string>>;
  readonly target?: string;
  readonly defines?: Readonly<Record<string, string>>;
}

export interface CompiledMenuScript {
  readonly script: string;
  readonly program: Program;
  /** Warnings (errors throw). */
  readonly diagnostics: readonly Diagnostic[];
}

export class CompileFailure extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`the ipxm sources do not compile:\n${diagnostics.map(describeDiagnostic).join("\n")}`);
    this.name = "CompileFailure";
  }
}

export function compileIpxm(request: CompileRequest): CompiledMenuScript {
  const sources = request.sources;
  const entry = sources ? request.entry : toPosix(path.resolve(request.entry));
  const host: SourceHost = sources ? memoryHost(sources) : diskHost();
  const checked = checkProgram([entry], host, {
    ...(request.target !== undefined ? { target: request.target } : {}),
    defines: { ...request.defines },
  });
  const texts = new Map<string, SourceText>();
  for (const [file, parsed] of checked.analysis.workspace.files) texts.set(file, parsed.source);
  const describe = (list: readonly Diagnostic[]) => list.map((d) => withPosition(d, texts));
  if (hasErrors(checked.diagnostics)) throw new CompileFailure(describe(checked.diagnostics));
  const program = checked.programs.get(entry);
  if (!program) throw new CompileFailure(describe(checked.diagnostics));
  const compiled = compile(program, { sourceName: path.posix.basename(entry) });
  const diagnostics = [...checked.diagnostics, ...compiled.diagnostics];
  if (compiled.script === undefined) throw new CompileFailure(describe(diagnostics));
  return { script: compiled.script, program, diagnostics };
}

function memoryHost(sources: Readonly<Record<string, string>>): SourceHost {
  return {
    readFile(file) {
      const text = sources[file];
      return text === undefined ? { ok: false, code: "file-not-found", message: "does not exist" } : { ok: true, text };
    },
  };
}

function diskHost(): SourceHost {
  return {
    readFile(file) {
      try {
        return { ok: true, text: fs.readFileSync(file, "utf8") };
      } catch {
        return { ok: false, code: "file-not-found", message: "does not exist" };
      }
    },
  };
}

function toPosix(file: string): string {
  return file.split(path.sep).join("/");
}

/** A diagnostic with its 1-based position folded into the message, for an error thrown at a test. */
function withPosition(diagnostic: Diagnostic, texts: ReadonlyMap<string, SourceText>): Diagnostic {
  const position = texts.get(diagnostic.file)?.positionAt(diagnostic.range.start);
  if (!position) return diagnostic;
  return { ...diagnostic, file: `${diagnostic.file}:${position.line}:${position.column}` };
}

function describeDiagnostic(diagnostic: Diagnostic): string {
  return `  ${diagnostic.file}  ${diagnostic.severity}  ${diagnostic.message}  ${diagnostic.code}`;
}
