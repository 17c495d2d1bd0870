import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../src/index.js";
import { memoryHost } from "./helpers.js";

const sample = `import "./lib.ipxm"
target "ipxe-2-efi"
setting mirror: url = "http://deb.debian.org"
setting answer: string
const releases = [{ version: "12", codename: "bookworm" }, { version: "11", codename: "bullseye" }]
const wait: duration = 5m
menu main "Boot \${hostname} on \${arch}" {
  default local after wait
  on escape -> exit
  gap "Debian"
  for r in releases { item "Debian \${r.version} (\${r.codename})" -> boot debian(r.version, r.codename) }
  if true { item tools "Tools" key t -> menu tools }
  when platform == efi { item "UEFI shell" -> shell } else { gap }
  item local "Local disk" key F5 when not set(answer) -> boot local_disk()
}
entry debian(version: string, codename: string) {
  on failure "Debian \${version} failed: \${errno}"
  prompt answer "Really?"
  when answer == "yes" and buildarch == x86_64 {
    kernel "\${mirror}/dists/\${codename}/linux" args "priority=critical" "quiet"
    initrd "\${mirror}/dists/\${codename}/initrd.gz" as "initrd"
    boot
  } else { sleep 2s
    back }
  ipxe {
    echo \${net0/mac:hexhyp}
  }
}
`;
const lib = `menu tools "Tools" { item "Reboot" -> reboot
  item "Chain" -> chain "http://boot.example.org/menu.ipxe" }
entry local_disk() { when platform == pcbios { sanboot drive 0x80 } else { exit 1 } }
`;

const run = (main: string) =>
  checkProgram(["main.ipxm"], memoryHost({ "main.ipxm": main, "lib.ipxm": lib }), { defines: { wait: "30s" } });

describe("the semantic pipeline on damaged input", () => {
  it("accepts the undamaged sample", () => {
    const result = run(sample);
    expect(result.diagnostics).toEqual([]);
    expect(result.programs.get("main.ipxm")?.entries.map((entry) => entry.label)).toEqual([
      "debian",
      "debian.11.bullseye",
      "local_disk",
    ]);
  });

  it("never throws when text is cut out, repeated or inserted anywhere", () => {
    const fragments = [
      "{",
      "}",
      "(",
      ")",
      '"',
      "${",
      "->",
      "item",
      "for x in",
      "when",
      "boot",
      "menu main",
      ",",
      "=",
      ":",
      "0",
      "5",
      "efi",
      "\n",
    ];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.nat(sample.length),
            cut: fc.nat(40),
            insert: fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 6 })),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        (edits) => {
          let text = sample;
          for (const edit of edits) {
            const at = Math.min(edit.at, text.length);
            text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
          }
          const result = run(text);
          for (const diagnostic of result.diagnostics) {
            expect(diagnostic.range.start).toBeLessThanOrEqual(diagnostic.range.end);
            expect(Number.isFinite(diagnostic.range.start) && Number.isFinite(diagnostic.range.end)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
