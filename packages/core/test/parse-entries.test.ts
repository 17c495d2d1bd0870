import { describe, expect, it } from "vitest";
import type {
  EntryDecl,
  ForNode,
  IfNode,
  InitrdStmt,
  KernelStmt,
  RawIpxeStmt,
  Statement,
  WhenNode,
} from "../src/ast.js";
import { entryStatements, onlyDeclaration, onlyStatement, slice } from "./parse-helpers.js";

describe("entry statements", () => {
  describe("kernel", () => {
    it("parses kernel URL without arguments", () => {
      const { text, statement } = onlyStatement('kernel "http://x/linux"');
      expect(statement).toMatchObject({ kind: "Kernel", url: { kind: "String" }, args: [] });
      expect(slice(text, statement)).toBe('kernel "http://x/linux"');
    });

    it("parses args separated by white space, across lines", () => {
      const { text, statement } = onlyStatement(
        'kernel "http://x/linux"\n  args "initrd=initrd.gz" "priority=critical"',
      );
      const kernel = statement as KernelStmt;
      expect(kernel.args.map((arg) => slice(text, arg))).toEqual(['"initrd=initrd.gz"', '"priority=critical"']);
      expect(slice(text, kernel)).toBe('kernel "http://x/linux"\n  args "initrd=initrd.gz" "priority=critical"');
    });

    it("accepts commas between args", () => {
      const { text, statement } = onlyStatement('kernel k args "a", "b" extra, c.d');
      expect((statement as KernelStmt).args.map((arg) => slice(text, arg))).toEqual(['"a"', '"b"', "extra", "c.d"]);
    });

    it("ends args at the next statement keyword", () => {
      const { statements } = entryStatements('kernel k args "a" "b"\ninitrd "i"\nboot');
      expect(statements.map((statement) => statement.kind)).toEqual(["Kernel", "Initrd", "BootKernel"]);
      expect((statements[0] as KernelStmt).args).toHaveLength(2);
    });

    it("ends args at a raw ipxe block and at the end of the block", () => {
      const { statements } = entryStatements('kernel k args "a" ipxe { echo }');
      expect(statements.map((statement) => statement.kind)).toEqual(["Kernel", "RawIpxe"]);
      expect((onlyStatement('kernel k args "a"').statement as KernelStmt).args).toHaveLength(1);
    });
  });

  describe("initrd", () => {
    it("parses initrd URL with and without a name", () => {
      const { text, statements } = entryStatements('initrd "http://x/initrd"\ninitrd "http://x/i.gz" as "initrd.gz"');
      const [plain, named] = statements as InitrdStmt[];
      expect(plain).toMatchObject({ kind: "Initrd", url: { kind: "String" } });
      expect(plain!.name).toBeUndefined();
      expect(named!.name?.kind).toBe("String");
      expect(slice(text, named!)).toBe('initrd "http://x/i.gz" as "initrd.gz"');
    });
  });

  describe("boot", () => {
    it("parses a bare boot as BootKernel", () => {
      const { text, statement } = onlyStatement("boot");
      expect(statement).toEqual({ kind: "BootKernel", start: expect.any(Number), end: expect.any(Number) });
      expect(slice(text, statement)).toBe("boot");
    });

    it("parses boot NAME(…) as running another entry", () => {
      const { text, statement } = onlyStatement('boot debian("12")');
      expect(statement).toMatchObject({ kind: "BootEntry", entry: { name: "debian" } });
      expect(slice(text, statement)).toBe('boot debian("12")');
    });

    it("does not read the next statement as the entry of a bare boot", () => {
      const { statements } = entryStatements('boot\necho "after"');
      expect(statements.map((statement) => statement.kind)).toEqual(["BootKernel", "Echo"]);
    });

    it("runs an entry only when its name is on the line of boot", () => {
      const { statements } = entryStatements("boot\nif (a or b) and c { }");
      expect(statements.map((statement) => statement.kind)).toEqual(["BootKernel", "If"]);
      expect(entryStatements("boot if(a)").statements.map((statement) => statement.kind)).toEqual(["BootEntry"]);
    });

    it("counts a line break anywhere between boot and the name, in a comment or as CR LF", () => {
      const kinds = (body: string) => entryStatements(body).statements.map((statement) => statement.kind);
      expect(kinds("boot /* two\nlines */ if (a) { }")).toEqual(["BootKernel", "If"]);
      expect(kinds("boot // note\nif (a) { }")).toEqual(["BootKernel", "If"]);
      expect(kinds("boot\r\nif (a) { }")).toEqual(["BootKernel", "If"]);
      expect(kinds("boot /* one line */ if(a)")).toEqual(["BootEntry"]);
    });
  });

  describe("other statements", () => {
    it("parses echo, prompt, set and sleep", () => {
      const body = 'echo "text"\nprompt name "Your name?"\nset mirror = "http://x"\nsleep 2s';
      const { text, statements } = entryStatements(body);
      expect(statements).toMatchObject([
        { kind: "Echo", text: { kind: "String" } },
        { kind: "Prompt", setting: { name: "name" }, question: { kind: "String" } },
        { kind: "Set", setting: { name: "mirror" }, value: { kind: "String" } },
        { kind: "Sleep", duration: { kind: "Duration", amount: 2, unit: "s" } },
      ]);
      expect(statements.map((statement) => slice(text, statement))).toEqual(body.split("\n"));
    });

    it("parses on failure MESSAGE", () => {
      const { text, statement } = onlyStatement('on failure "Could not start ${version}"');
      expect(statement).toMatchObject({ kind: "OnFailure", message: { kind: "String" } });
      expect(slice(text, statement)).toBe('on failure "Could not start ${version}"');
    });

    it("parses every action as a statement", () => {
      const body =
        'menu main\nchain "http://x"\nsanboot "http://x.iso"\nsanboot drive 0x80\nmemdisk "http://y.iso"\nshell\nexit 1\nreboot\nback';
      const { text, statements } = entryStatements(body);
      expect(statements.map((statement) => statement.kind)).toEqual([
        "OpenMenu",
        "Chain",
        "Sanboot",
        "Sanboot",
        "Memdisk",
        "Shell",
        "Exit",
        "Reboot",
        "Back",
      ]);
      expect(statements.map((statement) => slice(text, statement))).toEqual(body.split("\n"));
    });

    it("parses memdisk URL as MODE as a statement, and the statement after it", () => {
      const { text, statements } = entryStatements('memdisk "http://x/a.img" as harddisk\necho "after"');
      expect(statements).toMatchObject([{ kind: "Memdisk", mode: { name: "harddisk" } }, { kind: "Echo" }]);
      expect(slice(text, statements[0]!)).toBe('memdisk "http://x/a.img" as harddisk');
    });

    it("accepts keywords as setting names", () => {
      const { statements } = entryStatements('prompt menu "Menu?"\nset key = "k"');
      expect(statements).toMatchObject([{ setting: { name: "menu" } }, { setting: { name: "key" } }]);
    });
  });

  describe("raw ipxe", () => {
    it("keeps the text between the braces exactly, with its offset", () => {
      const raw = "ipxe {\n    echo MAC ${net0/mac} IP ${net0/ip}\n    prompt Press any key ||\n  }";
      const { text, statement } = onlyStatement(`  ${raw}`);
      const block = statement as RawIpxeStmt;
      expect(block.kind).toBe("RawIpxe");
      expect(block.text).toBe("\n    echo MAC ${net0/mac} IP ${net0/ip}\n    prompt Press any key ||\n  ");
      expect(text.slice(block.textOffset, block.textOffset + block.text.length)).toBe(block.text);
      expect(text.charAt(block.textOffset - 1)).toBe("{");
      expect(slice(text, block)).toBe(raw);
    });

    it("keeps raw blocks in order among statements", () => {
      const { statements } = entryStatements('echo "a"\nipxe { x }\necho "b"\nipxe { y }');
      expect(statements.map((statement) => statement.kind)).toEqual(["Echo", "RawIpxe", "Echo", "RawIpxe"]);
      expect((statements[3] as RawIpxeStmt).text).toBe(" y ");
    });
  });

  describe("blocks of statements", () => {
    it("parses when with else", () => {
      const body = "when platform == pcbios { sanboot drive 0x80 } else { exit 1 }";
      const { text, statement } = onlyStatement(body);
      const branch = statement as WhenNode<Statement>;
      expect(branch).toMatchObject({ kind: "When", condition: { kind: "Binary", operator: "==" } });
      expect(branch.then.map((inner) => inner.kind)).toEqual(["Sanboot"]);
      expect(branch.else?.map((inner) => inner.kind)).toEqual(["Exit"]);
      expect(slice(text, branch)).toBe(body);
    });

    it("parses for and if, with else if", () => {
      const body = 'for a in args_list { echo a }\nif x { echo "x" } else if y { echo "y" } else { boot }';
      const { statements } = entryStatements(body);
      const [loop, branch] = statements as [ForNode<Statement>, IfNode<Statement>];
      expect(loop).toMatchObject({ kind: "For", variable: { name: "a" }, body: [{ kind: "Echo" }] });
      expect(branch.kind).toBe("If");
      expect(branch.else).toMatchObject([{ kind: "If", then: [{ kind: "Echo" }], else: [{ kind: "BootKernel" }] }]);
    });
  });

  it("parses the Debian entry of the language reference", () => {
    const text = `entry debian(version: string, codename: string) {
  on failure "Could not start the Debian \${version} installer"
  kernel "\${mirror}/debian/dists/\${codename}/main/installer-amd64/current/images/netboot/debian-installer/amd64/linux"
    args "initrd=initrd.gz" "priority=critical"
  initrd "\${mirror}/debian/dists/\${codename}/main/installer-amd64/current/images/netboot/debian-installer/amd64/initrd.gz"
  boot
}`;
    const entry = onlyDeclaration(text) as EntryDecl;
    expect(entry.body.map((statement) => statement.kind)).toEqual(["OnFailure", "Kernel", "Initrd", "BootKernel"]);
    expect((entry.body[1] as KernelStmt).args).toHaveLength(2);
  });
});
