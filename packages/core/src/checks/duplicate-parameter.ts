/** `duplicate-parameter`: an entry that names two parameters alike. */
import type { Range } from "../source.js";
import type { Rule } from "./rule.js";

export const duplicateParameterRule: Rule = {
  entry(node, context) {
    const seen = new Map<string, Range>();
    for (const param of node.params ?? []) {
      if (!param.name) continue;
      const first = seen.get(param.name.name);
      if (!first) {
        seen.set(param.name.name, param.name);
        continue;
      }
      context.report(
        "duplicate-parameter",
        `entry "${node.name.name}" already has a parameter "${param.name.name}"`,
        param.name,
        {
          related: [{ file: context.file, range: first, message: "first declared here" }],
        },
      );
    }
  },
};
