/**
 * `not-runtime-setting` and `read-only-setting`: `prompt`, `set` and `set(…)` act on iPXE settings.
 * Only declared settings may be written; iPXE's own settings may be tested but never overwritten.
 */
import { describeKind, withArticle } from "../symbols.js";
import type { Rule } from "./rule.js";

export const settingTargetRule: Rule = {
  settingTarget(name, target, use, context) {
    if (!target || target.kind === "setting") return;
    const verb = use === "isset" ? "set(…) tests" : `${use} writes`;
    if (target.kind === "builtin-setting") {
      if (use === "isset") return;
      context.report(
        "read-only-setting",
        `"${name.name}" is iPXE's own setting and must not be overwritten; declare a setting of your own (\`setting my-${name.name}: ${target.type.kind}\`)`,
        name,
      );
      return;
    }
    context.report(
      "not-runtime-setting",
      `${verb} a run-time setting, but "${name.name}" is ${withArticle(describeKind(target.kind))}; declare \`setting ${name.name}: string\` instead`,
      name,
    );
  },
};
