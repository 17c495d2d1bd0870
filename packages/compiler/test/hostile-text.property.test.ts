/**
 * The central promise, proved with the iPXE model of @ipxm/ipxe: no text in a program can change the
 * script's control flow, and every text reaches iPXE exactly as written.
 *
 * For hostile titles, item and gap texts, echo and prompt texts, failure messages, urls and kernel
 * arguments, the compiled script is tokenised as iPXE tokenises it and
 * 1. every line has exactly the command/terminator shape of an independently written skeleton (the
 *    only lines allowed besides are `set ipxm_tN:hex …`), with no comment anywhere but the header;
 * 2. running the straight-line `set` commands through a SettingsStore and expanding the arguments of
 *    every menu/item/echo/kernel/initrd/chain command, each one parses without a getopt error and,
 *    joined as iPXE joins them, equals the original text (display text after removing the invisible
 *    `ESC [ 0 ~` the compiler puts between a literal `$` and `{`; menu texts as far as iPXE keeps them).
 * Value text (urls, arguments) holding a literal `${…}` must instead be refused as unrepresentable.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { expandSettings, parseCommand, SettingsStore, tokenizeScript } from "@ipxm/ipxe";
import type { LogicalLine } from "@ipxm/ipxe";
import { compile } from "@ipxm/compiler";
import type { Program, Template } from "@ipxm/core";
import { act, entry, gap, item, menu, program, setting, st } from "./builders.js";

const escBreak = "\u001b[0~";

/** Pieces that are iPXE syntax, or break naive escaping, glued together at random. */
const hazardPieces = [
  "||",
  "&&",
  ";",
  "#",
  "#x",
  "-",
  "--",
  "-v",
  "--help",
  "${",
  "}",
  "${x}",
  "${ipxm_t1:string}",
  "$",
  "{",
  "${}",
  " ",
  "  ",
  "   ",
  "\t",
  "\n",
  "\r",
  "\r\n",
  "\\",
  "\\\n",
  ":",
  ":main",
  "goto",
  "exit",
  "\u001b[2J",
  "\u0007",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u2028",
  "é",
  "Ünï",
  "🙂",
  "日本",
  "a",
  "Boot",
  "http://h/x",
  "quiet",
  "=",
  '"',
  "'",
];

/** No unpaired surrogate (a .ipxm file is UTF-8, so its strings cannot hold one) and no NUL (tested on its own). */
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (text: string) => !loneSurrogate.test(text) && !text.includes("\u0000");

const hostile: fc.Arbitrary<string> = fc
  .oneof(
    {
      weight: 6,
      arbitrary: fc.array(fc.constantFrom(...hazardPieces), { maxLength: 12 }).map((parts) => parts.join("")),
    },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "-", "||", "#", "\\") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.array(fc.constantFrom(...hazardPieces), { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 8_000, max: 10_500 }),
        )
        .map(([parts, length]) =>
          parts
            .join("")
            .repeat(Math.ceil(length / Math.max(1, parts.join("").length)))
            .slice(0, length),
        ),
    },
  )
  .map((text) => text.replaceAll("\u0000", "0"))
  .filter(wellFormed);

/** Values a site or the user may give settings at run time (without `$`, `{` or `}`: see docs/compiler.md). */
const settingValue = hostile.map((text) => text.replace(/[${}]/g, "_")).filter((v) => v.length < 200);

/** Runtime settings a template may refer to. */
const settingNames = ["mirror", "answer", "platform"] as const;

type Part = { text: string } | { setting: (typeof settingNames)[number] };

const templateArb = (text: fc.Arbitrary<string>): fc.Arbitrary<Part[]> =>
  fc.array(
    fc.oneof(
      { weight: 4, arbitrary: text.map((value) => ({ text: value })) },
      { weight: 1, arbitrary: fc.constantFrom(...settingNames).map((name) => ({ setting: name })) },
    ),
    { maxLength: 4 },
  );

const toTemplate = (parts: Part[]): Template =>
  parts.map((p) => ("text" in p ? { kind: "text", value: p.text } : { kind: "setting", reference: p.setting }));

/** Whether iPXE would expand something in the literal text (a `${` with a later `}`). */
function hasLiteralExpansion(parts: Part[]): boolean {
  const literal = parts.map((p) => ("text" in p ? p.text : "\u0000")).join("");
  const open = literal.indexOf("${");
  return open >= 0 && literal.indexOf("}", open + 2) >= 0;
}

