import { describe, expect, it } from "vitest";
import { compile } from "@ipxm/compiler";
import type { Condition, Program, ProgramStatement } from "@ipxm/core";
import { act, cond, entry, item, menu, program, s, setting, st, t } from "./builders.js";
import { run, settingsWith } from "./interpreter.js";

function programWith(body: ProgramStatement[], extra: Partial<Program> = {}): Program {
  return {
    ...program({
      settings: [setting("mirror", "http://m"), setting("answer"), setting("a"), setting("b"), setting("c")],
      menus: [menu("main", "M", [item("x", "X", act.entry("e"))], { escape: act.exit(0) })],
      entries: [entry("e", body, { failureMessage: "Could not start e" })],
    }),
    ...extra,
  };
}

function scriptOf(p: Program): string {
  const result = compile(p);
  expect(result.diagnostics).toEqual([]);
  return result.script!;
}

/** The entry's own lines, from `:e` up to its error screen (or the end). */
function entryLines(body: ProgramStatement[]): string[] {
  const lines = scriptOf(programWith(body)).split("\n");
  const start = lines.indexOf(":e");
  const end = lines.indexOf(":e.failed");
  return lines.slice(start, end < 0 ? -1 : end);
}

/** Runs the entry once (picked from the menu, then Esc) and returns what it did. */
function runEntry(
  body: ProgramStatement[],
  world: Parameters<typeof run>[1] = {},
  values: Record<string, string> = {},
) {
  return run(
    scriptOf(programWith(body)),
    { choose: (_m, call) => (call === 0 ? "x" : undefined), ...world },
    settingsWith(values),
  );
}

