import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { forEachLogicalLine, tokenizeScript, type LogicalLine } from "../src/tokenize.js";

const argvOf = (line: LogicalLine) => line.commands.map((command) => command.argv.map((token) => token.text));
const only = (text: string) => {
  const script = tokenizeScript(text);
  expect(script.lines).toHaveLength(1);
  return script.lines[0]!;
};

describe("physical lines", () => {
  it("splits on \\n and does not start a line after a trailing newline", () => {
    const script = tokenizeScript("#!ipxe\necho a\n\necho b\n");
    expect(script.lines.map((line) => line.text)).toEqual(["#!ipxe", "echo a", "", "echo b"]);
    expect(script.lines.map((line) => line.firstLine)).toEqual([1, 2, 3, 4]);
  });

  it("strips one trailing \\r per line, so CRLF files work", () => {
    const text = "#!ipxe\r\necho hi\r\n";
    const line = tokenizeScript(text).lines[1]!;
    expect(line.text).toBe("echo hi");
    expect(line.commands[0]!.argv.map((t) => t.text)).toEqual(["echo", "hi"]);
    expect(line.end).toBe(text.indexOf("\r\n", 8));
  });

  it("strips only one \\r: a second one is ordinary whitespace", () => {
    expect(argvOf(only("echo a\r\r\n"))).toEqual([["echo", "a"]]);
    expect(only("echo a\r\r\n").text).toBe("echo a\r");
  });

  it("treats a \\r inside a line as whitespace", () => {
    expect(argvOf(only("echo a\rb"))).toEqual([["echo", "a", "b"]]);
  });

  it("reads an empty file as one empty line, as iPXE's loop does", () => {
    const script = tokenizeScript("");
    expect(script.lines).toHaveLength(1);
    expect(script.lines[0]!.commands).toEqual([]);
  });
});

describe("line continuation", () => {
  it("glues the next physical line on with no separator: `foo\\` + `bar` is `foobar`", () => {
    const text = "kernel foo\\\nbar\n";
    const line = only(text);
    expect(line.text).toBe("kernel foobar");
    expect(argvOf(line)).toEqual([["kernel", "foobar"]]);
    expect(line.firstLine).toBe(1);
    expect(line.lastLine).toBe(2);
  });

  it("keeps original offsets for a token that spans a continuation", () => {
    const text = "kernel foo\\\nbar\n";
    const token = only(text).commands[0]!.argv[1]!;
    expect(token.start).toBe(text.indexOf("foo"));
    expect(token.end).toBe(text.indexOf("bar") + 3);
    expect(text.slice(token.start, token.end)).toBe("foo\\\nbar");
  });

  it("needs the space before the backslash to keep arguments apart", () => {
    expect(argvOf(only("kernel vmlinuz \\\n  quiet\n"))).toEqual([["kernel", "vmlinuz", "quiet"]]);
  });

  it("strips the \\r of a CRLF line before looking for the backslash", () => {
    expect(only("echo a\\\r\nb\r\n").text).toBe("echo ab");
  });

  it("treats a backslash anywhere else as a literal character", () => {
    expect(argvOf(only("echo a\\b \\$x"))).toEqual([["echo", "a\\b", "\\$x"]]);
  });

  it("can continue onto a blank line, which simply ends the logical line", () => {
    const script = tokenizeScript("echo foo\\\n\necho bar\n");
    expect(script.lines.map((line) => line.text)).toEqual(["echo foo", "echo bar"]);
    expect(script.endsInContinuation).toBe(false);
    expect(script.lines[0]!.lastLine).toBe(2);
  });

  it("reports a file whose last line ends in a backslash: that line never runs", () => {
    for (const text of ["#!ipxe\necho a\\\n", "#!ipxe\necho a\\"]) {
      const script = tokenizeScript(text);
      expect(script.endsInContinuation).toBe(true);
      const last = script.lines[script.lines.length - 1]!;
      expect(last.unterminated).toBe(true);
      expect(last.text).toBe("echo a");
    }
  });

  it("lets a comment line ending in a backslash swallow the next line", () => {
    const script = tokenizeScript("# note \\\necho hidden\necho shown\n");
    expect(script.lines).toHaveLength(2);
    expect(script.lines[0]!.commands).toEqual([]);
    expect(script.lines[0]!.comment!.text).toBe("# note echo hidden");
    expect(argvOf(script.lines[1]!)).toEqual([["echo", "shown"]]);
  });
});

