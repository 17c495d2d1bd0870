/** `timeout-out-of-range`: a menu timeout of zero (iPXE then waits forever) or of more than a day. */
import { durationMilliseconds } from "../values.js";
import { timeoutProblem } from "../items.js";
import type { Rule } from "./rule.js";

export const timeoutRule: Rule = {
  timeout(expression, _info, context) {
    // Literals are judged here; constants are judged by elaboration, which knows their value.
    if (expression.kind !== "Duration") return;
    const problem = timeoutProblem(durationMilliseconds(expression.amount, expression.unit));
    if (problem) context.report("timeout-out-of-range", problem, expression);
  },
};
