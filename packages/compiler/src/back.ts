/**
 * Where `back` goes from each menu. A menu opened from exactly one other menu (and from nowhere
 * else) goes back there with a static `goto`. Otherwise the opener is recorded at run time in
 * `ipxm_back_<menu>` whenever the menu is opened, and `back` jumps to it, falling back to the first
 * menu when nothing was recorded.
 */
import type { Program, ProgramStatement } from "@ipxm/core";

export type BackPlan =
  { readonly kind: "static"; readonly target: string } | { readonly kind: "dynamic"; readonly setting: string };

export function backSetting(menu: string): string {
  return `ipxm_back_${menu}`;
}

/** A plan for every menu; only menus with a `back` of their own get a dynamic one. */
export function planBack(program: Program): Map<string, BackPlan> {
  const menuOpeners = new Map<string, Set<string>>();
  const openedFromEntry = new Set<string>();
  const note = (opened: string, opener: string) => {
    if (opened === opener) return; // re-opening itself is a refresh, not a way in
    let set = menuOpeners.get(opened);
    if (!set) menuOpeners.set(opened, (set = new Set()));
    set.add(opener);
  };

  for (const menu of program.menus) {
    if (menu.escape.kind === "menu") note(menu.escape.menu, menu.id);
    for (const row of menu.rows) {
      if (row.kind === "item" && row.action.kind === "menu") note(row.action.menu, menu.id);
    }
  }
  const walk = (statements: readonly ProgramStatement[]) => {
    for (const s of statements) {
      if (s.kind === "menu") openedFromEntry.add(s.menu);
      else if (s.kind === "when") {
        walk(s.then);
        walk(s.else);
      }
    }
  };
  for (const entry of program.entries) walk(entry.body);

  const first = program.menus[0]?.id;
  const plans = new Map<string, BackPlan>();
  for (const menu of program.menus) {
    const openers = [...(menuOpeners.get(menu.id) ?? [])];
    const usesBack =
      menu.escape.kind === "back" || menu.rows.some((r) => r.kind === "item" && r.action.kind === "back");
    const onlyOpener = openers.length === 1 && !openedFromEntry.has(menu.id) && menu.id !== first;
    if (onlyOpener) {
      plans.set(menu.id, { kind: "static", target: openers[0]! });
    } else if (menu.id === first && openers.length === 0 && !openedFromEntry.has(menu.id)) {
      // Nothing ever opens the first menu: there is nowhere to go back to, so it shows itself again.
      plans.set(menu.id, { kind: "static", target: menu.id });
    } else if (usesBack) {
      plans.set(menu.id, { kind: "dynamic", setting: backSetting(menu.id) });
    }
  }
  return plans;
}
