import { describe, expect, it } from "vitest";
import { parseCommand } from "../src/parse-command.js";

const split = (line: string) => line.split(" ");
const parse = (line: string, options?: Parameters<typeof parseCommand>[1]) => parseCommand(split(line), options);

describe("option parsing", () => {
  it("stops at the first positional: `item foo --key x Text` makes --key part of the text", () => {
    const parsed = parse("item foo --key x Text");
    expect(parsed.ok).toBe(true);
    expect(parsed.options).toEqual([]);
    expect(parsed.positionals).toEqual(["foo", "--key", "x", "Text"]);
    expect(parsed.positionalIndex).toBe(1);
  });

  it("ends options at `--`: `item --gap -- ---- Tools ----`", () => {
    const parsed = parse("item --gap -- ---- Tools ----");
    expect(parsed.ok).toBe(true);
    expect(parsed.options.map((o) => o.option.long)).toEqual(["gap"]);
    expect(parsed.positionals).toEqual(["----", "Tools", "----"]);
    expect(parsed.positionalIndex).toBe(3);
  });

  it("parses text that starts with `-` as an option unless `--` comes first", () => {
    expect(parse("echo ---").error).toMatchObject({
      kind: "unknown-option",
      message: 'Unrecognised option "---"',
      index: 1,
    });
    expect(parse("menu ---- Title ----").error!.kind).toBe("unknown-option");
    expect(parse("echo -- ---").ok).toBe(true);
    expect(parse("echo -- ---").positionals).toEqual(["---"]);
  });

  it("rejects a lone `-` and a negative number in option position", () => {
    expect(parse("echo -").error).toMatchObject({ kind: "unknown-option", message: 'Unrecognised option "-"' });
    expect(parse("exit -1").error).toMatchObject({ kind: "unknown-option", message: 'Unrecognised option "-1"' });
  });

  it("reads `--timeout=5000`, `--timeout 5000` and `-t5000` alike", () => {
    for (const line of [
      "choose --timeout=5000 target",
      "choose --timeout 5000 target",
      "choose -t5000 target",
      "choose -t 5000 target",
    ]) {
      const parsed = parse(line);
      expect(parsed.ok, line).toBe(true);
      expect(parsed.options[0]!.integer, line).toBe(5000);
      expect(parsed.positionals, line).toEqual(["target"]);
    }
  });

  it("records where an option's value came from", () => {
    expect(parse("choose --timeout 5000 t").options[0]).toMatchObject({
      spelling: "--timeout",
      index: 1,
      value: "5000",
      valueIndex: 2,
    });
    expect(parse("choose -t5000 t").options[0]).toMatchObject({
      spelling: "-t",
      index: 1,
      value: "5000",
      valueIndex: 1,
    });
  });

  it("reads `--timeout 010` as 8 (octal) and says so", () => {
    const parsed = parse("choose --timeout 010 target");
    expect(parsed.options[0]!.integer).toBe(8);
    expect(parsed.notes).toEqual([
      { kind: "octal-integer", index: 2, message: '"010" has a leading zero, so it is octal: 8' },
    ]);
  });

  it("bundles short flags and lets the last one take the next argument", () => {
    const parsed = parse("item -dk x linux Boot Linux");
    expect(parsed.ok).toBe(true);
    expect(parsed.options.map((o) => o.option.long)).toEqual(["default", "key"]);
    expect(parsed.options[1]!.key).toBe(0x78);
    expect(parsed.positionals).toEqual(["linux", "Boot", "Linux"]);
  });

  it("does not take an argument that starts with `-`: `choose --default -x target`", () => {
    expect(parse("choose --default -x target").error).toEqual({
      kind: "missing-argument",
      message: 'Option "default" requires an argument',
      index: 1,
      option: "default",
    });
    expect(parse("choose -d").error).toMatchObject({
      kind: "missing-argument",
      message: 'Option "d" requires an argument',
    });
  });

  it("accepts an empty value, as `--default ${unset}` expands to", () => {
    const parsed = parseCommand(["choose", "--default", "", "target"]);
    expect(parsed.ok).toBe(true);
    expect(parsed.options[0]!.value).toBe("");
    expect(parseCommand(["choose", "--default=", "target"]).options[0]!.value).toBe("");
  });

  it("fails on an empty integer: `choose --timeout ${menu-timeout}` with the setting unset", () => {
    expect(parseCommand(["choose", "--timeout", "", "target"]).error).toEqual({
      kind: "invalid-integer",
      message: '"": invalid integer value',
      index: 2,
      option: "timeout",
    });
  });

  it("matches long options exactly, with no abbreviations", () => {
    expect(parse("choose --time 5 target").error).toMatchObject({
      kind: "unknown-option",
      message: 'Unrecognised option "--time"',
    });
    expect(parse("choose --timeouts 5 target").error!.kind).toBe("unknown-option");
  });

  it("refuses a value for a flag", () => {
    expect(parse("item --gap=x").error).toMatchObject({
      kind: "unexpected-argument",
      message: 'Option "gap" takes no argument',
    });
  });

  it("treats -h and --help as a request for usage, which fails the command", () => {
    expect(parse("choose --help").error!.kind).toBe("help");
    expect(parse("echo -h").error!.kind).toBe("help");
  });

  it("rejects keys that are neither one character nor an integer", () => {
    expect(parse("item --key 1 one One").options[0]!.key).toBe(0x31);
    expect(parse("item --key 0x197e f12 F12").options[0]!.key).toBe(0x197e);
    expect(parse("item --key ab x y").error).toMatchObject({
      kind: "invalid-key",
      message: '"ab": invalid integer value',
      index: 2,
    });
  });
});

