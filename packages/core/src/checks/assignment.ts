/**
 * `type-mismatch` and `duration-unit-missing`: a value of the wrong type where a type is required.
 * A bare number where a duration belongs gets its own code and a fix, because it is the classic
 * iPXE mistake (seconds or milliseconds?).
 */
import type { Expression } from "../ast.js";
import type { Fix } from "../diagnostics.js";
import { describeType, isTextType } from "../types.js";
import type { Rule } from "./rule.js";

export const assignmentRule: Rule = {
  mismatch(expression, info, expected, what, context) {
    if (expected.kind === "duration" && info.type.kind === "int") {
      const fix = expression.kind === "Int" ? durationFix(expression) : undefined;
      context.report(
        "duration-unit-missing",
        `${what} needs a unit: a bare number could be seconds or milliseconds; write e.g. ${expression.kind === "Int" ? `${expression.text}s or ${expression.text}ms` : "30s or 500ms"}`,
        expression,
        fix ? { fix } : {},
      );
      return;
    }
    const hint =
      isTextType(expected) && info.type.kind === "int" ? `; to use a number as text, interpolate it: "\${…}"` : "";
    context.report(
      "type-mismatch",
      `${what} must be ${describeType(expected)}, not ${describeType(info.type)}${hint}`,
      expression,
    );
  },
};

/** `after 300` → `300s`; `after 3000` → `3s`; `after 1500` → `1500ms` (a value in the thousands was probably milliseconds). */
function durationFix(expression: Extract<Expression, { kind: "Int" }>): Fix {
  const value = expression.value;
  const newText = value >= 1000 ? (value % 1000 === 0 ? `${value / 1000}s` : `${value}ms`) : `${value}s`;
  return { description: `Write ${newText}`, edits: [{ range: expression, newText }] };
}
