/**
 * One entry instance:
 *
 *     :debian
 *     imgfree ||                                   (when it loads a kernel or initrd)
 *     kernel -- ${mirror}/linux quiet || goto debian.failed
 *     initrd -- ${mirror}/initrd.gz || goto debian.failed
 *     boot || goto debian.failed
 *     goto ${ipxm_menu} || goto main               (back to the menu it was started from)
 *     :debian.failed                               (the error screen, when something can fail)
 */
import {
  TemplateText,
  type EntryInstance,
  type ProgramStatement,
  type SourceRef,
  type Template,
  type TemplatePart,
} from "@ipxm/core";
import type { ActionSite } from "./actions.js";
import { emitAction } from "./actions.js";
import { emitConditionJump } from "./conditions.js";
import type { CompileContext } from "./context.js";
import { emitFailureScreen } from "./failure.js";
import { platformFixedBy } from "./platforms.js";
import { emitRawLines } from "./raw.js";
import { displayWords, oneValue, valueWords } from "./safe-text.js";
import { checkUrl } from "./target-checks.js";

export function emitEntry(context: CompileContext, instance: EntryInstance): void {
  const label = context.instanceLabels.get(instance.label) ?? instance.label;
  let failureLabel: string | undefined;
  let failureJump: string | undefined;
  const site: EntrySite = {
    name: label,
    menu: undefined,
    skipCounter: { next: 1 },
    whenCounter: { next: 1 },
    failureLabel: () => (failureLabel ??= context.labels.allocate(`${label}.failed`)),
    failureJump: () => (failureJump ??= `|| goto ${site.failureLabel()}`),
  };

  context.router.restart();
  context.writer.label(label, instance.source);
  // An instance that only menus or entries for one platform start is checked for that platform.
  context.onPlatform(context.entryPlatforms.get(instance.label), () => {
    if (loadsImages(instance.body)) context.command("imgfree", [], [], instance.source, "||");
    if (!emitStatements(context, instance.body, site)) {
      context.writer.line(context.returnToCurrentMenu, instance.source);
    }
  });
  if (failureLabel !== undefined) {
    emitFailureScreen(context, failureLabel, instance.failureMessage, context.returnToCurrentMenu, instance.source);
  }
}

interface EntrySite extends ActionSite {
  readonly whenCounter: { next: number };
}

/** Writes statements in order; returns true when control never gets past the last one. */
function emitStatements(context: CompileContext, statements: readonly ProgramStatement[], site: EntrySite): boolean {
  let terminated = false;
  for (const statement of statements) {
    // Statements after a `goto` or `exit` can never run; writing them would only be dead code.
    if (terminated) break;
    terminated = emitStatement(context, statement, site);
  }
  return terminated;
}

function emitStatement(context: CompileContext, statement: ProgramStatement, site: EntrySite): boolean {
  const { writer } = context;
  const source = statement.source;
  switch (statement.kind) {
    case "kernel": {
      checkUrl(context, statement.url, source);
      const url = context.text(statement.url, "the kernel url", source, oneValue);
      // The kernel's command line is its arguments joined with single spaces: routed as one text, so
      // that however many arguments there are, the command stays within iPXE's argument limit.
      const commandLine = joinedWithSpaces(statement.args);
      const args =
        statement.args.length === 0
          ? []
          : [
              context.text(commandLine, "the kernel arguments", source, {
                role: "value",
                shape: "words",
                required: true,
              }),
            ];
      context.command("kernel", [], [url, ...args], source, site.failureJump());
      return false;
    }
    case "initrd": {
      checkUrl(context, statement.url, source);
      const options: string[] = [];
      if (statement.name !== undefined) {
        const name = context.text(statement.name, "the initrd name", source, oneValue);
        for (const line of name.setup) writer.line(line, source);
        // getopt would not take a value that starts with `-` from the next argument; `--name=` takes
        // it from the same one.
        options.push(name.mayStartWithDash ? `--name=${name.text}` : `--name ${name.text}`);
      }
      const url = context.text(statement.url, "the initrd url", source, oneValue);
      context.command("initrd", options, [url], source, site.failureJump());
      return false;
    }
    case "boot":
      context.command("boot", [], [], source, site.failureJump());
      return false;
    case "echo": {
      const text = context.text(statement.text, "the echo text", source, displayWords);
      context.command("echo", [], [text], source);
      return false;
    }
    case "prompt": {
      const question = context.text(statement.question, "the prompt question", source, displayWords);
      // `${}` expands to nothing but still counts as an argument: echo adds the space before it.
      if (question.text !== "") context.command("echo", ["-n"], [question, "${}"], source);
      context.command("read", [], [statement.setting], source, `|| ${context.returnToCurrentMenu}`);
      return false;
    }
    case "set": {
      const value = context.text(statement.value, "the value", source, valueWords);
      if (value.text === "") context.command("clear", [], [statement.setting], source);
      else context.command("set", [], [statement.setting, value], source);
      return false;
    }
    case "sleep":
      context.command("sleep", [], [String(Math.max(0, Math.ceil(statement.seconds)))], source, "||");
      return false;
    case "when":
      return emitWhen(context, statement, site);
    case "raw":
      emitRawLines(context, statement.lines);
      return false;
    default:
      return emitAction(context, statement, site);
  }
}

