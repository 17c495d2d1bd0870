import { noEscapeAbort } from "../../src/rules/no-escape-abort.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-escape-abort", noEscapeAbort as never, {
  valid: [
    "#!ipxe\n:main\nmenu M\nitem a A\nchoose x || goto main\n",
    { name: "leaving on purpose", code: "#!ipxe\nmenu M\nitem a A\nchoose x || exit 0\n" },
    { name: "ignoring Esc", code: "#!ipxe\nmenu M\nitem a A\nchoose x ||\n" },
  ],
  invalid: [
    {
      name: "no fallback",
      code: "#!ipxe\nmenu M\nitem a A\nchoose --default a x\ngoto ${x}\n:a\n",
      errors: [{ messageId: "escapeAborts", line: 4, column: 1, endLine: 4, endColumn: 21 }],
    },
    {
      name: "&& does not catch a failure",
      code: "#!ipxe\nmenu M\nitem a A\nchoose x && goto ${x}\n",
      errors: [{ messageId: "escapeAborts", line: 4, column: 1, endLine: 4, endColumn: 9 }],
    },
  ],
});
