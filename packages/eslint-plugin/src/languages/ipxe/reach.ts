/**
 * Where computed gotos can land. `goto prefix${setting}suffix` reaches the labels spelt with one of
 * the values the setting may hold: the item names of the menus chosen into it and the words `set`
 * stores in it, in this script or any script of the tree (settings are global). When a script reads
 * the setting from the user, or no script writes it at all (an embedded script or a site sets it),
 * any label with that prefix and suffix may be reached; a goto this analysis cannot read may reach
 * any label at all.
 */
import type { LintTree } from "../../tree.js";
import { collectValues, singleExpansion, type ScriptModel, type SettingValues } from "./model.js";

interface Pattern {
  readonly prefix: string;
  readonly suffix: string;
  readonly any: boolean;
  /** The script's own values and the tree's (neither copied). */
  readonly values: readonly ReadonlySet<string>[];
}

export function computedReach(model: ScriptModel, tree: LintTree | undefined): (label: string) => boolean {
  const patterns = new Map<string, Pattern>();
  const valuesOf = new Map<string, { any: boolean; values: ReadonlySet<string>[] }>();
  for (const goto of model.gotos) {
    if (goto.static) continue;
    const pattern = singleExpansion(goto.target);
    if (!pattern) return () => true;
    const key = `${pattern.prefix}\0${pattern.setting}\0${pattern.suffix}`;
    if (patterns.has(key)) continue;
    let values = valuesOf.get(pattern.setting);
    if (!values) {
      const own: SettingValues = { values: new Set(), any: false };
      collectValues(model.assignments.get(pattern.setting) ?? [], own);
      const shared = tree?.settingValues(pattern.setting);
      const sets = shared ? [own.values, shared.values] : [own.values];
      values = { any: own.any || shared?.any === true || sets.every((set) => set.size === 0), values: sets };
      valuesOf.set(pattern.setting, values);
    }
    patterns.set(key, { prefix: pattern.prefix, suffix: pattern.suffix, ...values });
  }
  const list = [...patterns.values()];
  return (label) =>
    list.some(({ prefix, suffix, any, values }) => {
      if (label.length < prefix.length + suffix.length || !label.startsWith(prefix) || !label.endsWith(suffix))
        return false;
      if (any) return true;
      const middle = label.slice(prefix.length, label.length - suffix.length);
      return values.some((set) => set.has(middle));
    });
}
