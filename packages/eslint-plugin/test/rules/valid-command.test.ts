import { validCommand } from "../../src/rules/valid-command.js";
import { ipxeTester } from "../rule-tester.js";

ipxeTester.run("valid-command", validCommand as never, {
  valid: [
    "#!ipxe\nchain --autofree --replace http://x/y.ipxe\n",
    { name: "a computed command name", code: "#!ipxe\n${cmd} arg\n" },
    { name: "misplaced options are another rule's", code: "#!ipxe\nchoose menu --default x\n" },
    { name: "text with dashes is another rule's", code: "#!ipxe\necho ---\n" },
  ],
  invalid: [
    {
      name: "a misspelt command",
      code: "#!ipxe\nchian menu.ipxe\n",
      errors: [
        { messageId: "unknownCommand", data: { command: "chian" }, line: 2, column: 1, endLine: 2, endColumn: 6 },
      ],
    },
    {
      name: "a bare clear (netboot.xyz#1795)",
      code: "#!ipxe\nclear\n",
      errors: [
        {
          messageId: "rejected",
          data: { command: "clear", message: "clear expects 1 argument, got 0 (usage: clear <setting>)" },
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 6,
        },
      ],
    },
    {
      name: "an unknown option",
      code: "#!ipxe\nchain --verbose menu.ipxe\n",
      errors: [
        {
          messageId: "rejected",
          data: { command: "chain", message: 'Unrecognised option "--verbose"' },
          line: 2,
          column: 7,
          endLine: 2,
          endColumn: 16,
        },
      ],
    },
    {
      name: "a value iPXE cannot read as a number",
      code: "#!ipxe\nsanboot --drive 80h\n",
      errors: [
        {
          messageId: "rejected",
          data: { command: "sanboot", message: '"80h": invalid integer value' },
          line: 2,
          column: 17,
          endLine: 2,
          endColumn: 20,
        },
      ],
    },
  ],
});
