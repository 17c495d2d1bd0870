/**
 * Actions: what an item, an `on escape` or an entry statement does. The same action compiles a
 * little differently in a menu (failure returns to that menu, statically) and in an entry (failure
 * shows the entry's error screen; "the menu" is whichever one the entry was started from).
 */
import type { ProgramAction, Template } from "@ipxm/core";
import { backSetting } from "./back.js";
import type { CompileContext } from "./context.js";
import { oneValue } from "./safe-text.js";
import type { LabelScope } from "./conditions.js";
import { checkMemdisk, checkSanbootDrive, checkUrl } from "./target-checks.js";

/** Where an action runs. */
export interface ActionSite extends LabelScope {
  /** The menu whose item runs the action; undefined inside an entry. */
  readonly menu: string | undefined;
  /** The label a failed command jumps to (allocated on first use). */
  failureLabel(): string;
  /** `|| goto <failure label>`, the suffix of a command that can fail (made on first use). */
  failureJump(): string;
}

/**
 * The one line that performs an action that only transfers control (open a menu, run an entry,
 * exit, back), or undefined for an action that does work. Such a line can be inlined after
 * `choose … ||`.
 */
export function transferLine(context: CompileContext, action: ProgramAction, site: ActionSite): string | undefined {
  switch (action.kind) {
    case "menu":
      return needsOpenerRecord(context, action.menu, site) ? undefined : `goto ${action.menu}`;
    case "entry":
      return `goto ${context.instanceLabels.get(action.instance) ?? action.instance}`;
    case "exit":
      return `exit ${exitStatus(action.status)}`;
    case "back":
      return backLine(context, site);
    default:
      return undefined;
  }
}

/**
 * Writes an action. Returns true when control never continues past it (a `goto` or `exit`), so the
 * caller knows whether a return to the menu must follow.
 */
export function emitAction(context: CompileContext, action: ProgramAction, site: ActionSite): boolean {
  const source = action.source;
  const transfer = transferLine(context, action, site);
  if (transfer !== undefined) {
    context.writer.line(transfer, source);
    return true;
  }
  const url = (template: Template, what: string) => context.text(template, what, source, oneValue);

  switch (action.kind) {
    case "menu": {
      // Only reached when the opened menu records its opener for `back`.
      context.writer.line(`set ${backSetting(action.menu)} ${openerValue(site)}`, source);
      context.writer.line(`goto ${action.menu}`, source);
      return true;
    }
    case "chain":
      checkUrl(context, action.url, source);
      context.command("chain", ["--autofree"], [url(action.url, "the chain url")], source, site.failureJump());
      return false;
    case "sanboot":
      checkUrl(context, action.url, source);
      context.command("sanboot", [], [url(action.url, "the sanboot url")], source, site.failureJump());
      return false;
    case "sanboot-drive":
      checkSanbootDrive(context, source);
      context.command(
        "sanboot",
        ["--no-describe", `--drive 0x${driveNumber(action.drive)}`],
        [],
        source,
        site.failureJump(),
      );
      return false;
    case "memdisk": {
      checkMemdisk(context, source);
      checkUrl(context, action.loader, source);
      checkUrl(context, action.url, source);
      const loader = url(action.loader, "the memdisk loader url");
      const image = url(action.url, "the memdisk image url");
      context.command("imgfree", [], [], source, "||");
      // memdisk's own arguments: the kind of disk to emulate, then `raw` (plain protected-mode
      // memory access, as netboot sites run it).
      context.command("kernel", [], [loader, action.mode, "raw"], source, site.failureJump());
      context.command("initrd", [], [image], source, site.failureJump());
      context.command("boot", [], [], source, site.failureJump());
      return false;
    }
    case "shell":
      context.command("shell", [], [], source, "||");
      return false;
    case "reboot":
      context.command("reboot", [], [], source, site.failureJump());
      return false;
    default:
      throw new Error(`internal error: action ${action.kind} has no transfer line`);
  }
}

/** Whether opening `menu` from `site` must record the opener for the opened menu's `back`. */
function needsOpenerRecord(context: CompileContext, menu: string, site: ActionSite): boolean {
  return context.backPlans.get(menu)?.kind === "dynamic" && menu !== site.menu;
}

function openerValue(site: ActionSite): string {
  return site.menu ?? "${ipxm_menu}";
}

function backLine(context: CompileContext, site: ActionSite): string {
  if (site.menu === undefined) return context.returnToCurrentMenu;
  const plan = context.backPlans.get(site.menu);
  if (plan?.kind === "static") return `goto ${plan.target}`;
  return `goto \${${backSetting(site.menu)}} || ${context.firstMenuFallback}`;
}

/** `exit` takes an unsigned integer; core guarantees one, and anything else is a failure status. */
function exitStatus(status: number): string {
  return String(Number.isSafeInteger(status) && status >= 0 ? status : 1);
}

/** Drive numbers in the hex iPXE users know (`0x80`); core guarantees a non-negative integer. */
function driveNumber(drive: number): string {
  return (Number.isSafeInteger(drive) && drive >= 0 ? drive : 0x80).toString(16);
}
