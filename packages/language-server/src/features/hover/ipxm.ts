/**
 * Hover in `.ipxm` files: what the construct under the cursor means and what it compiles to. A name
 * shows its declaration (kind, type, where, its doc comment); a duration its milliseconds; a string
 * its pattern and what elaboration made of it; an item (and a menu) the iPXE lines generated for it; a
 * keyword one line on what it does; one of iPXE's settings what iPXE keeps there.
 */
import * as posix from "node:path/posix";
import {
  describeKind,
  durationMilliseconds,
  formatType,
  functionKeyCodes,
  isIdentifierPart,
  keyValueRange,
  keywords,
  symbolId,
  type Analysis,
  type DurationLiteral,
  type EntryDecl,
  type Identifier,
  type KeyNode,
  type MenuDecl,
  type Node,
  type ParsedFile,
  type RawIpxeStmt,
  type StringLiteral,
  type SymbolInfo,
  type TypeRef,
} from "@ipxm/core";
import { templateText } from "@ipxm/compiler";
import { commandTable, getProfile } from "@ipxm/ipxe";
import type { Hover } from "vscode-languageserver";
import { MarkupKind } from "vscode-languageserver";
import type { Snapshot, SourceDocument } from "../../snapshot.js";
import { toLspRange, type OffsetRange } from "../../positions.js";
import { commandDoc } from "../docs/commands.js";
import { commentAbove } from "../docs/comments.js";
import { keywordDoc } from "../docs/keywords.js";
import { code, section } from "../docs/markdown.js";
import { memdiskModeDoc } from "../docs/memdisk-modes.js";
import { builtinSettingDoc } from "../docs/settings.js";
import { typeDoc } from "../docs/types.js";
import { logicalLineStart } from "../ipxe-words.js";
import { ipxmTargetAt } from "../navigation/ipxm-target.js";
import { ipxmTarget } from "../target.js";
import { nodePath, type PathStep } from "./ast-path.js";
import { generatedLines, programsWith } from "./generated.js";
import { elaboratedTemplates, renderPattern } from "./templates.js";

const keywordSet: ReadonlySet<string> = new Set(keywords);

export function ipxmHover(snapshot: Snapshot, document: SourceDocument, offset: number): Hover | null {
  const file = snapshot.ipxmFile(document);
  if (!file || insideComment(file, offset)) return null;
  const analysis = snapshot.analysis();
  const path = nodePath(file.ast, offset);
  const found = describe(snapshot, document, file, analysis, path, offset);
  if (!found) return null;
  return {
    contents: { kind: MarkupKind.Markdown, value: found.markdown },
    range: toLspRange(snapshot.lines(document), found.range),
  };
}

interface Found {
  readonly markdown: string;
  readonly range: OffsetRange;
}

function describe(
  snapshot: Snapshot,
  document: SourceDocument,
  file: ParsedFile,
  analysis: Analysis,
  path: readonly PathStep[],
  offset: number,
): Found | undefined {
  const step = path[path.length - 1]!;
  const node = step.node;
  const parent = path[path.length - 2]?.node;
  switch (node.kind) {
    case "Identifier":
      return identifier(snapshot, document, file, analysis, node as Identifier, parent);
    case "Duration":
      return duration(node as DurationLiteral);
    case "String":
      return string(snapshot, document, file, analysis, path);
    case "Text":
    case "Interpolation":
      return string(snapshot, document, file, analysis, path.slice(0, -1));
    case "TypeRef": {
      const name = (node as TypeRef).name;
      const doc = typeDoc(name);
      return doc ? { markdown: section(code("ipxm", `type ${name}`), doc), range: node } : undefined;
    }
    case "Key":
      return key(file, node as KeyNode, offset);
    case "RawIpxe":
      return rawLine(snapshot, file, node as RawIpxeStmt, offset);
    default:
      return keyword(snapshot, document, file, path, offset);
  }
}

