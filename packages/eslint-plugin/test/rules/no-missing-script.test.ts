import { noMissingScript } from "../../src/rules/no-missing-script.js";
import { ipxeTester, treeOptions } from "../rule-tester.js";

const menu =
  "#!ipxe\nchain --autofree boot.cfg ||\nchain linux.ipxe || goto failed\nchain tools/memtest.ipxe ||\n:failed\n";

ipxeTester.run("no-missing-script", noMissingScript as never, {
  valid: [
    {
      name: "every script is in the tree",
      code: menu,
      filename: "/site/menu.ipxe",
      ...treeOptions({
        "menu.ipxe": menu,
        "boot.cfg": "#!ipxe\n",
        "linux.ipxe": "#!ipxe\n",
        "tools/memtest.ipxe": "#!ipxe\n",
      }),
    },
    {
      name: "absolute URLs, computed names and binaries are not judged",
      code: "#!ipxe\nchain http://boot.example/x.ipxe ||\nchain ${menu}.ipxe ||\nchain memtest.efi ||\n",
      filename: "/site/menu.ipxe",
      ...treeOptions({ "menu.ipxe": "#!ipxe\n" }),
    },
  ],
  invalid: [
    {
      name: "a script missing from the tree",
      code: menu,
      filename: "/site/menu.ipxe",
      ...treeOptions({ "menu.ipxe": menu, "boot.cfg": "#!ipxe\n", "tools/memtest.ipxe": "#!ipxe\n" }),
      errors: [
        { messageId: "missing", data: { reference: "linux.ipxe" }, line: 3, column: 7, endLine: 3, endColumn: 17 },
      ],
    },
    {
      name: "the option extensions says what a script is",
      code: "#!ipxe\nchain menu.txt ||\n",
      filename: "/site/menu.ipxe",
      options: [{ extensions: [".txt"] }],
      ...treeOptions({ "menu.ipxe": "#!ipxe\n" }),
      errors: [{ messageId: "missing", line: 2, column: 7, endLine: 2, endColumn: 15 }],
    },
  ],
});
