/**
 * `ipxm/ipxm`: menus written in ipxm. Parsing is core's parser; a file that does not parse is one
 * fatal message per syntax problem, and no rule runs on it.
 */
import type { File, FileError, Language, LanguageContext, NotOkParseResult, OkParseResult } from "@eslint/core";
import { parse, SourceText, type Comment, type DiagnosticCode, type SourceFileNode } from "@ipxm/core";
import { validateTreeOption, type IpxmLanguageOptions } from "../options.js";
import { IpxmSourceCode } from "./source-code.js";
import { astChildKeys as ipxmVisitorKeys } from "@ipxm/core";

export type IpxmFileLanguageOptions = IpxmLanguageOptions;

export interface IpxmParseResult extends OkParseResult<SourceFileNode> {
  readonly comments: readonly Comment[];
}

function bodyText(file: File): string {
  return typeof file.body === "string" ? file.body : new TextDecoder().decode(file.body);
}

/** The codes of problems that stop a file from parsing: what the parser itself reports. */
const syntaxCodes: ReadonlySet<string> = new Set<DiagnosticCode>([
  "invalid-character",
  "unterminated-string",
  "unterminated-comment",
  "unterminated-raw-block",
  "invalid-escape",
  "invalid-interpolation",
  "syntax-error",
]);

export const ipxmLanguage = {
  fileType: "text",
  lineStart: 1,
  columnStart: 1,
  nodeTypeKey: "kind",
  visitorKeys: Object.fromEntries(Object.entries(ipxmVisitorKeys).map(([key, value]) => [key, [...value]])),
  defaultLanguageOptions: {},

  validateLanguageOptions(options: IpxmFileLanguageOptions): void {
    validateTreeOption(options);
  },

  parse(file: File, context: LanguageContext<IpxmFileLanguageOptions>): IpxmParseResult | NotOkParseResult {
    const text = bodyText(file);
    // The tree has usually parsed this very text already (with its imports); its parse is reused.
    const shared = file.bom ? undefined : context.languageOptions.tree?.ipxmFile(file.path, text);
    const parsed = shared ?? parse(text, file.path);
    const errors = parsed.diagnostics.filter((diagnostic) => syntaxCodes.has(diagnostic.code));
    if (errors.length > 0) {
      const source = new SourceText(file.path, text);
      return {
        ok: false,
        errors: errors.map((diagnostic): FileError => {
          const { line, column } = source.positionAt(diagnostic.range.start);
          return { message: `${diagnostic.message} (${diagnostic.code})`, line, column };
        }),
      };
    }
    return { ok: true, ast: parsed.ast, comments: parsed.comments };
  },

  createSourceCode(
    file: File,
    result: OkParseResult<SourceFileNode>,
    context: LanguageContext<IpxmFileLanguageOptions>,
  ): IpxmSourceCode {
    const tree = context.languageOptions.tree;
    return new IpxmSourceCode({
      text: bodyText(file),
      ast: result.ast,
      comments: (result as IpxmParseResult).comments,
      path: file.path,
      ...(tree ? { tree } : {}),
    });
  },
} satisfies Language<{
  LangOptions: IpxmFileLanguageOptions;
  Code: IpxmSourceCode;
  RootNode: SourceFileNode;
  Node: object;
}>;