function insideComment(file: ParsedFile, offset: number): boolean {
  return file.comments.some((comment) => comment.range.start <= offset && offset < comment.range.end);
}

// ---------------------------------------------------------------------------------------------
// Names

function identifier(
  snapshot: Snapshot,
  document: SourceDocument,
  file: ParsedFile,
  analysis: Analysis,
  name: Identifier,
  parent: Node | undefined,
): Found | undefined {
  const declared = analysis.symbols.get(symbolId(file.path, name));
  if (declared) return { markdown: symbolMarkdown(snapshot, document, analysis, declared, true), range: name };
  const resolution = analysis.resolutions.get(file.path, name);
  if (resolution?.kind === "symbol") {
    return { markdown: symbolMarkdown(snapshot, document, analysis, resolution.symbol, false), range: name };
  }
  if (resolution?.kind === "enum") {
    return {
      markdown: section(code("ipxm", `${resolution.value}: ${resolution.type}`), enumDoc(resolution.value)),
      range: name,
    };
  }
  if (parent?.kind === "Default") {
    const item = ipxmTargetAt(analysis, file.path, name.start);
    if (item?.kind === "symbol" && item.symbol.kind === "item" && item.range.start === name.start) {
      return { markdown: symbolMarkdown(snapshot, document, analysis, item.symbol, false), range: name };
    }
    return { markdown: `item \`${name.name}\` of this menu (the highlighted one when it opens)`, range: name };
  }
  if (parent?.kind === "Memdisk") {
    const doc = memdiskModeDoc(name.name);
    return doc ? { markdown: section(code("ipxm", `as ${name.name}`), doc), range: name } : undefined;
  }
  return undefined;
}

function enumDoc(value: string): string {
  switch (value) {
    case "pcbios":
      return "PC-BIOS (legacy BIOS) firmware, as `${platform}` names it.";
    case "efi":
      return "UEFI firmware, as `${platform}` names it.";
    default:
      return `The CPU architecture \`${value}\`, as \`\${buildarch}\` names it.`;
  }
}

function symbolMarkdown(
  snapshot: Snapshot,
  document: SourceDocument,
  analysis: Analysis,
  symbol: SymbolInfo,
  atDeclaration: boolean,
): string {
  const sourceText = symbol.file !== undefined ? analysis.workspace.files.get(symbol.file)?.source.text : undefined;
  const parts = [code("ipxm", signature(symbol, sourceText))];
  if (symbol.kind === "builtin-setting") {
    const doc = builtinSettingDoc(symbol.name);
    parts.push(`Built-in iPXE setting${doc ? `: ${doc}` : "."}`);
    return section(...parts);
  }
  const where = location(document, analysis, symbol, atDeclaration);
  if (where) parts.push(where);
  const declaringFile = symbol.file !== undefined ? analysis.workspace.files.get(symbol.file) : undefined;
  if (
    declaringFile &&
    symbol.node &&
    (symbol.kind === "menu" || symbol.kind === "entry" || symbol.kind === "const" || symbol.kind === "setting")
  ) {
    const doc = commentAbove(declaringFile, symbol.node.start);
    if (doc) parts.push(doc);
  }
  const value = durationValue(symbol);
  if (value !== undefined) parts.push(`= ${value} ms`);
  if (symbol.file !== undefined && symbol.node) {
    const lines =
      symbol.kind === "item"
        ? generatedLines(snapshot, symbol.file, symbol.node)
        : symbol.kind === "menu" && symbol.nameRange
          ? generatedLines(snapshot, symbol.file, symbol.nameRange, true)
          : undefined;
    if (lines) parts.push(`Compiles to:\n${code("ipxe", lines.join("\n"))}`);
  }
  return section(...parts);
}

