import fc from "fast-check";
import { analyze, elaborate, loadWorkspace, type SourceHost, type Workspace } from "@ipxm/core";
import { describe, expect, it } from "vitest";
import { compile } from "../src/index.js";

/** A site whose downloads use HTTPS, which some targets' builds of iPXE cannot do. */
const entries = Array.from({ length: 8 }, (_, n) => n);
const site = `menu main "Main" {
${entries.map((n) => `  item e${n} "Entry ${n}" -> boot e${n}()`).join("\n")}
  item more "More" -> chain "https://boot.example/more.ipxe"
}
${entries
  .map(
    (n) => `
entry e${n}() {
  kernel "https://mirror.example/${n}/linux" args "console=ttyS0"
  initrd "${n % 2 === 0 ? "https" : "http"}://mirror.example/${n}/initrd"
  boot
}
`,
  )
  .join("")}`;
const entry = "/site/main.ipxm";
const hostOf = (text: string): SourceHost => ({
  readFile: (file) =>
    file === entry ? { ok: true, text } : { ok: false, code: "file-not-found", message: "does not exist" },
});

/**
 * The diagnostics-only compilation of an editor (elaboration and compilation reusing the last
 * ones) after `previous`, and that of a fresh elaboration of the same text.
 */
function bothWays(text: string, previous: Workspace | undefined, target: string) {
  const workspace = loadWorkspace([entry], hostOf(text), previous ? { previous, inPlace: true } : {});
  const program = elaborate(analyze(workspace), entry, { reuse: true, target }).program;
  const fresh = elaborate(analyze(loadWorkspace([entry], hostOf(text))), entry, { target }).program;
  return {
    workspace,
    kept: program && compile(program, { diagnosticsOnly: true, reuse: true }).diagnostics,
    fresh: fresh && compile(fresh, { diagnosticsOnly: true }).diagnostics,
  };
}

describe("a diagnostics-only compilation that keeps each part's diagnostics", () => {
  it("reports for a part taken over what compiling it reports, moved with it", () => {
    // The Debian build of iPXE has no HTTPS.
    const first = bothWays(site, undefined, "debian-pcbios");
    expect(first.kept!.length).toBeGreaterThan(8);
    // A longer title in the first entry moves every part after it.
    const edited = site.replace('"Entry 0"', '"The first entry"');
    const second = bothWays(edited, first.workspace, "debian-pcbios");
    expect(second.kept).toEqual(second.fresh);
  });

  it("checks a part taken over again when it now runs on another platform", () => {
    const gated = (platform: string) => `setting memdisk: url = "http://boot.example/memdisk"

menu main "Main" {
  when platform == ${platform} {
    item disk "Disk image" -> boot disk()
  }
  item shell "Shell" -> shell
}

entry disk() {
  memdisk "http://boot.example/disk.img" as harddisk
}
`;
    const first = bothWays(gated("pcbios"), undefined, "ipxe-2-pcbios");
    expect(first.kept).toEqual([]);
    // Only the menu is parsed again; the entry is taken over, and only EFI cannot run memdisk.
    const second = bothWays(gated("efi"), first.workspace, "ipxe-2-pcbios");
    expect(second.kept).toEqual(second.fresh);
    expect(second.kept!.map((diagnostic) => diagnostic.code)).toContain("target-unsupported");
  });

  it("gives the diagnostics a fresh compilation gives, after any sequence of edits, for any target", () => {
    const edit = fc.oneof(
      fc.record({
        kind: fc.constant("type" as const),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
        inserted: fc.constantFrom("\n", " ", "  "),
      }),
      // Switch one download between HTTPS and HTTP.
      fc.record({ kind: fc.constant("scheme" as const), which: fc.nat({ max: 24 }) }),
    );
    let compared = 0;
    fc.assert(
      fc.property(
        fc.constantFrom("debian-pcbios", "debian-efi", "ipxe-1.21-efi", "ipxe-2-pcbios"),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (target, changes) => {
          let text = site;
          let { workspace } = bothWays(text, undefined, target);
          for (const change of changes) {
            if (change.kind === "type") {
              const at = Math.floor(change.at * text.length);
              text = text.slice(0, at) + change.inserted + text.slice(at);
            } else {
              const schemes = [...text.matchAll(/https?:/g)];
              const found = schemes[change.which % schemes.length]!;
              const other = found[0] === "https:" ? "http:" : "https:";
              text = text.slice(0, found.index) + other + text.slice(found.index + found[0].length);
            }
            const next = bothWays(text, workspace, target);
            expect(next.kept).toEqual(next.fresh);
            if (next.kept) compared++;
            workspace = next.workspace;
          }
        },
      ),
      { numRuns: 60 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
