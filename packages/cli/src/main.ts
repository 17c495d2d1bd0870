/**
 * `ipxm` as a function: `main(args, io)` runs one command and returns the exit code. Bad input and
 * bad usage are reported as text; anything thrown past that is a bug, reported as one line
 * (exit 70) unless IPXM_DEBUG=1 asks for the stack.
 */
import { processIO, type CliIO } from "./io.js";
import { ExitCode } from "./exit-codes.js";
import { commandHelp, parseCommandLine, topLevelHelp, UsageError, type Invocation } from "./usage.js";
import { packageVersion } from "./version.js";

/**
 * The language packages take a while to load (the parser generator alone is hundreds of modules),
 * so they are loaded only by what needs them: not by --help, --version or most usage errors.
 */
type Glue = typeof import("./pipeline.js");
type Commands = [
  typeof import("./commands/build.js"),
  typeof import("./commands/check.js"),
  typeof import("./commands/serve.js"),
];
const loadGlue = (): Promise<Glue> => import("./pipeline.js");

export async function main(args: readonly string[], io: CliIO = processIO()): Promise<ExitCode> {
  try {
    // Profile names are needed only to judge a --target; load them up front when one is given.
    const glue = args.some((arg) => arg === "-t" || arg.startsWith("--target") || /^-t./.test(arg))
      ? await loadGlue()
      : undefined;
    let invocation: Invocation;
    try {
      invocation = parseCommandLine(args, () => glue?.targetNames() ?? []);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      const prefix = error.command ? `ipxm ${error.command}` : "ipxm";
      io.stderr.write(`${prefix}: ${error.message}\n`);
      io.stderr.write(`Try "${prefix} --help".\n`);
      return ExitCode.usage;
    }
    return await run(invocation, io);
  } catch (error) {
    return internalError(error, io);
  }
}

async function run(invocation: Invocation, io: CliIO): Promise<ExitCode> {
  switch (invocation.kind) {
    case "help": {
      if (!invocation.command) {
        io.stdout.write(topLevelHelp());
        return ExitCode.ok;
      }
      const glue = await loadGlue();
      io.stdout.write(commandHelp(invocation.command, glue.targetNames(), glue.defaultTargetName()));
      return ExitCode.ok;
    }
    case "version":
      io.stdout.write(`ipxm ${packageVersion()}\n`);
      return ExitCode.ok;
    case "build":
    case "check":
    case "serve": {
      const [build, check, serve] = await loadCommands();
      if (invocation.kind === "build") return build.runBuild(invocation.options, io);
      if (invocation.kind === "check") return check.runCheck(invocation.options, io);
      return serve.runServe(invocation.options, io);
    }
    case "preview": {
      const preview = await import("./commands/preview.js");
      return preview.runPreview(invocation.options, io);
    }
    case "lint": {
      const lint = await import("./commands/lint.js");
      return lint.runLint(invocation.options, io);
    }
    case "fmt": {
      const fmt = await import("./commands/fmt.js");
      return fmt.runFmt(invocation.options, io);
    }
  }
}

function loadCommands(): Promise<Commands> {
  return Promise.all([import("./commands/build.js"), import("./commands/check.js"), import("./commands/serve.js")]);
}

/** Reports an error that escaped every handler, on the process's own streams. */
export function reportCrash(error: unknown): ExitCode {
  return internalError(error, processIO());
}

function internalError(error: unknown, io: CliIO): ExitCode {
  if (io.env["IPXM_DEBUG"] === "1" && error instanceof Error && error.stack) {
    io.stderr.write(`${error.stack}\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`ipxm: internal error: ${message.split("\n")[0]}\n`);
    io.stderr.write("This is a bug in ipxm; please report it with the command line and input that caused it\n");
    io.stderr.write("(IPXM_DEBUG=1 prints the stack trace).\n");
  }
  return ExitCode.internal;
}
