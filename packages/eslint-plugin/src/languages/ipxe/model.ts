/**
 * What a script means beyond its lines: its labels, its `goto`s, the menus that `menu`, `item` and
 * `choose` build, and the settings it writes. Menus are runtime objects in iPXE, rebuilt by
 * commands; the model follows the commands in file order, which is how every real menu script is
 * written (a label, `menu`, the `item`s, `choose`).
 */
import { hasExpansion, parseSettingReference, type ParsedOption } from "@ipxm/ipxe";
import type { CommandNode, LabelNode, LineNode, ScriptNode, WordNode } from "./ast.js";

export interface ItemModel {
  readonly command: CommandNode;
  readonly line: LineNode;
  readonly menu: MenuModel;
  /** A separator: `--gap`, or no name at all. */
  readonly gap: boolean;
  /** What `choose` stores when the item is picked; absent for a gap. */
  readonly name?: string;
  readonly nameWord?: WordNode;
  /** The displayed words (after the name; all positionals of a gap). */
  readonly textWords: readonly WordNode[];
  /** The hotkey: its value as written, the word holding it, and the `--key` word (the same for `--key=x`). */
  readonly key?: {
    readonly value: string;
    readonly word: WordNode;
    readonly optionWord: WordNode;
    readonly code?: number;
  };
  readonly isDefault: boolean;
  /** Runs only after a test on its line (`iseq … && item …`), so it may be absent at run time. */
  readonly conditional: boolean;
}

export interface MenuModel {
  /** The `menu` command that built it. */
  readonly command: CommandNode;
  readonly line: LineNode;
  /** The menu's name ("" for the unnamed menu). */
  readonly name: string;
  readonly titleWords: readonly WordNode[];
  readonly items: ItemModel[];
  /** The `choose` commands that showed it. */
  readonly chooses: ChooseModel[];
}

export interface ChooseModel {
  readonly command: CommandNode;
  readonly line: LineNode;
  /** The menu it shows; absent when no `menu` built one before it. */
  readonly menu?: MenuModel;
  /** The setting that receives the chosen item's name (without scope or type). */
  readonly setting: string;
  readonly settingWord: WordNode;
  readonly defaultOption?: OptionUse;
  readonly timeoutOption?: OptionUse;
}

export interface OptionUse {
  readonly option: ParsedOption;
  /** The word holding the option itself. */
  readonly optionWord: WordNode;
  /** The word holding its value (the same word for `--timeout=5000`). */
  readonly valueWord?: WordNode;
  readonly value?: string;
}

export interface GotoModel {
  readonly command: CommandNode;
  readonly line: LineNode;
  readonly targetWord: WordNode;
  /** The target as written; static when it holds no `${…}`. */
  readonly target: string;
  readonly static: boolean;
}

/** `goto prefix${setting}suffix` after a `choose` into `setting`: its targets are that menu's item names. */
export interface DispatchModel {
  readonly goto: GotoModel;
  readonly setting: string;
  readonly prefix: string;
  readonly suffix: string;
  /** The nearest `choose` into the setting before the `goto`. */
  readonly choose: ChooseModel;
}

export type AssignmentKind = "set" | "delete" | "read" | "choose" | "clear" | "inc";

export interface Assignment {
  readonly kind: AssignmentKind;
  readonly command: CommandNode;
  readonly line: LineNode;
  /** The value words of a `set`. */
  readonly valueWords: readonly WordNode[];
  /** The `choose` that stores into the setting. */
  readonly choose?: ChooseModel;
}

export interface CommandSite {
  readonly command: CommandNode;
  readonly line: LineNode;
}

export interface ScriptModel {
  /** Every label line by name, in file order; `goto` reaches the first. */
  readonly labels: ReadonlyMap<string, readonly LabelNode[]>;
  readonly commands: readonly CommandSite[];
  readonly gotos: readonly GotoModel[];
  readonly menus: readonly MenuModel[];
  readonly chooses: readonly ChooseModel[];
  readonly dispatches: readonly DispatchModel[];
  /** Settings the script writes, by name (scope and type removed). */
  readonly assignments: ReadonlyMap<string, readonly Assignment[]>;
}

/** The option of a parsed command with this long name, with the words it came from. */
export function optionUse(command: CommandNode, long: string): OptionUse | undefined {
  const option = command.parsed.options.find((candidate) => candidate.option.long === long);
  if (!option) return undefined;
  const optionWord = command.words[option.index]!;
  const valueWord = option.valueIndex === undefined ? undefined : command.words[option.valueIndex];
  return {
    option,
    optionWord,
    ...(valueWord ? { valueWord } : {}),
    ...(option.value !== undefined ? { value: option.value } : {}),
  };
}

/** The positional words of a parsed command. */
export function positionalWords(command: CommandNode): readonly WordNode[] {
  return command.words.slice(command.parsed.positionalIndex);
}

/** The setting name a `set`/`read`/`choose` argument names: `net0/ip:ipv4` → `ip`. */
export function settingName(word: string): string {
  return parseSettingReference(word).name;
}

/** A `${name}` inside a word, once, with plain text around it: `deb_${type}` → prefix `deb_`, `type`. */
export function singleExpansion(text: string): { prefix: string; setting: string; suffix: string } | undefined {
  const match = /^([^$]*)\$\{([A-Za-z0-9_.-]+)\}([^$]*)$/.exec(text);
  if (!match) return undefined;
  return { prefix: match[1]!, setting: match[2]!, suffix: match[3]! };
}

