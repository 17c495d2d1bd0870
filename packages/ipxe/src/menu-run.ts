/**
 * Runs a script as iPXE would, up to the first `choose`, and returns the menu it built: what a menu
 * preview needs to know what iPXE would have on screen after every `${…}` was expanded and every
 * runtime condition decided.
 *
 * Only commands that build menus or decide control flow are run: `menu`, `item`, `choose`, `set`,
 * `clear`, `isset`, `iseq`, `goto`, `cpuid` and `echo` (which prints nothing here). Reaching anything
 * else (a download, `prompt`, `exit`…) stops the run and says where. Lines, `&&`/`||`/`;`, `goto`
 * and "a failing line ends the script" follow `process_script()` and `system()`; tokens are expanded
 * one command at a time with the settings model, just before the command runs.
 */
import { commandTable, type IpxeRelease } from "./commands.js";
import { expandSettings } from "./expand.js";
import { parseCommand } from "./parse-command.js";
import { SettingsStore } from "./settings.js";
import { tokenizeScript, type LogicalLine } from "./tokenize.js";

export interface BuiltMenuItem {
  /** Undefined for a gap. */
  readonly name?: string;
  readonly text: string;
  /** The `--key` code. */
  readonly key?: number;
  /** `item --default`. */
  readonly isDefault: boolean;
}

export interface BuiltMenu {
  /** `menu --name`; "" for the default menu. */
  readonly name: string;
  readonly title: string;
  readonly items: readonly BuiltMenuItem[];
}

export interface ChooseCall {
  readonly menu: BuiltMenu;
  /** `choose --default`. */
  readonly select?: string;
  /** `choose --timeout`, in milliseconds. */
  readonly timeoutMs?: number;
  /** The setting the choice is stored in. */
  readonly setting: string;
  /** 1-based line of the `choose`. */
  readonly line: number;
}

export type MenuRunResult =
  | {
      readonly kind: "menu";
      readonly choose: ChooseCall;
      /** The last label the run jumped to or passed. */
      readonly label?: string;
      readonly settings: SettingsStore;
    }
  | {
      readonly kind: "stopped";
      /** Why no menu was reached, in words. */
      readonly reason: string;
      /** 1-based line where the run stopped. */
      readonly line?: number;
      readonly settings: SettingsStore;
    };

export interface MenuRunOptions {
  /** The settings iPXE has when the script starts (platform, buildarch, a site's own…); modified. */
  readonly settings?: SettingsStore;
  /** The outcome of `cpuid` (its arguments as given); by default every feature is present. */
  readonly cpuid?: (argv: readonly string[]) => boolean;
  /** Parse commands as this release would (default: "master"). */
  readonly release?: IpxeRelease;
  /** Lines to run before giving up on a loop (default 100 000). */
  readonly maxSteps?: number;
}

interface MutableMenu {
  name: string;
  title: string;
  items: BuiltMenuItem[];
}

