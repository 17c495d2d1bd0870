/**
 * The outline of an `.ipxm` file: its menus with their items and gaps, its entries with their
 * parameters, its constants and settings. Items made by `for`, `if` and `when` blocks are listed
 * among the menu's other items, since that is where they appear on the screen.
 */
import {
  forEachMenuMember,
  formatType,
  symbolId,
  unquotedRange,
  type Analysis,
  type ConstDecl,
  type EntryDecl,
  type Expression,
  type MenuDecl,
  type MenuMember,
  type ParsedFile,
  type Range as CoreRange,
  type SettingDecl,
} from "@ipxm/core";
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { documentSymbol } from "./symbols-shared.js";

/** What a declaration is called in the outline and in workspace symbols. */
export const ipxmSymbolKinds = {
  menu: SymbolKind.Enum,
  item: SymbolKind.EnumMember,
  gap: SymbolKind.String,
  entry: SymbolKind.Function,
  param: SymbolKind.Variable,
  const: SymbolKind.Constant,
  setting: SymbolKind.Variable,
} as const;

export function ipxmDocumentSymbols(file: ParsedFile, analysis: Analysis, lines: TextDocument): DocumentSymbol[] {
  const outline = new IpxmOutline(file, analysis, lines);
  const symbols: DocumentSymbol[] = [];
  for (const declaration of file.ast.declarations ?? []) {
    if (!declaration) continue;
    switch (declaration.kind) {
      case "Menu":
        symbols.push(outline.menu(declaration));
        break;
      case "Entry":
        symbols.push(outline.entry(declaration));
        break;
      case "Const":
        symbols.push(outline.constant(declaration));
        break;
      case "Setting":
        symbols.push(outline.setting(declaration));
        break;
      default:
        break;
    }
  }
  return symbols;
}

class IpxmOutline {
  private readonly text: string;

  constructor(
    private readonly file: ParsedFile,
    private readonly analysis: Analysis,
    private readonly lines: TextDocument,
  ) {
    this.text = file.source.text;
  }

  menu(menu: MenuDecl): DocumentSymbol {
    const children: DocumentSymbol[] = [];
    const details: string[] = [];
    this.members(menu.body, children, details);
    return this.symbol(
      menu.name?.name,
      ipxmSymbolKinds.menu,
      menu,
      menu.name,
      details.join(", ") || undefined,
      children,
    );
  }

  /** Items and gaps into `children`, `default …` into `details`, through nested blocks. */
  private members(members: readonly MenuMember[] | undefined, children: DocumentSymbol[], details: string[]): void {
    forEachMenuMember(members, (member) => {
      switch (member.kind) {
        case "Item": {
          const text = member.text ? this.written(member.text) : undefined;
          const name = member.id?.name || text;
          children.push(
            this.symbol(
              name,
              ipxmSymbolKinds.item,
              member,
              member.id ?? member.text,
              member.id?.name ? text : undefined,
            ),
          );
          break;
        }
        case "Gap": {
          const text = member.text ? this.written(member.text) : "";
          if (text.trim() !== "") {
            children.push(this.symbol(text, ipxmSymbolKinds.gap, member, member.text!, "gap"));
          }
          break;
        }
        case "Default":
          if (member.item?.name) {
            details.push(
              member.timeout
                ? `default ${member.item.name} after ${this.source(member.timeout)}`
                : `default ${member.item.name}`,
            );
          }
          break;
        default:
          break;
      }
    });
  }

  entry(entry: EntryDecl): DocumentSymbol {
    const params = (entry.params ?? []).filter((param) => param?.name?.name);
    const children = params.map((param) => {
      const type = param.type?.name ?? "";
      const detail = param.defaultValue ? `${type} = ${this.source(param.defaultValue)}` : type;
      return this.symbol(param.name.name, ipxmSymbolKinds.param, param, param.name, detail || undefined);
    });
    const signature = params
      .map((param) => (param.type?.name ? `${param.name.name}: ${param.type.name}` : param.name.name))
      .join(", ");
    return this.symbol(entry.name?.name, ipxmSymbolKinds.entry, entry, entry.name, `(${signature})`, children);
  }

  constant(constant: ConstDecl): DocumentSymbol {
    let type = constant.type?.name;
    if (!type && constant.name) {
      const symbol = this.analysis.symbols.get(symbolId(this.file.path, constant.name));
      if (symbol && symbol.type.kind !== "error") type = formatType(symbol.type);
    }
    return this.symbol(constant.name?.name, ipxmSymbolKinds.const, constant, constant.name, type);
  }

  setting(setting: SettingDecl): DocumentSymbol {
    const type = setting.type?.name ?? "";
    const detail = setting.value ? `${type} = ${this.source(setting.value)}` : type;
    return this.symbol(setting.name?.name, ipxmSymbolKinds.setting, setting, setting.name, detail || undefined);
  }

  /** An expression as written. */
  private source(expression: Expression): string {
    return this.text.slice(expression.start, expression.end);
  }

  /** A text as written, without its quotes (a string) or as the expression it is. */
  private written(expression: Expression): string {
    if (expression.kind === "String") {
      const inside = unquotedRange(expression, this.text);
      // A string cut short by the line end is shown as written, its opening quote too.
      if (inside.end < expression.end) return this.text.slice(inside.start, inside.end);
    }
    return this.source(expression);
  }

  private symbol(
    name: string | undefined,
    kind: SymbolKind,
    range: CoreRange,
    selection: CoreRange | undefined,
    detail?: string,
    children?: DocumentSymbol[],
  ): DocumentSymbol {
    return documentSymbol(this.lines, name, kind, range, selection, detail, children);
  }
}