/** How the symbol reads as a declaration. */
function signature(symbol: SymbolInfo, text: string | undefined): string {
  const slice = (node: Node | undefined) => (node && text !== undefined ? text.slice(node.start, node.end) : "");
  const type = formatType(symbol.type);
  switch (symbol.kind) {
    case "menu": {
      const title = slice((symbol.node as MenuDecl | undefined)?.title);
      return `menu ${symbol.name}${title ? ` ${short(title)}` : ""}`;
    }
    case "entry": {
      const params = (symbol.node as EntryDecl | undefined)?.params ?? [];
      return `entry ${symbol.name}(${params.map((param) => short(slice(param))).join(", ")})`;
    }
    case "const": {
      const value = slice((symbol.node as { value?: Node } | undefined)?.value);
      return `const ${symbol.name}: ${type}${value && !value.includes("\n") && value.length <= 60 ? ` = ${value}` : ""}`;
    }
    case "setting": {
      const value = slice((symbol.node as { value?: Node } | undefined)?.value);
      return `setting ${symbol.name}: ${type}${value && !value.includes("\n") ? ` = ${short(value)}` : ""}`;
    }
    case "item": {
      const itemText = slice((symbol.node as { text?: Node } | undefined)?.text);
      return `(item) ${symbol.name}${itemText ? ` ${short(itemText)}` : ""}`;
    }
    default:
      return `(${describeKind(symbol.kind)}) ${symbol.name}: ${type}`;
  }
}

