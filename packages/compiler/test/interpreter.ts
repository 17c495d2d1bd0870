/**
 * A small interpreter of generated scripts, for tests only: it runs a script the way iPXE's
 * `process_script()` and `system()` do (logical lines from @ipxm/ipxe's tokenizer, `&&`/`||`/`;`
 * deciding on the status of the last command that ran, a failing line ending the script, `goto`
 * rescanning from the top, expansion per token with @ipxm/ipxe's model) and records what the
 * script does. Commands that touch the world (menus, downloads, the keyboard) are answered by the
 * test through `World`.
 */
import { expandSettings, parseCommand, SettingsStore, tokenizeScript } from "@ipxm/ipxe";
import type { LogicalLine } from "@ipxm/ipxe";

export interface ShownMenu {
  title: string;
  items: { name?: string; text: string; key?: number; gap: boolean }[];
  defaultItem?: string;
  timeoutMs?: number;
}

export interface World {
  /** The item name `choose` returns, or undefined for Esc. Called with the menu as built. */
  choose?(menu: ShownMenu, call: number): string | undefined;
  /** Result of `cpuid --ext 29` (long mode); "missing" when the build has no cpuid. */
  cpuidLongMode?: boolean | "missing";
  /** Whether a command that touches the world (kernel, chain, sanboot, boot…) succeeds. */
  succeeds?(name: string, args: string[]): boolean;
  /** What the user types at `read`, or undefined for Esc. */
  read?(setting: string): string | undefined;
}

export interface Event {
  /** The command name (after expansion). */
  command: string;
  /** Positional arguments after option parsing, expanded. */
  args: string[];
  /** Options, expanded: `{ autofree: "" , name: "x" }`. */
  options: Record<string, string>;
}

export interface Run {
  events: Event[];
  /** Lines printed by `echo` (with `-n` text joined to the next). */
  output: string[];
  menus: ShownMenu[];
  /** How the script ended. */
  end:
    { kind: "exit"; status: number } | { kind: "fell-off" } | { kind: "failed"; command: string } | { kind: "steps" };
  settings: SettingsStore;
}

const worldCommands = new Set([
  "kernel",
  "initrd",
  "imgfree",
  "chain",
  "sanboot",
  "boot",
  "shell",
  "reboot",
  "sleep",
  "prompt",
]);

export function run(script: string, world: World = {}, settings = new SettingsStore(), maxSteps = 10_000): Run {
  const lines = tokenizeScript(script).lines;
  const events: Event[] = [];
  const output: string[] = [];
  const menus: ShownMenu[] = [];
  let pendingEcho = "";
  let current: ShownMenu | undefined;
  let chooseCalls = 0;
  let index = 0;
  let steps = 0;

  const findLabel = (name: string) => lines.findIndex((line: LogicalLine) => line.label?.name === name);

  while (index < lines.length) {
    if (++steps > maxSteps) return { events, output, menus, end: { kind: "steps" }, settings };
    const line = lines[index]!;
    let next = index + 1;
    let status = 0;
    let previousTerminator: string | undefined;

    for (const command of line.commands) {
      const runs =
        previousTerminator === undefined ||
        previousTerminator === ";" ||
        (previousTerminator === "||" && status !== 0) ||
        (previousTerminator === "&&" && status === 0);
      previousTerminator = command.terminator?.kind;
      if (!runs) continue;
      if (command.argv.length === 0) {
        status = 0;
        continue;
      }
      const argv = command.argv.map((token) => expandSettings(token.text, settings));
      const parsed = parseCommand(argv);
      if (!parsed.ok) {
        status = 1;
        continue;
      }
      const options: Record<string, string> = {};
      for (const option of parsed.options) options[option.option.long] = option.value ?? "";
      const args = parsed.positionals;
      const name = parsed.name;

      let stop: "line" | "script" | undefined;
      switch (name) {
        case "goto": {
          const target = findLabel(args[0]!);
          if (target < 0) status = 1;
          else {
            status = 0;
            next = target;
            stop = "line";
          }
          break;
        }
        case "exit":
          return { events, output, menus, end: { kind: "exit", status: Number(args[0] ?? 0) }, settings };
        case "iseq":
          status = args[0] === args[1] ? 0 : 1;
          break;
        case "isset":
          status = args[0] !== "" ? 0 : 1;
          break;
        case "set":
          status = settings.set(args[0]!, args.slice(1).join(" ")).ok ? 0 : 1;
          break;
        case "clear":
          settings.clear(args[0]!);
          status = 0;
          break;
        case "echo": {
          const text = pendingEcho + args.join(" ");
          if ("n" in options) pendingEcho = text;
          else {
            output.push(text);
            pendingEcho = "";
          }
          status = 0;
          break;
        }
        case "cpuid":
          if (world.cpuidLongMode === "missing") status = 1;
          else status = world.cpuidLongMode ? 0 : 1;
          break;
        case "menu":
          current = { title: args.join(" "), items: [] };
          status = 0;
          break;
        case "item": {
          if (!current) {
            status = 1;
            break;
          }
          const gap = "gap" in options || args.length === 0;
          const key = options.key;
          current.items.push({
            ...(gap ? {} : { name: args[0]! }),
            text: (gap ? args : args.slice(1)).join(" "),
            ...(key !== undefined ? { key: key.length === 1 ? key.charCodeAt(0) : Number(key) } : {}),
            gap,
          });
          status = 0;
          break;
        }
        case "choose": {
          if (!current) {
            status = 1;
            break;
          }
          const shown: ShownMenu = {
            ...current,
            ...(options.default !== undefined ? { defaultItem: options.default } : {}),
            ...(options.timeout !== undefined ? { timeoutMs: Number(options.timeout) } : {}),
          };
          menus.push(shown);
          current = undefined;
          const choice = world.choose?.(shown, chooseCalls++);
          if (choice === undefined || !shown.items.some((i) => i.name === choice)) status = 1;
          else status = settings.set(args[0]!, choice).ok ? 0 : 1;
          break;
        }
        case "read": {
          const value = world.read?.(args[0]!);
          if (value === undefined) status = 1;
          else status = settings.set(args[0]!, value).ok ? 0 : 1;
          break;
        }
        default:
          if (!worldCommands.has(name)) throw new Error(`interpreter: unexpected command ${name}`);
          events.push({ command: name, args, options });
          status = (world.succeeds?.(name, args) ?? true) ? 0 : 1;
      }
      if (stop) break;
    }

    // iPXE ends the script when a line ends with a failing status.
    if (status !== 0) {
      const last =
        line.commands
          .map((c) => c.argv[0]?.text)
          .filter(Boolean)
          .pop() ?? "";
      return { events, output, menus, end: { kind: "failed", command: last }, settings };
    }
    index = next;
  }
  return { events, output, menus, end: { kind: "fell-off" }, settings };
}

/** A settings store seeded with `name=value` pairs (as iPXE or a site would have set them). */
export function settingsWith(values: Record<string, string>): SettingsStore {
  const store = new SettingsStore();
  for (const [name, value] of Object.entries(values)) store.set(name, value);
  return store;
}
