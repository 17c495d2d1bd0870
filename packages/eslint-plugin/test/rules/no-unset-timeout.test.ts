import { noUnsetTimeout } from "../../src/rules/no-unset-timeout.js";
import { ipxeTester, treeOptions } from "../rule-tester.js";

const menu = "#!ipxe\nmenu M\nitem a A\nchoose --timeout ${boot_timeout} x || exit\n";

ipxeTester.run("no-unset-timeout", noUnsetTimeout as never, {
  valid: [
    {
      name: "set in the script",
      code: "#!ipxe\nisset ${t} || set t 30000\nmenu M\nitem a A\nchoose --timeout ${t} x || exit\n",
    },
    {
      name: "set in boot.cfg, another script of the tree",
      code: menu,
      filename: "/site/menu.ipxe",
      ...treeOptions({ "menu.ipxe": menu, "boot.cfg": "#!ipxe\nisset ${boot_timeout} || set boot_timeout 300000\n" }),
    },
    { name: "a literal", code: "#!ipxe\nprompt --timeout 5000 x ||\n" },
  ],
  invalid: [
    {
      name: "never set (dreamcat4/docker-images#50)",
      code: "#!ipxe\nmenu M\nitem a A\nchoose --timeout ${menu-timeout} x || exit\n",
      errors: [
        {
          messageId: "unset",
          data: { setting: "menu-timeout", option: "--timeout", where: "this script" },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 33,
        },
      ],
    },
    {
      name: "only ever cleared in the tree",
      code: menu,
      filename: "/site/menu.ipxe",
      ...treeOptions({ "menu.ipxe": menu, "boot.cfg": "#!ipxe\nclear boot_timeout\n" }),
      errors: [
        {
          messageId: "unset",
          data: { setting: "boot_timeout", option: "--timeout", where: "the linted tree" },
          line: 4,
          column: 18,
        },
      ],
    },
  ],
});
