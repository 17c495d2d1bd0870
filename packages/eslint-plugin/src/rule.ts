/**
 * The shape of an ipxm lint rule, and helpers every rule uses: which language a file is in, which
 * target profile applies, and how a core diagnostic becomes an ESLint report.
 */
import type { RuleContext, RuleDefinition, RulesMeta, RuleVisitor, SourceRange } from "@eslint/core";
import type { Diagnostic, DiagnosticCode } from "@ipxm/core";
import { defaultProfileName, getProfile, type TargetProfile } from "@ipxm/ipxe";
import type { IpxmLanguageOptions } from "./languages/options.js";
import { IpxeSourceCode } from "./languages/ipxe/source-code.js";
import { IpxmSourceCode } from "./languages/ipxm/source-code.js";

export const ipxeLanguageId = "ipxm/ipxe";
export const ipxmLanguageId = "ipxm/ipxm";
export type LanguageId = typeof ipxeLanguageId | typeof ipxmLanguageId;

export type Severity = "error" | "warn";

/** The severity a rule has in the `recommended` config of each language it supports. */
export type Recommended = Partial<Record<"ipxe" | "ipxm", Severity>>;

export type IpxmRuleContext = RuleContext<{
  LangOptions: IpxmLanguageOptions;
  Code: IpxeSourceCode | IpxmSourceCode;
  RuleOptions: unknown[];
  Node: object;
  MessageIds: string;
}>;

export interface IpxmRuleMeta extends RulesMeta<string, unknown[], { recommended: Recommended }> {
  readonly languages: LanguageId[];
  readonly docs: { description: string; url: string; recommended: Recommended };
}

export interface IpxmRule extends RuleDefinition<{
  LangOptions: IpxmLanguageOptions;
  Code: IpxeSourceCode | IpxmSourceCode;
  RuleOptions: unknown[];
  Visitor: RuleVisitor;
  Node: object;
  MessageIds: string;
  ExtRuleDocs: { recommended: Recommended };
}> {
  meta: IpxmRuleMeta;
  create(context: IpxmRuleContext): RuleVisitor;
}

/** Runs the visitor for the file's language; a rule that lacks one for it does nothing. */
export function byLanguage(
  context: IpxmRuleContext,
  visitors: {
    ipxe?: (sourceCode: IpxeSourceCode) => RuleVisitor;
    ipxm?: (sourceCode: IpxmSourceCode) => RuleVisitor;
  },
): RuleVisitor {
  const sourceCode = context.sourceCode;
  if (sourceCode instanceof IpxeSourceCode) return visitors.ipxe?.(sourceCode) ?? {};
  if (sourceCode instanceof IpxmSourceCode) return visitors.ipxm?.(sourceCode) ?? {};
  return {};
}

/** The schema of a rule option naming a target profile. */
export const targetOptionSchema = {
  type: "string",
  description: "iPXE build profile (see @ipxm/ipxe profiles); overrides settings.ipxm.target",
} as const;

/** The target named for this rule: its `target` option, else `settings.ipxm.target`; undefined when neither. */
export function configuredTarget(context: IpxmRuleContext, option?: string): string | undefined {
  if (option !== undefined) return option;
  const settings = context.settings["ipxm"] as { target?: unknown } | undefined;
  return typeof settings?.target === "string" ? settings.target : undefined;
}

/** The profile of a configured target, or of the default; undefined for an unknown name. */
export function profileFor(target: string | undefined): TargetProfile | undefined {
  return getProfile(target ?? defaultProfileName);
}

/** The ipxm diagnostics of this file with one of `codes`, for the target configured. */
export function coreDiagnostics(
  context: IpxmRuleContext,
  sourceCode: IpxmSourceCode,
  codes: readonly DiagnosticCode[],
  target: string | undefined = configuredTarget(context),
): Diagnostic[] {
  // An unknown target is the target rule's to report; elaborate with each file's own meanwhile.
  const usable = target !== undefined && getProfile(target) ? target : undefined;
  return sourceCode.diagnostics(usable).filter((diagnostic) => (codes as readonly string[]).includes(diagnostic.code));
}

/** Reports a core diagnostic as it stands: its message, its range, its fix as a suggestion. */
export function reportDiagnostic(
  context: IpxmRuleContext,
  sourceCode: IpxmSourceCode,
  diagnostic: Diagnostic,
  options: { showCode?: boolean } = {},
): void {
  const loc = {
    start: sourceCode.getLocFromIndex(diagnostic.range.start),
    end: sourceCode.getLocFromIndex(diagnostic.range.end),
  };
  const fix = diagnostic.fix;
  const edits = fix?.edits.filter((edit) => edit.file === undefined || edit.file === diagnostic.file) ?? [];
  context.report({
    loc,
    messageId: "core",
    data: { message: options.showCode ? `${diagnostic.message} (${diagnostic.code})` : diagnostic.message },
    ...(fix && edits.length === fix.edits.length && edits.length > 0
      ? {
          suggest: [
            {
              messageId: "coreFix",
              data: { description: fix.description },
              fix: (fixer) =>
                edits.map((edit) =>
                  fixer.replaceTextRange([edit.range.start, edit.range.end] as SourceRange, edit.newText),
                ),
            },
          ],
        }
      : {}),
  });
}

/** Messages every rule that surfaces core diagnostics declares. */
export const coreMessages = {
  core: "{{message}}",
  coreFix: "{{description}}",
} as const;