describe("entries", () => {
  it("free old images, load kernel and initrd, boot, each guarded, then return to the menu", () => {
    expect(
      entryLines([
        st.kernel(t(s("mirror"), "/linux"), [t("initrd=initrd.gz"), t("priority=critical")]),
        st.initrd(t(s("mirror"), "/initrd.gz")),
        st.boot(),
      ]),
    ).toEqual([
      ":e",
      "imgfree ||",
      "kernel -- ${mirror}/linux initrd=initrd.gz priority=critical || goto e.failed",
      "initrd -- ${mirror}/initrd.gz || goto e.failed",
      "boot || goto e.failed",
      "goto ${ipxm_menu} || goto main",
    ]);
  });

  it("pass kernel arguments exactly, whatever they contain", () => {
    const args = [
      t("quiet"),
      t("sshkey=ssh-rsa AAAA user"),
      t("a  b"),
      t("x;y"),
      t(";"),
      t("#c"),
      t(""),
      t("console=ttyS0,115200n8"),
    ];
    const result = runEntry([st.kernel(t("http://h/k"), args), st.boot()]);
    const kernel = result.events.find((e) => e.command === "kernel")!;
    expect(kernel.args[0]).toBe("http://h/k");
    expect(kernel.args.slice(1).join(" ")).toBe("quiet sshkey=ssh-rsa AAAA user a  b x;y ; #c  console=ttyS0,115200n8");
  });

  it("name an initrd with --name", () => {
    expect(entryLines([st.initrd(t("http://h/initrd.gz"), t("initrd.magic"))])[2]).toBe(
      "initrd --name initrd.magic http://h/initrd.gz || goto e.failed",
    );
    expect(entryLines([st.initrd(t("http://h/i"), t("-odd"))])[2]).toBe(
      "initrd --name=-odd http://h/i || goto e.failed",
    );
  });

  it("echo text, with -- when it starts with a dash", () => {
    expect(entryLines([st.echo(t("Hello")), st.echo(t("-v")), st.echo(t(""))]).slice(1, 4)).toEqual([
      "echo Hello",
      "echo -- -v",
      "echo",
    ]);
  });

  describe("prompt", () => {
    it("asks with echo -n and a trailing space, then reads the setting", () => {
      expect(entryLines([st.prompt("answer", t("Hostname?"))]).slice(1, 3)).toEqual([
        "echo -n Hostname? ${}",
        "read answer || goto ${ipxm_menu} || goto main",
      ]);
    });

    it("stores what the user typed", () => {
      const result = runEntry([st.prompt("answer", t("Name:")), st.echo(t("Hi ", s("answer")))], { read: () => "Ada" });
      expect(result.output).toEqual(["Name: Hi Ada"]);
    });

    it("returns to the menu at once when the user presses Esc", () => {
      const result = runEntry([st.prompt("answer", t("Name:")), st.echo(t("after"))], { read: () => undefined });
      expect(result.output).not.toContain("after");
      expect(result.menus).toHaveLength(2);
    });
  });

  describe("set", () => {
    it("sets a setting, routing the value when needed", () => {
      const result = runEntry(
        [st.set("answer", t("a  b || c")), st.set("a", t("x ", s("mirror")))],
        {},
        { mirror: "http://m" },
      );
      expect(result.settings.get("answer")).toBe("a  b || c");
      expect(result.settings.get("a")).toBe("x http://m");
    });

    it("clears a setting when the value is empty", () => {
      expect(entryLines([st.set("answer", t(""))])[1]).toBe("clear answer");
    });
  });

  it("sleep waits whole seconds, rounding up, and tolerates Ctrl-C", () => {
    expect(entryLines([st.sleep(2.1), st.sleep(0)]).slice(1, 3)).toEqual(["sleep 3 ||", "sleep 0 ||"]);
  });

  it("raw lines are copied as written", () => {
    expect(
      entryLines([
        st.raw(["echo MAC ${net0/mac} IP ${net0/ip}", "prompt Press any key ||", ":retry dhcp || goto retry"]),
      ]).slice(1, 4),
    ).toEqual(["echo MAC ${net0/mac} IP ${net0/ip}", "prompt Press any key ||", ":retry dhcp || goto retry"]);
  });

  it("write nothing after a statement that never returns", () => {
    expect(entryLines([act.exit(1), st.echo(t("unreachable"))]).slice(1)).toEqual(["exit 1"]);
  });

  describe("when", () => {
    it("jumps over the then-branch when the condition is false", () => {
      expect(entryLines([st.when(cond.equals(t(s("platform")), t("efi")), [st.echo(t("EFI"))])])).toEqual([
        ":e",
        "iseq ${platform} efi || goto e.end.1",
        "echo EFI",
        ":e.end.1",
        "goto ${ipxm_menu} || goto main",
      ]);
    });

    it("with an else, jumps to the else-branch and the then-branch jumps over it", () => {
      expect(entryLines([st.when(cond.isset("answer"), [st.echo(t("yes"))], [st.echo(t("no"))])])).toEqual([
        ":e",
        "isset -- ${answer} || goto e.else.1",
        "echo yes",
        "goto e.end.1",
        ":e.else.1",
        "echo no",
        ":e.end.1",
        "goto ${ipxm_menu} || goto main",
      ]);
    });

    it("needs no end label when the then-branch never returns", () => {
      expect(entryLines([st.when(cond.isset("answer"), [act.exit(1)], [st.echo(t("no"))])])).toEqual([
        ":e",
        "isset -- ${answer} || goto e.else.1",
        "exit 1",
        ":e.else.1",
        "echo no",
        "goto ${ipxm_menu} || goto main",
      ]);
    });

    it("with only an else-branch, jumps over it when the condition holds", () => {
      expect(entryLines([st.when(cond.isset("answer"), [], [st.echo(t("no"))])])).toEqual([
        ":e",
        "isset -- ${answer} && goto e.end.1 ||",
        "echo no",
        ":e.end.1",
        "goto ${ipxm_menu} || goto main",
      ]);
    });

    it("ends the entry when both branches never return", () => {
      expect(
        entryLines([st.when(cond.isset("answer"), [act.exit(1)], [act.exit(2)]), st.echo(t("unreachable"))]),
      ).toEqual([":e", "isset -- ${answer} || goto e.else.1", "exit 1", ":e.else.1", "exit 2"]);
    });

    it("nests, numbering each when", () => {
      const lines = entryLines([
        st.when(cond.isset("a"), [st.when(cond.isset("b"), [st.echo(t("ab"))])]),
        st.when(cond.isset("c"), [st.echo(t("c"))]),
      ]);
      expect(lines).toContain(":e.end.1");
      expect(lines).toContain(":e.end.2");
      expect(lines).toContain(":e.end.3");
    });
  });

  describe("conditions", () => {
    const a = cond.equals(t(s("a")), t("1"));
    const b = cond.equals(t(s("b")), t("1"));
    const c = cond.isset("c");
    const shapes: [string, Condition, (a: boolean, b: boolean, c: boolean) => boolean][] = [
      ["a", a, (x) => x],
      ["not a", cond.not(a), (x) => !x],
      ["a and b", cond.and(a, b), (x, y) => x && y],
      ["a or b", cond.or(a, b), (x, y) => x || y],
      ["not (a and b)", cond.not(cond.and(a, b)), (x, y) => !(x && y)],
      ["not (a or b)", cond.not(cond.or(a, b)), (x, y) => !(x || y)],
      ["(a or b) and c", cond.and(cond.or(a, b), c), (x, y, z) => (x || y) && z],
      ["a or (b and c)", cond.or(a, cond.and(b, c)), (x, y, z) => x || (y && z)],
      ["not a or not (b or c)", cond.or(cond.not(a), cond.not(cond.or(b, c))), (x, y, z) => !x || !(y || z)],
      [
        "(a and not b) or (not a and c)",
        cond.or(cond.and(a, cond.not(b)), cond.and(cond.not(a), c)),
        (x, y, z) => (x && !y) || (!x && z),
      ],
    ];
    for (const [name, condition, expected] of shapes) {
      it(`${name}: takes the right branch for every combination of inputs`, () => {
        for (const [x, y, z] of [0, 1, 2, 3, 4, 5, 6, 7].map((n) => [!!(n & 1), !!(n & 2), !!(n & 4)] as const)) {
          const values: Record<string, string> = { a: x ? "1" : "0", b: y ? "1" : "0" };
          if (z) values.c = "set";
          const result = runEntry(
            [st.when(condition, [st.echo(t("then"))], [st.echo(t("else"))]), st.echo(t("after"))],
            {},
            values,
          );
          expect(result.output, `${name} with a=${x} b=${y} c=${z}`).toEqual([
            expected(x, y, z) ? "then" : "else",
            "after",
          ]);
          expect(result.end).toEqual({ kind: "exit", status: 0 });
        }
      });
    }

    it("compare text exactly, even with spaces, and values that start with a dash", () => {
      const condition = cond.equals(t(s("answer")), t("yes  please"));
      const lines = entryLines([st.when(condition, [st.echo(t("yes"))])]);
      expect(lines[1]).toBe("set ipxm_t1:hex 79:65:73:20:20:70:6c:65:61:73:65");
      expect(lines[2]).toBe("iseq -- ${answer} ${ipxm_t1:string} || goto e.end.1");
      expect(runEntry([st.when(condition, [st.echo(t("yes"))])], {}, { answer: "yes  please" }).output).toEqual([
        "yes",
      ]);
      expect(
        runEntry([st.when(cond.equals(t(s("answer")), t("-x")), [st.echo(t("dash"))])], {}, { answer: "-x" }).output,
      ).toEqual(["dash"]);
    });
  });

  it("free images when a kernel is loaded only inside a when", () => {
    expect(entryLines([st.when(cond.isset("a"), [st.kernel(t("http://h/k"))])])[1]).toBe("imgfree ||");
  });

  it("have no error screen when nothing can fail", () => {
    const script = scriptOf(programWith([st.echo(t("hi"))]));
    expect(script).not.toContain(":e.failed");
  });
});