/** Value text (urls, kernel arguments) is just as hostile. */
const valueText = hostile;

/** Turns `}` into `_` when the text parts hold a literal `${…}` (which must be refused, see the second property). */
const withoutLiteralExpansion = (parts: Part[]): Part[] =>
  hasLiteralExpansion(parts) ? parts.map((p) => ("text" in p ? { text: p.text.replaceAll("}", "_") } : p)) : parts;

/**
 * A url scheme the target lacks would (rightly) be reported, so a url whose literal start looks
 * like one gets a leading `-` (hostile too).
 */
const withoutForeignScheme = (parts: Part[]): Part[] => {
  const leading = parts.map((p) => ("text" in p ? p.text : "\u0000")).join("");
  return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(leading) && !/^(http|tftp):/i.test(leading)
    ? [{ text: "-" }, ...parts]
    : parts;
};

const valueTemplate = templateArb(valueText).map(withoutLiteralExpansion).map(withoutForeignScheme);

const keyArb = fc.option(
  fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  { nil: undefined },
);

interface Case {
  title: Part[];
  gapText: Part[];
  itemA: Part[];
  itemB: Part[];
  secondGap: Part[] | undefined;
  key: string | undefined;
  chainUrl: Part[];
  echo: Part[];
  question: Part[];
  kernelUrl: Part[];
  kernelArgs: Part[][];
  initrdUrl: Part[];
  initrdName: Part[] | undefined;
  failure: Part[];
  values: Record<(typeof settingNames)[number], string>;
}

function caseArb(): fc.Arbitrary<Case> {
  return fc.record({
    title: templateArb(hostile),
    gapText: templateArb(hostile),
    itemA: templateArb(hostile),
    itemB: templateArb(hostile),
    secondGap: fc.option(templateArb(hostile), { nil: undefined }),
    key: keyArb,
    chainUrl: valueTemplate,
    echo: templateArb(hostile),
    question: templateArb(hostile),
    kernelUrl: valueTemplate,
    // The kernel's arguments are one command line: a `${` in one and a `}` in a later one is a `${…}` too.
    // The kernel's arguments are one command line: a `${` in one and a `}` in a later one is a `${…}` too.
    kernelArgs: fc.array(templateArb(valueText), { maxLength: 5 }).map((args) => {
      const joined = args.flatMap((arg, i) => (i === 0 ? arg : [{ text: " " }, ...arg]));
      return hasLiteralExpansion(joined)
        ? args.map((arg) => arg.map((p) => ("text" in p ? { text: p.text.replaceAll("}", "_") } : p)))
        : args;
    }),
    initrdUrl: valueTemplate,
    initrdName: fc.option(valueTemplate, { nil: undefined }),
    failure: templateArb(hostile),
    values: fc.record({ mirror: settingValue, answer: settingValue, platform: fc.constantFrom("pcbios", "efi") }),
  });
}

function buildProgram(c: Case): Program {
  return program({
    settings: [setting("mirror"), setting("answer")],
    menus: [
      menu(
        "main",
        toTemplate(c.title),
        [
          gap(toTemplate(c.gapText)),
          item("a", toTemplate(c.itemA), act.entry("e"), c.key === undefined ? {} : { key: c.key }),
          item("b", toTemplate(c.itemB), act.chain(toTemplate(c.chainUrl))),
          ...(c.secondGap ? [gap(toTemplate(c.secondGap))] : []),
          item("c", "Local", act.exit(0)),
        ],
        { escape: act.exit(0) },
      ),
    ],
    entries: [
      entry(
        "e",
        [
          st.echo(toTemplate(c.echo)),
          st.prompt("answer", toTemplate(c.question)),
          st.kernel(toTemplate(c.kernelUrl), c.kernelArgs.map(toTemplate)),
          st.initrd(toTemplate(c.initrdUrl), c.initrdName ? toTemplate(c.initrdName) : undefined),
          st.boot(),
        ],
        { failureMessage: toTemplate(c.failure) },
      ),
    ],
  });
}