function short(text: string): string {
  const line = text.replace(/\s+/g, " ");
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

function location(
  document: SourceDocument,
  analysis: Analysis,
  symbol: SymbolInfo,
  atDeclaration: boolean,
): string | undefined {
  const owner =
    symbol.kind === "param"
      ? `Parameter of entry \`${symbol.container?.name ?? "?"}\``
      : symbol.kind === "item"
        ? `Item of menu \`${symbol.container?.name ?? "?"}\``
        : symbol.kind === "loop-variable"
          ? "Loop variable"
          : describeKind(symbol.kind).replace(/^./, (first) => first.toUpperCase());
  const plainDeclaration =
    symbol.kind === "menu" || symbol.kind === "entry" || symbol.kind === "const" || symbol.kind === "setting";
  if (atDeclaration) return plainDeclaration ? undefined : `${owner}.`;
  if (symbol.file === undefined || symbol.nameRange === undefined) return `${owner}.`;
  const declaringFile = analysis.workspace.files.get(symbol.file);
  const line = declaringFile ? declaringFile.source.positionAt(symbol.nameRange.start).line : undefined;
  const here = symbol.file === document.path;
  const name = here ? "this file" : `\`${relativePath(document.path, symbol.file)}\``;
  return `${owner}, declared in ${name}${line !== undefined ? ` at line ${line}` : ""}.`;
}

function relativePath(from: string, to: string): string {
  const relative = posix.relative(posix.dirname(from), to);
  return relative.startsWith("../") ? relative : `./${relative}`;
}

function durationValue(symbol: SymbolInfo): number | undefined {
  if (symbol.kind !== "const") return undefined;
  const value = (symbol.node as { value?: Node } | undefined)?.value;
  return value?.kind === "Duration" ? milliseconds(value as DurationLiteral) : undefined;
}

function milliseconds(literal: DurationLiteral): number {
  return durationMilliseconds(literal.amount, literal.unit);
}

// ---------------------------------------------------------------------------------------------
// Literals

function duration(literal: DurationLiteral): Found {
  return {
    markdown: section(code("ipxm", `${literal.text}: duration`), `= ${milliseconds(literal)} ms`),
    range: literal,
  };
}

function string(
  snapshot: Snapshot,
  document: SourceDocument,
  file: ParsedFile,
  analysis: Analysis,
  path: readonly PathStep[],
): Found | undefined {
  const literal = path[path.length - 1]?.node as StringLiteral | undefined;
  if (literal?.kind !== "String") return undefined;
  const parent = path[path.length - 2]?.node;
  if (parent?.kind === "Import") return undefined;
  if (parent?.kind === "Target") return targetProfile(literal);
  const info = analysis.info.get(file.path, literal);
  const heading = info ? `${formatType(info.type)} · ${stageText(info.stage)}` : "string";
  const pattern = renderPattern(analysis, file.path, file.source.text, literal);
  const parts = [heading, code("ipxe", pattern)];
  const rendered = elaboratedTemplates(programsWith(snapshot, document.path), file.path, path).map(templateText);
  if (rendered.length > 0 && !(rendered.length === 1 && rendered[0] === pattern)) {
    const shown = rendered.slice(0, 8);
    if (rendered.length > shown.length) shown.push(`# … ${rendered.length - shown.length} more`);
    parts.push(`Compiles to:\n${code("ipxe", shown.join("\n"))}`);
  }
  return { markdown: section(...parts), range: literal };
}

function targetProfile(literal: StringLiteral): Found | undefined {
  const name = literal.parts.map((part) => (part.kind === "Text" ? part.value : "")).join("");
  const profile = getProfile(name);
  if (!profile) return undefined;
  const lacks = profile.lacks.length > 0 ? `\n\nLacks: ${profile.lacks.join("; ")}.` : "";
  return { markdown: section(`**${profile.build}**`, `${profile.description}${lacks}`), range: literal };
}

function stageText(stage: string): string {
  switch (stage) {
    case "compile":
      return "known when compiling";
    case "runtime":
      return "read at run time";
    default:
      return "depends on the entry's arguments";
  }
}

function key(file: ParsedFile, node: KeyNode, offset: number): Found | undefined {
  const value = keyValueRange(node, file.source.text);
  if (offset < value.start) return keywordFound("key", "Item", node.start);
  const keyCode = functionKeyCodes[node.value];
  return {
    markdown: section(
      code("ipxm", `key ${node.value}`),
      `Hotkey: pressing ${keyCode ? `${node.value} (iPXE key code \`${keyCode}\`)` : `\`${node.value}\``} picks the item at once.`,
    ),
    range: value,
  };
}

function rawLine(snapshot: Snapshot, file: ParsedFile, node: RawIpxeStmt, offset: number): Found | undefined {
  const text = file.source.text;
  const word = wordAt(text, offset, (code) => code > 32 && code !== 123 && code !== 125);
  if (!word) return undefined;
  const lineStart = Math.max(node.textOffset, logicalLineStart(text, word.start));
  if (text.slice(lineStart, word.start).trim() !== "") return undefined;
  const spec = commandTable.get(word.text);
  if (!spec) return undefined;
  return {
    markdown: commandDoc(spec, ipxmTarget(snapshot, file)),
    range: [word.start, word.end],
  };
}

// ---------------------------------------------------------------------------------------------
// Keywords

function keyword(
  snapshot: Snapshot,
  document: SourceDocument,
  file: ParsedFile,
  path: readonly PathStep[],
  offset: number,
): Found | undefined {
  const word = wordAt(file.source.text, offset, isIdentifierPart);
  if (!word || !keywordSet.has(word.text)) return undefined;
  const node = path[path.length - 1]!.node;
  const found = keywordFound(word.text, node.kind, word.start);
  if (!found) return undefined;
  // The keyword `item` also shows what the compiler makes of the item.
  const item = [...path].reverse().find((step) => step.node.kind === "Item")?.node;
  if (item && word.text === "item") {
    const lines = generatedLines(snapshot, document.path, item);
    if (lines)
      return { ...found, markdown: section(found.markdown, `Compiles to:\n${code("ipxe", lines.join("\n"))}`) };
  }
  return found;
}

function keywordFound(word: string, nodeKind: string, start: number): Found | undefined {
  const doc = keywordDoc(word, nodeKind);
  return doc ? { markdown: section(`\`${word}\``, doc), range: { start, end: start + word.length } } : undefined;
}

function wordAt(
  text: string,
  offset: number,
  part: (code: number) => boolean,
): { text: string; start: number; end: number } | undefined {
  let start = offset;
  while (start > 0 && part(text.charCodeAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && part(text.charCodeAt(end))) end++;
  return end > start ? { text: text.slice(start, end), start, end } : undefined;
}
