/**
 * What the target iPXE build can do. Each check reports `target-unsupported` at the IR node that
 * needs the missing piece, in the user's words, and says what to do instead.
 */
import type { ProgramSetting, SourceRef, Template } from "@ipxm/core";
import { commandAvailable, optionAvailable, urlScheme, urlSchemeAvailable } from "@ipxm/ipxe";
import type { TargetProfile } from "@ipxm/ipxe";
import type { CompileContext } from "./context.js";
import { normaliseParts } from "./safe-text.js";

function describe(target: TargetProfile): string {
  return `target "${target.name}" (${target.build})`;
}

/** A command and the long names of the options used with it. */
export function checkCommand(
  context: CompileContext,
  name: string,
  options: readonly string[],
  source: SourceRef,
): void {
  const { target } = context;
  if (!target) return;
  if (!commandAvailable(target, name)) {
    context.report("target-unsupported", `${describe(target)} has no "${name}" command`, source);
    return;
  }
  for (const option of options) {
    if (!optionAvailable(target, name, option)) {
      context.report("target-unsupported", `${describe(target)} has no "${name} --${option}" option`, source);
    }
  }
}

/** A url whose scheme is written literally must be one the build can download. */
export function checkUrl(context: CompileContext, url: Template, source: SourceRef): void {
  const { target } = context;
  const first = normaliseParts(url)[0];
  if (!target || first?.kind !== "text" || urlSchemeAvailable(target, first.value)) return;
  const scheme = urlScheme(first.value)!;
  const alternative =
    scheme === "https"
      ? ` use http://, or a target with HTTPS such as "ipxe-2-efi"`
      : ` use a scheme it has: ${[...target.urlSchemes].join(", ")}`;
  context.report("target-unsupported", `${describe(target)} cannot download ${scheme}:// urls;${alternative}`, source);
}

/** A url setting's default is downloaded wherever the setting is used, so it is checked at the declaration. */
export function checkSettingDefault(context: CompileContext, setting: ProgramSetting): void {
  if (setting.type === "url" && setting.defaultValue) checkUrl(context, setting.defaultValue, setting.source);
}

export function checkSanbootDrive(context: CompileContext, source: SourceRef): void {
  const { target } = context;
  if (target && !target.features.sanbootLocalDrive) {
    context.report(
      "target-unsupported",
      `${describe(target)} cannot boot a local drive with sanboot (EFI builds before iPXE 2.0); use "exit 1" to let the firmware boot the next device`,
      source,
    );
  }
}

export function checkMemdisk(context: CompileContext, source: SourceRef): void {
  const { target } = context;
  if (target && !target.features.memdisk) {
    context.report(
      "target-unsupported",
      `${describe(target)} cannot run memdisk, which needs PC-BIOS; use sanboot, or a pcbios target`,
      source,
    );
  }
}
