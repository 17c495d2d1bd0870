import { maxMenuRows } from "../../src/rules/max-menu-rows.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

const items = (count: number) => Array.from({ length: count }, (_, k) => `item i${k} Item ${k}\n`).join("");

ipxeTester.run("max-menu-rows (iPXE)", maxMenuRows as never, {
  valid: [
    `#!ipxe\nmenu M\n${items(20)}choose x || exit\n`,
    { code: `#!ipxe\nmenu M\n${items(30)}`, options: [{ max: 30 }] },
  ],
  invalid: [
    {
      code: `#!ipxe\nmenu Linux\n${items(21)}choose x || exit\n`,
      errors: [{ messageId: "tooMany", data: { rows: "21", max: "20" }, line: 2, column: 1, endLine: 2, endColumn: 5 }],
    },
  ],
});

ipxmTester.run("max-menu-rows (ipxm)", maxMenuRows as never, {
  valid: ['const n = ["a", "b"]\nmenu main "Main" { for v in n { item "${v}" -> exit } }\n'],
  invalid: [
    {
      name: "rows made by a for loop",
      code: 'const n = ["a", "b", "c"]\nmenu main "Main" {\n  for v in n { item "${v}" -> exit }\n  gap\n}\n',
      options: [{ max: 3 }],
      errors: [{ messageId: "tooMany", data: { rows: "4", max: "3" }, line: 2, column: 6, endLine: 2, endColumn: 10 }],
    },
  ],
});
