import { noSetComment } from "../../src/rules/no-set-comment.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-set-comment", noSetComment as never, {
  valid: [
    "#!ipxe\nset color ff0000 # red\n",
    "#!ipxe\nset url http://h/x.php##params\n",
    "#!ipxe\nclear color # gone\n",
  ],
  invalid: [
    {
      code: "#!ipxe\nset color #ff0000\n",
      errors: [
        {
          messageId: "valueIsComment",
          data: { word: "#ff0000", setting: "color" },
          line: 2,
          column: 11,
          endLine: 2,
          endColumn: 18,
        },
      ],
    },
  ],
});