/** The skeleton every compiled case must have, written independently of the compiler. */
function expectedShapes(c: Case): string[] {
  const questionShown = c.question.some((p) => "setting" in p || p.text !== "");
  return [
    "#",
    "#",
    "isset && goto ||",
    "goto",
    ":main",
    "set",
    "menu",
    "item",
    "item",
    "item",
    ...(c.secondGap ? ["item"] : []),
    "item",
    "choose || exit",
    "goto || goto",
    ":main.a",
    "goto",
    ":main.b",
    "chain || goto",
    "goto",
    ":main.c",
    "exit",
    ":main.failed",
    "echo",
    "echo",
    "prompt ||",
    "goto",
    ":e",
    "imgfree ||",
    "echo",
    ...(questionShown ? ["echo"] : []),
    "read || goto || goto",
    "kernel || goto",
    "initrd || goto",
    "boot || goto",
    "goto || goto",
    ":e.failed",
    "echo",
    "echo",
    "prompt ||",
    "goto || goto",
  ];
}

function shapeOf(line: LogicalLine): string {
  if (line.comment && line.commands.length === 0 && !line.label) return "#";
  const commands = line.commands
    .map((command) => [command.argv[0]?.text ?? "", command.terminator?.kind ?? ""].filter(Boolean).join(" "))
    .filter(Boolean)
    .join(" ");
  return [line.label ? `:${line.label.name}` : "", commands].filter(Boolean).join(" ");
}

const routedSet = /^set ipxm_t\d+:hex [0-9a-f]{2}(:[0-9a-f]{2})*$/;

const joinExpected = (parts: Part[], values: Case["values"]) =>
  parts.map((p) => ("text" in p ? p.text : values[p.setting])).join("");

interface Seen {
  command: string;
  positionals: string[];
  options: Record<string, string | number>;
}

/** Runs routed sets in order and expands every other command's arguments as iPXE would. */
function observe(script: string, values: Case["values"]): { shapes: string[]; seen: Seen[] } {
  const store = new SettingsStore();
  for (const [name, value] of Object.entries(values)) store.set(name, value);
  const lines = tokenizeScript(script).lines;
  const shapes: string[] = [];
  const seen: Seen[] = [];
  lines.forEach((line, index) => {
    expect(line.comment === undefined || index <= 1, `comment on line ${index + 1}: ${line.text.slice(0, 80)}`).toBe(
      true,
    );
    if (routedSet.test(line.text)) {
      const [, reference, hex] = line.text.split(" ");
      expect(store.set(reference!, hex!).ok).toBe(true);
      return;
    }
    shapes.push(shapeOf(line));
    for (const command of line.commands) {
      if (command.argv.length === 0) continue;
      const argv = command.argv.map((token) => expandSettings(token.text, store));
      const parsed = parseCommand(argv);
      expect(parsed.error, `${argv[0]} on line ${index + 1}`).toBeUndefined();
      if (!["menu", "item", "echo", "kernel", "initrd", "chain"].includes(parsed.name)) continue;
      const options: Record<string, string | number> = {};
      for (const option of parsed.options) options[option.option.long] = option.key ?? option.value ?? "";
      seen.push({ command: parsed.name, positionals: parsed.positionals, options });
    }
  });
  return { shapes, seen };
}

const display = (text: string) => text.replaceAll(escBreak, "");

const utf8 = new TextEncoder();

/**
 * Menu texts are cut by iPXE (titles at 78 bytes, items and gaps at 74): the bytes it keeps must not
 * end inside the invisible break (the console would print the next cursor movement as text), and
 * the compiler may only drop a tail that begins at the cut. Where a setting's value comes first,
 * the position of a break is not known before run time, and only the second promise holds.
 */
function expectMenuText(actual: string, parts: Part[], values: Case["values"], limit: number): void {
  const expected = joinExpected(parts, values);
  const bytes = utf8.encode(actual);
  if (parts.some((part) => "setting" in part)) {
    expect(display(expected).startsWith(display(actual))).toBe(true);
    return;
  }
  for (let at = actual.indexOf(escBreak); at >= 0; at = actual.indexOf(escBreak, at + 1)) {
    const start = utf8.encode(actual.slice(0, at)).length;
    expect(start >= limit || start + escBreak.length <= limit, "a break cut by the column limit").toBe(true);
  }
  expect(display(expected).startsWith(display(actual))).toBe(true);
  if (display(actual) !== display(expected)) expect(bytes.length).toBeGreaterThanOrEqual(limit - 3);
}

