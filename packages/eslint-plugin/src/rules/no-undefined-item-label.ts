/**
 * A menu item that its dispatch cannot reach. After `choose setting`, scripts jump to the choice with
 * `goto ${setting}` (or `goto prefix${setting}`): every item name must then have a label, or the
 * `goto` fails — and only when the user picks that item (netboot.xyz#1567: item `5`, label `:6`).
 * When the dispatch falls back to `chain ${setting}.ipxe`, a script of that name does as well.
 */
import { closestName } from "@ipxm/core";
import type { CommandNode, LineNode } from "../languages/ipxe/ast.js";
import { positionalWords, singleExpansion, type DispatchModel, type ItemModel } from "../languages/ipxe/model.js";
import type { IpxeSourceCode } from "../languages/ipxe/source-code.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, ipxeLanguageId, type IpxmRule } from "../rule.js";
import { isStaticRelative, scriptPresent } from "./paths.js";

const name = "no-undefined-item-label";

/**
 * The `chain` a dispatch falls back to when it has no label for the choice: the first `chain` of a
 * name made from the setting after the `goto` (on its line, on the next one, or further on as in
 * netboot.xyz's `goto ${menu} ||` + `… goto change_menu` + `:change_menu chain ${menu}.ipxe`),
 * before the setting is chosen again. None when the `goto` has no `||` (its failure ends the script).
 */
function fallbackOf(
  dispatch: DispatchModel,
  lines: readonly LineNode[],
  lineIndex: ReadonlyMap<LineNode, number>,
): CommandNode | undefined {
  if (dispatch.goto.command.terminator?.kind !== "||") return undefined;
  const start = lineIndex.get(dispatch.goto.line)!;
  for (let index = start; index < lines.length; index++) {
    for (const command of lines[index]!.commands) {
      if (index === start && command.index <= dispatch.goto.command.index) continue;
      const canonical = command.parsed.ok ? command.parsed.command?.canonical : undefined;
      if (canonical === "choose" && positionalWords(command)[0]?.text === dispatch.setting) return undefined;
      if (canonical !== "imgexec") continue;
      const uri = positionalWords(command)[0];
      if (uri && singleExpansion(uri.text)?.setting === dispatch.setting) return command;
    }
  }
  return undefined;
}

/** For a fallback `chain ${setting}.ipxe`: the script an item's name leads to. */
function chainedScript(fallback: CommandNode | undefined, setting: string, item: string, sourceCode: IpxeSourceCode) {
  if (!fallback?.parsed.ok || fallback.parsed.command?.canonical !== "imgexec") return undefined;
  const uri = positionalWords(fallback)[0];
  const pattern = uri && singleExpansion(uri.text);
  if (!pattern || pattern.setting !== setting) return undefined;
  const reference = `${pattern.prefix}${item}${pattern.suffix}`;
  return isStaticRelative(reference) ? { reference, resolved: sourceCode.resolveRelative(reference) } : undefined;
}

export const noUndefinedItemLabel: IpxmRule = {
  meta: {
    type: "problem",
    docs: {
      description: "Require a label for every item that a `goto ${choice}` dispatches",
      url: ruleDocsUrl(name),
      recommended: { ipxe: "error" },
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      missingLabel:
        'item "{{item}}" is dispatched by "goto {{target}}" on line {{line}}, but there is no label ":{{label}}"; picking it fails with "No such file or directory"',
      missingLabelOrScript:
        'item "{{item}}" is dispatched by "goto {{target}}" on line {{line}}, but there is no label ":{{label}}" and no script "{{script}}" in the linted tree',
      rename: 'Rename the item to "{{suggestion}}", which has a label',
    },
    languages: [ipxeLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxe: (sourceCode) => ({
        "Script:exit"() {
          const { labels, dispatches } = sourceCode.model;
          const lines = sourceCode.ast.lines;
          const lineIndex = new Map(lines.map((line, index) => [line, index]));
          const reported = new Set<ItemModel>();
          for (const dispatch of dispatches) {
            const menu = dispatch.choose.menu;
            if (!menu) continue;
            const fallback = fallbackOf(dispatch, lines, lineIndex);
            const line = sourceCode.getLoc(dispatch.goto.command).start.line;
            for (const item of menu.items) {
              if (item.gap || item.name === undefined || reported.has(item)) continue;
              const label = `${dispatch.prefix}${item.name}${dispatch.suffix}`;
              if (labels.has(label)) continue;
              const script = chainedScript(fallback, dispatch.setting, item.name, sourceCode);
              if (script !== undefined && scriptPresent(sourceCode.tree, script.resolved) !== false) continue;
              reported.add(item);
              const candidates = [...labels.keys()]
                .filter((candidate) => candidate.startsWith(dispatch.prefix) && candidate.endsWith(dispatch.suffix))
                .map((candidate) => candidate.slice(dispatch.prefix.length, candidate.length - dispatch.suffix.length))
                .filter((candidate) => candidate.length > 0);
              const suggestion = closestName(item.name, candidates);
              const data = {
                item: item.name,
                target: dispatch.goto.target,
                line: String(line),
                label,
                script: script?.reference ?? "",
              };
              context.report({
                node: item.nameWord!,
                messageId: script === undefined ? "missingLabel" : "missingLabelOrScript",
                data,
                ...(suggestion !== undefined
                  ? {
                      suggest: [
                        {
                          messageId: "rename",
                          data: { suggestion },
                          fix: (fixer) => fixer.replaceText(item.nameWord!, suggestion),
                        },
                      ],
                    }
                  : {}),
              });
            }
          }
        },
      }),
    });
  },
};
