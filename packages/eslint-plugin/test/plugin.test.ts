import { ESLint, type Linter } from "eslint";
import { Linter as UniversalLinter } from "eslint/universal";
import * as fs from "node:fs";
import { describe, expect, it } from "vitest";
import plugin, { createLintTree, recommendedRules, rules, type LintTree } from "../src/index.js";

const config = [...(plugin.configs.recommended as Linter.Config[])];

async function lint(files: Record<string, string>): Promise<Map<string, Linter.LintMessage[]>> {
  const eslint = new ESLint({ cwd: "/", overrideConfigFile: true, overrideConfig: config });
  const messages = new Map<string, Linter.LintMessage[]>();
  for (const [filePath, text] of Object.entries(files)) {
    const [result] = await eslint.lintText(text, { filePath });
    messages.set(filePath, result!.messages);
  }
  return messages;
}

describe("the plugin object", () => {
  it("names itself with the ipxm namespace and the package's version", () => {
    const manifest = JSON.parse(fs.readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(plugin.meta).toEqual({ name: "@ipxm/eslint-plugin", namespace: "ipxm", version: manifest.version });
  });

  it("offers both languages", () => {
    expect(Object.keys(plugin.languages).sort()).toEqual(["ipxe", "ipxm"]);
  });

  it("describes every rule: a description, its docs page, its languages and a message per id", () => {
    for (const [name, rule] of Object.entries(rules)) {
      expect(rule.meta.docs.description, name).toMatch(/^[A-Z]/);
      expect(rule.meta.docs.url, name).toBe(`docs/rules/${name}.md`);
      expect(rule.meta.languages.length, name).toBeGreaterThan(0);
      expect(Object.keys(rule.meta.messages ?? {}).length, name).toBeGreaterThan(0);
    }
  });

  it("recommends each rule only for the languages it supports", () => {
    for (const [language, id] of [
      ["ipxe", "ipxm/ipxe"],
      ["ipxm", "ipxm/ipxm"],
    ] as const) {
      for (const ruleId of Object.keys(recommendedRules(language))) {
        expect(rules[ruleId.slice("ipxm/".length)]!.meta.languages, ruleId).toContain(id);
      }
    }
  });
});

describe("the recommended config", () => {
  it("lints .ipxe and .ipxm files with their languages", async () => {
    const messages = await lint({
      "/site/menu.ipxe": "#!ipxe\ngoto strat\n:start\n",
      "/site/main.ipxm": 'menu main "M" { item a "A" -> menu mian }\n',
    });
    expect(messages.get("/site/menu.ipxe")!.map((m) => m.ruleId)).toEqual(["ipxm/no-undefined-label"]);
    expect(messages.get("/site/main.ipxm")!.map((m) => m.ruleId)).toEqual(["ipxm/no-undefined-label"]);
  });

  it("turns an ipxm syntax error into one fatal parsing message per problem, with its place", async () => {
    const messages = await lint({ "/site/main.ipxm": 'menu main "M" {\n  item a "A" ->\n}\n' });
    expect(messages.get("/site/main.ipxm")).toEqual([
      expect.objectContaining({
        ruleId: null,
        fatal: true,
        severity: 2,
        line: 3,
        column: 1,
        message: expect.stringMatching(/^Parsing error: .*\(syntax-error\)$/),
      }),
    ]);
  });
});

describe("without the tree of ipxm lint", () => {
  it("reads an ipxm file's imports from disk and judges an entry point on its own", async () => {
    const site = new URL("./fixtures/ipxm-site/", import.meta.url).pathname;
    const eslint = new ESLint({ cwd: site, overrideConfigFile: true, overrideConfig: config });
    const [result] = await eslint.lintFiles(["main.ipxm"]);
    const found = result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`);
    // What the tree finds in main.ipxm, without the compiler's checks (which only ipxm lint runs).
    expect(found).toEqual([
      "5:23 ipxm/valid-timeout",
      "8:33 ipxm/no-duplicate-hotkey",
      "12:8 ipxm/no-duplicate-label",
      "13:35 ipxm/valid-program",
      "21:6 ipxm/no-empty-menu",
      "25:6 ipxm/no-unused",
      "26:23 ipxm/no-shell-default",
      "29:7 ipxm/no-unused",
    ]);
  });
});

describe("directive comments", () => {
  it("work in iPXE's # comments", async () => {
    const messages = await lint({
      "/site/a.ipxe": [
        "#!ipxe",
        "goto one # eslint-disable-line ipxm/no-undefined-label",
        "# eslint-disable-next-line ipxm/no-undefined-label -- kept on purpose",
        "goto two",
        "goto three",
        "",
      ].join("\n"),
    });
    expect(messages.get("/site/a.ipxe")!.map((m) => [m.ruleId, m.line])).toEqual([["ipxm/no-undefined-label", 5]]);
  });

  it("disable a block and enable again", async () => {
    const messages = await lint({
      "/site/a.ipxe":
        "#!ipxe\n# eslint-disable ipxm/no-undefined-label\ngoto one\n# eslint-enable ipxm/no-undefined-label\ngoto two\n",
    });
    expect(messages.get("/site/a.ipxe")!.map((m) => m.line)).toEqual([5]);
  });

  it("configure rules inline", async () => {
    const messages = await lint({ "/site/a.ipxe": "#!ipxe\n# eslint ipxm/no-undefined-label: warn\ngoto one\n" });
    expect(messages.get("/site/a.ipxe")!.map((m) => [m.ruleId, m.severity])).toEqual([["ipxm/no-undefined-label", 1]]);
  });

  it("work in ipxm's // and /* */ comments", async () => {
    const messages = await lint({
      "/site/main.ipxm": [
        'menu main "M" {',
        "  // eslint-disable-next-line ipxm/no-undefined-label",
        '  item a "A" -> menu x',
        '  item b "B" -> menu y /* eslint-disable-line ipxm/no-undefined-label */',
        '  item c "C" -> menu z',
        "}",
        "",
      ].join("\n"),
    });
    expect(messages.get("/site/main.ipxm")!.map((m) => m.line)).toEqual([5]);
  });

  it("report a line directive that spans lines, and an unknown rule", async () => {
    const messages = await lint({
      "/site/main.ipxm":
        'menu main "M" {\n  /* eslint-disable-line\n  ipxm/no-undefined-label */\n  item a "A" -> exit // eslint-disable-line ipxm/no-such-rule\n}\n',
    });
    expect(messages.get("/site/main.ipxm")!.map((m) => [m.line, m.message])).toEqual([
      [2, "eslint-disable-line comment should not span multiple lines."],
      [4, expect.stringContaining("ipxm/no-such-rule")],
    ]);
  });
});

describe("eslint/universal", () => {
  it("runs the rules in process without a file system", () => {
    const linter = new UniversalLinter({ configType: "flat" });
    const messages = linter.verify("#!ipxe\nchoose --timeout 30 x || exit\n", config, "menu.ipxe");
    expect(messages.map((m) => m.ruleId)).toContain("ipxm/valid-timeout");
  });
});

describe("the traversal rules see", () => {
  /** Lints `text` with one rule that writes down every node it enters and leaves, with its parent. */
  function visits(
    text: string,
    filename: string,
    language: string,
    selectors: readonly string[],
    tree?: LintTree,
  ): string[] {
    const seen: string[] = [];
    const kindOf = (node: unknown) => {
      const record = node as Record<string, unknown> | undefined;
      return String(record?.["kind"] ?? record?.["type"] ?? "-");
    };
    const recorder = {
      meta: { type: "problem" as const, languages: [language] },
      create: (context: { sourceCode: object }) =>
        Object.fromEntries(
          selectors.map((selector) => [
            selector,
            (node: unknown, parent: unknown) => {
              // The parent ESLint passes is the one the source code reports.
              expect((context.sourceCode as { getParent(node: unknown): unknown }).getParent(node)).toBe(parent);
              seen.push(`${selector} ${kindOf(node)} in ${kindOf(parent)}`);
            },
          ]),
        ),
    };
    const linter = new UniversalLinter({ cwd: "/", configType: "flat" });
    const messages = linter.verify(
      text,
      [
        {
          files: ["**/*.ipxm", "**/*.ipxe"],
          plugins: { ipxm: plugin, test: { rules: { recorder } } },
          language: language,
          rules: { "test/recorder": "error" },
          ...(tree ? { languageOptions: { tree } } : {}),
        },
      ],
      filename,
    );
    expect(messages).toEqual([]);
    return seen;
  }

  it("enter and leave every node depth first, in source order, each with its parent", () => {
    const text = 'menu main "Main" {\n  item a "A" -> shell\n  item b "B" -> reboot\n}\n';
    expect(visits(text, "/main.ipxm", "ipxm/ipxm", ["Menu", "Item", "Item:exit", "Menu:exit"])).toEqual([
      "Menu Menu in SourceFile",
      "Item Item in Menu",
      "Item:exit Item in Menu",
      "Item Item in Menu",
      "Item:exit Item in Menu",
      "Menu:exit Menu in SourceFile",
    ]);
  });

  it("match selectors that need the ancestry, in both languages", () => {
    const ipxm = 'menu main "Main" {\n  item a "A" -> shell\n}\nentry e() { echo "x" }\n';
    expect(visits(ipxm, "/main.ipxm", "ipxm/ipxm", ["Menu > Item", "Entry Echo"])).toEqual([
      "Menu > Item Item in Menu",
      "Entry Echo Echo in Entry",
    ]);
    const ipxe = "#!ipxe\n:start\ngoto start\n";
    expect(visits(ipxe, "/menu.ipxe", "ipxm/ipxe", ["Line > Label", "Line > Command"])).toEqual([
      "Line > Label Label in Line",
      "Line > Command Command in Line",
    ]);
  });

  it("walk an editor's next tree as they walk a fresh one, declarations taken over included", () => {
    const every = ["*", "*:exit"];
    const first =
      'menu main "Main" {\n  item a "A" -> boot a()\n}\nentry a() {\n  echo "a"\n}\nentry b() {\n  echo "b"\n}\n';
    let earlier = createLintTree([{ path: "/main.ipxm", text: first }], { editing: true });
    visits(first, "/main.ipxm", "ipxm/ipxm", every, earlier);
    for (const text of [first.replace('"a"', '"aa"'), first.replace('"A"', '"AA"').replace('"b"', '"bb"')]) {
      const later = createLintTree([{ path: "/main.ipxm", text }], { editing: true, previous: earlier });
      expect(visits(text, "/main.ipxm", "ipxm/ipxm", every, later)).toEqual(
        visits(text, "/main.ipxm", "ipxm/ipxm", every),
      );
      earlier = later;
    }
  });
});
