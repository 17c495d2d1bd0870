/**
 * Small builders for hand-made `Program` values, so that each test shows only what it is about.
 * Every node gets a distinct source range (`at(n)` = n..n+1 in "test.ipxm") so that line-map and
 * diagnostic tests can tell nodes apart.
 */
import type {
  Condition,
  EntryInstance,
  MemdiskMode,
  MenuRow,
  Program,
  ProgramAction,
  ProgramMenu,
  ProgramSetting,
  ProgramStatement,
  SourceRef,
  Template,
} from "@ipxm/core";

export const file = "test.ipxm";

export function at(offset: number): SourceRef {
  return { file, start: offset, end: offset + 1 };
}

let nextOffset = 1000;
/** A fresh source for nodes whose position a test does not care about. */
function anywhere(): SourceRef {
  return at(nextOffset++);
}

/** A template of literal text and `${setting}` parts: `t("Ubuntu ", s("arch"))`. */
export function t(...parts: (string | { setting: string })[]): Template {
  return parts.map((p) =>
    typeof p === "string" ? { kind: "text", value: p } : { kind: "setting", reference: p.setting },
  );
}

export function s(reference: string): { setting: string } {
  return { setting: reference };
}

export const act = {
  menu: (menu: string, source = anywhere()): ProgramAction => ({ kind: "menu", menu, source }),
  entry: (instance: string, source = anywhere()): ProgramAction => ({ kind: "entry", instance, source }),
  chain: (url: Template, source = anywhere()): ProgramAction => ({ kind: "chain", url, source }),
  sanboot: (url: Template, source = anywhere()): ProgramAction => ({ kind: "sanboot", url, source }),
  sanbootDrive: (drive: number, source = anywhere()): ProgramAction => ({ kind: "sanboot-drive", drive, source }),
  memdisk: (
    url: Template,
    loader: Template = t(s("memdisk")),
    source = anywhere(),
    mode: MemdiskMode = "iso",
  ): ProgramAction => ({
    kind: "memdisk",
    url,
    loader,
    mode,
    source,
  }),
  shell: (source = anywhere()): ProgramAction => ({ kind: "shell", source }),
  exit: (status = 0, source = anywhere()): ProgramAction => ({ kind: "exit", status, source }),
  reboot: (source = anywhere()): ProgramAction => ({ kind: "reboot", source }),
  back: (source = anywhere()): ProgramAction => ({ kind: "back", source }),
};

export function item(
  id: string,
  text: Template | string,
  action: ProgramAction,
  extra: { key?: string; condition?: Condition; source?: SourceRef } = {},
): MenuRow {
  return {
    kind: "item",
    id,
    text: typeof text === "string" ? t(text) : text,
    action,
    ...(extra.key !== undefined ? { key: extra.key } : {}),
    ...(extra.condition ? { condition: extra.condition } : {}),
    source: extra.source ?? anywhere(),
  };
}

export function gap(text?: Template | string, extra: { condition?: Condition; source?: SourceRef } = {}): MenuRow {
  return {
    kind: "gap",
    ...(text !== undefined ? { text: typeof text === "string" ? t(text) : text } : {}),
    ...(extra.condition ? { condition: extra.condition } : {}),
    source: extra.source ?? anywhere(),
  };
}

export function menu(
  id: string,
  title: Template | string,
  rows: MenuRow[],
  extra: { defaultItem?: string; timeoutMs?: number; escape?: ProgramAction; source?: SourceRef } = {},
): ProgramMenu {
  return {
    id,
    title: typeof title === "string" ? t(title) : title,
    rows,
    escape: extra.escape ?? act.back(),
    ...(extra.defaultItem !== undefined ? { defaultItem: extra.defaultItem } : {}),
    ...(extra.timeoutMs !== undefined ? { timeoutMs: extra.timeoutMs } : {}),
    source: extra.source ?? anywhere(),
  };
}

export function entry(
  label: string,
  body: ProgramStatement[],
  extra: { failureMessage?: Template | string; source?: SourceRef; entry?: string } = {},
): EntryInstance {
  const message = extra.failureMessage ?? `Could not start ${label}`;
  return {
    label,
    entry: extra.entry ?? label.split(".")[0]!,
    failureMessage: typeof message === "string" ? t(message) : message,
    body,
    source: extra.source ?? anywhere(),
  };
}

export const st = {
  kernel: (url: Template, args: Template[] = [], source = anywhere()): ProgramStatement => ({
    kind: "kernel",
    url,
    args,
    source,
  }),
  initrd: (url: Template, name?: Template, source = anywhere()): ProgramStatement => ({
    kind: "initrd",
    url,
    ...(name ? { name } : {}),
    source,
  }),
  boot: (source = anywhere()): ProgramStatement => ({ kind: "boot", source }),
  echo: (text: Template, source = anywhere()): ProgramStatement => ({ kind: "echo", text, source }),
  prompt: (setting: string, question: Template, source = anywhere()): ProgramStatement => ({
    kind: "prompt",
    setting,
    question,
    source,
  }),
  set: (setting: string, value: Template, source = anywhere()): ProgramStatement => ({
    kind: "set",
    setting,
    value,
    source,
  }),
  sleep: (seconds: number, source = anywhere()): ProgramStatement => ({ kind: "sleep", seconds, source }),
  when: (
    condition: Condition,
    then: ProgramStatement[],
    otherwise: ProgramStatement[] = [],
    source = anywhere(),
  ): ProgramStatement => ({ kind: "when", condition, then, else: otherwise, source }),
  raw: (lines: string[], source = anywhere()): ProgramStatement => ({
    kind: "raw",
    lines: lines.map((text, index) => ({ text, source: at(source.start + 100 + index) })),
    source,
  }),
};

export const cond = {
  equals: (left: Template, right: Template): Condition => ({ kind: "equals", left, right }),
  isset: (setting: string): Condition => ({ kind: "isset", setting }),
  not: (operand: Condition): Condition => ({ kind: "not", operand }),
  and: (left: Condition, right: Condition): Condition => ({ kind: "and", left, right }),
  or: (left: Condition, right: Condition): Condition => ({ kind: "or", left, right }),
};

export function setting(
  name: string,
  defaultValue?: Template | string,
  type = "string",
  source = anywhere(),
): ProgramSetting {
  return {
    name,
    type,
    ...(defaultValue !== undefined
      ? { defaultValue: typeof defaultValue === "string" ? t(defaultValue) : defaultValue }
      : {}),
    source,
  };
}

export function program(parts: {
  menus: ProgramMenu[];
  entries?: EntryInstance[];
  settings?: ProgramSetting[];
  usesArch?: boolean;
  target?: string;
}): Program {
  return {
    file,
    target: parts.target ?? "ipxe-1.21-pcbios",
    settings: parts.settings ?? [],
    usesArch: parts.usesArch ?? false,
    menus: parts.menus,
    entries: parts.entries ?? [],
  };
}

/** The simplest complete program: one menu with one item. */
export function minimal(rows: MenuRow[] = [item("local", "Boot from local disk", act.exit(1))]): Program {
  return program({ menus: [menu("main", "Main", rows, { escape: act.exit(0) })] });
}
