import { noSplitFallback } from "../../src/rules/no-split-fallback.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-split-fallback", noSplitFallback as never, {
  valid: [
    "#!ipxe\nchain x.ipxe ||\nprompt Press a key\n",
    "#!ipxe\nchain x.ipxe || \\\n  prompt Press a key\n",
    { name: "an indented block after a label", code: "#!ipxe\n:menu\n  chain x.ipxe ||\n  echo fell through\n" },
  ],
  invalid: [
    {
      name: "a line that starts with ||",
      code: "#!ipxe\nchain menu.ipxe\n|| goto error\n:error\n",
      errors: [
        {
          messageId: "leadingOperator",
          data: { operator: "||", effect: "never runs what follows it" },
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 3,
          suggestions: [{ messageId: "join", output: "#!ipxe\nchain menu.ipxe \\\n|| goto error\n:error\n" }],
        },
      ],
    },
    {
      name: "|| before an indented line (FOGProject/fogproject#487)",
      code: "#!ipxe\nchain http://fog/boot.php ||\n    prompt --timeout 10000 Chainloading failed\n",
      errors: [
        {
          messageId: "trailingBeforeIndented",
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 29,
          suggestions: [
            {
              messageId: "join",
              output: "#!ipxe\nchain http://fog/boot.php || \\\n    prompt --timeout 10000 Chainloading failed\n",
            },
          ],
        },
      ],
    },
  ],
});
