/**
 * ipxm declarations that nothing uses: constants, settings, entries and menus no other part of the
 * program refers to. Usually what is left after an edit — or a name misspelt at its use.
 *
 * Uses are counted over the whole linted tree. A file linted on its own is judged only when it is an
 * entry point (declares `menu main`): any other file may be imported by files the linter cannot see.
 */
import type { Node, RawIpxeStmt, SourceFileNode, SymbolInfo } from "@ipxm/core";
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
      ipxm: (sourceCode) => {
        // What this file holds is seen on ESLint's own walk; other files' are worked out once per parse.
        const own: FileFacts = { rawText: [], usesMemdisk: false };
        return {
          RawIpxe(node: RawIpxeStmt) {
            own.rawText.push(node.text);
          },
          Memdisk() {
            own.usesMemdisk = true;
          },
          "SourceFile:exit"(root: SourceFileNode) {
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
              if (first?.source.file === sourceCode.path) shown.add(first.source.start);
            }
            const facts = programFacts(project, root, own);
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
        };
      },
    });
  },
};

/** What the rule needs to know of one file. */
interface FileFacts {
  /** The text of each `ipxe { … }` block. */
  readonly rawText: string[];
  usesMemdisk: boolean;
}

const factsByFile = new WeakMap<SourceFileNode, FileFacts>();

function fileFacts(root: SourceFileNode): FileFacts {
  let facts = factsByFile.get(root);
  if (!facts) {
    const found: FileFacts = { rawText: [], usesMemdisk: false };
    forEachNode(root, (node: Node) => {
      if (node.kind === "RawIpxe") found.rawText.push((node as RawIpxeStmt).text);
      else if (node.kind === "Memdisk") found.usesMemdisk = true;
    });
    factsByFile.set(root, found);
    facts = found;
  }
  return facts;
}

/**
 * The facts of every file of the program, gathered when first asked (only an unused setting asks);
 * the file being linted brings its own.
 */
function programFacts(project: IpxmProject, lintedRoot: SourceFileNode, linted: FileFacts): ProgramFacts {
  let files: FileFacts[] | undefined;
  const all = () =>
    (files ??= [...project.workspace.files.values()].map((file) =>
      file.ast === lintedRoot ? linted : fileFacts(file.ast),
    ));
  let rawText: string | undefined;
  return {
    rawText: () =>
      (rawText ??= all()
        .flatMap((facts) => facts.rawText)
        .join("\n")),
    usesMemdisk: () => all().some((facts) => facts.usesMemdisk),
  };
}

/** What the rule needs to know of the whole program. */
interface ProgramFacts {
  rawText(): string;
  usesMemdisk(): boolean;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
}
