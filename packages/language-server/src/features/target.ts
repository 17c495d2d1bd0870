/** The target profile a document is checked for: the editor's choice, else the file's own, else the default. */
import { defaultProfileName, getProfile, type TargetProfile } from "@ipxm/ipxe";
import type { ParsedFile } from "@ipxm/core";
import type { Snapshot } from "../snapshot.js";

export function ipxmTarget(snapshot: Snapshot, file: ParsedFile | undefined): TargetProfile {
  const declared = file?.ast.declarations.find((declaration) => declaration.kind === "Target");
  const written =
    declared?.kind === "Target"
      ? declared.profile.parts.map((part) => (part.kind === "Text" ? part.value : "")).join("")
      : undefined;
  return profileNamed(snapshot.target) ?? profileNamed(written) ?? getProfile(defaultProfileName)!;
}

export function ipxeTarget(snapshot: Snapshot): TargetProfile {
  return profileNamed(snapshot.target) ?? getProfile(defaultProfileName)!;
}

function profileNamed(name: string | undefined): TargetProfile | undefined {
  return name === undefined ? undefined : getProfile(name);
}
