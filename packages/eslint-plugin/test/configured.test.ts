import { ESLint, type Linter } from "eslint";
import { describe, expect, it } from "vitest";
import plugin, { configuredLanguage, configuredRules } from "../src/index.js";

/** The configuration ESLint calculates for `file` under `config`, as a project's eslint.config.js would give it. */
async function calculated(config: Linter.Config[], file: string): Promise<unknown> {
  const eslint = new ESLint({ cwd: "/project", overrideConfigFile: true, overrideConfig: config });
  return eslint.calculateConfigForFile(`/project/${file}`);
}

describe("configuredRules", () => {
  it("reads how a project sets the plugin's rules for one of its files", async () => {
    const config = await calculated(
      [
        ...plugin.configs.recommended,
        { files: ["**/*.ipxm"], rules: { "ipxm/no-unused": "off", "ipxm/max-menu-rows": ["error", { max: 5 }] } },
      ],
      "menus/main.ipxm",
    );
    const configured = configuredRules(config);
    expect(configured?.language).toBe("ipxm");
    expect(configured?.rules["ipxm/no-unused"]).toEqual([0]);
    expect(configured?.rules["ipxm/max-menu-rows"]).toEqual([2, { max: 5 }]);
    expect(configured?.rules["ipxm/no-undefined-label"]).toEqual([2]);
  });

  it("reads the target the configuration's settings give the rules for the file", async () => {
    const config = await calculated(
      [...plugin.configs.recommended, { files: ["debian/**"], settings: { ipxm: { target: "debian-pcbios" } } }],
      "debian/main.ipxm",
    );
    expect(configuredRules(config)?.target).toBe("debian-pcbios");
    const elsewhere = configuredRules(await calculated(plugin.configs.recommended, "main.ipxm"));
    expect(elsewhere).toBeDefined();
    expect(elsewhere).not.toHaveProperty("target");
    const notAName = await calculated(
      [...plugin.configs.recommended, { files: ["odd/**"], settings: { ipxm: { target: 2 } } }],
      "odd/main.ipxm",
    );
    expect(configuredRules(notAName)).not.toHaveProperty("target");
  });

  it("finds the plugin under the name the project gave it", async () => {
    const config = await calculated(
      [
        {
          files: ["**/*.ipxe"],
          plugins: { boot: plugin },
          language: "boot/ipxe",
          rules: { "boot/no-undefined-label": "warn" },
        },
      ],
      "boot.ipxe",
    );
    expect(configuredRules(config)).toEqual({ language: "ipxe", rules: { "ipxm/no-undefined-label": [1] } });
  });

  it("says nothing of a file the configuration does not give one of the plugin's languages", async () => {
    const config = await calculated([...plugin.configs.recommended, { files: ["**/*.js"], rules: {} }], "tool.js");
    expect(configuredLanguage(config)).toBeUndefined();
    expect(configuredRules(config)).toBeUndefined();
  });
});
