/**
 * Which rule reports which ipxm diagnostic codes of the core catalogue. Every code belongs to one
 * rule at most; `valid-program` reports the rest, so each problem is reported once.
 */
import type { DiagnosticCode } from "@ipxm/core";

export const coreCodesByRule = {
  "no-undefined-label": ["unknown-name"],
  "no-duplicate-label": ["duplicate-declaration", "duplicate-item"],
  "no-unknown-default": ["unknown-item"],
  "valid-timeout": ["timeout-out-of-range"],
  "require-duration-unit": ["duration-unit-missing"],
  "no-duplicate-hotkey": ["duplicate-hotkey"],
  "no-empty-menu": ["empty-menu"],
  "no-shell-default": ["unknown-ipxe-setting"],
  "target-support": ["target-unsupported", "unknown-target"],
} as const satisfies Record<string, readonly DiagnosticCode[]>;

/** Codes a dedicated rule reports. */
export const ownedCodes: ReadonlySet<string> = new Set(Object.values(coreCodesByRule).flat());
