import { describe, expect, it } from "vitest";
import { commandHelp, parseCommandLine, topLevelHelp, UsageError, type Invocation } from "../src/usage.js";

const targets = ["ipxe-1.21-pcbios", "ipxe-2-efi"];
const parse = (...argv: string[]): Invocation => parseCommandLine(argv, () => targets);
const usageError = (...argv: string[]): UsageError => {
  try {
    parse(...argv);
  } catch (error) {
    if (error instanceof UsageError) return error;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(" ")}`);
};

describe("the command line", () => {
  describe("build", () => {
    it("takes paths and defaults the output directory to out", () => {
      expect(parse("build", "menus", "extra.ipxm")).toEqual({
        kind: "build",
        options: { paths: ["menus", "extra.ipxm"], defines: {}, outDir: "out", map: false },
      });
    });

    it("reads -o, --target, repeated --define and --map", () => {
      const invocation = parse(
        "build",
        "menus",
        "-o",
        "public",
        "--target",
        "ipxe-2-efi",
        "--define",
        "a=1",
        "-D",
        "b=x=y",
        "--map",
      );
      expect(invocation).toEqual({
        kind: "build",
        options: {
          paths: ["menus"],
          target: "ipxe-2-efi",
          defines: { a: "1", b: "x=y" },
          outDir: "public",
          map: true,
        },
      });
    });

    it("accepts --opt=value and treats everything after -- as paths", () => {
      const invocation = parse("build", "--out=dist", "--", "-odd.ipxm");
      expect(invocation).toMatchObject({ kind: "build", options: { outDir: "dist", paths: ["-odd.ipxm"] } });
    });

    it("takes the working directory when no path is given", () => {
      expect(parse("build", "-o", "public")).toMatchObject({ options: { paths: ["."], outDir: "public" } });
    });

    it("lets the last --define of a name win and keeps an empty value", () => {
      expect(parse("build", "m", "--define", "a=1", "--define", "a=")).toMatchObject({
        options: { defines: { a: "" } },
      });
    });
  });

  describe("check", () => {
    it("has no output options", () => {
      expect(parse("check", "menus")).toEqual({ kind: "check", options: { paths: ["menus"], defines: {} } });
      expect(usageError("check", "menus", "-o", "x").message).toBe("unknown option -o");
    });
  });

  describe("serve", () => {
    it("defaults to 127.0.0.1:8080", () => {
      expect(parse("serve", "menus")).toEqual({
        kind: "serve",
        options: { paths: ["menus"], defines: {}, outDir: "out", port: 8080, host: "127.0.0.1" },
      });
    });

    it("accepts port 0 (any free port) and another host", () => {
      expect(parse("serve", "menus", "--port", "0", "--host", "0.0.0.0")).toMatchObject({
        options: { port: 0, host: "0.0.0.0" },
      });
    });

    it.each(["-1", "65536", "80a", "", "1e3"])("rejects the port %j", (port) => {
      expect(usageError("serve", "menus", `--port=${port}`).message).toMatch(
        /^--port .*: expected a number from 0 to 65535$/,
      );
    });
  });

  describe("help and version", () => {
    it.each([["--help"], ["-h"], ["help"]])("shows the overview for %s", (flag) => {
      expect(parse(flag)).toEqual({ kind: "help" });
    });

    it.each(["build", "check", "serve"])("shows the help of %s, even next to other mistakes", (command) => {
      expect(parse(command, "--help")).toEqual({ kind: "help", command });
      expect(parse(command, "--bogus", "-h")).toEqual({ kind: "help", command });
      expect(parse("help", command)).toEqual({ kind: "help", command });
    });

    it.each([["--version"], ["-V"], ["build", "-V"], ["check", "--version"], ["serve", "--version"]])(
      "prints the version for %j",
      (...argv) => {
        expect(parse(...argv)).toEqual({ kind: "version" });
      },
    );

    it("does not take --help after -- as a flag", () => {
      expect(parse("build", "--", "--help")).toMatchObject({ kind: "build", options: { paths: ["--help"] } });
    });

    it("lists every command and every option of a command", () => {
      expect(topLevelHelp()).toMatch(/build .*\n.*check .*\n.*serve /);
      const help = commandHelp("serve", targets, "ipxe-1.21-pcbios");
      for (const option of [
        "--out <dir>",
        "--port <n>",
        "--host <addr>",
        "--target <profile>",
        "--define <name=value>",
        "--help",
        "--version",
      ]) {
        expect(help).toContain(option);
      }
      expect(help).toContain("ipxe-1.21-pcbios (default), ipxe-2-efi");
    });
  });

  describe("usage errors", () => {
    it.each([
      [["build", "menus", "--frobnicate"], "unknown option --frobnicate", "build"],
      [["build", "menus", "-x"], "unknown option -x", "build"],
      [["build", "menus", "-o"], "option --out needs a value", "build"],
      [["build", "menus", "--target"], "option --target needs a value", "build"],
      [["build", "menus", "--map=yes"], "option --map takes no value", "build"],
      [
        ["build", "menus", "--target", "ipxe-3"],
        'unknown target "ipxe-3" (targets: ipxe-1.21-pcbios, ipxe-2-efi)',
        "build",
      ],
      [["build", "menus", "--define", "novalue"], "--define novalue: expected name=value", "build"],
      [["build", "menus", "--define", "=1"], '--define =1: "" is not a constant name', "build"],
      [
        ["compile", "menus"],
        'unknown command "compile" (commands: build, check, serve, preview, lint, fmt)',
        undefined,
      ],
      [
        ["--frobnicate"],
        "unknown option --frobnicate (a command comes first: build, check, serve, preview, lint, fmt)",
        undefined,
      ],
      [[], "missing command", undefined],
    ])("%j: %s", (argv, message, command) => {
      const error = usageError(...argv);
      expect(error.message).toBe(message);
      expect(error.command).toBe(command);
    });
  });
});
