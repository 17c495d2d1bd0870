/** Prints the outcome of a project build: its diagnostics, conflicts and the count line. */
import type { CliIO } from "./io.js";
import { wantsColour } from "./io.js";
import { formatCounts, formatDiagnostics } from "./printer.js";
import type { ProjectBuild } from "./project.js";

export function reportProblems(build: ProjectBuild, io: CliIO, command: string): void {
  const colour = wantsColour(io);
  io.stderr.write(formatDiagnostics(build.diagnostics, build.sources, { cwd: io.cwd, colour }));
  for (const conflict of build.conflicts) io.stderr.write(`ipxm ${command}: ${conflict}\n`);
  const counts = formatCounts(build.diagnostics);
  if (counts !== "") io.stderr.write(`${counts}\n`);
}
