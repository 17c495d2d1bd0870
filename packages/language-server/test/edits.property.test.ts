/**
 * Every request keeps answering through any state an edit passes through: random sequences of
 * insertions, deletions and pastes of other files, over real menus, each followed by every request
 * at random positions. Answers must be well-formed (positions inside the document), never a throw.
 */
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Position, Range } from "vscode-languageserver";
import { memoryFileSystem } from "../src/file-system.js";
import { LanguageService, RenameRefused } from "../src/service.js";
import { pathToUri } from "../src/uris.js";

const repository = (relative: string) => fileURLToPath(new URL(`../../../${relative}`, import.meta.url));
const read = (relative: string) => fs.readFileSync(repository(relative), "utf8");

/** Real files: our own menus (one imports the other) and a hand-written iPXE menu. */
const sources = {
  "/w/main.ipxm": read("menus/main.ipxm"),
  "/w/utils.ipxm": read("menus/utils.ipxm"),
  "/w/menu.ipxe": read("packages/eslint-plugin/test/fixtures/brc/menu.ipxe"),
};
const paths = Object.keys(sources) as (keyof typeof sources)[];

/** Pieces people type or paste: fragments of both languages, the other files, odd characters. */
const fragments = [
  "menu ",
  'item x "X" -> ',
  "{",
  "}",
  '"',
  "${",
  "${buildarch}",
  "goto ",
  ":label\n",
  " || ",
  "\\\n",
  "5m",
  "\n",
  "// comment\n",
  "/*",
  "ipxe {",
  "é\u{1F600}\t",
  ...Object.values(sources).map((text) => text.slice(0, 400)),
];

type Edit = { file: number; at: number; remove: number; insert: string };

const edit = fc.record({
  file: fc.nat(paths.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x),
  remove: fc.oneof(fc.constant(0), fc.nat(40)),
  insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })),
}) as fc.Arbitrary<Omit<Edit, "at"> & { at: number }>;

function inside(text: string, position: Position): boolean {
  const lines = text.split(/\r\n|\r|\n/);
  return (
    position.line >= 0 &&
    position.line < lines.length &&
    position.character >= 0 &&
    position.character <= lines[position.line]!.length
  );
}

function checkRange(text: string, range: Range | undefined): void {
  if (!range) return;
  expect(inside(text, range.start), JSON.stringify(range)).toBe(true);
  expect(inside(text, range.end), JSON.stringify(range)).toBe(true);
}

describe("the language service under random edits", () => {
  it("answers every request in every intermediate state", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 3, maxLength: 3 }),
        async (edits, probes) => {
          const texts = new Map<string, string>(Object.entries(sources));
          const service = new LanguageService({ fileSystem: memoryFileSystem(texts) });
          service.workspace.setFolders(["/w"]);
          for (const path of paths) {
            service.workspace.openDocument(
              pathToUri(path),
              path.endsWith(".ipxm") ? "ipxm" : "ipxe",
              1,
              texts.get(path)!,
            );
          }
          let version = 1;
          for (const step of edits) {
            const path = paths[step.file]!;
            const old = texts.get(path)!;
            const at = Math.floor(step.at * old.length);
            const text = old.slice(0, at) + step.insert + old.slice(Math.min(old.length, at + step.remove));
            texts.set(path, text);
            const uri = pathToUri(path);
            service.workspace.changeDocument(uri, ++version, text);
            const lines = text.split(/\r\n|\r|\n/);
            const positions = probes.map((probe) => {
              const line = Math.floor(probe * lines.length);
              return { line, character: Math.floor(probe * ((lines[line]?.length ?? 0) + 1)) };
            });

            // As while typing: completion and hover come first, answered from the last analysis made.
            for (const position of positions) {
              service.completion(uri, position);
              checkRange(text, service.hover(uri, position)?.range);
            }
            for (const diagnostic of service.diagnostics(uri) ?? []) checkRange(text, diagnostic.range);
            for (const position of positions) {
              service.completion(uri, position);
              checkRange(text, service.hover(uri, position)?.range);
              for (const location of service.definition(uri, position)) {
                if (location.uri === uri) checkRange(text, location.range);
              }
              service.references(uri, position, true);
              service.documentHighlights(uri, position);
              const prepared = service.prepareRename(uri, position);
              if (prepared) {
                checkRange(text, prepared.range);
                try {
                  service.rename(uri, position, "renamed_x");
                } catch (error) {
                  if (!(error instanceof RenameRefused)) throw error;
                }
              }
              service.codeActions({
                textDocument: { uri },
                range: { start: position, end: position },
                context: { diagnostics: service.diagnostics(uri) ?? [] },
              });
            }
            for (const symbol of service.documentSymbols(uri)) checkRange(text, symbol.range);
            for (const range of service.foldingRanges(uri)) expect(range.startLine).toBeLessThanOrEqual(range.endLine);
            expect(service.semanticTokens(uri).data.length % 5).toBe(0);
            for (const link of service.documentLinks(uri)) checkRange(text, link.range);
            service.workspaceSymbols("m");
            await service.format(uri);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 240_000);
});
