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
  for (const character of text) {
    const code = character.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
