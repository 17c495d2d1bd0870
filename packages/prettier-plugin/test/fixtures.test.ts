/**
 * Input/output pairs: `fixtures/<language>/<group>/<case>.in.<ext>` formats to `<case>.out.<ext>`,
 * with the options of the group's `options.json` if it has one, and the output formats to itself.
 * Each group covers one construct or one kind of comment position; docs/formatting.md explains
 * the layout they show.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIpxe, formatIpxm, ipxeTokens, shapeOf } from "./helpers.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

for (const language of ["ipxm", "ipxe"] as const) {
  const format = language === "ipxm" ? formatIpxm : formatIpxe;
  describe(`${language} fixtures`, () => {
    const groups = readdirSync(join(fixtures, language)).sort();
    it("exist", () => {
      expect(groups.length).toBeGreaterThanOrEqual(language === "ipxm" ? 10 : 6);
    });
    for (const group of groups) {
      const directory = join(fixtures, language, group);
      const optionsFile = join(directory, "options.json");
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, "utf8")) as object) : {};
      const inputs = readdirSync(directory).filter((file) => file.endsWith(`.in.${language}`));
      for (const input of inputs.sort()) {
        describe(`${group}/${input}`, () => {
          const source = readFileSync(join(directory, input), "utf8");
          const expected = readFileSync(join(directory, input.replace(".in.", ".out.")), "utf8");

          it("formats to the expected output", async () => {
            expect(await format(source, options)).toBe(expected);
          });

          it("leaves the output as it is", async () => {
            expect(await format(expected, options)).toBe(expected);
          });

          it(language === "ipxm" ? "keeps the AST" : "keeps iPXE's tokens", () => {
            if (language === "ipxm") expect(shapeOf(expected)).toEqual(shapeOf(source));
            else expect(ipxeTokens(expected)).toEqual(ipxeTokens(source));
          });
        });
      }
    }
  });
}
