/**
 * `bad-interpolation` (a bool, duration, list or record inside `${…}`) and `unknown-ipxe-setting`
 * (an iPXE reference with a type iPXE does not know: it would expand to nothing).
 */
import type { Interpolation } from "../ast.js";
import type { Range } from "../source.js";
import { describeType, isInterpolatable, type Type } from "../types.js";
import type { Rule } from "./rule.js";

/**
 * The setting types of iPXE (`${name:type}`). Core may not import @ipxm/ipxe, so this copy of its list
 * is kept equal to `settingTypeNames` by a test in packages/compiler.
 */
export const ipxeSettingTypes = [
  "string",
  "uristring",
  "ipv4",
  "ipv6",
  "int8",
  "int16",
  "int32",
  "uint8",
  "uint16",
  "uint32",
  "hex",
  "hexhyp",
  "hexraw",
  "base64",
  "uuid",
  "guid",
  "busdevfn",
  "dnssl",
] as const;

export function badInterpolationMessage(type: Type): string {
  const advice =
    type.kind === "bool"
      ? "; choose the text with `if` or `when` instead"
      : type.kind === "list"
        ? "; repeat over it with `for`"
        : type.kind === "record"
          ? "; insert one of its fields, e.g. ${r.name}"
          : type.kind === "duration"
            ? "; write the text you want shown"
            : "";
  return `${describeType(type)} cannot be inserted into text${advice}`;
}

/** Range of the `:format` text after the name (the grammar allows no spaces inside `${…}`). */
function formatRange(node: Interpolation, format: string): Range {
  const start = node.name.end + 1;
  return { start, end: start + format.length };
}

export const interpolationRule: Rule = {
  interpolation(node, info, context) {
    if (node.format !== undefined && !(ipxeSettingTypes as readonly string[]).includes(node.format)) {
      context.report(
        "unknown-ipxe-setting",
        `iPXE has no setting type "${node.format}", so \${…} would expand to nothing (types: ${ipxeSettingTypes.join(", ")})`,
        node.name.end < node.end ? formatRange(node, node.format) : node,
      );
    }
    if (!isInterpolatable(info.type)) context.report("bad-interpolation", badInterpolationMessage(info.type), node);
  },
};
