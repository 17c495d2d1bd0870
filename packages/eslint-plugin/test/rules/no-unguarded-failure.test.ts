import { noUnguardedFailure } from "../../src/rules/no-unguarded-failure.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("no-unguarded-failure", noUnguardedFailure as never, {
  valid: [
    "#!ipxe\niseq ${a} b && set x y ||\n",
    "#!ipxe\nisset ${arch} && goto skip ||\n:skip\n",
    "#!ipxe\ncpuid --ext 29 && set arch x86_64 || set arch i386\n",
    "#!ipxe\nchain --autofree boot.cfg ||\n",
    "#!ipxe\nkernel http://x/vmlinuz || goto failed\n:failed\n",
    { name: "goto a label that exists cannot fail", code: "#!ipxe\ngoto end\n:end\n" },
    { name: "choose is no-escape-abort's", code: "#!ipxe\nmenu M\nitem a A\nchoose x\n" },
    { name: "exit ends the script on purpose", code: "#!ipxe\niseq ${a} b && exit 1 ||\nexit 1\n" },
    {
      name: "a command set aside with the option",
      code: "#!ipxe\nkernel http://x/vmlinuz\n",
      options: [{ ignore: ["kernel"] }],
    },
  ],
  invalid: [
    {
      name: "the test without a fallback (boot.rackspace.com, Fixing #22)",
      code: "#!ipxe\niseq ${osversion} 23 && set dir fedora/23\n",
      output: "#!ipxe\niseq ${osversion} 23 && set dir fedora/23 ||\n",
      errors: [
        {
          messageId: "unguarded",
          data: { command: "iseq", reason: "its test is false" },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 21,
        },
      ],
    },
    {
      name: "a trailing && gives no protection",
      code: "#!ipxe\nisset ${ip} &&\n",
      output: "#!ipxe\nisset ${ip} ||\n",
      errors: [{ messageId: "unguarded", line: 2, column: 1, endLine: 2, endColumn: 12 }],
    },
    {
      name: "a download: a suggestion, not a fix",
      code: "#!ipxe\nkernel http://x/vmlinuz\n",
      output: null,
      errors: [
        {
          messageId: "unguarded",
          data: { command: "kernel", reason: "the download or boot can fail" },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 24,
          suggestions: [{ messageId: "guard", output: "#!ipxe\nkernel http://x/vmlinuz ||\n" }],
        },
      ],
    },
    {
      name: "a computed goto to a label that may not exist",
      code: "#!ipxe\ngoto ${menu}\n",
      output: null,
      errors: [
        {
          messageId: "unguarded",
          data: { command: "goto", reason: "the label may not exist" },
          line: 2,
          column: 1,
          suggestions: [{ messageId: "guard", output: "#!ipxe\ngoto ${menu} ||\n" }],
        },
      ],
    },
    {
      name: "the fallback can fail too",
      code: "#!ipxe\ndhcp || dhcp\n",
      output: null,
      errors: [
        {
          messageId: "unguarded",
          data: { command: "dhcp", reason: "the network can fail" },
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 13,
          suggestions: [{ messageId: "guard", output: "#!ipxe\ndhcp || dhcp ||\n" }],
        },
      ],
    },
  ],
});
