/** Every check the checker runs, in the order their diagnostics are reported. */
import { argumentCountRule } from "./argument-count.js";
import { assignmentRule } from "./assignment.js";
import { compileTimeRule } from "./compile-time.js";
import { duplicateParameterRule } from "./duplicate-parameter.js";
import { hotkeyRule } from "./hotkey.js";
import { interpolationRule } from "./interpolation.js";
import { memdiskLoaderRule } from "./memdisk-loader.js";
import { memdiskModeRule } from "./memdisk-mode.js";
import { menuItemsRule } from "./menu-items.js";
import type { Rule } from "./rule.js";
import { settingTargetRule } from "./setting-target.js";
import { timeoutRule } from "./timeout.js";
import { urlRule } from "./url.js";

export const allRules: readonly Rule[] = [
  assignmentRule,
  compileTimeRule,
  urlRule,
  interpolationRule,
  hotkeyRule,
  timeoutRule,
  argumentCountRule,
  settingTargetRule,
  memdiskLoaderRule,
  memdiskModeRule,
  duplicateParameterRule,
  menuItemsRule,
];
