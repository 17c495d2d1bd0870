/**
 * Each state of the workspace is read from the one before it (unchanged files taken over, edited
 * ones reparsed where they changed). Whatever edits lead to a text, its diagnostics, symbols and
 * hover answers must be those of a service that reads that text afresh.
 */
import * as fs from "node:fs";
import { fileURLToPath } from "node:url";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { memoryFileSystem } from "../src/file-system.js";
import { LanguageService } from "../src/service.js";
import { pathToUri } from "../src/uris.js";

const menus = fileURLToPath(new URL("../../../menus/", import.meta.url));
const sources: Record<string, string> = {};
for (const name of fs.readdirSync(menus).filter((file) => file.endsWith(".ipxm"))) {
  sources[`/w/${name}`] = fs.readFileSync(`${menus}${name}`, "utf8");
}
sources["/w/boot.ipxe"] = fs.readFileSync(
  fileURLToPath(new URL("../../eslint-plugin/test/fixtures/brc/menu.ipxe", import.meta.url)),
  "utf8",
);
const edited = ["/w/linux.ipxm", "/w/debian.ipxm", "/w/main.ipxm", "/w/boot.ipxe"];

/** Keystrokes that mostly keep a file well formed, and a few that break it. */
const edit = fc.record({
  file: fc.nat(edited.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.constant(0), fc.nat(12)),
  insert: fc.constantFrom("x", "1", " ", "\n", "\n\n", '"', "{", "}", "/*", "*/", "menu m {\n}\n", "// note\n"),
});

function open(texts: ReadonlyMap<string, string>, versions: ReadonlyMap<string, number>): LanguageService {
  const service = new LanguageService({ fileSystem: memoryFileSystem(texts) });
  service.workspace.setFolders(["/w"]);
  for (const path of edited) {
    const language = path.endsWith(".ipxe") ? "ipxe" : "ipxm";
    service.workspace.openDocument(pathToUri(path), language, versions.get(path) ?? 1, texts.get(path)!);
  }
  return service;
}

describe("the language service, one state read from the one before", () => {
  it("answers as a service that reads the edited texts afresh", () => {
    fc.assert(
      fc.property(
        fc.array(edit, { minLength: 1, maxLength: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (edits, probe) => {
          const texts = new Map(Object.entries(sources));
          const versions = new Map<string, number>();
          const service = open(texts, versions);
          for (const path of edited) service.diagnostics(pathToUri(path));
          let version = 1;
          for (const step of edits) {
            const path = edited[step.file]!;
            const old = texts.get(path)!;
            const at = Math.floor(step.at * old.length);
            const text = old.slice(0, at) + step.insert + old.slice(at + step.remove);
            texts.set(path, text);
            versions.set(path, ++version);
            service.workspace.changeDocument(pathToUri(path), version, text);
            service.diagnostics(pathToUri(path));
          }

          const fresh = open(texts, versions);
          for (const path of edited) {
            const uri = pathToUri(path);
            expect(service.diagnostics(uri)).toEqual(fresh.diagnostics(uri));
            expect(service.documentSymbols(uri)).toEqual(fresh.documentSymbols(uri));
            const lines = texts.get(path)!.split("\n");
            const line = Math.min(lines.length - 1, Math.floor(probe * lines.length));
            const position = { line, character: Math.floor(probe * (lines[line]!.length + 1)) };
            expect(service.hover(uri, position)).toEqual(fresh.hover(uri, position));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
