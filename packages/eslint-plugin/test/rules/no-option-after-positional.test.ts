import { noOptionAfterPositional } from "../../src/rules/no-option-after-positional.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-option-after-positional", noOptionAfterPositional as never, {
  valid: [
    "#!ipxe\nitem --key l linux Linux\n",
    { name: "after --, dashes are text", code: "#!ipxe\necho -- -n is not an option here\n" },
    { name: "words that are not options of the command", code: "#!ipxe\nkernel vmlinuz --foo console=ttyS0\n" },
  ],
  invalid: [
    {
      name: "item foo --key x",
      code: "#!ipxe\nitem linux --key l Linux\n",
      output: "#!ipxe\nitem --key l linux Linux\n",
      errors: [
        {
          messageId: "misplaced",
          data: { option: "--key", command: "item", first: "linux" },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 17,
        },
      ],
    },
    {
      name: "several, one fix",
      code: "#!ipxe\nchoose menu --default local --timeout=5000 || exit\n",
      output: "#!ipxe\nchoose --default local --timeout=5000 menu || exit\n",
      errors: [
        {
          messageId: "misplaced",
          data: { option: "--default", command: "choose", first: "menu" },
          line: 2,
          column: 13,
        },
        {
          messageId: "misplaced",
          data: { option: "--timeout=5000", command: "choose", first: "menu" },
          line: 2,
          column: 29,
        },
      ],
    },
  ],
});
