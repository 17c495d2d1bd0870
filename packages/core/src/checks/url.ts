/**
 * `invalid-url`: a url position (kernel, initrd, chain, sanboot, memdisk, url settings and
 * parameters) whose value does not start with a scheme iPXE knows or with an interpolated url.
 * When the start is a compile-time value the check waits for elaboration, which knows it.
 */
import type { Expression } from "../ast.js";
import type { Template } from "../program.js";
import type { CheckContext, ExprInfo, Rule } from "./rule.js";

export const urlSchemes = ["http://", "https://", "tftp://", "ftp://", "nfs://", "file:"] as const;

export function startsWithScheme(text: string): boolean {
  const lower = text.toLowerCase();
  return urlSchemes.some((scheme) => lower.startsWith(scheme));
}

const schemeList = "http://, https://, tftp://, ftp://, nfs:// or file:";

export function invalidUrlMessage(start: string): string {
  const shown = start.length > 40 ? `${start.slice(0, 40)}…` : start;
  if (start === "")
    return `a url cannot be empty: it starts with ${schemeList}, or with an interpolated url such as "\${mirror}/…"`;
  return `"${shown}" is not a url: a url starts with ${schemeList}, or with an interpolated url such as "\${mirror}/…"`;
}

export function notUrlSettingMessage(reference: string): string {
  return `a url must start with ${schemeList} or with a url setting; "\${${reference}}" is not a url setting (declare \`setting ${reference}: url\` or write the scheme first)`;
}

/**
 * The problem with a finished template in a url position, or undefined when it is a url.
 * `isUrlSetting` says whether a setting reference holds a url.
 */
export function urlTemplateProblem(
  template: Template,
  isUrlSetting: (reference: string) => boolean,
): string | undefined {
  const first = template[0];
  if (!first) return invalidUrlMessage("");
  if (first.kind === "text") return startsWithScheme(first.value) ? undefined : invalidUrlMessage(first.value);
  return isUrlSetting(first.reference) ? undefined : notUrlSettingMessage(first.reference);
}

type Verdict =
  { readonly kind: "ok" } | { readonly kind: "defer" } | { readonly kind: "bad"; readonly message: string };

const ok: Verdict = { kind: "ok" };
const defer: Verdict = { kind: "defer" };

function verdict(expression: Expression, info: ExprInfo, context: CheckContext): Verdict {
  if (info.type.kind === "error" || info.type.kind === "url") return ok;
  if (info.type.kind === "any") return defer;
  switch (expression.kind) {
    case "String": {
      const first = expression.parts[0];
      if (!first) return { kind: "bad", message: invalidUrlMessage("") };
      if (first.kind === "Text") {
        return startsWithScheme(first.value) ? ok : { kind: "bad", message: invalidUrlMessage(first.value) };
      }
      const part = context.infoOf(first);
      if (!part || part.type.kind === "url" || part.type.kind === "error") return ok;
      if (first.scope !== undefined || first.format !== undefined || part.stage === "runtime") {
        const reference = `${first.scope !== undefined ? `${first.scope}/` : ""}${first.name.name}${first.format !== undefined ? `:${first.format}` : ""}`;
        return { kind: "bad", message: notUrlSettingMessage(reference) };
      }
      return defer;
    }
    case "Name":
    case "Member":
      if (info.stage !== "runtime") return defer;
      return { kind: "bad", message: notUrlSettingMessage(expression.kind === "Name" ? expression.name.name : "…") };
    default:
      return ok;
  }
}

export const urlRule: Rule = {
  url(expression, info, context) {
    const result = verdict(expression, info, context);
    if (result.kind === "defer") context.deferUrl(expression);
    else if (result.kind === "bad") context.report("invalid-url", result.message, expression);
  },
};
