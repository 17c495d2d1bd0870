import { noDuplicateHotkey } from "../../src/rules/no-duplicate-hotkey.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("no-duplicate-hotkey (iPXE)", noDuplicateHotkey as never, {
  valid: [
    "#!ipxe\nmenu M\nitem --key a a A\nitem --key b b B\nchoose x || exit\n",
    { name: "keys are case-sensitive", code: "#!ipxe\nmenu M\nitem --key c a A\nitem --key C b B\nchoose x || exit\n" },
    {
      name: "one key in two menus",
      code: "#!ipxe\nmenu M\nitem --key c a A\nchoose x || exit\nmenu N\nitem --key c b B\nchoose y || exit\n",
    },
    {
      name: "two items behind runtime tests",
      code: "#!ipxe\nmenu M\niseq ${platform} efi && item --key u a A ||\niseq ${platform} pcbios && item --key u b B ||\nchoose x || exit\n",
    },
  ],
  invalid: [
    {
      name: "two items with --key c, as in boot.rackspace.com's tinycore.ipxe",
      code: "#!ipxe\nmenu TinyCore\nitem --key c core Core\nitem --key c corepure CorePure64\nchoose x || exit\n",
      errors: [
        {
          messageId: "duplicate",
          data: { key: "c", other: "core", line: "3" },
          line: 4,
          column: 12,
          endLine: 4,
          endColumn: 13,
        },
      ],
    },
    {
      name: "one key written two ways",
      code: "#!ipxe\nmenu M\nitem --key 0x147e a A\nitem -k0x147e b B\nchoose x || exit\n",
      errors: [{ messageId: "duplicate", line: 4, column: 6, endLine: 4, endColumn: 14 }],
    },
  ],
});

ipxmTester.run("no-duplicate-hotkey (ipxm)", noDuplicateHotkey as never, {
  valid: ['menu main "Main" {\n  item a "A" key a -> exit\n  item b "B" key b -> exit\n}\n'],
  invalid: [
    {
      code: 'menu main "Main" {\n  item a "A" key x -> exit\n  item b "B" key x -> exit\n}\n',
      errors: [{ messageId: "core", line: 3, column: 18, endLine: 3, endColumn: 19 }],
    },
  ],
});
