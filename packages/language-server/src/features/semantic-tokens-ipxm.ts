/**
 * Semantic tokens of an `.ipxm` file. A name is coloured by what it stands for, as the checker
 * resolved it (a menu called `boot` is a menu, not the keyword); declarations by where they stand.
 * Keywords, strings and comments are the grammar's: they need no analysis.
 */
import {
  forEachNode,
  memdiskModes,
  typeNames,
  type Analysis,
  type Identifier,
  type Interpolation,
  type ParsedFile,
  type RawIpxeStmt,
  type SymbolKind,
  type TypeRef,
} from "@ipxm/core";
import { ipxeLineTokens, rawIpxeLines } from "./semantic-tokens-ipxe.js";
import type { TokenList, TokenModifier, TokenType } from "./semantic-tokens-list.js";

type Style = readonly [TokenType, readonly TokenModifier[]];

const symbolStyles: Readonly<Partial<Record<SymbolKind, Style>>> = {
  menu: ["enum", []],
  entry: ["function", []],
  const: ["variable", ["readonly"]],
  setting: ["variable", []],
  "builtin-setting": ["variable", ["readonly", "defaultLibrary"]],
  param: ["parameter", ["readonly"]],
  "loop-variable": ["variable", ["readonly"]],
  item: ["enumMember", []],
};

/** Names whose place says what they are: declarations, and names no resolution covers. */
const placeStyles: Readonly<Record<string, Style>> = {
  "Menu.name": ["enum", ["declaration"]],
  "Entry.name": ["function", ["declaration"]],
  "Const.name": ["variable", ["declaration", "readonly"]],
  "Setting.name": ["variable", ["declaration"]],
  "Param.name": ["parameter", ["declaration", "readonly"]],
  "For.variable": ["variable", ["declaration", "readonly"]],
  "Item.id": ["enumMember", ["declaration"]],
  "Field.name": ["property", ["declaration"]],
  "Member.member": ["property", []],
  "Interpolation.members": ["property", []],
  "Default.item": ["enumMember", []],
  // Unresolved (a misspelt menu), but still plainly a menu or an entry.
  "OpenMenu.menu": ["enum", []],
  "BootEntry.entry": ["function", []],
};

/** Names that `set` and `prompt` write. */
const writtenPlaces = new Set(["Set.setting", "Prompt.setting"]);

const knownTypes = new Set<string>(typeNames);
const knownModes = new Set<string>(memdiskModes);

export function ipxmTokens(file: ParsedFile, analysis: Analysis, tokens: TokenList): void {
  const text = file.source.text;
  forEachNode(file.ast, (node, parent, key) => {
    switch (node.kind) {
      case "Identifier":
        identifier(node as Identifier, parent ? `${parent.kind}.${key}` : "", file.path, analysis, tokens);
        break;
      case "Int":
      case "Duration":
        tokens.add(node.start, node.end, "number");
        break;
      case "TypeRef":
        tokens.add(node.start, node.end, "type", knownTypes.has((node as TypeRef).name) ? ["defaultLibrary"] : []);
        break;
      case "Interpolation":
        interpolation(node as Interpolation, text, tokens);
        break;
      case "RawIpxe": {
        const raw = node as RawIpxeStmt;
        if (typeof raw.text === "string") ipxeLineTokens(rawIpxeLines(raw.text), raw.text, raw.textOffset, tokens);
        break;
      }
      default:
        break;
    }
  });
}

function identifier(name: Identifier, place: string, path: string, analysis: Analysis, tokens: TokenList): void {
  const { start, end } = name;
  const resolution = analysis.resolutions.get(path, name);
  if (resolution?.kind === "enum") {
    tokens.add(start, end, "enumMember", ["readonly", "defaultLibrary"]);
    return;
  }
  if (resolution?.kind === "symbol") {
    const style = symbolStyles[resolution.symbol.kind];
    if (!style) return;
    const [type, modifiers] = style;
    tokens.add(start, end, type, writtenPlaces.has(place) ? [...modifiers, "modification"] : modifiers);
    return;
  }
  if (place === "Memdisk.mode") {
    if (knownModes.has(name.name)) tokens.add(start, end, "enumMember", ["readonly", "defaultLibrary"]);
    return;
  }
  const style = placeStyles[place];
  if (style) tokens.add(start, end, style[0], style[1]);
}

/** `${net0/mac:hexhyp}`: the scope as a namespace and the format as a type; the names are walked. */
function interpolation(part: Interpolation, text: string, tokens: TokenList): void {
  if (!part.name) return;
  if (part.scope !== undefined) {
    const scopeStart = part.start + 2;
    if (text.slice(scopeStart, scopeStart + part.scope.length) === part.scope) {
      tokens.add(scopeStart, scopeStart + part.scope.length, "namespace");
    }
  }
  if (part.format !== undefined) {
    const formatEnd = part.end - 1;
    const formatStart = formatEnd - part.format.length;
    if (text[formatStart - 1] === ":" && text.slice(formatStart, formatEnd) === part.format) {
      tokens.add(formatStart, formatEnd, "type", ["defaultLibrary"]);
    }
  }
}
