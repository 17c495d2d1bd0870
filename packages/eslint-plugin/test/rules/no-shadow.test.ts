import { noShadow } from "../../src/rules/no-shadow.js";
import { ipxmTester } from "../rule-tester.js";

ipxmTester.run("no-shadow", noShadow as never, {
  valid: [
    'menu main "Main" { item a "A" -> boot e("1") }\nentry e(v: string) { echo "${v}" }\n',
    {
      name: "a parameter named like an iPXE setting",
      code: 'menu main "M" { item a "A" -> boot e("1") }\nentry e(version: string) { echo "${version}" }\n',
    },
  ],
  invalid: [
    {
      name: "a parameter hides a constant",
      code: 'const mirror = "http://a"\nmenu main "M" { item a "A" -> boot e("http://b") }\nentry e(mirror: string) { echo "${mirror}" }\n',
      errors: [
        {
          messageId: "shadowsDeclaration",
          data: { kind: "parameter", name: "mirror", otherKind: "constant", where: "this file" },
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 15,
        },
      ],
    },
    {
      name: "a loop variable hides a menu",
      code: 'const xs = ["a"]\nmenu main "M" { for main in xs { item "${main}" -> exit } }\n',
      errors: [
        {
          messageId: "shadowsDeclaration",
          data: { kind: "loop variable", name: "main", otherKind: "menu", where: "this file" },
          line: 2,
          column: 21,
        },
      ],
    },
    {
      name: "a constant hides iPXE's own setting",
      code: 'const version = "1.0"\nmenu main "v${version}" { item a "A" -> exit }\n',
      errors: [
        {
          messageId: "shadowsBuiltin",
          data: { kind: "constant", name: "version" },
          line: 1,
          column: 7,
          endLine: 1,
          endColumn: 14,
        },
      ],
    },
  ],
});
