/** `ipxm check`: the build pipeline without writing anything. */
import type { CliIO } from "../io.js";
import { ExitCode } from "../exit-codes.js";
import { plural } from "../format.js";
import { buildProject } from "../project.js";
import { reportProblems } from "../report.js";
import type { CheckOptions } from "../usage.js";

export function runCheck(options: CheckOptions, io: CliIO): ExitCode {
  const build = buildProject(options, io.cwd);
  reportProblems(build, io, "check");
  if (!build.ok) return ExitCode.errors;
  const files = plural(build.sources.size, "file");
  const entries = plural(build.entryPoints.length, "entry point");
  const verdict = build.diagnostics.length === 0 ? "no problems" : "no errors";
  io.stderr.write(`checked ${files} (${entries}): ${verdict}\n`);
  return ExitCode.ok;
}
