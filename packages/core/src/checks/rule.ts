/**
 * A check is a small set of hooks that the checker's single traversal calls at the places the check
 * cares about (the pattern of graphql-js validation rules). Checks only report; names, types and
 * compile-time stages are worked out by the checker and handed to them.
 */
import type {
  BootAction,
  EntryDecl,
  Expression,
  Identifier,
  Interpolation,
  KeyNode,
  MemdiskAction,
  MenuDecl,
} from "../ast.js";
import type { Binder } from "../binder.js";
import type { DiagnosticCode, Fix, RelatedInformation } from "../diagnostics.js";
import type { Range } from "../source.js";
import type { SymbolInfo } from "../symbols.js";
import type { Type } from "../types.js";

/**
 * When a value is known: `compile` (literals, constants, loop variables), `runtime` (settings), or
 * `param` (an entry parameter: known for some calls and not for others, so elaboration decides).
 */
export type Stage = "compile" | "param" | "runtime";

export interface ExprInfo {
  readonly type: Type;
  readonly stage: Stage;
}

export interface CheckContext {
  readonly file: string;
  readonly binder: Binder;
  report(
    code: DiagnosticCode,
    message: string,
    range: Range,
    extra?: { related?: readonly RelatedInformation[]; fix?: Fix },
  ): void;
  /** What the checker found out about an expression or interpolation it has visited. */
  infoOf(node: Expression | Interpolation): ExprInfo | undefined;
  /** Marks a url position whose value only elaboration knows (e.g. `"${base}/linux"` with a constant `base`). */
  deferUrl(expression: Expression): void;
}

/** A use of a name that must be a runtime setting. */
export type SettingUse = "prompt" | "set" | "isset";

export interface Rule {
  /** A value whose type does not fit the position; `what` names the position for messages. */
  mismatch?(expression: Expression, info: ExprInfo, expected: Type, what: string, context: CheckContext): void;
  /** A value read at run time where the compiler needs to know it. */
  runtimeValue?(expression: Expression, what: string, context: CheckContext): void;
  /** A position whose value must be a url. */
  url?(expression: Expression, info: ExprInfo, context: CheckContext): void;
  interpolation?(node: Interpolation, info: ExprInfo, context: CheckContext): void;
  key?(node: KeyNode, context: CheckContext): void;
  /** A menu timeout (`default x after D`). */
  timeout?(expression: Expression, info: ExprInfo, context: CheckContext): void;
  call?(node: BootAction, entry: SymbolInfo, context: CheckContext): void;
  settingTarget?(name: Identifier, target: SymbolInfo | undefined, use: SettingUse, context: CheckContext): void;
  memdisk?(node: MemdiskAction, context: CheckContext): void;
  entry?(node: EntryDecl, context: CheckContext): void;
  /** A menu, with the symbols of its items that have explicit ids. */
  menu?(node: MenuDecl, items: readonly SymbolInfo[], context: CheckContext): void;
}
