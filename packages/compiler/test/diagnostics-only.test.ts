/**
 * `diagnosticsOnly`: what an editor uses to check a program as it is typed. It must find exactly
 * the diagnostics a full compilation finds, and build nothing else.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { checkProgram } from "@ipxm/core";
import type { Program, ProgramAction, ProgramStatement, Template } from "@ipxm/core";
import { compile } from "@ipxm/compiler";
import { profileNames } from "@ipxm/ipxe";
import { act, cond, entry, gap, item, menu, program, s, setting, st, t } from "./builders.js";
import { goldenDirectory, goldenHost, goldenSources } from "./golden-sources.js";

function expectSameDiagnostics(p: Program): void {
  const full = compile(p, { sourceName: "x.ipxm" });
  const only = compile(p, { sourceName: "x.ipxm", diagnosticsOnly: true });
  expect(only.diagnostics).toEqual(full.diagnostics);
  expect(only.script).toBeUndefined();
  expect(only.lineMap).toEqual([]);
}

const goldenPrograms = goldenSources().map((name) => {
  const checked = checkProgram([goldenDirectory + name], goldenHost);
  return { name, program: [...checked.programs.values()][0]! };
});

describe("diagnosticsOnly", () => {
  it("gives a valid program no script, no line map and no diagnostics", () => {
    const [golden] = goldenPrograms;
    const result = compile(golden!.program, { diagnosticsOnly: true });
    expect(result).toEqual({ lineMap: [], diagnostics: [] });
  });

  it("finds what a full compilation finds in every golden program, built for every target", () => {
    let found = 0;
    for (const { program: golden } of goldenPrograms) {
      for (const target of [...profileNames, "ipxe-9-quantum"]) {
        const p = { ...golden, target };
        expectSameDiagnostics(p);
        found += compile(p).diagnostics.length;
      }
    }
    // Other targets lack what some goldens use (https, memdisk, sanboot of a local drive…).
    expect(found).toBeGreaterThan(0);
  });

  it("finds what a full compilation finds in generated programs full of problems", () => {
    let withDiagnostics = 0;
    fc.assert(
      fc.property(programArb, (p) => {
        expectSameDiagnostics(p);
        if (compile(p).diagnostics.length > 0) withDiagnostics++;
      }),
      { numRuns: 300 },
    );
    expect(withDiagnostics).toBeGreaterThan(30);
  });
});

/** Text that is fine, text iPXE cannot carry (NUL, a literal `${…}`, a bad reference) and text that is only routed. */
const textArb: fc.Arbitrary<Template> = fc.oneof(
  fc.constantFrom(
    t("Boot"),
    t("two  spaces"),
    t("a${b}c"),
    t("nul\u0000"),
    t("-dash"),
    t("http://h/k"),
    t("https://h/k"),
    t("tftp://h/k"),
    t(s("mirror"), "/linux"),
    t(s("platform")),
    t(s("bad ref")),
    t(""),
    [],
  ),
  fc
    .array(fc.constantFrom("x", " ", "${", "}", "#", "||", "\\", "\n", "é"), { maxLength: 6 })
    .map((parts) => t(parts.join(""))),
);

const nameArb = fc.constantFrom("main", "tools", "linux", "a-b.c", "bad name", "x");
const keyArb = fc.option(fc.constantFrom("l", "-", "#", " ", "0x147e", "é", "F8"), { nil: undefined });
const platformGuard = fc.constantFrom(
  cond.equals(t(s("platform")), t("pcbios")),
  cond.equals(t(s("platform")), t("efi")),
  cond.not(cond.equals(t("efi"), t(s("platform")))),
  cond.isset("mirror"),
);

const actionArb: fc.Arbitrary<ProgramAction> = fc.oneof(
  nameArb.map((id) => act.menu(id)),
  fc.constantFrom("e1", "e2").map((label) => act.entry(label)),
  textArb.map((url) => act.chain(url)),
  textArb.map((url) => act.sanboot(url)),
  fc.constant(act.sanbootDrive(0x80)),
  textArb.map((url) => act.memdisk(url)),
  fc.constant(act.shell()),
  fc.constant(act.reboot()),
  fc.constant(act.back()),
  fc.constant(act.exit(1)),
);

const rawLineArb = fc.constantFrom(
  "echo raw",
  ":retry",
  "kernel --bogus x",
  "ends in \\",
  "two\nlines",
  "imgtrust --permanent",
  "ntp pool.ntp.org",
  "${dynamic} x",
  "chain --autofree http://h/x || goto retry",
);

const simpleStatementArb: fc.Arbitrary<ProgramStatement> = fc.oneof(
  fc.tuple(textArb, fc.array(textArb, { maxLength: 3 })).map(([url, args]) => st.kernel(url, args)),
  fc.tuple(textArb, fc.option(textArb, { nil: undefined })).map(([url, name]) => st.initrd(url, name)),
  fc.constant(st.boot()),
  textArb.map((text) => st.echo(text)),
  fc.tuple(nameArb, textArb).map(([name, question]) => st.prompt(name, question)),
  fc.tuple(nameArb, textArb).map(([name, value]) => st.set(name, value)),
  fc.array(rawLineArb, { minLength: 1, maxLength: 3 }).map((lines) => st.raw(lines)),
  actionArb.map((action) => action as ProgramStatement),
);

const statementArb: fc.Arbitrary<ProgramStatement> = fc.oneof(
  { weight: 4, arbitrary: simpleStatementArb },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        platformGuard,
        fc.array(simpleStatementArb, { maxLength: 3 }),
        fc.array(simpleStatementArb, { maxLength: 3 }),
      )
      .map(([condition, then, otherwise]) => st.when(condition, then, otherwise)),
  },
);

const rowArb = fc.oneof(
  fc
    .tuple(nameArb, textArb, actionArb, keyArb, fc.option(platformGuard, { nil: undefined }))
    .map(([id, text, action, key, condition]) =>
      item(id, text, action, { ...(key !== undefined ? { key } : {}), ...(condition ? { condition } : {}) }),
    ),
  textArb.map((text) => gap(text)),
);

const programArb: fc.Arbitrary<Program> = fc
  .record({
    target: fc.constantFrom(...profileNames, "ipxe-9-quantum"),
    usesArch: fc.boolean(),
    settings: fc.array(
      fc
        .tuple(nameArb, textArb, fc.constantFrom("string", "url"))
        .map(([name, value, type]) => setting(name, value, type)),
      { maxLength: 2 },
    ),
    menus: fc.array(
      fc
        .tuple(nameArb, textArb, fc.array(rowArb, { minLength: 1, maxLength: 4 }), actionArb, fc.option(nameArb))
        .map(([id, title, rows, escape, defaultItem]) =>
          menu(id, title, rows, { escape, timeoutMs: 3000, ...(defaultItem ? { defaultItem } : {}) }),
        ),
      { minLength: 1, maxLength: 3 },
    ),
    e1: fc.array(statementArb, { maxLength: 6 }),
    e2: fc.array(statementArb, { maxLength: 6 }),
  })
  .map(({ e1, e2, ...parts }) => program({ ...parts, entries: [entry("e1", e1), entry("e2", e2)] }));
