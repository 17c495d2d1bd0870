import { validTimeout } from "../../src/rules/valid-timeout.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("valid-timeout (iPXE)", validTimeout as never, {
  valid: [
    "#!ipxe\nmenu M\nitem a A\nchoose --timeout 30000 x || exit\n",
    { name: "0 waits forever, on purpose", code: "#!ipxe\nmenu M\nitem a A\nchoose --timeout 0 x || exit\n" },
    { name: "a setting", code: "#!ipxe\nset t 5000\nprompt --timeout ${t} Press a key ||\n" },
    { name: "sleep in seconds", code: "#!ipxe\nsleep 5\n" },
    { name: "a lower minimum", code: "#!ipxe\nprompt --timeout 500 x ||\n", options: [{ minimumMilliseconds: 100 }] },
    {
      name: "a gated default without a timeout",
      code: "#!ipxe\nmenu M\nitem shell Shell\niseq ${a} b && item local Local ||\nchoose --default local x || exit\n",
    },
  ],
  invalid: [
    {
      name: "seconds where milliseconds are meant",
      code: "#!ipxe\nmenu M\nitem a A\nchoose --timeout 30 x || exit\n",
      errors: [
        {
          messageId: "looksLikeSeconds",
          data: { option: "--timeout", value: "30", milliseconds: "30000" },
          line: 4,
          column: 18,
          endLine: 4,
          endColumn: 20,
          suggestions: [
            { messageId: "toSeconds", output: "#!ipxe\nmenu M\nitem a A\nchoose --timeout 30000 x || exit\n" },
          ],
        },
      ],
    },
    {
      name: "the short and attached spellings",
      code: "#!ipxe\nprompt -t5 Press a key ||\n",
      errors: [
        {
          messageId: "looksLikeSeconds",
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 11,
          suggestions: [{ messageId: "toSeconds", output: "#!ipxe\nprompt -t5000 Press a key ||\n" }],
        },
      ],
    },
    {
      name: "a leading zero is octal",
      code: "#!ipxe\nprompt --timeout=010000 Press a key ||\n",
      errors: [
        {
          messageId: "octal",
          data: { value: "010000", octal: "4096", decimal: "10000" },
          line: 2,
          column: 8,
          endLine: 2,
          endColumn: 24,
          suggestions: [
            { messageId: "asDecimal", output: "#!ipxe\nprompt --timeout=10000 Press a key ||\n" },
            { messageId: "asOctal", output: "#!ipxe\nprompt --timeout=4096 Press a key ||\n" },
          ],
        },
      ],
    },
    {
      name: "more than a day",
      code: "#!ipxe\nread --timeout 90000000 x ||\n",
      errors: [{ messageId: "tooLong", line: 2, column: 16, endLine: 2, endColumn: 24 }],
    },
    {
      name: "a timeout whose default item is added only behind a runtime test",
      code: "#!ipxe\nmenu M\nitem shell Shell\niseq ${platform} efi && item local Local ||\nchoose --default local --timeout 5000 x || exit\n",
      errors: [
        { messageId: "defaultMaybeAbsent", data: { item: "local" }, line: 5, column: 18, endLine: 5, endColumn: 23 },
      ],
    },
    {
      name: "sleep given milliseconds",
      code: "#!ipxe\nsleep 5000\n",
      errors: [
        {
          messageId: "sleepMilliseconds",
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 11,
          suggestions: [{ messageId: "toSleepSeconds", output: "#!ipxe\nsleep 5\n" }],
        },
      ],
    },
  ],
});

ipxmTester.run("valid-timeout (ipxm)", validTimeout as never, {
  valid: [
    'menu main "Main" {\n  default a after 5m\n  item a "A" -> exit\n}\n',
    {
      name: "a gated default without a timeout",
      code: 'menu main "Main" {\n  default a\n  item b "B" -> exit\n  item a "A" when platform == efi -> exit\n}\n',
    },
  ],
  invalid: [
    {
      name: "a zero timeout",
      code: 'menu main "Main" {\n  default a after 0s\n  item a "A" -> exit\n}\n',
      errors: [{ messageId: "core", line: 2, column: 19, endLine: 2, endColumn: 21 }],
    },
    {
      name: "a timeout whose default item is behind a runtime condition",
      code: 'menu main "Main" {\n  default a after 5s\n  item b "B" -> exit\n  item a "A" when platform == efi -> exit\n}\n',
      errors: [{ messageId: "defaultMaybeAbsent", data: { item: "a" }, line: 4, column: 3, endLine: 4, endColumn: 42 }],
    },
    {
      name: "longer than a day",
      code: 'menu main "Main" {\n  default a after 25h\n  item a "A" -> exit\n}\n',
      errors: [{ messageId: "core", line: 2, column: 19, endLine: 2, endColumn: 22 }],
    },
  ],
});
