import { noEofContinuation } from "../../src/rules/no-eof-continuation.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-eof-continuation", noEofContinuation as never, {
  valid: ["#!ipxe\nkernel vmlinuz \\\n  quiet\nboot\n", "#!ipxe\necho a\\b\n"],
  invalid: [
    {
      name: "the last line ends in a backslash",
      code: "#!ipxe\nkernel vmlinuz \\\n",
      output: "#!ipxe\nkernel vmlinuz\n",
      errors: [{ messageId: "eofContinuation", line: 2, column: 16, endLine: 2, endColumn: 17 }],
    },
    {
      name: "without a final line break, with CRLF",
      code: "#!ipxe\r\nboot \\",
      output: "#!ipxe\r\nboot",
      errors: [{ messageId: "eofContinuation", line: 2, column: 6, endLine: 2, endColumn: 7 }],
    },
  ],
});
