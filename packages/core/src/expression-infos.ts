/**
 * The type and stage the checker found for each expression and interpolation. Half of a site's
 * expressions are literals whose facts follow from their kind alone (a string, an integer, a
 * duration, a boolean, all known at compile time); those are not stored but answered from the
 * kind, which spares a large site several hundred thousand map entries. The rest are kept per file
 * (see facts-by-file.ts).
 */
import type { Expression, Interpolation } from "./ast.js";
import type { ExprInfo, Stage } from "./checks/rule.js";
import { FactTable } from "./facts-by-file.js";
import { Types, type Type } from "./types.js";

/** Read access to what the checker found; `get` answers any literal, checked or not. */
export interface ExpressionInfos {
  /** The facts of `node`, an expression or interpolation written in `file`. */
  get(file: string, node: Expression | Interpolation): ExprInfo | undefined;
}

const sharedInfos = new WeakMap<Type, Record<Stage, ExprInfo>>();

/** Expression facts, one object for each (type, stage) pair: most expressions are plain strings. */
export function infoOf(type: Type, stage: Stage): ExprInfo {
  let byStage = sharedInfos.get(type);
  if (!byStage) {
    byStage = {
      compile: { type, stage: "compile" },
      param: { type, stage: "param" },
      runtime: { type, stage: "runtime" },
    };
    sharedInfos.set(type, byStage);
  }
  return byStage[stage];
}

/** The facts of literals, found once (every literal asks). */
export const compileTimeString = infoOf(Types.string, "compile");
const compileTimeInt = infoOf(Types.int, "compile");
const compileTimeDuration = infoOf(Types.duration, "compile");
const compileTimeBool = infoOf(Types.bool, "compile");

/** What a node of this kind is unless the checker said otherwise: the facts of a literal. */
export function implicitInfo(node: Expression | Interpolation): ExprInfo | undefined {
  switch (node.kind) {
    case "String":
      return compileTimeString;
    case "Int":
      return compileTimeInt;
    case "Duration":
      return compileTimeDuration;
    case "Bool":
      return compileTimeBool;
    default:
      return undefined;
  }
}

export class ExpressionInfoTable implements ExpressionInfos {
  private readonly stored = new FactTable<Expression | Interpolation, ExprInfo>();
  /** Whether a literal was ever stored: only then can recording its kind's facts undo something. */
  private literalStored = false;

  record(file: string, node: Expression | Interpolation, info: ExprInfo): void {
    const implicit = implicitInfo(node);
    if (info !== implicit) {
      if (implicit !== undefined) this.literalStored = true;
      this.stored.set(file, node, info);
    } else if (this.literalStored) {
      this.stored.delete(file, node);
    }
  }

  get(file: string, node: Expression | Interpolation): ExprInfo | undefined {
    return this.stored.get(file, node) ?? implicitInfo(node);
  }
}
