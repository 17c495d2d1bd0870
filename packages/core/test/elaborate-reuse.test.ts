import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, elaborate, loadWorkspace, type SourceHost, type Workspace } from "../src/index.js";

const menusFolder = path.join(import.meta.dirname, "../../../menus");
const menus = new Map(
  fs
    .readdirSync(menusFolder)
    .filter((name) => name.endsWith(".ipxm"))
    .sort()
    .map((name) => [`/menus/${name}`, fs.readFileSync(path.join(menusFolder, name), "utf8")] as const),
);
const entry = "/menus/main.ipxm";
const roots = [...menus.keys()];

const hostOf = (texts: ReadonlyMap<string, string>): SourceHost => ({
  readFile: (file) => {
    const text = texts.get(file);
    return text === undefined ? { ok: false, code: "file-not-found", message: "does not exist" } : { ok: true, text };
  },
});

/** An editor's elaboration of `texts` after the one of `previous`, and one made from nothing. */
function bothWays(texts: ReadonlyMap<string, string>, previous: Workspace | undefined) {
  const workspace = loadWorkspace(roots, hostOf(texts), previous ? { previous, inPlace: true } : {});
  const kept = elaborate(analyze(workspace), entry, { reuse: true });
  const fresh = elaborate(analyze(loadWorkspace(roots, hostOf(texts))), entry);
  return { workspace, kept, fresh };
}

