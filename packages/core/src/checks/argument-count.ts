/** `wrong-argument-count`: `boot e(…)` with fewer or more arguments than `e` takes. */
import type { EntryDecl, Param } from "../ast.js";
import type { Rule } from "./rule.js";

export function signatureOf(entry: EntryDecl): string {
  return `${entry.name.name}(${(entry.params ?? []).map(describeParam).join(", ")})`;
}

function describeParam(param: Param): string {
  return `${param.name.name}: ${param.type?.name ?? "?"}${param.defaultValue ? " = …" : ""}`;
}

export const argumentCountRule: Rule = {
  call(node, entry, context) {
    const declaration = entry.node as EntryDecl;
    const params = declaration.params ?? [];
    const required = params.findIndex((param) => param.defaultValue !== undefined);
    const minimum = required < 0 ? params.length : required;
    const maximum = params.length;
    const given = node.args.length;
    if (given >= minimum && given <= maximum) return;
    const expected =
      minimum === maximum ? `${maximum} argument${maximum === 1 ? "" : "s"}` : `${minimum} to ${maximum} arguments`;
    const range =
      given > maximum
        ? { start: node.args[maximum]!.start, end: node.args[given - 1]!.end }
        : { start: node.entry.start, end: node.end };
    context.report(
      "wrong-argument-count",
      `${signatureOf(declaration)} takes ${expected}, but ${given} ${given === 1 ? "is" : "are"} given`,
      range,
    );
  },
};
