import { noUnused } from "../../src/rules/no-unused.js";
import { ipxmTester, treeOptions } from "../rule-tester.js";

const library = 'const releases = ["24.04"]\nconst retired = ["18.04"]\nentry ubuntu(v: string) { exit }\n';
const main = 'import "./lib.ipxm"\nmenu main "Main" { for r in releases { item "Ubuntu ${r}" -> boot ubuntu(r) } }\n';

ipxmTester.run("no-unused", noUnused as never, {
  valid: [
    { name: "the main menu is shown without a reference", code: 'menu main "Main" { item a "A" -> exit }\n' },
    {
      name: "a setting read by a raw iPXE block",
      code: 'setting mirror: url = "http://m"\nmenu main "Main" { item a "A" -> boot e() }\nentry e() { ipxe {\n echo ${mirror}\n } }\n',
    },
    { name: "a file that is not an entry point, linted on its own, may be used by its importers", code: library },
  ],
  invalid: [
    {
      name: "a constant, a setting, an entry and a menu nobody uses",
      code: 'const old = "x"\nsetting unused_setting: string\nentry nobody() { exit }\nmenu main "Main" { item a "A" -> exit }\nmenu lost "Lost" { item b "B" -> back }\n',
      errors: [
        { messageId: "unused", data: { kind: "constant", name: "old" }, line: 1, column: 7, endLine: 1, endColumn: 10 },
        {
          messageId: "unused",
          data: { kind: "setting", name: "unused_setting" },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 23,
        },
        { messageId: "unused", data: { kind: "entry", name: "nobody" }, line: 3, column: 7, endLine: 3, endColumn: 13 },
        { messageId: "unused", data: { kind: "menu", name: "lost" }, line: 5, column: 6, endLine: 5, endColumn: 10 },
      ],
    },
    {
      name: "uses are counted over the tree",
      code: library,
      filename: "/site/lib.ipxm",
      ...treeOptions({ "lib.ipxm": library, "main.ipxm": main }),
      errors: [
        {
          messageId: "unused",
          data: { kind: "constant", name: "retired" },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 14,
        },
      ],
    },
  ],
});
