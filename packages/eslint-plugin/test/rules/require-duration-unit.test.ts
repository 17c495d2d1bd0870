import { requireDurationUnit } from "../../src/rules/require-duration-unit.js";
import { ipxmTester } from "../rule-tester.js";

ipxmTester.run("require-duration-unit", requireDurationUnit as never, {
  valid: ['menu main "Main" {\n  default a after 30s\n  item a "A" -> exit\n}\n', "entry wait() { sleep 5s }\n"],
  invalid: [
    {
      name: "a bare number after `after`",
      code: 'menu main "Main" {\n  default a after 30\n  item a "A" -> exit\n}\n',
      errors: [
        {
          messageId: "core",
          line: 2,
          column: 19,
          endLine: 2,
          endColumn: 21,
          suggestions: [
            {
              messageId: "coreFix",
              data: { description: "Write 30s" },
              output: 'menu main "Main" {\n  default a after 30s\n  item a "A" -> exit\n}\n',
            },
          ],
        },
      ],
    },
  ],
});
