/**
 * How a line ends, in iPXE's rules (`system()` in src/core/exec.c): commands run left to right; after
 * each, `||` runs the next one only if the last command that ran failed, `&&` only if it succeeded,
 * `;` always; an empty command succeeds; a successful `goto` and any `exit` stop the line. A line that
 * ends with a failure ends the whole script.
 *
 * The simulation follows every combination of outcomes and says which commands' failures can end
 * the line, and so the script.
 */
import type { CommandNode, LineNode } from "./ast.js";
import type { ScriptModel } from "./model.js";

export interface FlowFacts {
  /** Whether the command can fail (a test that is false, a download that fails, Esc…). */
  canFail(command: CommandNode): boolean;
}

type Status = { readonly ok: true } | { readonly ok: false; readonly source: CommandNode };

/** The commands whose failure can be the line's final status. */
export function uncaughtFailures(line: LineNode, facts: FlowFacts): CommandNode[] {
  const commands = line.commands;
  if (commands.length === 0 || line.unterminated) return [];
  // The statuses the line may have reached, each with the command that produced a failure.
  let states: Status[] = [];
  const finished: Status[] = [];
  for (let index = 0; index < commands.length; index++) {
    const command = commands[index]!;
    const terminator = index === 0 ? undefined : commands[index - 1]!.terminator?.kind;
    const next: Status[] = [];
    const incoming: (Status | undefined)[] = index === 0 ? [undefined] : states;
    for (const status of incoming) {
      const runs =
        status === undefined ||
        terminator === ";" ||
        (terminator === "||" && !status.ok) ||
        (terminator === "&&" && status.ok);
      if (!runs) {
        next.push(status!);
        continue;
      }
      const name = command.parsed.command?.canonical ?? command.name;
      if (command.words.length > 0 && name === "exit") continue; // the script ends: not a failure of the line
      if (command.words.length > 0 && facts.canFail(command)) next.push({ ok: false, source: command });
      if (name === "goto" && command.words.length > 0) finished.push({ ok: true });
      else next.push({ ok: true });
    }
    states = dedupe(next);
  }
  const sources = new Set<CommandNode>();
  for (const status of [...states, ...finished]) if (!status.ok) sources.add(status.source);
  return [...sources];
}

function dedupe(states: Status[]): Status[] {
  const seen = new Set<CommandNode | true>();
  const out: Status[] = [];
  for (const status of states) {
    const key = status.ok ? true : status.source;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(status);
  }
  return out;
}

/**
 * iPXE's own view: a command fails when its table says it can; a `goto` only when its label may be
 * missing — a static one whose label does not exist, a computed one unless it dispatches a menu
 * choice and every item of that menu has its label.
 */
export function scriptFacts(model: ScriptModel): FlowFacts {
  const completeDispatches = new Set<CommandNode>();
  for (const dispatch of model.dispatches) {
    const items = dispatch.choose.menu?.items;
    if (!items) continue;
    const complete = items.every(
      (item) => item.name === undefined || model.labels.has(`${dispatch.prefix}${item.name}${dispatch.suffix}`),
    );
    if (complete) completeDispatches.add(dispatch.goto.command);
  }
  return {
    canFail(command) {
      const parsed = command.parsed;
      if (!parsed.ok || !parsed.command) return false;
      if (parsed.command.canonical === "goto") {
        const target = parsed.positionals[0] ?? "";
        if (target.includes("${")) return !completeDispatches.has(command);
        return !model.labels.has(target);
      }
      return parsed.command.fallible;
    },
  };
}
