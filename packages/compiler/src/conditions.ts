/**
 * Runtime conditions as jumps. iPXE has no `if`: a test command (`iseq`, `isset`) sets the status and
 * `&&`/`||` decide on the status of the LAST command that ran, with no precedence. So a condition is
 * never composed on one line: each test is its own line that either jumps or falls through, and
 * `and`/`or` become short-circuit chains with an internal skip label.
 *
 * - jump when false: `iseq A B || goto L`  (true: the line ends with status 0 and falls through)
 * - jump when true:  `iseq A B && goto L ||` (false: the empty command after `||` makes status 0)
 */
import { settingTemplate, type Condition, type SourceRef } from "@ipxm/core";
import type { CompileContext } from "./context.js";
import { oneValue } from "./safe-text.js";

/** Internal labels of one scope (a menu or an entry instance): `<scope>.skip.1`, … */
export interface LabelScope {
  readonly name: string;
  readonly skipCounter: { next: number };
}

/** Writes lines that continue with the next line when `condition` is `!jumpWhen`, and jump to `target` otherwise. */
export function emitConditionJump(
  context: CompileContext,
  scope: LabelScope,
  condition: Condition,
  jumpWhen: boolean,
  target: string,
  source: SourceRef,
): void {
  const suffix = jumpWhen ? `&& goto ${target} ||` : `|| goto ${target}`;
  switch (condition.kind) {
    case "equals": {
      const left = context.text(condition.left, "the left side of a comparison", source, oneValue);
      const right = context.text(condition.right, "the right side of a comparison", source, oneValue);
      context.command("iseq", [], [left, right], source, suffix);
      return;
    }
    case "isset": {
      const setting = context.text(settingTemplate(condition.setting), "the setting", source, oneValue);
      context.command("isset", [], [setting], source, suffix);
      return;
    }
    case "not":
      emitConditionJump(context, scope, condition.operand, !jumpWhen, target, source);
      return;
    case "and":
    case "or": {
      // `and` jumps when false as soon as one side is false; `or` jumps when true as soon as one
      // side is true. The other two combinations need the first side to skip over the second.
      const shortCircuits = (condition.kind === "and") === !jumpWhen;
      if (shortCircuits) {
        emitConditionJump(context, scope, condition.left, jumpWhen, target, source);
        emitConditionJump(context, scope, condition.right, jumpWhen, target, source);
        return;
      }
      const skip = context.labels.allocateNumbered(scope.name, "skip", scope.skipCounter);
      // and/jump-when-true: a false left side skips; or/jump-when-false: a true left side skips.
      emitConditionJump(context, scope, condition.left, condition.kind === "or", skip, source);
      emitConditionJump(context, scope, condition.right, jumpWhen, target, source);
      context.writer.label(skip, source);
      return;
    }
  }
}
