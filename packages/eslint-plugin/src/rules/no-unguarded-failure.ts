/**
 * A command that can fail, on a line that does not handle its failure. iPXE ends the whole script
 * when a line ends with a failure, so `iseq ${a} b && set x y` aborts whenever the test is false
 * (boot.rackspace.com's "Fixing #22"). `choose` (Esc) and `goto` to a missing label have rules of
 * their own.
 */
import type { RuleTextEdit, RuleTextEditor } from "@eslint/core";
import type { CommandNode, LineNode } from "../languages/ipxe/ast.js";
import { scriptFacts, uncaughtFailures } from "../languages/ipxe/flow.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";

const name = "no-unguarded-failure";

/** Why each kind of command fails, for the message. */
function failureReason(command: CommandNode): string {
  const spec = command.parsed.command!;
  if (spec.condition) return "its test is false";
  if (spec.canonical === "goto") return "the label may not exist";
  if (["imgfetch", "imgselect", "imgexec", "imgverify", "sanboot", "sanhook", "shim", "fdt"].includes(spec.canonical)) {
    return "the download or boot can fail";
  }
  if (["prompt", "read", "login", "present"].includes(spec.canonical)) return "the user can cancel it";
  if (["ifconf", "autoboot", "pxebs", "ntp", "iflinkwait"].includes(spec.canonical)) {
    return "the network can fail";
  }
  return "it can fail";
}

/** `|| ` at the end of the line's commands, or a trailing `&&` turned into `||`. */
function guardLine(line: LineNode, fixer: RuleTextEditor): RuleTextEdit {
  const commands = line.commands;
  const last = commands[commands.length - 1]!;
  const before = commands[commands.length - 2];
  if (last.words.length === 0 && before?.terminator?.kind === "&&") {
    return fixer.replaceTextRange(before.terminator.range, "||");
  }
  const end = last.words.length === 0 && before?.terminator ? before.terminator.range[1] : last.range[1];
  return fixer.insertTextAfterRange([end, end], " ||");
}

export const noUnguardedFailure: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Require a `||` fallback on lines whose commands can fail, which would otherwise end the script",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "warn" },
    },
    fixable: "code",
    hasSuggestions: true,
    schema: [
      {
        type: "object",
        properties: {
          ignore: { type: "array", items: { type: "string" }, uniqueItems: true },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignore: [] }],
    messages: {
      unguarded:
        '"{{command}}" fails when {{reason}}, and nothing on this line handles that, so iPXE ends the script here; end the line with "||" or a fallback such as "|| goto error"',
      guard: 'Ignore the failure: end the line with "||"',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    const [{ ignore }] = context.options as [{ ignore: string[] }];
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const model = sourceCode.model;
          const facts = scriptFacts(model);
          for (const line of sourceCode.ast.lines) {
            const failures = uncaughtFailures(line, facts).filter((command) => {
              const canonical = command.parsed.command!.canonical;
              // Esc on `choose` is no-escape-abort's; a missing static label is no-undefined-label's.
              if (canonical === "choose") return false;
              if (canonical === "goto" && !command.parsed.positionals[0]!.includes("${")) return false;
              return !ignore.includes(command.name) && !ignore.includes(canonical);
            });
            failures.forEach((command, index) => {
              // A test that is false is the common case, so the guard is what the author meant.
              const isTest = command.parsed.command!.condition;
              const fix = (fixer: RuleTextEditor) => guardLine(line, fixer);
              context.report({
                node: command,
                messageId: "unguarded",
                data: { command: command.name, reason: failureReason(command) },
                ...(index > 0 ? {} : isTest ? { fix } : { suggest: [{ messageId: "guard", fix }] }),
              });
            });
          }
        },
      }),
    });
  },
};
