/**
 * Document links. ipxm: each import opens the imported file; a string that is nothing but an
 * http(s) URL opens that URL. iPXE: the plain http(s) URLs given to the commands that fetch images,
 * and the script a `chain` names beside this one.
 */
import { resolveImportPath, type ParsedFile, type StringLiteral } from "@ipxm/core";
import type { ScriptNode } from "@ipxm/eslint-plugin";
import type { DocumentLink } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { toLspRange } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";
import { walkAst } from "./symbols-walk.js";

export function documentLinks(snapshot: Snapshot, document: SourceDocument): DocumentLink[] {
  const lines = snapshot.lines(document);
  if (document.language === "ipxm") {
    const file = snapshot.ipxmFile(document);
    return file ? ipxmLinks(snapshot, file, lines) : [];
  }
  const script = snapshot.script(document);
  return script ? ipxeLinks(snapshot, document, script, lines) : [];
}

function ipxmLinks(snapshot: Snapshot, file: ParsedFile, lines: TextDocument): DocumentLink[] {
  const links: DocumentLink[] = [];
  const imports = new Set<StringLiteral>();
  for (const { node, resolved } of file.imports) {
    imports.add(node.path);
    const target = snapshot.documentAtPath(resolved);
    if (target) links.push({ range: toLspRange(lines, insideQuotes(file.source.text, node.path)), target: target.uri });
  }
  walkAst(file.ast, ({ node }) => {
    if (node.kind !== "String" || imports.has(node as StringLiteral)) return;
    const parts = (node as StringLiteral).parts ?? [];
    if (parts.length === 0 || parts.some((part) => part.kind !== "Text")) return;
    const url = parts.map((part) => (part.kind === "Text" ? part.value : "")).join("");
    if (isHttpUrl(url))
      links.push({ range: toLspRange(lines, insideQuotes(file.source.text, node as StringLiteral)), target: url });
  });
  return links.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

/** A string literal without its quotes (a string cut short by the line end has no closing one). */
function insideQuotes(text: string, literal: StringLiteral): { start: number; end: number } {
  const { start, end } = literal.range;
  const closed = end - start >= 2 && text[end - 1] === '"';
  return { start: start + 1, end: closed ? end - 1 : end };
}

/** The iPXE commands (by canonical name) whose arguments are images to fetch. */
const fetchingCommands = new Set(["imgexec", "imgselect", "imgfetch", "sanboot"]);

function ipxeLinks(
  snapshot: Snapshot,
  document: SourceDocument,
  script: ScriptNode,
  lines: TextDocument,
): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const line of script.lines) {
    for (const command of line.commands) {
      const canonical = command.parsed.command?.canonical;
      if (canonical === undefined || !fetchingCommands.has(canonical)) continue;
      const positionals = command.words.slice(command.parsed.positionalIndex);
      positionals.forEach((word, index) => {
        if (word.text.includes("${")) return;
        if (isHttpUrl(word.text)) {
          links.push({ range: toLspRange(lines, word.range), target: word.text });
        } else if (canonical === "imgexec" && index === 0 && isRelativePath(word.text)) {
          // `chain utils.ipxe`: iPXE fetches it relative to this script's URL, so from beside it.
          const target = snapshot.documentAtPath(resolveImportPath(document.path, word.text));
          if (target && target.path !== document.path)
            links.push({ range: toLspRange(lines, word.range), target: target.uri });
        }
      });
    }
  }
  return links;
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\/[^\s"'<>\\]+$/i.test(text)) return false;
  try {
    return new URL(text).host !== "";
  } catch {
    return false;
  }
}

/** A path with no scheme (`tftp://`, `http:`…) and not from the server's root. */
function isRelativePath(text: string): boolean {
  return text !== "" && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(text) && !text.startsWith("/") && !text.includes("?");
}