/**
 *     <jump to else (or end) when the condition is false>
 *     then…
 *     goto <end>               (only when then can fall through and there is an else)
 *     :<else>
 *     else…
 *     :<end>
 */
function emitWhen(
  context: CompileContext,
  statement: Extract<ProgramStatement, { kind: "when" }>,
  site: EntrySite,
): boolean {
  const { writer } = context;
  const source: SourceRef = statement.source;
  const number = site.whenCounter.next++;
  const hasElse = statement.else.length > 0;
  const thenEnds = terminates(statement.then);
  const elseLabel =
    hasElse && statement.then.length > 0 ? context.labels.allocate(`${site.name}.else.${number}`) : undefined;
  const endLabel = !hasElse || !thenEnds ? context.labels.allocate(`${site.name}.end.${number}`) : undefined;

  // Each branch is checked for the platform its guard fixes; both are still written.
  const emitBranch = (branch: readonly ProgramStatement[], holds: boolean) =>
    context.onPlatform(platformFixedBy(statement.condition, holds), () => emitStatements(context, branch, site));

  if (statement.then.length === 0) {
    // Only an else: jump over it when the condition holds.
    emitConditionJump(context, site, statement.condition, true, endLabel!, source);
    emitBranch(statement.else, false);
    writer.label(endLabel!, source);
    return false;
  }
  emitConditionJump(context, site, statement.condition, false, (elseLabel ?? endLabel)!, source);
  emitBranch(statement.then, true);
  if (hasElse) {
    if (!thenEnds) writer.line(`goto ${endLabel}`, source);
    writer.label(elseLabel!, source);
    emitBranch(statement.else, false);
  }
  if (endLabel !== undefined) writer.label(endLabel, source);
  return thenEnds && hasElse && terminates(statement.else);
}

/**
 * Templates joined with single spaces, as one template. Adjacent text is merged on the way, so the
 * result is already in the form routing wants (see `normaliseParts`) and is not copied again.
 */
function joinedWithSpaces(templates: readonly Template[]): Template {
  const parts: TemplatePart[] = [];
  let text = "";
  for (let index = 0; index < templates.length; index++) {
    if (index > 0) text += " ";
    for (const part of templates[index]!) {
      if (part.kind === "text") {
        text += part.value;
        continue;
      }
      if (text !== "") parts.push(new TemplateText(text));
      text = "";
      parts.push(part);
    }
  }
  if (text !== "") parts.push(new TemplateText(text));
  return parts;
}

/** Whether control can never continue after these statements (they end in a `goto` or `exit`). */
function terminates(statements: readonly ProgramStatement[]): boolean {
  return statements.some((s) => {
    switch (s.kind) {
      case "menu":
      case "entry":
      case "back":
      case "exit":
        return true;
      case "when":
        return s.else.length > 0 && terminates(s.then) && terminates(s.else);
      default:
        return false;
    }
  });
}

/** Whether a body loads images, so earlier downloads must be freed first. */
function loadsImages(statements: readonly ProgramStatement[]): boolean {
  return statements.some(
    (s) =>
      s.kind === "kernel" || s.kind === "initrd" || (s.kind === "when" && (loadsImages(s.then) || loadsImages(s.else))),
  );
}
