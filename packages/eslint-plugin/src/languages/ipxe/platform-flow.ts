/**
 * Which platform each line of a script runs on, when the script's own tests decide it. One script
 * serves PC-BIOS and EFI machines alike; scripts branch on `${platform}` —
 *
 *   iseq ${platform} efi && goto local.efi ||     (the next lines run on PC-BIOS only)
 *   sanboot --no-describe --drive 0x80
 *   :local.efi                                    (reached only from the goto: EFI)
 *   exit 1
 *
 * — and code under such a test must work on that platform's build, not on the other. The analysis
 * follows the lines in order: a platform test with `&&`/`||` and a `goto` fixes the platform of the
 * jump's label and of the fall-through; a label's platform is the one every way into it agrees on.
 * Jumps backwards, and computed jumps that may land on a label, make it unknown.
 */
import type { Platform } from "@ipxm/ipxe";
import type { CommandNode, LineNode, ScriptNode } from "./ast.js";

const platforms: readonly Platform[] = ["pcbios", "efi"];

function isPlatform(value: string): value is Platform {
  return (platforms as readonly string[]).includes(value);
}

function other(platform: Platform): Platform {
  return platform === "pcbios" ? "efi" : "pcbios";
}

/** The platform `iseq ${platform} X` (either order) compares with, if the command is such a test. */
export function platformTest(command: CommandNode | undefined): Platform | undefined {
  const parsed = command?.parsed;
  if (!parsed?.ok || parsed.command?.canonical !== "iseq") return undefined;
  const [a, b] = parsed.positionals as [string, string];
  if (a === "${platform}" && isPlatform(b)) return b;
  if (b === "${platform}" && isPlatform(a)) return a;
  return undefined;
}

function staticGotoTarget(command: CommandNode | undefined): string | undefined {
  const parsed = command?.parsed;
  if (!parsed?.ok || parsed.command?.canonical !== "goto") return undefined;
  const target = parsed.positionals[0]!;
  return target.includes("${") ? undefined : target;
}

/** One platform when all agree, else unknown. */
function join(sources: readonly (Platform | undefined)[]): Platform | undefined {
  if (sources.length === 0) return undefined;
  const first = sources[0];
  return sources.every((source) => source === first) ? first : undefined;
}

/**
 * The platform of each line that only ever runs on one. `mayBeComputedTarget` says whether a
 * computed `goto` could land on a label.
 */
export function linePlatforms(
  script: ScriptNode,
  mayBeComputedTarget: (label: string) => boolean,
): ReadonlyMap<LineNode, Platform> {
  const result = new Map<LineNode, Platform>();
  // Static gotos by target, with the index of the line they are on, to tell backward jumps.
  const gotoLines = new Map<string, number[]>();
  script.lines.forEach((line, index) => {
    for (const command of line.commands) {
      const target = staticGotoTarget(command);
      if (target === undefined) continue;
      const list = gotoLines.get(target);
      if (list) list.push(index);
      else gotoLines.set(target, [index]);
    }
  });

  const jumpIns = new Map<string, (Platform | undefined)[]>();
  const jump = (label: string, platform: Platform | undefined) =>
    jumpIns.set(label, [...(jumpIns.get(label) ?? []), platform]);
  let fallThrough: { platform: Platform | undefined } | undefined = { platform: undefined };

  script.lines.forEach((line, index) => {
    let platform: Platform | undefined;
    if (line.label) {
      const name = line.label.name;
      const sources: (Platform | undefined)[] = [...(jumpIns.get(name) ?? [])];
      if (fallThrough) sources.push(fallThrough.platform);
      // Line indices are pushed in order, so the last one tells whether any jump comes from here or below.
      const backward = (gotoLines.get(name)?.at(-1) ?? -1) >= index;
      platform = backward || mayBeComputedTarget(name) ? undefined : join(sources);
    } else {
      platform = fallThrough?.platform;
    }
    if (platform !== undefined) result.set(line, platform);
    fallThrough = effect(line, platform, jump);
  });
  return result;
}

/** Records the jumps a line makes; returns the platform its fall-through runs on, or undefined when it never falls through. */
function effect(
  line: LineNode,
  platform: Platform | undefined,
  jump: (label: string, platform: Platform | undefined) => void,
): { platform: Platform | undefined } | undefined {
  const [first, second, third] = line.commands;
  const tested = platformTest(first);
  const target = staticGotoTarget(second);
  // `iseq ${platform} X && goto L ||`: L on X, the rest on the other platform.
  if (tested && target !== undefined && first!.terminator?.kind === "&&" && (!third || third.words.length === 0)) {
    jump(target, tested);
    return { platform: other(tested) };
  }
  // `iseq ${platform} X || goto L`: L on the other platform, the rest on X.
  if (tested && target !== undefined && first!.terminator?.kind === "||" && !second!.terminator) {
    jump(target, other(tested));
    return { platform: tested };
  }
  for (const command of line.commands) {
    const to = staticGotoTarget(command);
    if (to !== undefined) jump(to, platform);
  }
  // A line that is nothing but `goto L` or `exit` never falls through.
  if (line.commands.length === 1) {
    const name = first!.parsed.command?.canonical;
    if (name === "exit" || (name === "goto" && staticGotoTarget(first) !== undefined)) {
      return undefined;
    }
  }
  return { platform };
}
