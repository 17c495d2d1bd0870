import { targetSupport } from "../../src/rules/target-support.js";
import { ipxeTester, ipxmTester } from "../rule-tester.js";

ipxeTester.run("target-support (iPXE)", targetSupport as never, {
  valid: [
    { name: "the default target has http, chain and menus", code: "#!ipxe\nchain http://boot.example/menu.ipxe\n" },
    {
      name: "https on a build that has it",
      code: "#!ipxe\nchain https://boot.netboot.xyz\n",
      options: [{ target: "ipxe-2-efi" }],
    },
    {
      name: "the target from the shared settings",
      code: "#!ipxe\nntp pool.ntp.org ||\n",
      settings: { ipxm: { target: "ipxe-2-efi" } },
    },
    {
      name: "a command under a test for the other platform",
      code: "#!ipxe\niseq ${platform} efi && console --x 1024 --y 768 ||\n",
      options: [{ target: "ipxe-2-pcbios" }],
    },
    { name: "a computed scheme cannot be judged", code: "#!ipxe\nchain ${proto}://boot.example/x ||\n" },
  ],
  invalid: [
    {
      name: "https and imgverify on Debian's iPXE (Dasharo/dasharo-issues#40)",
      code: "#!ipxe\nimgverify menu.ipxe menu.ipxe.sig || goto error\nchain https://boot.netboot.xyz/menu.ipxe || goto error\n:error\n",
      options: [{ target: "debian-efi" }],
      errors: [
        {
          message:
            'target "debian-efi" (Debian 12 ipxe 1.0.0+git-20190125 (EFI)) has no "imgverify" command: iPXE prints "imgverify: command not found"',
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 10,
        },
        {
          message:
            'target "debian-efi" (Debian 12 ipxe 1.0.0+git-20190125 (EFI)) cannot download https:// URLs ("Operation not supported"); use http://, or a target with HTTPS such as "ipxe-2-efi"',
          line: 3,
          column: 7,
          endLine: 3,
          endColumn: 41,
        },
      ],
    },
    {
      name: "an option of a later release",
      code: "#!ipxe\nmenu M\nitem a A\nchoose --retimeout 5000 x || exit\n",
      errors: [
        {
          message:
            'target "ipxe-1.21-pcbios" (iPXE v1.21.1, stock configuration (PC-BIOS)) has no "choose --retimeout" option',
          line: 4,
          column: 8,
          endLine: 4,
          endColumn: 19,
        },
      ],
    },
    {
      name: "a local drive on 1.x EFI",
      code: "#!ipxe\nsanboot --no-describe --drive 0x80 || exit 1\n",
      settings: { ipxm: { target: "ipxe-1.21-efi" } },
      errors: [{ messageId: "noLocalDrive", line: 2, column: 1, endLine: 2, endColumn: 8 }],
    },
    {
      name: "an unknown target in the settings",
      code: "#!ipxe\necho hi\n",
      settings: { ipxm: { target: "ipxe-3" } },
      errors: [
        {
          message:
            'unknown target "ipxe-3" (targets: debian-pcbios, debian-efi, ipxe-1.21-pcbios, ipxe-1.21-efi, ipxe-2-pcbios, ipxe-2-efi)',
          line: 1,
          column: 1,
        },
      ],
    },
  ],
});

ipxmTester.run("target-support (ipxm)", targetSupport as never, {
  valid: [
    'menu main "Main" { item a "A" -> chain "http://boot.example/x.ipxe" }\n',
    {
      name: "https:// on a target with HTTPS",
      code: 'menu main "Main" { item a "A" -> chain "https://boot.example/x.ipxe" }\n',
      options: [{ target: "ipxe-2-efi" }],
    },
  ],
  invalid: [
    {
      name: "https:// on a target without HTTPS, checked by the compiler inside the rule",
      code: 'menu main "Main" { item a "A" -> chain "https://boot.example/x.ipxe" }\n',
      settings: { ipxm: { target: "ipxe-1.21-pcbios" } },
      errors: [
        {
          message:
            'target "ipxe-1.21-pcbios" (iPXE v1.21.1, stock configuration (PC-BIOS)) cannot download https:// urls; use http://, or a target with HTTPS such as "ipxe-2-efi"',
          line: 1,
          column: 34,
          endLine: 1,
          endColumn: 69,
        },
      ],
    },
    {
      name: "an unknown target in the settings",
      code: 'menu main "Main" { item a "A" -> exit }\n',
      settings: { ipxm: { target: "nope" } },
      errors: [{ messageId: "unknownTarget", line: 1, column: 1 }],
    },
  ],
});

ipxeTester.run("target-support (iPXE, platform branches)", targetSupport as never, {
  valid: [
    {
      name: "a local drive on the PC-BIOS branch of an EFI target, as the compiler writes it",
      code: [
        "#!ipxe",
        ":local_disk",
        "iseq ${platform} efi && goto local_disk.else ||",
        "sanboot --no-describe --drive 0x80 || goto failed",
        "goto local_disk.end",
        ":local_disk.else",
        "exit 1",
        ":local_disk.end",
        ":failed",
        "",
      ].join("\n"),
      options: [{ target: "ipxe-1.21-efi" }],
    },
  ],
  invalid: [
    {
      name: "the EFI branch is judged by the EFI build of the same release",
      code: "#!ipxe\niseq ${platform} pcbios || goto efi\nexit 0\n:efi\nsanboot --drive 0x80 ||\n",
      options: [{ target: "ipxe-1.21-pcbios" }],
      errors: [
        {
          message:
            'target "ipxe-1.21-pcbios" on efi (iPXE v1.21.1, stock configuration (EFI)) cannot boot a local drive with sanboot (EFI builds before iPXE 2.0); use "exit 1" to let the firmware boot the next device',
          line: 5,
          column: 1,
        },
      ],
    },
    {
      name: "a label also reached from code on either platform is judged by the target itself",
      code: "#!ipxe\ngoto here\n:back\niseq ${platform} pcbios && goto here ||\n:here\nconsole --x 800 ||\n",
      options: [{ target: "ipxe-2-pcbios" }],
      errors: [{ messageId: "noCommand", line: 6, column: 1 }],
    },
  ],
});
