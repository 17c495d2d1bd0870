import { noCommentContinuation } from "../../src/rules/no-comment-continuation.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-comment-continuation", noCommentContinuation as never, {
  valid: ["#!ipxe\n# a comment\necho hi\n", "#!ipxe\nkernel vmlinuz \\\n  quiet # the kernel\n"],
  invalid: [
    {
      name: "a comment swallows the next line",
      code: "#!ipxe\n# Debian C:\\\nchain debian.ipxe\n",
      errors: [
        {
          messageId: "swallows",
          data: { next: "3" },
          line: 2,
          column: 12,
          endLine: 2,
          endColumn: 13,
          suggestions: [{ messageId: "remove", output: "#!ipxe\n# Debian C:\nchain debian.ipxe\n" }],
        },
      ],
    },
    {
      name: "a comment after a command",
      code: "#!ipxe\necho a # see \\\necho b\n",
      errors: [
        {
          messageId: "swallows",
          line: 2,
          column: 14,
          suggestions: [{ messageId: "remove", output: "#!ipxe\necho a # see \necho b\n" }],
        },
      ],
    },
  ],
});
