/**
 * `ipxm serve`: build, serve the output directory over HTTP, rebuild when a source changes. A
 * failed rebuild prints its diagnostics and leaves the last good scripts in place, so a machine
 * that boots meanwhile still gets a working menu.
 */
import * as os from "node:os";
import * as path from "node:path";
import type { CliIO } from "../io.js";
import { ExitCode } from "../exit-codes.js";
import { formatBytes, plural } from "../format.js";
import { absolutePath, displayDir, displayPath } from "../paths.js";
import { printable } from "../printer.js";
import { buildProject, type ProjectBuild } from "../project.js";
import { reportProblems } from "../report.js";
import { startStaticServer, type RequestLog, type RunningServer } from "../static-server.js";
import type { ServeOptions } from "../usage.js";
import { watchSources, watchTargetsFor } from "../watch.js";
import { writeOutputs } from "./build.js";

export async function runServe(options: ServeOptions, io: CliIO): Promise<ExitCode> {
  const outDir = path.resolve(io.cwd, options.outDir);
  const first = buildAndWrite(options, io, "built");
  if (first.build.inputs.files.length === 0) return ExitCode.errors;

  let server: RunningServer;
  try {
    server = await startStaticServer({
      root: outDir,
      host: options.host,
      port: options.port,
      log: (entry) => io.stderr.write(`${formatRequest(entry)}\n`),
    });
  } catch (error) {
    io.stderr.write(`ipxm serve: ${listenFailure(error, options)}\n`);
    return ExitCode.errors;
  }

  const watcher = watchSources((changed) => {
    try {
      io.stderr.write(`${displayPath(io.cwd, changed)} changed; rebuilding\n`);
      watchBuild(buildAndWrite(options, io, "rebuilt").build);
    } catch (error) {
      // A bug in one rebuild must not take the server down; the last good output stays served.
      io.stderr.write(
        `ipxm: internal error while rebuilding: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    }
  });
  const watchBuild = (build: ProjectBuild) => {
    const absolute = (names: Iterable<string>) => [...names].map((name) => absolutePath(io.cwd, name));
    const filesRead = absolute(build.pathsRead);
    watcher.update(watchTargetsFor(absolute(build.inputs.directories), filesRead), new Set(filesRead));
  };
  watchBuild(first.build);

  printBanner(io, server, outDir, first.build, options);

  await stopRequested(io.signal);
  watcher.close();
  await server.close();
  io.stderr.write("stopped\n");
  return ExitCode.ok;
}

function buildAndWrite(options: ServeOptions, io: CliIO, verb: string): { build: ProjectBuild; ok: boolean } {
  const started = performance.now();
  const build = buildProject(options, io.cwd);
  reportProblems(build, io, "serve");
  if (!build.ok) {
    if (build.inputs.files.length > 0) io.stderr.write("build failed; still serving the last good output\n");
    return { build, ok: false };
  }
  const bytes = writeOutputs(build, io, "serve");
  if (bytes === undefined) return { build, ok: false };
  const milliseconds = Math.round(performance.now() - started);
  io.stderr.write(
    `${verb} ${plural(build.outputs.length, "script")} into ${displayDir(io.cwd, options.outDir)} (${formatBytes(bytes)}) in ${milliseconds} ms\n`,
  );
  return { build, ok: true };
}

function printBanner(
  io: CliIO,
  server: RunningServer,
  outDir: string,
  build: ProjectBuild,
  options: ServeOptions,
): void {
  const scripts = build.outputs.map((output) => path.relative(outDir, output.script.path).split(path.sep).join("/"));
  const main = scripts.find((name) => name === "main.ipxe") ?? scripts[0] ?? "main.ipxe";
  const hosts = reachableHosts(server.host);
  const everywhere =
    server.host === "0.0.0.0" || server.host === "::" ? ` (listening on all addresses, port ${server.port})` : "";
  const lines = [`serving ${displayDir(io.cwd, options.outDir)} at ${urlOf(hosts[0]!, server.port, "")}${everywhere}`];
  lines.push(`chain from iPXE:  chain ${urlOf(hosts[0]!, server.port, main)}`);
  for (const other of hosts.slice(1)) lines.push(`             or:  chain ${urlOf(other, server.port, main)}`);
  if (isLoopback(server.host)) {
    lines.push(
      "(this address works only on this machine; to boot another machine, run with --host 0.0.0.0 and chain this machine's address)",
    );
  }
  const watched =
    build.inputs.directories.length > 0 ? build.inputs.directories : [...build.inputs.files.map((file) => file.path)];
  lines.push(`watching ${watched.map((entry) => displayPath(io.cwd, entry)).join(", ")} for changes; Ctrl-C stops`);
  io.stderr.write(`${lines.join("\n")}\n`);
}

/** For a wildcard bind, the machine's external addresses (what another machine would chain). */
function reachableHosts(bound: string): string[] {
  if (bound !== "0.0.0.0" && bound !== "::") return [bound];
  const addresses: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const address of list ?? []) {
      if (address.internal) continue;
      if (address.family === "IPv4" || (bound === "::" && !address.address.startsWith("fe80")))
        addresses.push(address.address);
    }
  }
  return addresses.length > 0 ? addresses : ["127.0.0.1"];
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

function urlOf(host: string, port: number, file: string): string {
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return `http://${shownHost}:${port}/${file}`;
}

function formatRequest(entry: RequestLog): string {
  const target = printable(entry.target.length > 200 ? `${entry.target.slice(0, 200)}…` : entry.target);
  return `${entry.remote}  ${entry.method} ${target}  ${entry.status}  ${formatBytes(entry.bytes)}  ${entry.milliseconds.toFixed(1)} ms`;
}

function listenFailure(error: unknown, options: ServeOptions): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "EADDRINUSE":
      return `port ${options.port} on ${options.host} is in use; choose another with --port (0 picks a free one)`;
    case "EACCES":
      return `not allowed to listen on port ${options.port}; ports below 1024 need privileges, use e.g. --port 8080`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
      return `cannot listen on ${options.host}: no such address on this machine`;
    default:
      return `cannot listen on ${options.host}:${options.port}: ${code ?? String(error)}`;
  }
}

/** Resolves on Ctrl-C, SIGTERM or when the caller's signal aborts. */
function stopRequested(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      signal?.removeEventListener("abort", stop);
      resolve();
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop);
  });
}
