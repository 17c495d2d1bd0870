/**
 * What a name under the cursor is in a plain iPXE script, and where else it occurs. iPXE knows two
 * kinds of name that navigation follows: labels (`:x`, reached by `goto x`, the first of that name
 * in the script), and the names of menu items, which `choose` stores and a dispatch
 * `goto prefix${setting}suffix` turns into a label.
 */
import type { ChooseModel, DispatchModel, ItemModel, LabelNode, MenuModel, ScriptModel } from "@ipxm/eslint-plugin";
import { bestFit, fitOf } from "./cursor.js";

export type Span = readonly [number, number];

export type IpxeTarget =
  /** A label line's name (`label` set) or the target of a static `goto`. */
  | { readonly kind: "label"; readonly name: string; readonly range: Span; readonly label?: LabelNode }
  /** The name of a menu item. */
  | { readonly kind: "item"; readonly item: ItemModel; readonly range: Span }
  /** The item named by `choose --default`. */
  | { readonly kind: "default"; readonly choose: ChooseModel; readonly name: string; readonly range: Span };

/** The name at `offset`; a `goto` whose target holds `${…}` and text that names nothing give undefined. */
export function ipxeTargetAt(model: ScriptModel, offset: number): IpxeTarget | undefined {
  const best = bestFit<IpxeTarget>();
  const consider = (range: Span, target: () => IpxeTarget | undefined) =>
    best.consider(fitOf({ start: range[0], end: range[1] }, offset), target);
  for (const labels of model.labels.values()) {
    for (const label of labels) {
      if (label.name !== "")
        consider(label.nameRange, () => ({ kind: "label", name: label.name, range: label.nameRange, label }));
    }
  }
  for (const goto of model.gotos) {
    const range = goto.targetWord.range;
    consider(range, () => (goto.static ? { kind: "label", name: goto.target, range } : undefined));
  }
  for (const menu of model.menus) {
    for (const item of menu.items) {
      if (item.nameWord && item.name) {
        const range = item.nameWord.range;
        consider(range, () => ({ kind: "item", item, range }));
      }
    }
  }
  for (const choose of model.chooses) {
    const range = defaultValueRange(choose);
    if (range) consider(range, () => ({ kind: "default", choose, name: choose.defaultOption!.value!, range }));
  }
  return best.target;
}

/** Where the value of `choose --default` is written: its own word, or the part after `=`. */
function defaultValueRange(choose: ChooseModel): Span | undefined {
  const use = choose.defaultOption;
  if (!use?.valueWord || use.value === undefined || use.value === "") return undefined;
  const word = use.valueWord;
  if (word !== use.optionWord) return word.range;
  return [Math.max(word.range[0], word.range[1] - use.value.length), word.range[1]];
}

/** The dispatches that send the items of `menu` to labels. */
export function dispatchesOf(model: ScriptModel, menu: MenuModel): DispatchModel[] {
  return model.dispatches.filter((dispatch) => dispatch.choose.menu === menu);
}

/** The label a dispatch sends an item name to. */
export function dispatchedLabel(dispatch: DispatchModel, itemName: string): string {
  return `${dispatch.prefix}${itemName}${dispatch.suffix}`;
}

/** The labels (existing ones) that an item is sent to, one per dispatch, without repeats. */
export function labelsOfItem(model: ScriptModel, item: ItemModel): string[] {
  const names: string[] = [];
  for (const dispatch of dispatchesOf(model, item.menu)) {
    const name = dispatchedLabel(dispatch, item.name!);
    if (model.labels.has(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/** The item `choose --default` names, in the menu that `choose` shows. */
export function defaultItem(choose: ChooseModel, name: string): ItemModel | undefined {
  return choose.menu?.items.find((item) => item.name === name);
}

/** Each place that leads to label `name`: its static gotos and the items dispatched to it. */
export interface LabelUses {
  readonly gotos: Span[];
  readonly items: { readonly item: ItemModel; readonly dispatch: DispatchModel }[];
}

export function usesOfLabel(model: ScriptModel, name: string): LabelUses {
  const gotos: Span[] = [];
  for (const goto of model.gotos) if (goto.static && goto.target === name) gotos.push(goto.targetWord.range);
  const items: LabelUses["items"] = [];
  const seen = new Set<ItemModel>();
  for (const dispatch of model.dispatches) {
    if (!dispatch.choose.menu) continue;
    for (const item of dispatch.choose.menu.items) {
      if (item.name === undefined || !item.nameWord || seen.has(item)) continue;
      if (dispatchedLabel(dispatch, item.name) !== name) continue;
      seen.add(item);
      items.push({ item, dispatch });
    }
  }
  return { gotos, items };
}

/** The items of `menu` named `name`, and the `choose --default` values naming them. */
export function occurrencesOfItem(
  menu: MenuModel,
  name: string,
): { readonly items: ItemModel[]; readonly defaults: Span[] } {
  const items = menu.items.filter((item) => item.name === name && item.nameWord);
  const defaults: Span[] = [];
  for (const choose of menu.chooses) {
    const range = defaultValueRange(choose);
    if (range && choose.defaultOption?.value === name) defaults.push(range);
  }
  return { items, defaults };
}
