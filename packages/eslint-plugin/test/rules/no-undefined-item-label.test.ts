import { noUndefinedItemLabel } from "../../src/rules/no-undefined-item-label.js";
import { ipxeTester, treeOptions } from "../rule-tester.js";

const liveLite = [
  "#!ipxe",
  "menu Linux Lite",
  "item 5 Linux Lite 5",
  "choose version || goto back",
  "goto ${version}",
  ":6",
  "echo six",
  ":back",
  "exit",
  "",
].join("\n");
const brcMenu = [
  "#!ipxe",
  "menu Main",
  "item linux Linux",
  "item shell Shell",
  "choose menu || exit",
  "goto ${menu} || chain ${menu}.ipxe || goto error",
  ":shell",
  "shell",
  ":error",
  "exit 1",
  "",
].join("\n");

ipxeTester.run("no-undefined-item-label", noUndefinedItemLabel as never, {
  valid: [
    {
      name: "every item has its label",
      code: "#!ipxe\nmenu M\nitem a A\nitem --gap --\nitem b B\nchoose x || exit\ngoto ${x}\n:a\n:b\n",
    },
    {
      name: "a goto before any choose is re-entry, not dispatch",
      code: "#!ipxe\ngoto ${menu} ||\nmenu M\nitem a A\nchoose other || exit\n",
    },
    {
      name: "the chain fallback finds linux.ipxe in the tree",
      code: brcMenu,
      filename: "/site/menu.ipxe",
      ...treeOptions({ "menu.ipxe": brcMenu, "linux.ipxe": "#!ipxe\necho linux\n" }),
    },
    {
      name: "the chain fallback on the next line (goto ${menu} || then chain ${menu}.ipxe)",
      code: "#!ipxe\nmenu Main\nitem linux Linux\nchoose menu || exit\ngoto ${menu} ||\nchain ${menu}.ipxe || exit 1\n",
      filename: "/site/menu.ipxe",
      ...treeOptions({
        "menu.ipxe":
          "#!ipxe\nmenu Main\nitem linux Linux\nchoose menu || exit\ngoto ${menu} ||\nchain ${menu}.ipxe || exit 1\n",
        "linux.ipxe": "#!ipxe\n",
      }),
    },
  ],
  invalid: [
    {
      name: "item 5 with label :6, as in netboot.xyz#1567",
      code: liveLite,
      errors: [
        {
          messageId: "missingLabel",
          data: { item: "5", target: "${version}", line: "5", label: "5" },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 7,
          suggestions: [
            { messageId: "rename", data: { suggestion: "6" }, output: liveLite.replace("item 5 ", "item 6 ") },
          ],
        },
      ],
    },
    {
      name: "neither a label nor a script in the tree",
      code: brcMenu.replace("item shell Shell", "item bsd BSD\nitem shell Shell"),
      filename: "/site/menu.ipxe",
      ...treeOptions({ "menu.ipxe": brcMenu, "linux.ipxe": "#!ipxe\n" }),
      errors: [
        {
          messageId: "missingLabelOrScript",
          data: { item: "bsd", target: "${menu}", line: "7", label: "bsd", script: "bsd.ipxe" },
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 9,
        },
      ],
    },
    {
      name: "a prefixed dispatch",
      code: "#!ipxe\nmenu M\nitem a A\nitem zz Z\nchoose c || exit\ngoto main.${c}\n:main.a\n",
      errors: [
        {
          messageId: "missingLabel",
          data: { item: "zz", target: "main.${c}", line: "6", label: "main.zz" },
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 8,
        },
      ],
    },
  ],
});
