import { noUnusedLabel } from "../../src/rules/no-unused-label.js";
import { ipxeTester, treeOptions } from "../rule-tester.js";

const subMenu = [
  "#!ipxe",
  "goto ${menu} ||",
  ":linux",
  "menu Linux",
  "item debian Debian",
  "choose os || goto linux",
  "goto ${os}",
  ":debian",
  "echo debian",
  ":orphan",
  "echo nobody comes here",
  "",
].join("\n");

ipxeTester.run("no-unused-label", noUnusedLabel as never, {
  valid: [
    { name: "a static goto", code: "#!ipxe\ngoto end\n:end\n" },
    {
      name: "items dispatched by goto ${choice}",
      code: "#!ipxe\nmenu M\nitem a A\nitem b B\nchoose x || exit\ngoto ${x}\n:a\nexit\n:b\nexit\n",
    },
    {
      name: "items dispatched with a prefix, as ipxm's compiler emits",
      code: "#!ipxe\n:main\nmenu M\nitem a A\nchoose c || exit\ngoto main.${c} || goto main\n:main.a\nexit\n",
    },
    {
      name: "a computed goto on a setting nothing in the tree writes may reach any label",
      code: "#!ipxe\ngoto ${target} ||\n:anything\n",
    },
    {
      name: "re-entry: the menu setting is chosen in another script of the tree",
      code: "#!ipxe\ngoto ${menu} ||\n:linux\nmenu Linux\nitem x X\nchoose y || exit\ngoto ${y}\n:x\nexit\n",
      filename: "/site/linux.ipxe",
      ...treeOptions({
        "menu.ipxe": "#!ipxe\nmenu Main\nitem linux Linux\nchoose menu || exit\nchain ${menu}.ipxe\n",
        "linux.ipxe": "#!ipxe\ngoto ${menu} ||\n:linux\nmenu Linux\nitem x X\nchoose y || exit\ngoto ${y}\n:x\nexit\n",
      }),
    },
    {
      name: "a label a misspelt goto meant is left to no-undefined-label",
      code: "#!ipxe\ngoto strat\n:start\n",
    },
  ],
  invalid: [
    {
      name: "a label no goto reaches",
      code: "#!ipxe\ngoto end\n:unused\necho x\n:end\n",
      errors: [{ messageId: "unused", data: { label: "unused" }, line: 3, column: 2, endLine: 3, endColumn: 8 }],
    },
    {
      name: "a label the dispatch cannot produce, the tree knowing every value of the setting",
      code: subMenu,
      filename: "/site/linux.ipxe",
      ...treeOptions({
        "menu.ipxe": "#!ipxe\nmenu Main\nitem linux Linux\nchoose menu || exit\nchain ${menu}.ipxe\n",
        "linux.ipxe": subMenu,
      }),
      errors: [{ messageId: "unused", data: { label: "orphan" }, line: 10, column: 2, endLine: 10, endColumn: 8 }],
    },
  ],
});