export function buildModel(script: ScriptNode): ScriptModel {
  const labels = new Map<string, LabelNode[]>();
  const commands: CommandSite[] = [];
  const gotos: GotoModel[] = [];
  const menus: MenuModel[] = [];
  const chooses: ChooseModel[] = [];
  const dispatches: DispatchModel[] = [];
  const assignments = new Map<string, Assignment[]>();
  const liveMenus = new Map<string, MenuModel>();
  const lastChooseInto = new Map<string, ChooseModel>();

  const assign = (name: string, assignment: Assignment) => {
    const list = assignments.get(name);
    if (list) list.push(assignment);
    else assignments.set(name, [assignment]);
  };

  for (const line of script.lines) {
    if (line.unterminated) continue;
    if (line.label) {
      const list = labels.get(line.label.name);
      if (list) list.push(line.label);
      else labels.set(line.label.name, [line.label]);
    }
    for (const command of line.commands) {
      if (command.words.length === 0) continue;
      commands.push({ command, line });
      const parsed = command.parsed;
      if (!parsed.ok || !parsed.command) continue;
      const positionals = positionalWords(command);
      switch (parsed.command.canonical) {
        case "goto": {
          const targetWord = positionals[0]!;
          const goto: GotoModel = {
            command,
            line,
            targetWord,
            target: targetWord.text,
            static: !hasExpansion(targetWord.text),
          };
          gotos.push(goto);
          const pattern = goto.static ? undefined : singleExpansion(goto.target);
          const choose = pattern && lastChooseInto.get(pattern.setting);
          if (pattern && choose) dispatches.push({ goto, ...pattern, choose });
          break;
        }
        case "menu": {
          const name = optionUse(command, "name")?.value ?? "";
          if (optionUse(command, "delete")) {
            liveMenus.delete(name);
            break;
          }
          const menu: MenuModel = { command, line, name, titleWords: positionals, items: [], chooses: [] };
          menus.push(menu);
          liveMenus.set(name, menu);
          break;
        }
        case "item": {
          if (optionUse(command, "form")) break;
          const menu = liveMenus.get(optionUse(command, "menu")?.value ?? "");
          if (!menu) break;
          const gap = optionUse(command, "gap") !== undefined || positionals.length === 0;
          const key = optionUse(command, "key");
          const item: ItemModel = {
            command,
            line,
            menu,
            gap,
            ...(gap ? {} : { name: positionals[0]!.text, nameWord: positionals[0]! }),
            textWords: gap ? positionals : positionals.slice(1),
            ...(key?.valueWord && key.value !== undefined
              ? {
                  key: {
                    value: key.value,
                    word: key.valueWord,
                    optionWord: key.optionWord,
                    ...(key.option.key !== undefined ? { code: key.option.key } : {}),
                  },
                }
              : {}),
            isDefault: optionUse(command, "default") !== undefined,
            conditional: command.index > 0,
          };
          menu.items.push(item);
          break;
        }
        case "choose": {
          const menuName = optionUse(command, "menu")?.value ?? "";
          const menu = liveMenus.get(menuName);
          const settingWord = positionals[0]!;
          const defaultOption = optionUse(command, "default");
          const timeoutOption = optionUse(command, "timeout");
          const choose: ChooseModel = {
            command,
            line,
            ...(menu ? { menu } : {}),
            setting: settingName(settingWord.text),
            settingWord,
            ...(defaultOption ? { defaultOption } : {}),
            ...(timeoutOption ? { timeoutOption } : {}),
          };
          chooses.push(choose);
          menu?.chooses.push(choose);
          if (!optionUse(command, "keep")) liveMenus.delete(menuName);
          lastChooseInto.set(choose.setting, choose);
          assign(choose.setting, { kind: "choose", command, line, valueWords: [], choose });
          break;
        }
        case "set": {
          const values = positionals.slice(1);
          assign(settingName(positionals[0]!.text), {
            kind: values.length > 0 ? "set" : "delete",
            command,
            line,
            valueWords: values,
          });
          break;
        }
        case "read":
        case "clear":
        case "inc":
          assign(settingName(positionals[0]!.text), {
            kind: parsed.command.canonical as AssignmentKind,
            command,
            line,
            valueWords: [],
          });
          break;
        default:
          break;
      }
    }
  }
  return { labels, commands, gotos, menus, chooses, dispatches, assignments };
}

/** The values a setting may hold, as far as the scripts that write it tell; `any` when one cannot tell. */
export interface SettingValues {
  readonly values: Set<string>;
  any: boolean;
}

/** Adds what `assignments` may store to `into`: item names of a chosen menu, the word of a plain `set`. */
export function collectValues(assignments: readonly Assignment[], into: SettingValues): void {
  for (const assignment of assignments) {
    switch (assignment.kind) {
      case "set": {
        const value = assignment.valueWords.map((word) => word.text).join(" ");
        if (hasExpansion(value)) into.any = true;
        else into.values.add(value);
        break;
      }
      case "choose": {
        const choose = assignment.choose;
        if (!choose?.menu) into.any = true;
        else for (const item of choose.menu.items) if (item.name !== undefined) into.values.add(item.name);
        break;
      }
      case "read":
      case "inc":
        into.any = true;
        break;
      case "delete":
      case "clear":
        into.values.add("");
        break;
    }
  }
}
