/** The menus an ipxm file declares, as elaboration made them (rows expanded from `for` and `if`). */
import type { ProgramMenu, Template } from "@ipxm/core";
import type { IpxmSourceCode } from "../languages/ipxm/source-code.js";

/** Each menu declared in this file and reached by some entry point, once (the first program's). */
export function elaboratedMenus(sourceCode: IpxmSourceCode, target: string | undefined): readonly ProgramMenu[] {
  return sourceCode.project(target).menusOf(sourceCode.path);
}

/** The bytes of a template's literal text; settings count as nothing (their length is not known). */
export function literalBytes(template: Template): number {
  let bytes = 0;
  for (const part of template) if (part.kind === "text") bytes += utf8Length(part.value);
  return bytes;
}

export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (isSurrogatePair(text, i)) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isSurrogatePair(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}
