import { noUndefinedLabel } from "../../src/rules/no-undefined-label.js";
import { ipxeTester, ipxmTester, treeOptions } from "../rule-tester.js";

const menu = "#!ipxe\nchain --autofree menu.ipxe ||\n:start\nmenu Main\n";

ipxeTester.run("no-undefined-label (iPXE)", noUndefinedLabel as never, {
  valid: [
    { name: "a goto to a label below", code: "#!ipxe\ngoto start\n:start\necho hi\n" },
    { name: "a goto to a label above", code: "#!ipxe\n:start\necho hi\ngoto start\n" },
    { name: "a label that shares its line with a command", code: "#!ipxe\n:retry dhcp || goto retry\n" },
    { name: "a computed goto, which this rule cannot judge", code: "#!ipxe\n:start\ngoto ${menu} ||\n" },
    {
      name: "a label that another script of the tree defines (no-cross-file-goto reports it)",
      code: "#!ipxe\ngoto start\n",
      filename: "/site/linux.ipxe",
      ...treeOptions({ "linux.ipxe": "#!ipxe\ngoto start\n", "menu.ipxe": menu }),
    },
  ],
  invalid: [
    {
      name: "a misspelt label, with a suggestion",
      code: "#!ipxe\ngoto strat\n:start\necho hi\n",
      errors: [
        {
          messageId: "undefinedLabelSuggest",
          data: { label: "strat", suggestion: "start" },
          line: 2,
          column: 6,
          endLine: 2,
          endColumn: 11,
          suggestions: [
            { messageId: "replace", data: { suggestion: "start" }, output: "#!ipxe\ngoto start\n:start\necho hi\n" },
          ],
        },
      ],
    },
    {
      name: "labels are case-sensitive",
      code: "#!ipxe\n:Local\nsanboot --drive 0x80 ||\ngoto local ||\n",
      errors: [
        {
          messageId: "undefinedLabelSuggest",
          line: 4,
          column: 6,
          endLine: 4,
          endColumn: 11,
          suggestions: [{ messageId: "replace", output: "#!ipxe\n:Local\nsanboot --drive 0x80 ||\ngoto Local ||\n" }],
        },
      ],
    },
    {
      name: "a label nothing resembles",
      code: "#!ipxe\n:start\ngoto ubuntu-22.04-install || goto start\n",
      errors: [
        {
          messageId: "undefinedLabel",
          data: { label: "ubuntu-22.04-install" },
          line: 3,
          column: 6,
          endLine: 3,
          endColumn: 26,
        },
      ],
    },
    {
      name: "a label written with ${…} never matches: goto expands its argument, the label is literal",
      code: "#!ipxe\n:${os}\necho x\ngoto linux\n",
      errors: [{ messageId: "undefinedLabel", line: 4, column: 6, endLine: 4, endColumn: 11 }],
    },
  ],
});

ipxmTester.run("no-undefined-label (ipxm)", noUndefinedLabel as never, {
  valid: [
    'menu main "Main" { item a "A" -> menu other }\nmenu other "Other" { item b "B" -> back }\n',
    'menu main "Main" { item a "A" -> boot local() }\nentry local() { exit 1 }\n',
  ],
  invalid: [
    {
      name: "a misspelt menu, with a suggestion",
      code: 'menu main "Main" { item a "A" -> menu mian }\n',
      errors: [
        {
          messageId: "core",
          data: { message: 'unknown menu "mian"; did you mean "main"?' },
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 43,
          suggestions: [
            {
              messageId: "coreFix",
              data: { description: 'Change to "main"' },
              output: 'menu main "Main" { item a "A" -> menu main }\n',
            },
          ],
        },
      ],
    },
    {
      name: "an entry that does not exist",
      code: 'menu main "Main" { item a "A" -> boot missing() }\n',
      errors: [
        {
          messageId: "core",
          data: { message: 'unknown entry "missing"' },
          line: 1,
          column: 39,
          endLine: 1,
          endColumn: 46,
        },
      ],
    },
  ],
});
