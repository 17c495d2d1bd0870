/** `ipxm build`: compile every entry point and write the scripts, all or nothing. */
import type { CliIO } from "../io.js";
import { ExitCode } from "../exit-codes.js";
import { formatBytes, plural } from "../format.js";
import { displayDir, displayPath } from "../paths.js";
import { buildProject, type ProjectBuild } from "../project.js";
import { reportProblems } from "../report.js";
import type { BuildOptions } from "../usage.js";
import { WriteError, writeAllAtomically, type OutputFile } from "../write.js";

export function runBuild(options: BuildOptions, io: CliIO): ExitCode {
  const build = buildProject(options, io.cwd);
  reportProblems(build, io, "build");
  if (!build.ok) {
    io.stderr.write("nothing written\n");
    return ExitCode.errors;
  }
  const written = writeOutputs(build, io, "build");
  if (written === undefined) return ExitCode.errors;
  io.stderr.write(
    `built ${plural(build.outputs.length, "script")} into ${displayDir(io.cwd, options.outDir)} (${formatBytes(written)})${options.map ? " with line maps" : ""}\n`,
  );
  return ExitCode.ok;
}

/** Writes the planned outputs; returns the total size of the scripts, or undefined after printing why not. */
export function writeOutputs(build: ProjectBuild, io: CliIO, command: string): number | undefined {
  const files: OutputFile[] = [];
  let scriptBytes = 0;
  for (const planned of build.outputs) {
    files.push(planned.script);
    if (planned.map) files.push(planned.map);
    scriptBytes += Buffer.byteLength(planned.script.contents, "utf8");
  }
  try {
    writeAllAtomically(files);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    io.stderr.write(`ipxm ${command}: cannot write ${displayPath(io.cwd, error.path)}: ${error.reason}\n`);
    return undefined;
  }
  return scriptBytes;
}
