/**
 * What the target iPXE build can do. Each check reports `target-unsupported` at the IR node that
 * needs the missing piece, in the user's words, and says what to do instead. Code under a runtime
 * platform guard is judged by the target's build for that platform (`context.checkedProfile`).
 */
import type { ProgramSetting, SourceRef, Template } from "@ipxm/core";
import { commandAvailable, optionAvailable, urlScheme, urlSchemeAvailable } from "@ipxm/ipxe";
import type { TargetProfile } from "@ipxm/ipxe";
import type { CompileContext } from "./context.js";
import { normaliseParts } from "./safe-text.js";

/** `target "ipxe-2-efi" (…)`, or `target "ipxe-1.21-pcbios" on efi (…)` for platform-guarded code. */
function describe(context: CompileContext, profile: TargetProfile): string {
  const target = context.target ?? profile;
  const platform = profile === target ? "" : ` on ${profile.platform}`;
  return `target "${target.name}"${platform} (${profile.build})`;
}

/** A command and the long names of the options used with it. */
export function checkCommand(
  context: CompileContext,
  name: string,
  options: readonly string[],
  source: SourceRef,
): void {
  const profile = context.checkedProfile;
  if (!profile) return;
  if (!commandAvailable(profile, name)) {
    context.report("target-unsupported", `${describe(context, profile)} has no "${name}" command`, source);
    return;
  }
  for (const option of options) {
    if (!optionAvailable(profile, name, option)) {
      context.report("target-unsupported", `${describe(context, profile)} has no "${name} --${option}" option`, source);
    }
  }
}

/** A url whose scheme is written literally must be one the build can download. */
export function checkUrl(context: CompileContext, url: Template, source: SourceRef): void {
  const profile = context.checkedProfile;
  const first = normaliseParts(url)[0];
  if (!profile || first?.kind !== "text" || urlSchemeAvailable(profile, first.value)) return;
  const scheme = urlScheme(first.value)!;
  const alternative =
    scheme === "https"
      ? ` use http://, or a target with HTTPS such as "ipxe-2-efi"`
      : ` use a scheme it has: ${[...profile.urlSchemes].join(", ")}`;
  context.report(
    "target-unsupported",
    `${describe(context, profile)} cannot download ${scheme}:// urls;${alternative}`,
    source,
  );
}

/** A url setting's default is downloaded wherever the setting is used, so it is checked at the declaration. */
export function checkSettingDefault(context: CompileContext, setting: ProgramSetting): void {
  if (setting.type === "url" && setting.defaultValue) checkUrl(context, setting.defaultValue, setting.source);
}

export function checkSanbootDrive(context: CompileContext, source: SourceRef): void {
  const profile = context.checkedProfile;
  if (profile && !profile.features.sanbootLocalDrive) {
    context.report(
      "target-unsupported",
      `${describe(context, profile)} cannot boot a local drive with sanboot (EFI builds before iPXE 2.0); boot it only under \`when platform == pcbios\`, and on EFI "exit 1" to let the firmware boot the next device`,
      source,
    );
  }
}

export function checkMemdisk(context: CompileContext, source: SourceRef): void {
  const profile = context.checkedProfile;
  if (profile && !profile.features.memdisk) {
    context.report(
      "target-unsupported",
      `${describe(context, profile)} cannot run memdisk, which needs PC-BIOS; run it only under \`when platform == pcbios\`, or use sanboot`,
      source,
    );
  }
}
