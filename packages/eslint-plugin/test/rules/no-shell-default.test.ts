import { noShellDefault } from "../../src/rules/no-shell-default.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("no-shell-default (iPXE)", noShellDefault as never, {
  valid: [
    "#!ipxe\necho ${mac:hexhyp} ${net0/ip} ${pci/${addr}.0.2}\n",
    "#!ipxe\nisset ${mirror} || set mirror http://deb.debian.org\n",
  ],
  invalid: [
    {
      name: "${name:-default}",
      code: "#!ipxe\nchain ${base-url:-http://boot.example}/menu.ipxe\n",
      errors: [
        {
          messageId: "shellDefault",
          data: {
            expansion: "${base-url:-http://boot.example}",
            type: "-http://boot.example",
            name: "base-url",
            fallback: "http://boot.example",
          },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 39,
        },
      ],
    },
    {
      name: "an unknown type",
      code: "#!ipxe\necho ${mac:hexdump}\n",
      errors: [
        {
          messageId: "unknownType",
          data: { expansion: "${mac:hexdump}", type: "hexdump" },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 20,
        },
      ],
    },
  ],
});

ipxmTester.run("no-shell-default (ipxm)", noShellDefault as never, {
  valid: ['menu main "${net0/mac:hexhyp}" { item a "A" -> exit }\n'],
  invalid: [
    {
      code: 'menu main "${mac:hexdump}" { item a "A" -> exit }\n',
      errors: [{ messageId: "core", line: 1 }],
    },
  ],
});
