import { noGapHotkey } from "../../src/rules/no-gap-hotkey.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-gap-hotkey", noGapHotkey as never, {
  valid: ["#!ipxe\nmenu M\nitem --gap Tools\nitem --key t tools Tools\nchoose x || exit\n"],
  invalid: [
    {
      name: "a key on a gap",
      code: "#!ipxe\nmenu M\nitem --gap --key t Tools:\nitem tools Tools\nchoose x || exit\n",
      errors: [
        {
          messageId: "gapKey",
          data: { key: "t" },
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 19,
          suggestions: [
            {
              messageId: "remove",
              data: { option: "--key t" },
              output: "#!ipxe\nmenu M\nitem --gap Tools:\nitem tools Tools\nchoose x || exit\n",
            },
          ],
        },
      ],
    },
    {
      name: "an item with no name is a gap too",
      code: "#!ipxe\nmenu M\nitem --key=x\nitem a A\nchoose x || exit\n",
      errors: [
        {
          messageId: "gapKey",
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 13,
          suggestions: [{ messageId: "remove", output: "#!ipxe\nmenu M\nitem\nitem a A\nchoose x || exit\n" }],
        },
      ],
    },
  ],
});