export function runToMenu(script: string, options: MenuRunOptions = {}): MenuRunResult {
  const settings = options.settings ?? new SettingsStore();
  const tokenized = tokenizeScript(script);
  if (!tokenized.header.ok) {
    return { kind: "stopped", reason: "the script does not start with #!ipxe", line: 1, settings };
  }
  const lines = tokenized.lines;
  const labels = new Map<string, number>();
  lines.forEach((line, index) => {
    if (line.label && !labels.has(line.label.name)) labels.set(line.label.name, index);
  });
  const menus = new Map<string, MutableMenu>();
  const maxSteps = options.maxSteps ?? 100_000;
  const release = options.release ?? "master";
  let label: string | undefined;
  const stopped = (reason: string, line: LogicalLine) =>
    ({ kind: "stopped", reason, line: line.firstLine, settings }) as const;

  // The header line is skipped: iPXE checks it and does not run it.
  let index = 1;
  for (let steps = 0; index < lines.length; steps++) {
    if (steps >= maxSteps) return { kind: "stopped", reason: `still running after ${maxSteps} lines`, settings };
    const line = lines[index]!;
    if (line.label) label = line.label.name;
    let next = index + 1;
    let status = true;
    let runNext = true;
    let failed: string | undefined;

    for (const command of line.commands) {
      // An empty command (after a trailing `||`) succeeds.
      if (runNext && command.argv.length === 0) status = true;
      if (runNext && command.argv.length > 0) {
        const argv = command.argv.map((token) => expandSettings(token.text, settings));
        const parsed = parseCommand(argv, { release });
        const name = parsed.name;
        if (!parsed.ok) {
          status = false;
          const error = parsed.error;
          failed = error?.kind === "unknown-command" ? error.message : `${name}: ${error?.message ?? "invalid"}`;
        } else {
          const option = (long: string) => parsed.options.find((o) => o.option.long === long);
          const positionals = parsed.positionals;
          switch (name) {
            case "menu": {
              const menuName = option("name")?.value ?? "";
              if (option("delete")) status = menus.delete(menuName);
              else menus.set(menuName, { name: menuName, title: positionals.join(" "), items: [] });
              break;
            }
            case "item": {
              const menu = menus.get(option("menu")?.value ?? "");
              if (!menu) {
                status = false;
                failed = "item: no such menu";
                break;
              }
              const gap = option("gap") !== undefined || positionals.length === 0;
              const key = option("key")?.key;
              menu.items.push({
                ...(gap ? {} : { name: positionals[0]! }),
                text: (gap ? positionals : positionals.slice(1)).join(" "),
                ...(key !== undefined ? { key } : {}),
                isDefault: option("default") !== undefined,
              });
              status = true;
              break;
            }
            case "choose": {
              const menu = menus.get(option("menu")?.value ?? "");
              if (!menu) return stopped("choose: there is no such menu", line);
              const select = option("default")?.value;
              const timeout = option("timeout")?.integer;
              return {
                kind: "menu",
                choose: {
                  menu: { name: menu.name, title: menu.title, items: [...menu.items] },
                  ...(select !== undefined ? { select } : {}),
                  ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
                  setting: positionals[0]!,
                  line: line.firstLine,
                },
                ...(label !== undefined ? { label } : {}),
                settings,
              };
            }
            case "set": {
              const stored = settings.set(positionals[0]!, positionals.slice(1).join(" "));
              status = stored.ok;
              if (!stored.ok) failed = `set: ${stored.message}`;
              break;
            }
            case "clear":
              settings.clear(positionals[0]!);
              status = true;
              break;
            case "isset":
              status = positionals[0] !== "";
              break;
            case "iseq":
              status = positionals[0] === positionals[1];
              break;
            case "cpuid":
              status = options.cpuid ? options.cpuid(argv.slice(1)) : true;
              break;
            case "echo":
              status = true;
              break;
            case "goto": {
              const target = labels.get(positionals[0]!);
              status = target !== undefined;
              if (target !== undefined) next = target;
              else failed = `goto: no label "${positionals[0]}"`;
              break;
            }
            default:
              if (!commandTable.has(name)) return stopped(`${name}: command not found`, line);
              return stopped(`the script reaches "${name}", which a preview does not run`, line);
          }
          if (name === "goto" && status) break;
        }
      }
      // `a && b || c`: a skipped command leaves the status of the last one that ran.
      const terminator = command.terminator?.kind;
      runNext = terminator === undefined || terminator === ";" || (terminator === "&&" ? status : !status);
    }

    if (!status) return stopped(`the script ends: ${failed ?? "a command failed"}`, line);
    index = next;
  }
  return { kind: "stopped", reason: "the script ends without showing a menu", settings };
}

/**
 * The settings iPXE itself provides that menus test: `platform` and `buildarch` (an x86 PC-BIOS
 * build is i386, an x86 EFI build x86_64, whatever the CPU).
 */
export function firmwareSettings(platform: "pcbios" | "efi", buildarch?: string): SettingsStore {
  const store = new SettingsStore({ longBytes: platform === "efi" ? 8 : 4 });
  store.set("platform", platform);
  store.set("buildarch", buildarch ?? (platform === "efi" ? "x86_64" : "i386"));
  return store;
}
