/**
 * @ipxm/prettier-plugin: Prettier formats `.ipxm` menus and plain `.ipxe` scripts with it.
 *
 *   prettier --plugin @ipxm/prettier-plugin --write "menus/**\/*.ipxm"
 *
 * or `"plugins": ["@ipxm/prettier-plugin"]` in a Prettier config. `ipxm fmt` uses the same plugin.
 * The layout is documented in docs/formatting.md.
 */
import type { Node } from "@ipxm/core";
import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import { canAttachComment, handleComments, hasPrettierIgnore, isBlockComment, printComment } from "./ipxm/comments.js";
import { childKeys } from "./ipxm/nodes.js";
import { locEnd, locStart, parseIpxm } from "./ipxm/parse.js";
import { printIpxm } from "./ipxm/print.js";
import { parseIpxe, type IpxeNode } from "./ipxe/parse.js";
import { printIpxe } from "./ipxe/print.js";
import { options } from "./options.js";

export { FormatSyntaxError, isFormatSyntaxError } from "./syntax-error.js";
export type { IpxmFormatOptions } from "./options.js";
export { options };

export const languages: SupportLanguage[] = [
  { name: "ipxm", parsers: ["ipxm"], extensions: [".ipxm"], vscodeLanguageIds: ["ipxm"] },
  { name: "iPXE", parsers: ["ipxe"], extensions: [".ipxe"], vscodeLanguageIds: ["ipxe"] },
];

export const parsers: Record<"ipxm" | "ipxe", Parser> = {
  ipxm: { parse: parseIpxm, astFormat: "ipxm-ast", locStart, locEnd },
  ipxe: {
    parse: parseIpxe,
    astFormat: "ipxe-ast",
    locStart: (node: IpxeNode) => node.range.start,
    locEnd: (node: IpxeNode) => node.range.end,
  },
};

export const printers: Record<"ipxm-ast" | "ipxe-ast", Printer> = {
  "ipxm-ast": {
    print: printIpxm as Printer["print"],
    getVisitorKeys: (node) => childKeys(node as Node) as string[],
    canAttachComment,
    isBlockComment,
    printComment,
    handleComments,
    hasPrettierIgnore,
  } as Printer,
  "ipxe-ast": {
    print: printIpxe as Printer["print"],
    getVisitorKeys: (node) => ((node as IpxeNode).kind === "IpxeScript" ? ["lines"] : []),
  } as Printer,
};

/** The plugin as one object, for `plugins: [plugin]` in Prettier's API. */
const plugin: Plugin = { languages, parsers, printers, options };
export default plugin;
