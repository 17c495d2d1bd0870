/**
 * Symbols (everything a name can stand for) and references (every place a name is used). The
 * editor tooling builds go-to-definition, find-references and rename on these two lists.
 */
import type { Identifier, Node } from "./ast.js";
import type { Range } from "./source.js";
import { Types, type Type } from "./types.js";

export type SymbolKind =
  | "menu"
  | "entry"
  | "const"
  | "setting"
  | "builtin-setting"
  | "param"
  | "loop-variable"
  /** An item with an explicit id (`item local "…"`), the target of `default local`. */
  | "item";

export interface SymbolInfo {
  /** Unique: `file#offset` of the declaring name, or `builtin:name`. */
  readonly id: string;
  readonly name: string;
  readonly kind: SymbolKind;
  /** Declaring file; absent only for built-in settings. */
  readonly file?: string;
  /** Range of the declaring name; absent only for built-in settings. */
  readonly nameRange?: Range;
  /** The declaring node: MenuDecl, EntryDecl, ConstDecl, SettingDecl, Param, ForNode or ItemNode. */
  readonly node?: Node;
  /** The value's type (inferred for constants without one). */
  readonly type: Type;
  /** The entry of a parameter, the menu of an item. */
  readonly container?: SymbolInfo;
}

export interface ReferenceInfo {
  /** `name`: a menu, entry, constant, setting, parameter or loop variable; `item`: a `default` item id. */
  readonly kind: "name" | "item";
  readonly file: string;
  /**
   * Range of the name as written (inside `${…}` only the name, without `${`, scope or format): the
   * Identifier node itself, which is a Range. There is one reference per name read in the
   * workspace, so none of them copies its offsets.
   */
  readonly range: Range;
  readonly name: string;
  /** What the name resolves to; undefined when it resolves to nothing (or to an item made from text). */
  readonly target?: SymbolInfo;
}

/** A name's meaning: a symbol, or an enum literal such as `efi` (which no declaration shadows). */
export type Resolution =
  | { readonly kind: "symbol"; readonly symbol: SymbolInfo }
  | { readonly kind: "enum"; readonly type: "arch" | "platform"; readonly value: string };

export function symbolId(file: string, name: Identifier): string {
  return `${file}#${name.start}`;
}

const builtinSettingTypes: ReadonlyArray<readonly [string, Type]> = [
  ["platform", Types.platform],
  ["buildarch", Types.arch],
  ["arch", Types.arch],
  ...[
    "mac",
    "ip",
    "netmask",
    "gateway",
    "dns",
    "hostname",
    "uuid",
    "manufacturer",
    "product",
    "serial",
    "asset",
    "version",
    "next-server",
    "dhcp-server",
    "filename",
    "errno",
  ].map((name) => [name, Types.string] as const),
];

/** iPXE's own settings: readable everywhere without a declaration, never written by a script. */
export const builtinSettings: ReadonlyMap<string, SymbolInfo> = new Map(
  builtinSettingTypes.map(([name, type]) => [name, { id: `builtin:${name}`, name, kind: "builtin-setting", type }]),
);

/** Human names of symbol kinds, for messages. */
export function describeKind(kind: SymbolKind): string {
  switch (kind) {
    case "builtin-setting":
      return "built-in iPXE setting";
    case "loop-variable":
      return "loop variable";
    case "param":
      return "parameter";
    case "const":
      return "constant";
    default:
      return kind;
  }
}

/** `a menu`, `an entry`. */
export function withArticle(text: string): string {
  return /^[aeiou]/.test(text) ? `an ${text}` : `a ${text}`;
}