describe("labels", () => {
  it("reads `:name` and runs the rest of the line as a command", () => {
    const text = ":retry dhcp || goto retry\n";
    const line = only(text);
    expect(line.label).toEqual({ name: "retry", start: 0, end: 6 });
    expect(argvOf(line)).toEqual([["dhcp"], ["goto", "retry"]]);
  });

  it("allows indentation before the colon", () => {
    const line = only("   :menu\n");
    expect(line.label).toEqual({ name: "menu", start: 3, end: 8 });
    expect(line.commands).toEqual([]);
  });

  it("reads a bare `:` as the label with the empty name", () => {
    expect(only(":\n").label).toEqual({ name: "", start: 0, end: 1 });
    const withCommand = only(": echo x\n");
    expect(withCommand.label!.name).toBe("");
    expect(argvOf(withCommand)).toEqual([["echo", "x"]]);
  });

  it("takes every non-whitespace byte as part of the name", () => {
    expect(only(":7.2.1511").label!.name).toBe("7.2.1511");
    expect(only(":${x}").label!.name).toBe("${x}");
    expect(only(":a#b||c").label!.name).toBe("a#b||c");
  });

  it("is not a label when anything other than whitespace precedes the colon", () => {
    const line = only("echo :x\n");
    expect(line.label).toBeUndefined();
    expect(argvOf(line)).toEqual([["echo", ":x"]]);
  });
});

describe("tokens", () => {
  it("are maximal runs of non-whitespace; runs of space, tab, \\v and \\f collapse", () => {
    expect(argvOf(only("echo  a\t\tb\vc\fd"))).toEqual([["echo", "a", "b", "c", "d"]]);
  });

  it("split on C whitespace only: a no-break space is part of a token", () => {
    expect(argvOf(only("echo a\u00a0b"))).toEqual([["echo", "a\u00a0b"]]);
  });

  it("have no quoting: quotes are ordinary bytes", () => {
    expect(argvOf(only('echo "x"'))).toEqual([["echo", '"x"']]);
    expect(argvOf(only('echo Type "exit" to return'))).toEqual([["echo", "Type", '"exit"', "to", "return"]]);
  });

  it("keep offsets into the original text", () => {
    const text = "#!ipxe\n  set  menu  main\n";
    const [set, menu, main] = tokenizeScript(text).lines[1]!.commands[0]!.argv;
    for (const token of [set!, menu!, main!]) expect(text.slice(token.start, token.end)).toBe(token.text);
  });
});

describe("comments", () => {
  it("start at a token beginning with `#`, even mid-line", () => {
    const line = only("set color #fff\n");
    expect(argvOf(line)).toEqual([["set", "color"]]);
    expect(line.comment!.text).toBe("#fff");
  });

  it("leave a `#` inside a token alone", () => {
    expect(argvOf(only("chain http://h/x.php##params foo#bar"))).toEqual([
      ["chain", "http://h/x.php##params", "foo#bar"],
    ]);
  });

  it("make the header line a comment", () => {
    const line = tokenizeScript("#!ipxe\n").lines[0]!;
    expect(line.commands).toEqual([]);
    expect(line.comment!.text).toBe("#!ipxe");
  });

  it("run to the end of the line, whatever follows", () => {
    const line = only("echo a # b || c\n");
    expect(argvOf(line)).toEqual([["echo", "a"]]);
    expect(line.comment!.text).toBe("# b || c");
  });
});

