import { noDuplicateLabel } from "../../src/rules/no-duplicate-label.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("no-duplicate-label (iPXE)", noDuplicateLabel as never, {
  valid: [
    "#!ipxe\n:a\necho a\n:b\necho b\n",
    { name: "labels differ in case", code: "#!ipxe\n:local\nexit 0\n:Local\nexit 1\n" },
  ],
  invalid: [
    {
      name: "the second :6.6, as in netboot.xyz's live-q4os.ipxe",
      code: "#!ipxe\n:6.6\necho first\n:6.6\necho second\n",
      errors: [
        {
          messageId: "duplicateLabel",
          data: { label: "6.6", line: "2" },
          line: 4,
          column: 2,
          endLine: 4,
          endColumn: 5,
        },
      ],
    },
    {
      name: "every later duplicate",
      code: "#!ipxe\n:x\n:x\n  :x echo three\n",
      errors: [
        { messageId: "duplicateLabel", line: 3, column: 2, endLine: 3, endColumn: 3 },
        { messageId: "duplicateLabel", line: 4, column: 4, endLine: 4, endColumn: 5 },
      ],
    },
  ],
});

ipxmTester.run("no-duplicate-label (ipxm)", noDuplicateLabel as never, {
  valid: ['menu main "Main" { item a "A" -> exit\n item b "B" -> exit }\n'],
  invalid: [
    {
      name: "two items of one menu with one id",
      code: 'menu main "Main" {\n  item a "A" -> exit\n  item a "Again" -> exit\n}\n',
      errors: [{ messageId: "core", line: 3, column: 8, endLine: 3, endColumn: 9 }],
    },
    {
      name: "two declarations with one name",
      code: 'menu main "Main" { item a "A" -> boot x() }\nentry x() { exit }\nconst x = "1"\n',
      errors: [{ messageId: "core", line: 3, column: 7, endLine: 3, endColumn: 8 }],
    },
  ],
});
