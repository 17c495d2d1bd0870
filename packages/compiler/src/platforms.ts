/**
 * Which platform a piece of the program runs on, when a runtime guard decides it. One script runs on
 * both PC-BIOS and EFI, so branches are never dropped; but code that only runs under
 * `when platform == pcbios` is checked against the PC-BIOS build of the target, not the EFI one.
 *
 * The facts come from `${platform}` compared with a literal `pcbios` or `efi`: the comparison, its
 * negation (there are only two platforms), conjunctions that contain one, and disjunctions whose
 * sides agree. An entry instance runs on a platform when every place that starts it does.
 */
import type { Condition, Program, ProgramStatement, Template } from "@ipxm/core";
import { getProfile } from "@ipxm/ipxe";
import type { Platform, TargetProfile } from "@ipxm/ipxe";

const platforms: readonly Platform[] = ["pcbios", "efi"];

/** The platform code runs on when `condition` evaluates to `holds`, if the condition decides it. */
export function platformFixedBy(condition: Condition, holds: boolean): Platform | undefined {
  switch (condition.kind) {
    case "equals": {
      const named =
        comparedPlatform(condition.left, condition.right) ?? comparedPlatform(condition.right, condition.left);
      if (named === undefined) return undefined;
      return holds ? named : otherPlatform(named);
    }
    case "not":
      return platformFixedBy(condition.operand, !holds);
    case "and":
      // Both sides hold; or, when it fails, either side may be the one that failed.
      return holds
        ? (platformFixedBy(condition.left, true) ?? platformFixedBy(condition.right, true))
        : agreed(platformFixedBy(condition.left, false), platformFixedBy(condition.right, false));
    case "or":
      return holds
        ? agreed(platformFixedBy(condition.left, true), platformFixedBy(condition.right, true))
        : (platformFixedBy(condition.left, false) ?? platformFixedBy(condition.right, false));
    case "isset":
      return undefined;
  }
}

/** The platform code under a guard runs on: the guard's, else the one of the code around it. */
export function guardedPlatform(
  condition: Condition | undefined,
  holds: boolean,
  outer: Platform | undefined,
): Platform | undefined {
  return (condition === undefined ? undefined : platformFixedBy(condition, holds)) ?? outer;
}

/**
 * The platform of each entry instance (by IR label) that only ever starts on one: every menu row
 * and every entry statement that runs it sits under a guard for the same platform, or inside an
 * instance that does. Instances that run on both are absent.
 */
export function entryPlatforms(program: Program): ReadonlyMap<string, Platform> {
  // Undefined: not reached yet; "both": reached from code that runs on either platform.
  const reached = new Map<string, Platform | "both">();
  const pending: string[] = [];
  const reach = (instance: string, platform: Platform | undefined) => {
    const previous = reached.get(instance);
    const next = previous === undefined || previous === platform ? (platform ?? "both") : "both";
    if (next === previous) return;
    reached.set(instance, next);
    pending.push(instance);
  };

  for (const menu of program.menus) {
    if (menu.escape.kind === "entry") reach(menu.escape.instance, undefined);
    for (const row of menu.rows) {
      if (row.kind === "item" && row.action.kind === "entry") {
        reach(row.action.instance, guardedPlatform(row.condition, true, undefined));
      }
    }
  }

  const bodies = new Map(program.entries.map((instance) => [instance.label, instance.body]));
  const walk = (statements: readonly ProgramStatement[], platform: Platform | undefined) => {
    for (const statement of statements) {
      if (statement.kind === "entry") reach(statement.instance, platform);
      else if (statement.kind === "when") {
        walk(statement.then, guardedPlatform(statement.condition, true, platform));
        walk(statement.else, guardedPlatform(statement.condition, false, platform));
      }
    }
  };
  // Each instance changes at most twice (unreached → one platform → both), so this ends.
  for (let instance = pending.pop(); instance !== undefined; instance = pending.pop()) {
    const platform = reached.get(instance);
    walk(bodies.get(instance) ?? [], platform === "both" ? undefined : platform);
  }

  const result = new Map<string, Platform>();
  for (const [instance, platform] of reached) if (platform !== "both") result.set(instance, platform);
  return result;
}

/** `platform` when `setting` is exactly `${platform}` and `literal` exactly `pcbios` or `efi`. */
function comparedPlatform(setting: Template, literal: Template): Platform | undefined {
  const [reference] = setting;
  const [text] = literal;
  if (setting.length !== 1 || reference?.kind !== "setting" || reference.reference !== "platform") return undefined;
  if (literal.length !== 1 || text?.kind !== "text") return undefined;
  return platforms.find((platform) => platform === text.value);
}

function otherPlatform(platform: Platform): Platform {
  return platform === "pcbios" ? "efi" : "pcbios";
}

function agreed(left: Platform | undefined, right: Platform | undefined): Platform | undefined {
  return left === right ? left : undefined;
}

/**
 * The build a target runs as on `platform`: the same release built for that platform. Profile names
 * are `<build>-<platform>`; a target without a sibling for `platform` is its own answer.
 */
export function profileOnPlatform(target: TargetProfile, platform: Platform): TargetProfile {
  if (target.platform === platform) return target;
  const suffix = `-${target.platform}`;
  if (!target.name.endsWith(suffix)) return target;
  return getProfile(`${target.name.slice(0, -suffix.length)}-${platform}`) ?? target;
}