describe("hostile text (property)", () => {
  it("never changes the script's shape and always reaches iPXE exactly as written (menu texts as far as iPXE shows them)", () => {
    fc.assert(
      fc.property(caseArb(), (c) => {
        const result = compile(buildProgram(c));
        expect(result.diagnostics).toEqual([]);
        const script = result.script!;
        expect(script.startsWith("#!ipxe\n")).toBe(true);
        expect(script.split("\n").every((line) => !line.endsWith("\\"))).toBe(true);

        const { shapes, seen } = observe(script, c.values);
        expect(shapes).toEqual(expectedShapes(c));

        const text = (parts: Part[]) => joinExpected(parts, c.values);
        const joined = (s: Seen) => s.positionals.join(" ");
        const [menuCmd, gap1, itemA, itemB, ...rest] = seen;
        expectMenuText(joined(menuCmd!), c.title, c.values, 78);
        expect(gap1!.options).toHaveProperty("gap");
        expectMenuText(joined(gap1!), c.gapText, c.values, 74);
        expect(itemA!.positionals[0]).toBe("a");
        expectMenuText(itemA!.positionals.slice(1).join(" "), c.itemA, c.values, 74);
        if (c.key !== undefined) expect(itemA!.options.key).toBe(c.key.charCodeAt(0));
        expect(itemB!.positionals[0]).toBe("b");
        expectMenuText(itemB!.positionals.slice(1).join(" "), c.itemB, c.values, 74);
        let next = 0;
        if (c.secondGap) expectMenuText(joined(rest[next++]!), c.secondGap, c.values, 74);
        expect(joined(rest[next++]!)).toBe("c Local");
        const chain = rest[next++]!;
        expect(chain.command).toBe("chain");
        expect(chain.positionals).toEqual([text(c.chainUrl)]);
        next += 2; // the menu's error screen
        const echo = rest[next++]!;
        expect(echo.command).toBe("echo");
        expect(display(joined(echo))).toBe(display(text(c.echo)));
        if (shapes.includes("echo") && c.question.some((p) => "setting" in p || p.text !== "")) {
          const question = rest[next++]!;
          expect(question.options).toHaveProperty("n");
          expect(display(joined(question))).toBe(`${display(text(c.question))} `);
        }
        const kernel = rest[next++]!;
        expect(kernel.command).toBe("kernel");
        expect(kernel.positionals[0]).toBe(text(c.kernelUrl));
        expect(kernel.positionals.slice(1).join(" ")).toBe(c.kernelArgs.map(text).join(" "));
        const initrd = rest[next++]!;
        expect(initrd.command).toBe("initrd");
        expect(initrd.positionals).toEqual([text(c.initrdUrl)]);
        if (c.initrdName) expect(initrd.options.name).toBe(text(c.initrdName));
        const failure = rest[next++]!;
        expect(display(joined(failure))).toBe(display(text(c.failure)));
        expect(rest.slice(next).map((s) => s.command)).toEqual(["echo"]);
      }),
      { numRuns: 400 },
    );
  });

  it("refuses value text holding a literal ${…} as unrepresentable, and produces no script", () => {
    const withExpansion = fc
      .tuple(valueText, fc.stringMatching(/^[a-z]{0,6}$/), hostile)
      .map(([before, name, after]) => `-${before}\${${name}}${after}`);
    fc.assert(
      fc.property(caseArb(), fc.integer({ min: 0, max: 3 }), withExpansion, (c, slot, bad) => {
        const poisoned: Case = { ...c };
        // It starts with "-", so no url scheme is read, and the literal `${…}` is the only problem.
        // In a url it comes first: after text such as `quiet` it would make a scheme (`quiet-:`).
        const badParts: Part[] = [{ text: bad }];
        if (slot === 0) poisoned.chainUrl = badParts;
        if (slot === 1) poisoned.kernelUrl = [...badParts, ...c.kernelUrl];
        if (slot === 2) poisoned.kernelArgs = [...c.kernelArgs, badParts];
        if (slot === 3) poisoned.initrdUrl = badParts;
        expect(hasLiteralExpansion(badParts)).toBe(true);
        const result = compile(buildProgram(poisoned));
        expect(result.script).toBeUndefined();
        expect(result.diagnostics.map((d) => d.code)).toEqual(["unrepresentable-text"]);
      }),
      { numRuns: 300 },
    );
  });
});
