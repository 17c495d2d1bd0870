/**
 * The compiler's target checks of `.ipxm` files run inside the plugin: plain ESLint (a config with
 * the recommended rules, no `ipxm lint`, no tree) reports them where they are.
 */
import { ESLint, Linter, type Linter as LinterTypes } from "eslint";
import { describe, expect, it } from "vitest";
import plugin from "../src/index.js";

const recommended = plugin.configs.recommended as LinterTypes.Config[];

/** 1-based line and column of the first `needle` in `text`, and of the end of it. */
function placeOf(text: string, needle: string) {
  const start = text.indexOf(needle);
  expect(start, `"${needle}" is in the text`).toBeGreaterThanOrEqual(0);
  const at = (offset: number) => {
    const before = text.slice(0, offset).split("\n");
    return { line: before.length, column: before.at(-1)!.length + 1 };
  };
  const from = at(start);
  const to = at(start + needle.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}

function targetSupportMessages(messages: readonly LinterTypes.LintMessage[]) {
  return messages.filter((message) => message.ruleId === "ipxm/target-support");
}

const httpsMenu = 'menu main "Main" {\n  item netboot "netboot.xyz" -> chain "https://boot.netboot.xyz/menu.ipxe"\n}\n';

const memdiskMenu = [
  'setting memdisk: url = "http://boot.example.org/memdisk"',
  "",
  'menu main "Main" {',
  '  item dos "DOS floppy" -> memdisk "http://boot.example.org/dos.img" as floppy',
  "}",
  "",
].join("\n");

describe("target checks of .ipxm files without ipxm lint", () => {
  it("reports https:// on ipxe-1.21-pcbios through the ESLint class, on the chain action", async () => {
    const eslint = new ESLint({
      cwd: "/site",
      overrideConfigFile: true,
      overrideConfig: [...recommended, { files: ["**/*.ipxm"], settings: { ipxm: { target: "ipxe-1.21-pcbios" } } }],
    });
    const [result] = await eslint.lintText(httpsMenu, { filePath: "/site/main.ipxm" });
    const reports = targetSupportMessages(result!.messages);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({
      severity: 2,
      ...placeOf(httpsMenu, 'chain "https://boot.netboot.xyz/menu.ipxe"'),
    });
    expect(reports[0]!.message).toContain('target "ipxe-1.21-pcbios"');
    expect(reports[0]!.message).toContain("cannot download https://");
  });

  it("reports an unguarded memdisk on ipxe-2-efi through Linter, on the action, with the target as a rule option", () => {
    const linter = new Linter({ configType: "flat", cwd: "/site" });
    const messages = linter.verify(
      memdiskMenu,
      [...recommended, { files: ["**/*.ipxm"], rules: { "ipxm/target-support": ["error", { target: "ipxe-2-efi" }] } }],
      "/site/main.ipxm",
    );
    const reports = targetSupportMessages(messages);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject(placeOf(memdiskMenu, 'memdisk "http://boot.example.org/dos.img" as floppy'));
    expect(reports[0]!.message).toContain('target "ipxe-2-efi"');
    expect(reports[0]!.message).toContain("cannot run memdisk, which needs PC-BIOS");
  });

  it("accepts the same memdisk on ipxe-2-pcbios, and the https:// URL on ipxe-2-efi", () => {
    const linter = new Linter({ configType: "flat", cwd: "/site" });
    const lintFor = (text: string, target: string) =>
      targetSupportMessages(
        linter.verify(
          text,
          [...recommended, { files: ["**/*.ipxm"], settings: { ipxm: { target } } }],
          "/site/main.ipxm",
        ),
      );
    expect(lintFor(memdiskMenu, "ipxe-2-pcbios")).toEqual([]);
    expect(lintFor(httpsMenu, "ipxe-2-efi")).toEqual([]);
  });

  it("takes the target from the file's own target declaration when nothing else sets one", () => {
    const text = `target "ipxe-2-efi"\n\n${memdiskMenu}`;
    const linter = new Linter({ configType: "flat", cwd: "/site" });
    const reports = targetSupportMessages(linter.verify(text, recommended, "/site/main.ipxm"));
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject(placeOf(text, 'memdisk "http://boot.example.org/dos.img" as floppy'));
  });
});
