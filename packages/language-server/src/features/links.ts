/**
 * Document links. ipxm: each import opens the imported file; a string that is nothing but an
 * http(s) URL opens that URL. iPXE: the plain http(s) URLs given to the commands that fetch images,
 * and the script a `chain` names beside this one.
 */
import {
  forEachNode,
  literalText,
  resolveImportPath,
  unquotedRange,
  type ParsedFile,
  type StringLiteral,
} from "@ipxm/core";
import type { ScriptNode } from "@ipxm/eslint-plugin";
import type { DocumentLink } from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import { toLspRange } from "../positions.js";
import type { Snapshot, SourceDocument } from "../snapshot.js";

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
    if (target)
      links.push({ range: toLspRange(lines, unquotedRange(node.path, file.source.text)), target: target.uri });
  }
  forEachNode(file.ast, (node) => {
    if (node.kind !== "String" || imports.has(node as StringLiteral)) return;
    const url = literalText(node as StringLiteral);
    if (url !== undefined && isHttpUrl(url)) {
      links.push({ range: toLspRange(lines, unquotedRange(node as StringLiteral, file.source.text)), target: url });
    }
  });
  return links.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
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
