/**
 * `ipxm preview`: draw one menu's screen as iPXE draws it, from the compiled script (so the text is
 * what iPXE gets after expansion). In colour on a terminal, plain text otherwise; a one-line
 * summary on stderr says which menu, which item is highlighted and the countdown, which plain text
 * cannot show.
 */
import { previewMenu } from "@ipxm/compiler";
import { menuScreenAnsi, menuScreenText } from "@ipxm/ipxe";
import type { CliIO } from "../io.js";
import { ExitCode } from "../exit-codes.js";
import { displayPath } from "../paths.js";
import { buildProject } from "../project.js";
import { reportProblems } from "../report.js";
import type { PreviewOptions } from "../usage.js";

export function runPreview(options: PreviewOptions, io: CliIO): ExitCode {
  const build = buildProject({ ...options, outDir: "." }, io.cwd);
  if (!build.ok) {
    reportProblems(build, io, "preview");
    return ExitCode.errors;
  }
  if (build.diagnostics.length > 0) reportProblems(build, io, "preview");
  if (build.outputs.length !== 1) {
    const entries = build.outputs.map((output) => displayPath(io.cwd, output.entry)).join(", ");
    io.stderr.write(`ipxm preview: ${entries} are all entry points; name the one to preview\n`);
    return ExitCode.errors;
  }
  const [output] = build.outputs;
  const preview = previewMenu(output!.script.contents, {
    ...(options.menu !== undefined ? { menu: options.menu } : {}),
    settings: options.settings,
    width: options.width,
    height: options.height,
  });
  const entry = displayPath(io.cwd, output!.entry);
  if (!preview.ok) {
    io.stderr.write(`ipxm preview: ${entry}: ${preview.message}\n`);
    return ExitCode.errors;
  }
  const colour = io.stdout.isTTY === true && !io.env["NO_COLOR"];
  io.stdout.write(`${colour ? menuScreenAnsi(preview.screen) : menuScreenText(preview.screen)}\n`);
  const countdown = preview.countdown > 0 ? `, countdown ${preview.countdown} s` : "";
  io.stderr.write(
    `menu "${preview.menu}" of ${entry} for ${preview.target}, ${preview.screen.width}×${preview.screen.height}: ` +
      `"${preview.highlighted}" highlighted${countdown}\n`,
  );
  return ExitCode.ok;
}
