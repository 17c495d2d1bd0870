import { maxItemTextLength } from "../../src/rules/max-item-text-length.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

const long = "x".repeat(75);

ipxeTester.run("max-item-text-length (iPXE)", maxItemTextLength as never, {
  valid: [
    `#!ipxe\nmenu M\nitem a ${"x".repeat(74)}\nchoose c || exit\n`,
    { name: "settings are not counted", code: `#!ipxe\nmenu M\nitem a \${space}${"x".repeat(70)}\n` },
  ],
  invalid: [
    {
      name: "an item's text",
      code: `#!ipxe\nmenu M\nitem a ${long}\nchoose c || exit\n`,
      errors: [
        { messageId: "itemTooLong", data: { length: "75", max: "74" }, line: 3, column: 8, endLine: 3, endColumn: 83 },
      ],
    },
    {
      name: "words are joined with single spaces, bytes are counted",
      code: `#!ipxe\nmenu M\nitem a ${"é".repeat(30)}   ${"é".repeat(7)}\n`,
      errors: [
        { messageId: "itemTooLong", data: { length: "75", max: "74" }, line: 3, column: 8, endLine: 3, endColumn: 48 },
      ],
    },
    {
      name: "a title",
      code: `#!ipxe\nmenu ${"T".repeat(79)}\nitem a A\n`,
      errors: [
        { messageId: "titleTooLong", data: { length: "79", max: "78" }, line: 2, column: 6, endLine: 2, endColumn: 85 },
      ],
    },
  ],
});

ipxmTester.run("max-item-text-length (ipxm)", maxItemTextLength as never, {
  valid: [`menu main "Main" { item a "${"x".repeat(74)}" -> exit }\n`],
  invalid: [
    {
      code: `menu main "Main" {\n  item a "${long}" -> exit\n}\n`,
      errors: [
        { messageId: "itemTooLong", data: { length: "75", max: "74" }, line: 2, column: 3, endLine: 2, endColumn: 95 },
      ],
    },
  ],
});