describe("terminators", () => {
  it("split a line on stand-alone `||`, `&&` and `;`", () => {
    const line = only("a && b || c ; d");
    expect(argvOf(line)).toEqual([["a"], ["b"], ["c"], ["d"]]);
    expect(line.commands.map((command) => command.terminator?.kind)).toEqual(["&&", "||", ";", undefined]);
  });

  it("must be separate tokens: `a||b` is one token", () => {
    expect(argvOf(only("echo a||b a;b a&&b"))).toEqual([["echo", "a||b", "a;b", "a&&b"]]);
    expect(argvOf(only("echo | &&& ;;"))).toEqual([["echo", "|", "&&&", ";;"]]);
  });

  it("make a trailing `||` end in an empty command: `cmd ||` ignores a failure", () => {
    const text = "chain x.ipxe ||\n";
    const line = only(text);
    expect(line.commands).toHaveLength(2);
    expect(line.commands[0]!.terminator!.kind).toBe("||");
    expect(line.commands[1]!.argv).toEqual([]);
    expect(line.commands[1]!.start).toBe(text.indexOf("||") + 2);
  });

  it("make a leading terminator follow an empty command", () => {
    const line = only("|| echo x");
    expect(line.commands[0]!.argv).toEqual([]);
    expect(line.commands[0]!.terminator!.kind).toBe("||");
    expect(argvOf(line)).toEqual([[], ["echo", "x"]]);
  });

  it("give a terminator followed by a comment an empty command too", () => {
    expect(argvOf(only("dhcp || # keep going"))).toEqual([["dhcp"], []]);
  });

  it("are recognised on the label line's command", () => {
    expect(argvOf(only(":a || b"))).toEqual([[], ["b"]]);
  });

  it("give commands spans over their arguments", () => {
    const text = "a x && b";
    const [first, second] = only(text).commands;
    expect(text.slice(first!.start, first!.end)).toBe("a x");
    expect(text.slice(second!.start, second!.end)).toBe("b");
  });
});

describe("NUL bytes", () => {
  it("end the line as iPXE's C strings do", () => {
    const text = "echo a\0b || c\necho d\n";
    const script = tokenizeScript(text);
    expect(argvOf(script.lines[0]!)).toEqual([["echo", "a"]]);
    expect(script.lines[0]!.nulAt).toBe(6);
    expect(argvOf(script.lines[1]!)).toEqual([["echo", "d"]]);
  });
});

describe("header", () => {
  it("accepts #!ipxe and #!gpxe followed by one whitespace byte", () => {
    expect(tokenizeScript("#!ipxe\n").header).toEqual({ ok: true, magic: "#!ipxe" });
    expect(tokenizeScript("#!gpxe\r\n").header).toEqual({ ok: true, magic: "#!gpxe" });
    expect(tokenizeScript("#!ipxe echo on the same line\n").header.ok).toBe(true);
  });

  it("rejects a byte order mark", () => {
    expect(tokenizeScript("\ufeff#!ipxe\n").header).toEqual({ ok: false, problem: "bom" });
    expect(tokenizeScript("\u00ef\u00bb\u00bf#!ipxe\n").header).toEqual({ ok: false, problem: "bom" });
  });

  it("rejects a leading blank line or leading whitespace", () => {
    expect(tokenizeScript("\n#!ipxe\n").header.problem).toBe("leading-whitespace");
    expect(tokenizeScript("  #!ipxe\n").header.problem).toBe("leading-whitespace");
  });

  it("rejects the bare six bytes `#!ipxe` without a newline as too short", () => {
    expect(tokenizeScript("#!ipxe").header).toEqual({ ok: false, problem: "too-short", magic: "#!ipxe" });
  });

  it("rejects a missing signature and a signature glued to more text", () => {
    expect(tokenizeScript("echo hi\n").header.problem).toBe("missing");
    expect(tokenizeScript("").header.problem).toBe("missing");
    expect(tokenizeScript("#!/bin/sh\n").header.problem).toBe("missing");
    expect(tokenizeScript("#!ipxe-menu\n").header.problem).toBe("missing-separator");
  });
});

