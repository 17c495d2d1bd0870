/**
 * Hostile text in real iPXE: titles, item and gap texts and entry arguments made of iPXE syntax
 * (`||`, `&&`, `;`, `#x`, a leading `-`, a literal `${…}`, runs of spaces) are shown exactly as
 * written, and nothing extra runs.
 */
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { compileIpxm } from "../src/index.js";
import { caseTimeout, boot, describeBoot, expectPreviewToMatch, rowOf } from "./support.js";

const script = compileIpxm({
  entry: fileURLToPath(new URL("./fixtures/hostile.ipxm", import.meta.url)),
  target: "debian-pcbios",
}).script;
const presets = (base: string) => ({ stub: base });

const items = [
  { key: "a", text: "&& chain http://10.0.2.2/hit?evil=1", argument: "-v || exit 1 ; #no" },
  { key: "p", text: "a || b && c ; d #e   f", argument: "&& reboot" },
  { key: "d", text: "--help", argument: "--help" },
  { key: "l", text: "${platform} is not expanded, ${x:string} neither", argument: "${unclosed" },
];

describeBoot("hostile text in real iPXE", (firmware) => {
  it(
    "shows the title, gap and item texts exactly as written",
    async () => {
      await boot(firmware, { name: "hostile-menu", script, presets }, async (session) => {
        const screen = await session.waitForText("Title || reboot && exit ; #x   -v ${x}");
        expect(rowOf(screen, "   three leading spaces, then ${literal}")).toBe(3);
        for (const item of items) expect(rowOf(screen, `  ${item.text}`)).toBeGreaterThan(3);
        // A literal ${ right at the 74-column cut: the text ends cleanly at the `$`, no stray characters.
        expect(screen.rows[8]).toBe(
          "   0123456789012345678901234567890123456789012345678901234567890123456789-$".padEnd(80),
        );
        expect(screen.rows[9]!.trim()).toBe("");
        expectPreviewToMatch(screen, script, { menu: "main" });
      });
    },
    caseTimeout,
  );

  for (const item of items) {
    it(
      `passes the argument ${JSON.stringify(item.argument)} to echo and to the kernel exactly, and runs nothing else`,
      async () => {
        await boot(firmware, { name: `hostile-${item.key}`, script, presets }, async (session) => {
          await session.waitForText("Title || reboot");
          await session.press(item.key);
          await session.waitForHit((query) => query.has("stub"));
          const screen = await session.waitForText("[SELECTED]");
          const text = screen.rows.join("");
          expect(text).toContain(`The argument: [${item.argument}]`);
          expect(text).toContain(`[SELECTED] "${item.argument} a||b #x -v two  spaces"`);
          expect(session.requests().map((request) => request.target)).toEqual([
            "/stub/hostile",
            expect.stringMatching(/^\/hit\?stub=/),
          ]);
        });
      },
      caseTimeout,
    );
  }
});
