/**
 * ipxm declarations that nothing uses: constants, settings, entries and menus no other part of the
 * program refers to. Usually what is left after an edit — or a name misspelt at its use.
 *
 * Uses are counted over the whole linted tree. A file linted on its own is judged only when it is an
 * entry point (declares `menu main`): any other file may be imported by files the linter cannot see.
 */
import type { Node, RawIpxeStmt, SymbolInfo } from "@ipxm/core";
import { describeKind, forEachNode } from "@ipxm/core";
import type { IpxmProject } from "../ipxm-project.js";
import { ruleDocsUrl } from "../meta.js";
import { byLanguage, configuredTarget, ipxmLanguageId, type IpxmRule } from "../rule.js";

const name = "no-unused";

const judged = new Set(["const", "setting", "entry", "menu"]);

export const noUnused: IpxmRule = {
  meta: {
    type: "suggestion",
    docs: {
      description: "Disallow constants, settings, entries and menus that nothing uses",
      url: ruleDocsUrl(name),
      recommended: { ipxm: "warn" },
    },
    schema: [],
    messages: {
      unused: '{{kind}} "{{name}}" is never used',
    },
    languages: [ipxmLanguageId],
  },
  create(context) {
    return byLanguage(context, {
      ipxm: (sourceCode) => ({
        "SourceFile:exit"() {
          const project = sourceCode.project(configuredTarget(context));
          const inTree = sourceCode.tree?.ipxmText(sourceCode.path) === sourceCode.text;
          if (!inTree && !project.entryPoints.includes(sourceCode.path)) return;
          const used = project.usedSymbols();
          // A declaration some misspelt reference was meant to name is no-undefined-label's to report.
          const meant = project.meantNames();
          // The first menu of each program is shown without a reference.
          const shown = new Set<number>();
          for (const program of project.programs.values()) {
            const first = program.menus[0];
            if (first?.source.file === sourceCode.path) shown.add(first.source.range.start);
          }
          const facts = programFacts(project);
          const inRawIpxe = (symbol: SymbolInfo) =>
            new RegExp(`\\$\\{(?:[^}/]*/)?${escape(symbol.name)}(?::[^}]*)?\\}`).test(facts.rawText());
          for (const symbol of project.symbolsOf(sourceCode.path)) {
            if (!judged.has(symbol.kind) || used.has(symbol.id)) continue;
            if (meant.has(symbol.name)) continue;
            if (symbol.kind === "menu" && (symbol.name === "main" || shown.has(symbol.nameRange!.start))) continue;
            // A setting may be read by raw iPXE lines, which the checker does not see into.
            if (symbol.kind === "setting" && inRawIpxe(symbol)) continue;
            // `setting memdisk` is where the memdisk action finds its loader.
            if (symbol.kind === "setting" && symbol.name === "memdisk" && facts.usesMemdisk()) continue;
            context.report({
              loc: sourceCode.getLoc({ range: [symbol.nameRange!.start, symbol.nameRange!.end] }),
              messageId: "unused",
              data: { kind: describeKind(symbol.kind), name: symbol.name },
            });
          }
        },
      }),
    });
  },
};

/** What the rule needs to know of the whole program, worked out once per program. */
interface ProgramFacts {
  rawText(): string;
  usesMemdisk(): boolean;
}

const factsByProject = new WeakMap<IpxmProject, ProgramFacts>();

function programFacts(project: IpxmProject): ProgramFacts {
  let facts = factsByProject.get(project);
  if (!facts) {
    let rawText: string | undefined;
    let usesMemdisk: boolean | undefined;
    const files = [...project.workspace.files.values()];
    facts = {
      rawText: () => (rawText ??= files.map((file) => rawIpxeText(file.ast)).join("\n")),
      usesMemdisk: () => (usesMemdisk ??= files.some((file) => containsKind(file.ast, "Memdisk"))),
    };
    factsByProject.set(project, facts);
  }
  return facts;
}

/** Every node of a kind in a file's AST. */
function nodesOfKind(root: Node, kind: string): Node[] {
  const found: Node[] = [];
  forEachNode(root, (node) => {
    if (node.kind === kind) found.push(node);
  });
  return found;
}

function containsKind(root: Node, kind: string): boolean {
  return nodesOfKind(root, kind).length > 0;
}

/** The text of every `ipxe { … }` block in a file. */
function rawIpxeText(root: Node): string {
  return nodesOfKind(root, "RawIpxe")
    .map((node) => (node as RawIpxeStmt).text)
    .join("\n");
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