describe("elaboration that reuses the parts of the last one", () => {
  it("takes every menu and instance of a declaration the edit left alone, moved with it", () => {
    const texts = new Map(menus);
    const first = bothWays(texts, undefined);
    const linux = texts.get("/menus/linux.ipxm")!;
    const title = /^menu linux "/m;
    expect(linux).toMatch(title);
    texts.set("/menus/linux.ipxm", linux.replace(title, "$&Changed: "));
    const second = bothWays(texts, first.workspace);

    expect(second.kept).toStrictEqual(second.fresh);
    const before = new Set<object>([...first.kept.program!.entries, ...first.kept.program!.menus]);
    const after = [...second.kept.program!.entries, ...second.kept.program!.menus];
    // Parts of the other files are the same objects; only linux.ipxm's moved or changed.
    const same = after.filter((part) => before.has(part));
    expect(same.length).toBeGreaterThan(after.length / 2);
    expect(same.every((part) => part.source.file !== "/menus/linux.ipxm")).toBe(true);
  });

  it("makes a part again when a constant it read has another value", () => {
    const texts = new Map(menus);
    const first = bothWays(texts, undefined);
    const main = texts.get(entry)!;
    expect(main).toMatch(/const boot_timeout: duration = 5m/);
    texts.set(entry, main.replace("const boot_timeout: duration = 5m", "const boot_timeout: duration = 7m"));
    const second = bothWays(texts, first.workspace);
    expect(second.kept).toStrictEqual(second.fresh);
    expect(JSON.stringify(second.kept.program)).toContain("420000");
  });

  it("makes a part again when a constant it read has another value through another constant", () => {
    const site = (release: string) =>
      new Map([
        [
          entry,
          `const release = "${release}"
const kernel_url = "http://mirror.example/\${release}/linux"

menu main "Main" {
  item install "Install" -> boot install()
}

entry install() {
  kernel kernel_url
  boot
}
`,
        ],
      ]);
    const only = [entry];
    const load = (texts: ReadonlyMap<string, string>, previous?: Workspace) =>
      loadWorkspace(only, hostOf(texts), previous ? { previous, inPlace: true } : {});
    const first = load(site("12"));
    elaborate(analyze(first), entry, { reuse: true });
    // Only the first constant is parsed again; the second, the menu and the entry are the same nodes.
    const second = elaborate(analyze(load(site("13"), first)), entry, { reuse: true });
    expect(second).toEqual(elaborate(analyze(load(site("13"))), entry));
    expect(JSON.stringify(second.program)).toContain("/13/linux");
  });

  /** The editor's elaboration of `before` then `after` (one file), and a fresh one of `after`. */
  function afterEdit(before: string, after: string) {
    const only = [entry];
    const first = loadWorkspace(only, hostOf(new Map([[entry, before]])));
    elaborate(analyze(first), entry, { reuse: true });
    const edited = new Map([[entry, after]]);
    const kept = elaborate(analyze(loadWorkspace(only, hostOf(edited), { previous: first, inPlace: true })), entry, {
      reuse: true,
    });
    return { kept, fresh: elaborate(analyze(loadWorkspace(only, hostOf(edited))), entry) };
  }

  it("reports the problems of a part it takes over, where that part is now", () => {
    const site = (title: string) => `entry install() {
  echo "${title}"
}

const extras = false

menu main "Main" {
  item one "One" -> boot install()
  item more "More" -> menu more
}

menu more "More" {
  if extras {
    item two "Two" -> shell
  }
}
`;
    const { kept, fresh } = afterEdit(site("Installing"), site("Installing the system"));
    expect(kept.diagnostics).toEqual(fresh.diagnostics);
    expect(kept.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["empty-menu"]);
  });

  it("makes a part again when an instance it boots has another label now", () => {
    const site = (items: string) => `menu main "Main" {
${items}
}

entry chained() {
  boot pick("y")
}

entry pick(version: string) {
  echo version
}
`;
    const { kept, fresh } = afterEdit(
      site('  item c "C" -> boot chained()'),
      site('  item x "X" -> boot pick("x")\n  item c "C" -> boot chained()'),
    );
    expect(kept).toStrictEqual(fresh);
    expect(kept.program!.entries.map((instance) => instance.label)).toEqual(["pick", "chained", "pick.y"]);
  });

  it("makes everything again when what a name can stand for changed (an import, a declaration)", () => {
    const files = (imported: string) =>
      new Map([
        [
          entry,
          `import "./${imported}.ipxm"\n\nmenu main "Main" {\n  item hello "Hello" -> boot hello()\n}\n\nentry hello() {\n  echo greeting\n}\n`,
        ],
        ["/menus/a.ipxm", 'const greeting = "from a"\n'],
        ["/menus/b.ipxm", 'const greeting = "from b"\n'],
      ]);
    const all = [entry, "/menus/a.ipxm", "/menus/b.ipxm"];
    const first = loadWorkspace(all, hostOf(files("a")));
    elaborate(analyze(first), entry, { reuse: true });
    // The entry is the same node, and the constant it read is still declared, with the same value.
    const kept = elaborate(analyze(loadWorkspace(all, hostOf(files("b")), { previous: first, inPlace: true })), entry, {
      reuse: true,
    });
    expect(JSON.stringify(kept.program)).toContain("from b");
    expect(kept).toStrictEqual(elaborate(analyze(loadWorkspace(all, hostOf(files("b")))), entry));
  });

  it("gives the program and diagnostics a fresh elaboration gives, after any sequence of edits", () => {
    const fragments = ["\n", " ", '"', "{", "}", "x", "1", "0", "${", "ms", "s", "if ", "main", "boot ", "->", "//"];
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant("type" as const),
        file: fc.nat({ max: roots.length - 1 }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        removed: fc.nat({ max: 4 }),
        inserted: fc.constantFrom(...fragments),
      }),
      // Change a digit: constants, durations and versions take other values, and still parse.
      fc.record({
        kind: fc.constant("digit" as const),
        file: fc.nat({ max: roots.length - 1 }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
      }),
    );
    let edits = 0;
    let taken = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (changes) => {
        const texts = new Map(menus);
        let { workspace, kept } = bothWays(texts, undefined);
        for (const change of changes) {
          const file = roots[change.file]!;
          const text = texts.get(file)!;
          const at = Math.floor(change.at * text.length);
          if (change.kind === "type") {
            texts.set(file, text.slice(0, at) + change.inserted + text.slice(at + change.removed));
          } else {
            const digit = text.slice(at).search(/[0-9]/);
            if (digit < 0) continue;
            const where = at + digit;
            texts.set(file, text.slice(0, where) + String((Number(text[where]) + 3) % 10) + text.slice(where + 1));
          }
          const before = new Set<object>(kept.program ? [...kept.program.entries, ...kept.program.menus] : []);
          const next = bothWays(texts, workspace);
          expect(next.kept).toStrictEqual(next.fresh);
          if (kept.program && next.kept.program) {
            edits++;
            if (next.kept.program.entries.some((instance) => before.has(instance))) taken++;
          }
          ({ workspace, kept } = next);
        }
      }),
      { numRuns: 60 },
    );
    // The comparison proves something only if most edits between whole programs took parts over.
    expect(taken / edits).toBeGreaterThan(0.5);
  });
});
