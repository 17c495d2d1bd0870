/** Every rule of the plugin, by name. */
import type { IpxmRule } from "../rule.js";
import { maxItemTextLength } from "./max-item-text-length.js";
import { maxMenuRows } from "./max-menu-rows.js";
import { noCommentContinuation } from "./no-comment-continuation.js";
import { noCrossFileGoto } from "./no-cross-file-goto.js";
import { noDashText } from "./no-dash-text.js";
import { noDuplicateHotkey } from "./no-duplicate-hotkey.js";
import { noDuplicateLabel } from "./no-duplicate-label.js";
import { noEmptyMenu } from "./no-empty-menu.js";
import { noEofContinuation } from "./no-eof-continuation.js";
import { noEscapeAbort } from "./no-escape-abort.js";
import { noGapHotkey } from "./no-gap-hotkey.js";
import { noMissingScript } from "./no-missing-script.js";
import { noOptionAfterPositional } from "./no-option-after-positional.js";
import { noSetComment } from "./no-set-comment.js";
import { noShadow } from "./no-shadow.js";
import { noShellDefault } from "./no-shell-default.js";
import { noSplitFallback } from "./no-split-fallback.js";
import { noUndefinedItemLabel } from "./no-undefined-item-label.js";
import { noUndefinedLabel } from "./no-undefined-label.js";
import { noUnguardedFailure } from "./no-unguarded-failure.js";
import { noUnknownDefault } from "./no-unknown-default.js";
import { noUnsetTimeout } from "./no-unset-timeout.js";
import { noUnused } from "./no-unused.js";
import { noUnusedLabel } from "./no-unused-label.js";
import { requireDurationUnit } from "./require-duration-unit.js";
import { targetSupport } from "./target-support.js";
import { validCommand } from "./valid-command.js";
import { validHeader } from "./valid-header.js";
import { validProgram } from "./valid-program.js";
import { validTimeout } from "./valid-timeout.js";

export const rules: Readonly<Record<string, IpxmRule>> = {
  // Labels, gotos and references
  "no-undefined-label": noUndefinedLabel,
  "no-duplicate-label": noDuplicateLabel,
  "no-unused-label": noUnusedLabel,
  "no-undefined-item-label": noUndefinedItemLabel,
  "no-cross-file-goto": noCrossFileGoto,
  "no-missing-script": noMissingScript,
  "no-unknown-default": noUnknownDefault,
  // Timeouts
  "valid-timeout": validTimeout,
  "no-unset-timeout": noUnsetTimeout,
  "require-duration-unit": requireDurationUnit,
  // Menus
  "no-duplicate-hotkey": noDuplicateHotkey,
  "no-gap-hotkey": noGapHotkey,
  "no-empty-menu": noEmptyMenu,
  "max-menu-rows": maxMenuRows,
  "max-item-text-length": maxItemTextLength,
  "no-escape-abort": noEscapeAbort,
  // iPXE pitfalls
  "valid-header": validHeader,
  "no-eof-continuation": noEofContinuation,
  "no-comment-continuation": noCommentContinuation,
  "no-unguarded-failure": noUnguardedFailure,
  "no-split-fallback": noSplitFallback,
  "no-option-after-positional": noOptionAfterPositional,
  "no-dash-text": noDashText,
  "no-set-comment": noSetComment,
  "no-shell-default": noShellDefault,
  "valid-command": validCommand,
  // Targets
  "target-support": targetSupport,
  // ipxm programs
  "no-unused": noUnused,
  "no-shadow": noShadow,
  "valid-program": validProgram,
};
