import { noDashText } from "../../src/rules/no-dash-text.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-dash-text", noDashText as never, {
  valid: [
    "#!ipxe\nitem --gap -- ---- Tools ----\n",
    "#!ipxe\necho -n Name: ${}\n",
    "#!ipxe\nmenu -- --- Boot menu ---\n",
  ],
  invalid: [
    {
      name: "a gap of dashes",
      code: "#!ipxe\nitem --gap ---- Tools ----\n",
      output: "#!ipxe\nitem --gap -- ---- Tools ----\n",
      errors: [
        {
          messageId: "dashText",
          data: { word: "----", command: "item" },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 16,
        },
      ],
    },
    {
      name: "echo with a dash",
      code: "#!ipxe\necho -\n",
      output: "#!ipxe\necho -- -\n",
      errors: [{ messageId: "dashText", line: 2, column: 6, endLine: 2, endColumn: 7 }],
    },
    {
      name: "a title",
      code: "#!ipxe\nmenu --- Boot ---\n",
      output: "#!ipxe\nmenu -- --- Boot ---\n",
      errors: [{ messageId: "dashText", line: 2, column: 6 }],
    },
  ],
});
