import { noCrossFileGoto } from "../../src/rules/no-cross-file-goto.js";
import { ipxeTester, treeOptions } from "../rule-tester.js";

const freedos = "#!ipxe\nmenu FreeDOS\nitem boot Boot\nchoose x || goto main_menu\n";
const tree = treeOptions({
  "menu.ipxe": "#!ipxe\n:main_menu\nmenu Main\n",
  "utils/freedos.ipxe": freedos,
});

ipxeTester.run("no-cross-file-goto", noCrossFileGoto as never, {
  valid: [
    {
      name: "a label of the script itself",
      code: "#!ipxe\n:main_menu\ngoto main_menu\n",
      filename: "/site/x.ipxe",
      ...tree,
    },
    { name: "without a tree, nothing is known of other scripts", code: "#!ipxe\ngoto main_menu ||\n" },
  ],
  invalid: [
    {
      name: "Esc from a sub-menu to the main menu's label (netboot.xyz#28)",
      code: freedos,
      filename: "/site/utils/freedos.ipxe",
      ...tree,
      errors: [
        {
          messageId: "otherFile",
          data: { label: "main_menu", file: "../menu.ipxe" },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 27,
        },
      ],
    },
  ],
});
