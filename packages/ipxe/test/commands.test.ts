import { describe, expect, it } from "vitest";
import {
  MAX_ARGUMENTS,
  commandNames,
  commandTable,
  findOption,
  getCommand,
  positionalKind,
  releaseHas,
} from "../src/commands.js";

describe("the command table", () => {
  it("has every command of the iPXE tree, synonyms included (92 names)", () => {
    expect(commandNames).toHaveLength(92);
    for (const name of ["goto", "chain", "choose", "imgverify", "sha256sum", "shim", "present", "gdbstub"]) {
      expect(commandTable.has(name)).toBe(true);
    }
  });

  it("is case-sensitive: `Echo` is not a command", () => {
    expect(getCommand("Echo")).toBeUndefined();
    expect(getCommand("chian")).toBeUndefined();
  });

  it("shares one implementation between synonyms", () => {
    const groups = [
      ["imgfetch", "module", "initrd"],
      ["imgselect", "kernel", "imgload"],
      ["imgexec", "chain", "boot"],
      ["ifconf", "dhcp"],
    ];
    for (const names of groups) {
      for (const name of names) {
        const spec = getCommand(name)!;
        expect(spec.canonical).toBe(names[0]);
        expect([...spec.names].sort()).toEqual([...names].sort());
        expect(spec.options).toBe(getCommand(names[0]!)!.options);
      }
    }
  });

  it("marks the commands whose failure is an ordinary outcome", () => {
    const fallible = [
      "iseq",
      "isset",
      "chain",
      "goto",
      "choose",
      "prompt",
      "dhcp",
      "imgverify",
      "cpuid",
      "read",
      "kernel",
      "initrd",
      "imgfetch",
      "sanboot",
      "ping",
    ];
    for (const name of fallible) expect(getCommand(name)!.fallible, name).toBe(true);
    for (const name of ["echo", "set", "menu", "item", "clear", "sleep"])
      expect(getCommand(name)!.fallible, name).toBe(false);
  });

  it("marks the side-effect-free conditions", () => {
    const conditions = commandNames.filter((name) => getCommand(name)!.condition);
    expect(conditions).toEqual(["cpuid", "iseq", "isset"]);
  });

  it("knows which commands stop the line or the script", () => {
    expect(getCommand("goto")).toMatchObject({ stopsLine: "on-success", endsScript: "never" });
    expect(getCommand("exit")).toMatchObject({ stopsLine: "always", endsScript: "always" });
    expect(getCommand("chain")).toMatchObject({ stopsLine: "never", endsScript: "with-replace" });
    expect(getCommand("echo")).toMatchObject({ stopsLine: "never", endsScript: "never" });
  });

  it("gives the positional counts of each command descriptor", () => {
    expect(getCommand("clear")).toMatchObject({ minArgs: 1, maxArgs: 1 });
    expect(getCommand("iseq")).toMatchObject({ minArgs: 2, maxArgs: 2 });
    expect(getCommand("goto")).toMatchObject({ minArgs: 1, maxArgs: 1 });
    expect(getCommand("item")).toMatchObject({ minArgs: 0, maxArgs: MAX_ARGUMENTS });
    expect(getCommand("boot")).toMatchObject({ minArgs: 0, maxArgs: MAX_ARGUMENTS });
    expect(getCommand("kernel")).toMatchObject({ minArgs: 1, maxArgs: MAX_ARGUMENTS });
    expect(MAX_ARGUMENTS).toBe(255);
  });

  it("describes options with their short letter and argument kind", () => {
    const choose = getCommand("choose")!;
    expect(findOption(choose, "timeout")).toEqual({ long: "timeout", short: "t", argument: "timeout-ms" });
    expect(findOption(choose, "keep")).toEqual({ long: "keep", short: "k" });
    expect(findOption(choose, "retimeout")).toEqual({
      long: "retimeout",
      short: "r",
      argument: "timeout-ms",
      since: "2",
    });
    expect(findOption(getCommand("item")!, "key")!.argument).toBe("key");
    expect(findOption(getCommand("echo")!, "n")).toEqual({ long: "n", short: "n" });
  });

  it("gives every option a distinct short letter and long name within its command", () => {
    for (const name of commandNames) {
      const options = getCommand(name)!.options;
      expect(new Set(options.map((o) => o.short)).size, name).toBe(options.length);
      expect(new Set(options.map((o) => o.long)).size, name).toBe(options.length);
      expect(
        options.some((o) => o.short === "h" || o.long === "help"),
        name,
      ).toBe(false);
    }
  });

  it("knows the kind of each positional argument", () => {
    expect(positionalKind(getCommand("goto")!, 0)).toBe("label");
    expect(positionalKind(getCommand("sleep")!, 0)).toBe("integer");
    expect(positionalKind(getCommand("set")!, 3)).toBe("text");
    expect(positionalKind(getCommand("clear")!, 1)).toBeUndefined();
  });

  it("orders releases", () => {
    expect(releaseHas("1.21", "2")).toBe(false);
    expect(releaseHas("2", "2")).toBe(true);
    expect(releaseHas("2019", undefined)).toBe(true);
    expect(releaseHas("2", "master")).toBe(false);
  });
});