describe("positional arguments", () => {
  it("must number between the command's min and max: bare `clear` is a usage error", () => {
    expect(parse("clear").error).toMatchObject({ kind: "argument-count", index: 1 });
    expect(parseCommand(["clear"]).error!.message).toContain("clear expects 1 argument, got 0");
  });

  it("count empty values: `isset ${a} ${b}` has two arguments", () => {
    expect(parseCommand(["isset", "", ""]).error).toMatchObject({ kind: "argument-count", index: 2 });
    expect(parseCommand(["iseq", "", "x86_64"]).ok).toBe(true);
  });

  it("stop at 255 for open-ended commands", () => {
    expect(parseCommand(["echo", ...Array<string>(255).fill("x")]).ok).toBe(true);
    expect(parseCommand(["echo", ...Array<string>(256).fill("x")]).error).toMatchObject({
      kind: "argument-count",
      index: 256,
    });
  });

  it("are checked as integers where the command parses them", () => {
    expect(parse("exit 08").error).toEqual({
      kind: "invalid-integer",
      message: '"08": invalid integer value',
      index: 1,
    });
    expect(parse("exit 0x1f").ok).toBe(true);
    expect(parse("sleep five").error!.kind).toBe("invalid-integer");
    expect(parse("cpuid --ext 29").ok).toBe(true);
    expect(parse("sanboot --no-describe --drive 0x80").options.map((o) => o.integer)).toEqual([undefined, 0x80]);
  });

  it("check the count before the values, as iPXE does", () => {
    expect(parse("sleep a b").error!.kind).toBe("argument-count");
  });
});

describe("commands", () => {
  it("treat an empty command as a success", () => {
    const parsed = parseCommand([]);
    expect(parsed).toMatchObject({ ok: true, empty: true, name: "" });
  });

  it("report an unknown command the way iPXE prints it", () => {
    expect(parse("chian x").error).toEqual({ kind: "unknown-command", message: "chian: command not found", index: 0 });
    expect(parseCommand([""]).error!.message).toBe(": command not found");
  });

  it("parse the idioms of real menu trees", () => {
    for (const line of [
      "prompt --key m --timeout 4000 Press m for the menu",
      "chain --autofree --replace http://boot/menu.ipxe",
      "imgfetch -n bootmgr http://x/bootmgr bootmgr",
      "kernel http://x/vmlinuz initrd=initrd.magic quiet",
      "menu --name main iPXE boot menu",
      "item --key l --default linux Boot Linux",
      "choose --menu main --default linux --timeout 5000 --keep target",
      "dhcp --timeout 5000 net0",
      "sanboot --no-describe --drive 0x80",
      "set net0/ip 10.0.2.15",
    ]) {
      expect(parse(line).ok, line).toBe(true);
    }
  });
});

describe("releases", () => {
  it("know options that older builds lack: choose --retimeout is 2.x", () => {
    expect(parse("choose --retimeout 5000 target").ok).toBe(true);
    expect(parse("choose --retimeout 5000 target", { release: "1.21" }).error).toMatchObject({
      kind: "unknown-option",
      option: "retimeout",
      availableSince: "2",
    });
    expect(parse("choose -r 5000 target", { release: "1.21" }).error).toMatchObject({
      kind: "unknown-option",
      availableSince: "2",
    });
  });

  it("know commands that older builds lack", () => {
    expect(parse("iflinkwait", { release: "1.21" }).error).toMatchObject({
      kind: "unknown-command",
      availableSince: "2",
    });
    expect(parse("iflinkwait", { release: "2" }).ok).toBe(true);
  });
});

describe("raw tokens", () => {
  it("do not check values that still contain an expansion", () => {
    const parsed = parse("choose --timeout ${menu-timeout} target", { unexpanded: true });
    expect(parsed.ok).toBe(true);
    expect(parsed.options[0]).toMatchObject({ value: "${menu-timeout}", dynamic: true });
    expect(parse("choose --timeout ${menu-timeout} target").error!.kind).toBe("invalid-integer");
    expect(parse("exit ${status}", { unexpanded: true }).ok).toBe(true);
  });

  it("do not look up a command name that is an expansion", () => {
    expect(parse("${cmd} x", { unexpanded: true })).toMatchObject({ ok: true, dynamicName: true, positionals: ["x"] });
  });
});
