/** The compiler's public types. */
import type { Diagnostic, Range } from "@ipxm/core";

/** One output line and the `.ipxm` range that produced it. */
export interface LineMapEntry {
  /** 1-based line of the generated script. */
  readonly line: number;
  readonly file: string;
  readonly range: Range;
}

export interface CompileOptions {
  /** Shown in the header comment; sanitised so that no name can break the script. */
  readonly sourceName?: string;
}

export interface CompileResult {
  /** The iPXE script; undefined when any error diagnostic exists. */
  readonly script?: string;
  /** One entry per line of `script`, in order (empty when there is no script). */
  readonly lineMap: LineMapEntry[];
  readonly diagnostics: Diagnostic[];
}
