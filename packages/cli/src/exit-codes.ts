/** The process exit codes of `ipxm`, documented in docs/cli.md. */
export const ExitCode = {
  /** Done; warnings may have been printed. */
  ok: 0,
  /** The input has errors (or the output could not be written). */
  errors: 1,
  /** The command line itself is wrong. */
  usage: 2,
  /** A bug in ipxm (sysexits' EX_SOFTWARE). */
  internal: 70,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
