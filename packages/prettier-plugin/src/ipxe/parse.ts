/**
 * The `.ipxe` parser for Prettier: iPXE's own reading of the script (logical lines, labels,
 * commands, terminators, comments, continuations), from @ipxm/ipxe. Every text is a valid script to
 * iPXE, so this parser never fails.
 */
import { tokenizeScript, type HeaderCheck, type LogicalLine } from "@ipxm/ipxe";

export interface IpxeLineNode {
  readonly kind: "IpxeLine";
  readonly range: { readonly start: number; readonly end: number };
  readonly line: LogicalLine;
}

export interface IpxeScriptNode {
  readonly kind: "IpxeScript";
  readonly range: { readonly start: number; readonly end: number };
  readonly header: HeaderCheck;
  readonly lines: readonly IpxeLineNode[];
}

export type IpxeNode = IpxeScriptNode | IpxeLineNode;

export function parseIpxe(text: string): IpxeScriptNode {
  const script = tokenizeScript(text);
  return {
    kind: "IpxeScript",
    range: { start: 0, end: text.length },
    header: script.header,
    lines: script.lines.map((line) => ({ kind: "IpxeLine", range: { start: line.start, end: line.end }, line })),
  };
}
