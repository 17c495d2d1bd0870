/**
 * One menu:
 *
 *     :main
 *     set ipxm_menu main
 *     menu <title>
 *     item --gap <text>
 *     item --key l linux <text>
 *     choose --default local --timeout 5000 ipxm_choice || goto main.escape
 *     goto main.${ipxm_choice} || goto main
 *     :main.escape          (only when Esc does work; a plain jump is inlined after `choose ||`)
 *     :main.linux           (one block per item: its action, then back to the menu)
 *     :main.failed          (only when an action can fail)
 *
 * iPXE menus are runtime objects rebuilt every time the label is reached, so the block is the menu.
 */
import { textTemplate, type Condition, type MenuRow, type ProgramMenu } from "@ipxm/core";
import type { ActionSite } from "./actions.js";
import { emitAction, transferLine } from "./actions.js";
import { emitConditionJump } from "./conditions.js";
import type { CompileContext } from "./context.js";
import { emitFailureScreen } from "./failure.js";
import { hotkeyOption } from "./hotkeys.js";
import { menuRowLimits, menuTitleBytes, type VisibleBytes } from "./visible-text.js";
import { guardedPlatform, platformFixedBy } from "./platforms.js";

export function emitMenu(context: CompileContext, menu: ProgramMenu): void {
  const { writer } = context;
  let failureLabel: string | undefined;
  let failureJump: string | undefined;
  const site: ActionSite = {
    name: menu.id,
    menu: menu.id,
    skipCounter: { next: 1 },
    failureLabel: () => (failureLabel ??= context.labels.allocate(`${menu.id}.failed`)),
    failureJump: () => (failureJump ??= `|| goto ${site.failureLabel()}`),
  };

  context.router.restart();
  writer.label(menu.id, menu.source);
  writer.line(`set ipxm_menu ${menu.id}`, menu.source);
  const title = context.text(menu.title, "the menu title", menu.source, {
    role: "display",
    shape: "words",
    visibleBytes: { visible: menuTitleBytes },
  });
  const limitOf = menuRowLimits(menu, context.target?.release ?? "master");
  context.command("menu", [], [title], menu.source);

  for (const { condition, rows } of groupByCondition(menu.rows)) {
    if (condition === undefined) {
      for (const row of rows) emitRow(context, row, limitOf(row));
      continue;
    }
    const skip = context.labels.allocateNumbered(menu.id, "skip", site.skipCounter);
    emitConditionJump(context, site, condition, false, skip, rows[0]!.source);
    context.onPlatform(platformFixedBy(condition, true), () => {
      for (const row of rows) emitRow(context, row, limitOf(row));
    });
    writer.label(skip, rows[rows.length - 1]!.source);
  }

  const chooseOptions: string[] = [];
  if (menu.defaultItem !== undefined) chooseOptions.push(`--default ${menu.defaultItem}`);
  if (menu.timeoutMs !== undefined && menu.timeoutMs > 0)
    chooseOptions.push(`--timeout ${milliseconds(menu.timeoutMs)}`);
  const inlineEscape = transferLine(context, menu.escape, site);
  const escapeLabel = inlineEscape === undefined ? context.labels.allocate(`${menu.id}.escape`) : undefined;
  context.command("choose", chooseOptions, ["ipxm_choice"], menu.source, `|| ${inlineEscape ?? `goto ${escapeLabel}`}`);
  writer.line(`goto ${menu.id}.\${ipxm_choice} || goto ${menu.id}`, menu.source);

  if (escapeLabel !== undefined) {
    context.router.restart();
    writer.label(escapeLabel, menu.escape.source);
    if (!emitAction(context, menu.escape, site)) writer.line(`goto ${menu.id}`, menu.escape.source);
  }

  for (const row of menu.rows) {
    if (row.kind !== "item") continue;
    context.router.restart();
    writer.label(`${menu.id}.${row.id}`, row.source);
    // Only a shown item can be chosen, so a runtime-gated item's action runs where its gate holds.
    const ends = context.onPlatform(guardedPlatform(row.condition, true, undefined), () =>
      emitAction(context, row.action, site),
    );
    if (!ends) writer.line(`goto ${menu.id}`, row.action.source);
  }

  if (failureLabel !== undefined) {
    emitFailureScreen(
      context,
      failureLabel,
      textTemplate("Could not boot the selected item"),
      `goto ${menu.id}`,
      menu.source,
    );
  }
}

function emitRow(context: CompileContext, row: MenuRow, visibleBytes: VisibleBytes): void {
  if (row.kind === "gap") {
    const text = context.text(row.text ?? [], "the gap text", row.source, {
      role: "display",
      shape: "words",
      visibleBytes,
    });
    context.command("item", ["--gap"], [text], row.source);
    return;
  }
  const text = context.text(row.text, "the item text", row.source, { role: "display", shape: "words", visibleBytes });
  const options = row.key === undefined ? [] : [hotkeyOption(context, row.key, row.source)];
  context.command("item", options, [row.id, text], row.source);
}

interface RowGroup {
  readonly condition: Condition | undefined;
  readonly rows: MenuRow[];
}

/** Consecutive rows under the same runtime condition share one condition jump. */
function groupByCondition(rows: readonly MenuRow[]): RowGroup[] {
  const groups: RowGroup[] = [];
  let lastKey: string | undefined;
  for (const row of rows) {
    const key = row.condition === undefined ? undefined : JSON.stringify(row.condition);
    const last = groups[groups.length - 1];
    if (last && key !== undefined && key === lastKey) last.rows.push(row);
    else groups.push({ condition: row.condition, rows: [row] });
    lastKey = key;
  }
  return groups;
}

/** A timeout as iPXE's `parse_timeout` reads it: plain decimal milliseconds, never octal. */
export function milliseconds(value: number): string {
  return String(Math.max(1, Math.ceil(value)));
}
