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
  /**
   * Only the diagnostics are wanted (an editor checking a program as it is typed): the script and
   * its line map are not built, so the result has neither. The diagnostics are exactly those of a
   * full compilation.
   */
  readonly diagnosticsOnly?: boolean;
  /**
   * With `diagnosticsOnly`, for an editor's program elaborated with core's `reuse`: keep each
   * menu's and instance's diagnostics with it, and compile again only the parts elaboration made
   * anew (see kept-diagnostics.ts). The diagnostics are the same.
   */
  readonly reuse?: boolean;
  /**
   * `false`: the line map is not wanted (a build that writes none), so where each line comes from
   * is not recorded and `lineMap` is empty. Default `true`.
   */
  readonly lineMap?: boolean;
}

export interface CompileResult {
  /** The iPXE script; undefined when any error diagnostic exists, or with `diagnosticsOnly`. */
  readonly script?: string;
  /**
   * One entry per line of `script`, in order; made when first read. Empty when there is no script
   * or the options said `lineMap: false`.
   */
  readonly lineMap: LineMapEntry[];
  readonly diagnostics: Diagnostic[];
}
