/**
 * `not-compile-time`: `for`, `if`, constants, timeouts, sleeps, exit statuses and drive numbers need
 * values the compiler knows. Values that depend on an entry's parameters are decided per call, by
 * elaboration.
 */
import type { Expression } from "../ast.js";
import type { CheckContext, Rule } from "./rule.js";

export const compileTimeRule: Rule = {
  runtimeValue(expression, what, context) {
    const culprit = runtimePart(expression, context);
    const advice = what.includes("`if`")
      ? "; use `when` to test it at run time"
      : what.includes("constant")
        ? "; use a setting for a run-time value"
        : "";
    context.report(
      "not-compile-time",
      `${what} must be known at compile time, but ${culprit ?? "it"} is only known at run time${advice}`,
      expression,
    );
  },
};

/** The first piece of the expression that is read at run time, in words. */
function runtimePart(expression: Expression, context: CheckContext): string | undefined {
  switch (expression.kind) {
    case "Name":
      return context.infoOf(expression)?.stage === "runtime" ? `setting "${expression.name.name}"` : undefined;
    case "IsSet":
      return `set(${expression.setting.name})`;
    case "Member":
      return runtimePart(expression.object, context);
    case "String":
      for (const part of expression.parts) {
        if (part.kind === "Interpolation" && context.infoOf(part)?.stage === "runtime")
          return `setting "${part.name.name}"`;
      }
      return undefined;
    case "Binary":
      return runtimePart(expression.left, context) ?? runtimePart(expression.right, context);
    case "Not":
      return runtimePart(expression.operand, context);
    case "List":
      for (const element of expression.elements) {
        const part = runtimePart(element, context);
        if (part) return part;
      }
      return undefined;
    case "Record":
      for (const field of expression.fields) {
        const part = runtimePart(field.value, context);
        if (part) return part;
      }
      return undefined;
    default:
      return undefined;
  }
}
