/**
 * Everything the command line touches of its surroundings, gathered so tests can run `main` in
 * process: output streams, the working directory, the environment, and a way to stop `serve`.
 */

export interface OutputStream {
  write(text: string): unknown;
  /** Colour is used only on a terminal. */
  readonly isTTY?: boolean;
}

export interface CliIO {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** Absolute path that relative arguments and printed paths are relative to. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Stops a long-running command (`serve`) the way Ctrl-C does. */
  readonly signal?: AbortSignal;
  /** Standard input, for `fmt --stdin-filepath`. */
  readonly stdin?: AsyncIterable<string | Uint8Array>;
}

export function processIO(): CliIO {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    stdin: process.stdin,
  };
}

/** Colour on stderr only when it is a terminal and the user has not opted out (https://no-color.org). */
export function wantsColour(io: CliIO): boolean {
  const noColour = io.env["NO_COLOR"];
  return io.stderr.isTTY === true && (noColour === undefined || noColour === "");
}
