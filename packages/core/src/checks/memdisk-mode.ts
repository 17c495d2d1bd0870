/** `unknown-memdisk-mode`: `memdisk URL as MODE` takes one of memdisk's disk kinds. */
import { memdiskModes } from "../memdisk-modes.js";
import { closestName, didYouMean, replaceNameFix } from "../suggest.js";
import type { Rule } from "./rule.js";

export const memdiskModeRule: Rule = {
  memdisk(node, context) {
    const mode = node.mode;
    if (mode === undefined || (memdiskModes as readonly string[]).includes(mode.name)) return;
    const suggestion = closestName(mode.name, memdiskModes);
    const choices = memdiskModes.map((name) => `"${name}"`).join(", ");
    context.report(
      "unknown-memdisk-mode",
      `memdisk cannot load an image as "${mode.name}": use one of ${choices}${didYouMean(suggestion)}`,
      mode,
      suggestion === undefined ? {} : { fix: replaceNameFix(mode, suggestion) },
    );
  },
};
