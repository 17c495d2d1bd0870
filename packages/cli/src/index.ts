/** The ipxm command line, importable: run it in process, or reuse its pieces. */
export { main } from "./main.js";
export type { CliIO, OutputStream } from "./io.js";
export { ExitCode } from "./exit-codes.js";
export {
  parseCommandLine,
  UsageError,
  type Invocation,
  type BuildOptions,
  type CheckOptions,
  type ServeOptions,
} from "./usage.js";
export { createSourceHost, readSourceFile, maxSourceBytes, type NodeSourceHost, type ReadResult } from "./host.js";
export { collectInputs, type InputFile, type Inputs } from "./inputs.js";
export {
  runPipeline,
  selectEntryPoints,
  type PipelineResult,
  type CompiledScript,
  type LineMapEntry,
} from "./pipeline.js";
export { formatDiagnostic, formatDiagnostics, formatCounts, type PrintOptions } from "./printer.js";
export { writeAllAtomically, WriteError, type OutputFile } from "./write.js";
export { resolveRequest, createStaticHandler, startStaticServer, type Resolution } from "./static-server.js";
