import { noEmptyMenu } from "../../src/rules/no-empty-menu.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("no-empty-menu (iPXE)", noEmptyMenu as never, {
  valid: [
    "#!ipxe\nmenu M\nitem a A\nchoose x || exit\n",
    {
      name: "an item behind a runtime test may be there",
      code: "#!ipxe\nmenu M\niseq ${a} b && item a A ||\nchoose x || exit\n",
    },
    { name: "a menu never shown", code: "#!ipxe\nmenu M\n" },
  ],
  invalid: [
    {
      name: "only gaps, like netboot.xyz's LMDE flavour menu",
      code: "#!ipxe\nmenu LMDE\nitem --gap Flavours:\nchoose flavour || goto back\n:back\n",
      errors: [
        { messageId: "empty", data: { what: "only gaps", line: "4" }, line: 2, column: 1, endLine: 2, endColumn: 5 },
      ],
    },
    {
      name: "no items at all",
      code: "#!ipxe\nmenu --name tools Tools\nchoose --menu tools x || exit\n",
      errors: [
        { messageId: "empty", data: { what: "no items", line: "3" }, line: 2, column: 1, endLine: 2, endColumn: 5 },
      ],
    },
  ],
});

ipxmTester.run("no-empty-menu (ipxm)", noEmptyMenu as never, {
  valid: ['menu main "Main" { item a "A" -> exit }\n'],
  invalid: [
    {
      code: 'menu main "Main" { gap "Nothing yet" }\n',
      errors: [{ messageId: "core", line: 1, column: 6, endLine: 1, endColumn: 10 }],
    },
  ],
});
