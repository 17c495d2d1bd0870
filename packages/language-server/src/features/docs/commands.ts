/**
 * What an iPXE command is, in words: its synopsis, its other name, its options, how it fails and which
 * target builds have it. Hover shows all of it; completion shows the brief form beside a command name.
 */
import { getProfile, profileNames, type CommandSpec, type OptionSpec, type TargetProfile } from "@ipxm/ipxe";
import { code, section } from "./markdown.js";
import { optionDoc } from "./options.js";

export interface CommandDocOptions {
  /** The command is followed by `||` where it is written. */
  readonly guarded?: boolean;
  /** Leaves out the options and the builds other than the target (completion's side panel is small). */
  readonly brief?: boolean;
}

export function commandDoc(spec: CommandSpec, target: TargetProfile, options: CommandDocOptions = {}): string {
  const parts = [code("ipxe", spec.usage)];
  if (spec.name !== spec.canonical) parts.push(`Another name of \`${spec.canonical}\`.`);
  if (!options.brief && spec.options.length > 0) {
    parts.push(`Options:\n${spec.options.map((option) => `- ${optionLine(spec, option)}`).join("\n")}`);
  }
  parts.push(failure(spec, options.guarded ?? false));
  parts.push(
    target.commands.has(spec.name)
      ? `Available in the target \`${target.name}\`.`
      : `**Not available in the target \`${target.name}\`** (${target.build}).`,
  );
  if (!options.brief) parts.push(builds(spec, target));
  return section(...parts);
}

function failure(spec: CommandSpec, guarded: boolean): string {
  if (spec.fallible) {
    return (
      `Fails in normal use (a test that is false, a download that fails, a cancelled prompt): ` +
      (guarded ? "guarded here by `||`." : "a failure aborts the script unless the command is guarded with `||`.")
    );
  }
  return spec.endsScript === "always"
    ? "Ends the script."
    : "Does not fail in normal use; if it does, the script stops.";
}

function optionLine(spec: CommandSpec, option: OptionSpec): string {
  const argument = option.argument ? ` <${option.argument}>` : "";
  const doc = optionDoc(spec.canonical, option.long);
  const since = option.since ? ` (since iPXE ${option.since})` : "";
  return `\`--${option.long}\` \`-${option.short}\`${argument}${doc ? `: ${doc}` : ""}${since}`;
}

/** Which target builds have the command, the target marked. */
function builds(spec: CommandSpec, target: TargetProfile): string {
  return profileNames
    .map((name) => {
      const has = getProfile(name)!.commands.has(spec.name);
      const mark = name === target.name ? " **(target)**" : "";
      return `- ${has ? "✓" : "✗"} \`${name}\`${mark}`;
    })
    .join("\n");
}
