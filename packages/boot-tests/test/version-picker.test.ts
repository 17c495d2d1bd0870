/**
 * A version picker generated from data (`for` over a list) reaches the right entry for every
 * version: the kernel and initrd fetched are that version's, with that version's arguments.
 */
import { expect, it } from "vitest";
import { caseTimeout, boot, compileMenu, describeBoot, expectPreviewToMatch } from "./support.js";

const source = `
const mirror: url = "http://mirror.invalid"
const releases = [
  { version: "24.04", codename: "noble" },
  { version: "22.04", codename: "jammy" },
  { version: "20.04", codename: "focal" },
]

menu main "Ubuntu releases" {
  for r in releases {
    item "Ubuntu \${r.version} (\${r.codename})" -> boot install(r.version, r.codename)
  }
}

entry install(version: string, codename: string) {
  kernel "\${mirror}/ubuntu/\${version}/vmlinuz" args "release=\${codename}" "quiet"
  initrd "\${mirror}/ubuntu/\${version}/initrd"
  ipxe { imgstat }
  boot
}
`;

/** The mirror is a compile-time constant here, pointed at the stub server with --define. */
const scriptFor = (base: string) => compileMenu(source, { defines: { mirror: `${base}/stub` } });

const releases = [
  { version: "24.04", codename: "noble" },
  { version: "22.04", codename: "jammy" },
  { version: "20.04", codename: "focal" },
];

describeBoot("a version picker generated from data, in real iPXE", (firmware) => {
  releases.forEach((release, position) => {
    it(
      `boots Ubuntu ${release.version}'s kernel and initrd from its item`,
      async () => {
        let script = "";
        await boot(
          firmware,
          { name: `picker-${release.version}`, script: (base) => (script = scriptFor(base)) },
          async (session) => {
            const menu = await session.waitForText("Ubuntu releases");
            expectPreviewToMatch(menu, script, { menu: "main" });
            await session.press(...Array<string>(position).fill("down"), "enter");
            const hit = await session.waitForHit((query) => query.has("stub"));
            expect(hit.get("stub")).toBe(`/stub/ubuntu/${release.version}/vmlinuz`);
            const fetched = session.requests().filter((request) => request.path.startsWith("/stub/"));
            expect(fetched.map((request) => request.path)).toEqual([
              `/stub/ubuntu/${release.version}/vmlinuz`,
              `/stub/ubuntu/${release.version}/initrd`,
            ]);
            const screen = await session.waitForText("[SELECTED]");
            expect(screen.rows.join("")).toMatch(
              new RegExp(`vmlinuz : \\d+ bytes \\[script\\] \\[SELECTED\\] "release=${release.codename} quiet"`),
            );
          },
        );
      },
      caseTimeout,
    );
  });
});
