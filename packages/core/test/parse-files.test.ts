import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ItemNode, MenuDecl } from "../src/ast.js";
import { parse } from "../src/parse.js";
import { SourceText } from "../src/source.js";
import { expectRangesCoverText, FILE, parseClean, slice } from "./parse-helpers.js";

describe("whole files", () => {
  it("parses an empty file to an empty SourceFile", () => {
    const result = parse("", FILE);
    expect(result).toEqual({
      ast: { kind: "SourceFile", start: 0, end: 0, declarations: [] },
      comments: [],
      diagnostics: [],
    });
  });

  it("parses a file of only white space and comments", () => {
    const { ast, comments } = parseClean("\n  // nothing here\n/* nor here */\n");
    expect(ast.declarations).toEqual([]);
    expect(comments).toHaveLength(2);
  });

  describe("comments", () => {
    it("collects line and block comments with their text and range", () => {
      const text = '// heading\nmenu m "M" { /* inline */ gap // after gap\n}\n/* multi\n   line */';
      const { comments } = parseClean(text);
      expect(comments.map((comment) => comment.kind)).toEqual(["line", "block", "line", "block"]);
      expect(comments.map((comment) => comment.text)).toEqual([
        "// heading",
        "/* inline */",
        "// after gap",
        "/* multi\n   line */",
      ]);
      for (const comment of comments) expect(slice(text, comment.range)).toBe(comment.text);
    });

    it("does not let comments disturb the AST", () => {
      const withComments = parseClean('menu /* a */ m // b\n "M" { gap /* c */ }').ast;
      const without = parseClean('menu m "M" { gap }').ast;
      expect(withComments.declarations.map((declaration) => declaration.kind)).toEqual(
        without.declarations.map((declaration) => declaration.kind),
      );
    });
  });

  describe("line ends", () => {
    it("parses CRLF files exactly as LF files, ranges shifted by the CRs", () => {
      const lf =
        'menu main "Main" {\n  item a "A" key a -> shell // c\n  gap\n}\nentry e() {\n  kernel "k"\n    args "x"\n  boot\n}\n';
      const crlf = lf.replace(/\n/g, "\r\n");
      const fromLf = parseClean(lf);
      const fromCrlf = parseClean(crlf);
      const kinds = (text: string) =>
        JSON.stringify(parse(text, FILE).ast, (key, value: unknown) =>
          key === "start" || key === "end" || key === "textOffset" ? undefined : value,
        );
      expect(kinds(crlf)).toBe(kinds(lf));
      expect(fromCrlf.comments.map((comment) => comment.text)).toEqual(fromLf.comments.map((comment) => comment.text));
      const item = (fromCrlf.ast.declarations[0] as MenuDecl).body[0] as ItemNode;
      expect(slice(crlf, item)).toBe('item a "A" key a -> shell');
    });

    it("maps CRLF offsets to the right lines through SourceText", () => {
      const text = 'const a = 1\r\nconst b = "x"\r\n';
      const { ast } = parseClean(text);
      const source = new SourceText(FILE, text);
      expect(source.positionAt(ast.declarations[1]!.start)).toEqual({ line: 2, column: 1 });
    });
  });

  describe("byte order mark", () => {
    it("skips a leading BOM with a warning, keeping offsets that count it", () => {
      const text = '\uFEFFmenu m "M" { gap }';
      const { ast, diagnostics } = parse(text, FILE);
      expect(diagnostics).toEqual([
        {
          code: "byte-order-mark",
          severity: "warning",
          message: "the file starts with a byte order mark; it is ignored",
          file: FILE,
          range: { start: 0, end: 1 },
        },
      ]);
      expect(ast.declarations[0]!).toMatchObject({ start: 1, end: text.length });
      expectRangesCoverText(text, ast);
    });

    it("reports a BOM anywhere else as an invalid character", () => {
      const { diagnostics } = parse("const a = 1 \uFEFF", FILE);
      expect(diagnostics).toMatchObject([{ code: "invalid-character", range: { start: 12, end: 13 } }]);
    });
  });

  it("parses every example of the language reference without diagnostics", () => {
    const reference = readFileSync(new URL("../../../docs/language.md", import.meta.url), "utf8");
    const examples = [...reference.matchAll(/```ipxm\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThan(5);
    for (const example of examples) {
      const result = parse(example, FILE);
      expect(result.diagnostics, example).toEqual([]);
      expect(result.ast.declarations.length, example).toBeGreaterThan(0);
      expectRangesCoverText(example, result.ast);
    }
  });

  it("parses a generated 1 MB file without diagnostics", () => {
    const text = generateSource(1024 * 1024);
    const result = parse(text, FILE);
    expect(result.diagnostics).toEqual([]);
    const menus = result.ast.declarations.filter((declaration) => declaration.kind === "Menu");
    const entries = result.ast.declarations.filter((declaration) => declaration.kind === "Entry");
    expect(menus.length).toBeGreaterThan(500);
    expect(entries.length).toBe(menus.length);
    expect(result.comments.length).toBe(menus.length * 2);
    const last = menus[menus.length - 1] as MenuDecl;
    expect(slice(text, last).startsWith(`menu m${menus.length - 1} `)).toBe(true);
    expect(last.body).toHaveLength(9);
  });
});

/** A realistic file of about `bytes` characters: menus and entries using every common construct. */
function generateSource(bytes: number): string {
  const chunks = [
    'import "./common.ipxm"\nsetting mirror: url = "http://deb.debian.org"\nconst releases = ["24.04", "22.04"]\n',
  ];
  let size = chunks[0]!.length;
  for (let i = 0; size < bytes; i++) {
    const chunk = `
// Menu ${i}
menu m${i} "Menu ${i} on \${platform}" {
  default local after 5m
  on escape -> back
  gap "Operating systems"
  item linux${i} "Linux installers ${i}" key l -> menu linux
  item "Debian \${mirror}" when platform == efi and not set(kickstart) -> boot debian("12", "bookworm")
  for r in releases { item "Ubuntu \${r.version} (\${r.name})" -> boot ubuntu(r.version) }
  if show_daily { item daily "Daily build" -> boot ubuntu("devel") } else { gap }
  item local "Boot from local disk" -> sanboot drive 0x80
  item shell "iPXE shell" key s -> shell
}
/* entry ${i} */
entry e${i}(version: string, codename: string = "bookworm") {
  on failure "Could not start the Debian \${version} installer"
  kernel "\${mirror}/debian/dists/\${codename}/main/installer-amd64/current/images/netboot/debian-installer/amd64/linux"
    args "initrd=initrd.gz" "priority=critical" "auto=true"
  initrd "\${mirror}/debian/dists/\${codename}/main/installer-amd64/current/images/netboot/debian-installer/amd64/initrd.gz"
  when platform == pcbios { echo "bios" } else { sleep 2s }
  ipxe {
    echo MAC \${net0/mac} IP \${net0/ip}
  }
  boot
}
`;
    chunks.push(chunk);
    size += chunk.length;
  }
  return chunks.join("");
}