/** A direct transcription of iPXE's loop with string concatenation, to compare against. */
function referenceReader(text: string): { lines: string[]; endsInContinuation: boolean } {
  const lines: string[] = [];
  let line = "";
  let offset = 0;
  let endsInContinuation = false;
  do {
    let eol = text.indexOf("\n", offset);
    if (eol < 0) eol = text.length;
    line += text.slice(offset, eol);
    offset = eol + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.endsWith("\\")) {
      line = line.slice(0, -1);
      if (offset < text.length) continue;
      endsInContinuation = true;
      lines.push(line);
      break;
    }
    lines.push(line);
    line = "";
  } while (offset < text.length);
  return { lines, endsInContinuation };
}

describe("the tokenizer, on arbitrary text", () => {
  const alphabet = fc.constantFrom("a", "b", ":", "#", "|", "&", ";", "\\", " ", "\t", "\r", "\n", "$", "{", "}");
  const scripts = fc.array(alphabet, { maxLength: 80 }).map((chars) => chars.join(""));

  it("joins lines exactly as iPXE's reader does", () => {
    fc.assert(
      fc.property(scripts, (text) => {
        const expected = referenceReader(text);
        const actual = tokenizeScript(text);
        expect(actual.lines.map((line) => line.text)).toEqual(expected.lines);
        expect(actual.endsInContinuation).toBe(expected.endsInContinuation);
      }),
    );
  });

  it("produces tokens whose offsets frame their first and last characters", () => {
    fc.assert(
      fc.property(scripts, (text) => {
        for (const line of tokenizeScript(text).lines) {
          for (const command of line.commands) {
            for (const token of command.argv) {
              expect(token.text).toMatch(/^[^ \t\n\v\f\r]+$/);
              expect(text[token.start]).toBe(token.text[0]);
              expect(text[token.end - 1]).toBe(token.text[token.text.length - 1]);
              expect(token.end - token.start).toBeGreaterThanOrEqual(token.text.length);
            }
          }
        }
      }),
    );
  });

  it("finds the same tokens as splitting the joined line on whitespace", () => {
    fc.assert(
      fc.property(scripts, (text) => {
        for (const line of tokenizeScript(text).lines) {
          const words = line.text.split(/[ \t\n\v\f\r]+/).filter(Boolean);
          let rest = words;
          if (line.label) rest = rest.slice(1);
          const commentAt = rest.findIndex((word) => word.startsWith("#"));
          if (commentAt >= 0) rest = rest.slice(0, commentAt);
          const tokens = line.commands.flatMap((command) => [
            ...command.argv.map((token) => token.text),
            ...(command.terminator ? [command.terminator.token.text] : []),
          ]);
          expect(tokens).toEqual(rest);
        }
      }),
    );
  });

  it("handles megabytes of script in one pass", () => {
    const block =
      "#!ipxe\n:start\nmenu Main menu\nitem --key l linux Boot Linux\nchoose --timeout 5000 target || goto start\n";
    const text = block.repeat(60_000);
    const script = tokenizeScript(text);
    expect(script.lines).toHaveLength(5 * 60_000);
    expect(script.lines[script.lines.length - 1]!.commands[0]!.argv[0]!.text).toBe("choose");
  });
});

describe("forEachLogicalLine", () => {
  it("visits the same lines tokenizeScript keeps, one at a time", () => {
    const text = "#!ipxe\n:a\necho x \\\n y || goto a\n";
    const visited: string[] = [];
    const summary = forEachLogicalLine(text, (line) => visited.push(line.text));
    expect(visited).toEqual(tokenizeScript(text).lines.map((line) => line.text));
    expect(summary).toEqual({ header: { ok: true, magic: "#!ipxe" }, lineCount: 3, endsInContinuation: false });
  });
});
