import { validProgram } from "../../src/rules/valid-program.js";
import { ipxmTester, treeOptions } from "../rule-tester.js";

ipxmTester.run("valid-program", validProgram as never, {
  valid: [
    'menu main "Main" { item a "A" -> exit }\n',
    { name: "problems other rules own are not repeated", code: 'menu main "Main" { item a "A" -> menu mian }\n' },
    {
      name: "an import found in the tree",
      code: 'import "./lib.ipxm"\nmenu main "M" { item a "A" -> boot e() }\n',
      filename: "/site/main.ipxm",
      ...treeOptions({
        "main.ipxm": 'import "./lib.ipxm"\nmenu main "M" { item a "A" -> boot e() }\n',
        "lib.ipxm": "entry e() { exit }\n",
      }),
    },
  ],
  invalid: [
    {
      name: "a type mismatch",
      code: 'const n: int = "x"\nmenu main "Main" { item a "A" -> exit }\n',
      errors: [{ messageId: "core", line: 1, column: 16, endLine: 1, endColumn: 19 }],
    },
    {
      name: "an import that does not exist",
      code: 'import "./nowhere.ipxm"\nmenu main "Main" { item a "A" -> exit }\n',
      filename: "/site/main.ipxm",
      ...treeOptions({ "main.ipxm": 'import "./nowhere.ipxm"\nmenu main "Main" { item a "A" -> exit }\n' }),
      errors: [{ messageId: "core", line: 1, column: 8, endLine: 1, endColumn: 24 }],
    },
  ],
});
