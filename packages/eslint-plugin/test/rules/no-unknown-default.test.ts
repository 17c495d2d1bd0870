import { noUnknownDefault } from "../../src/rules/no-unknown-default.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("no-unknown-default (iPXE)", noUnknownDefault as never, {
  valid: [
    "#!ipxe\nmenu M\nitem local Local\nitem linux Linux\nchoose --default linux x || exit\n",
    { name: "a computed default", code: "#!ipxe\nmenu M\nitem local Local\nchoose --default ${menu} x || exit\n" },
    {
      name: "item --default alone",
      code: "#!ipxe\nmenu M\nitem local Local\nitem --default linux Linux\nchoose x || exit\n",
    },
  ],
  invalid: [
    {
      name: "a default that names no item, with a suggestion",
      code: "#!ipxe\nmenu M\nitem local Local\nitem linux Linux\nchoose --default linxu x || exit\n",
      errors: [
        {
          messageId: "unknownDefault",
          data: { item: "linxu", hint: '; did you mean "linux"?' },
          line: 5,
          column: 18,
          endLine: 5,
          endColumn: 23,
          suggestions: [
            {
              messageId: "replace",
              output: "#!ipxe\nmenu M\nitem local Local\nitem linux Linux\nchoose --default linux x || exit\n",
            },
          ],
        },
      ],
    },
    {
      name: "item --default ignored because choose has --default",
      code: "#!ipxe\nmenu M\nitem --default local Local\nitem linux Linux\nchoose --default linux x || exit\n",
      errors: [{ messageId: "ignoredItemDefault", data: { line: "5" }, line: 3, column: 6, endLine: 3, endColumn: 15 }],
    },
  ],
});

ipxmTester.run("no-unknown-default (ipxm)", noUnknownDefault as never, {
  valid: ['menu main "Main" { default b\n item a "A" -> exit\n item b "B" -> exit }\n'],
  invalid: [
    {
      code: 'menu main "Main" {\n  default lcoal after 5s\n  item local "Local" -> exit\n}\n',
      errors: [
        {
          messageId: "core",
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 16,
          suggestions: [
            {
              messageId: "coreFix",
              output: 'menu main "Main" {\n  default local after 5s\n  item local "Local" -> exit\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
