/**
 * Property: programs of every construct, with a comment at any place between two tokens, format to
 * the same AST with every comment kept, each with the node it belongs to, and formatting the result
 * again changes nothing.
 *
 * What "its node" means is spelled out at `commentOwners`. The one move allowed is documented
 * behaviour: a comment in the head of a statement with a block (`menu m "t" // note` + `{`) goes
 * into that block, before its first member, and one between `}` and `else` into the else block.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, type Node } from "@ipxm/core";
import { formatIpxm, shapeOf } from "./helpers.js";

/**
 * A token of a generated program; `statement` tokens begin a line of their own, and `sameLine` tokens
 * stay on the line of the token before them (the entry of `boot NAME(…)`, as the language requires).
 */
interface Token {
  readonly text: string;
  readonly statement?: boolean;
  readonly sameLine?: boolean;
}

const names = ["a", "b", "mirror", "x86", "r"];
const name = fc.constantFrom(...names);
const text = fc.constantFrom('"Title"', '"Ubuntu ${r}"', '"a || b"', '""', '"x\\"y"');
const t = (value: string): Token => ({ text: value });
const s = (value: string): Token => ({ text: value, statement: true });

const value: fc.Arbitrary<Token[]> = fc.letrec<{ value: Token[] }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text.map((v) => [t(v)]),
    fc.constantFrom("42", "0x80", "5m", "500ms", "true").map((v) => [t(v)]),
    name.map((v) => [t(v)]),
    fc.array(tie("value"), { maxLength: 3 }).map((items) => [t("["), ...joinTokens(items, ","), t("]")]),
    fc.array(fc.tuple(name, tie("value")), { maxLength: 2 }).map((fields) => [
      t("{"),
      ...joinTokens(
        fields.map(([n, v]) => [t(n), t(":"), ...v]),
        ",",
      ),
      t("}"),
    ]),
  ),
})).value;

const condition: fc.Arbitrary<Token[]> = fc.letrec<{ condition: Token[] }>((tie) => ({
  condition: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(name, fc.constantFrom("==", "!="), name).map(([l, op, r]) => [t(l), t(op), t(r)]),
    name.map((n) => [t("set"), t("("), t(n), t(")")]),
    tie("condition").map((c) => [t("not"), t("("), ...c, t(")")]),
    fc.tuple(tie("condition"), fc.constantFrom("and", "or"), tie("condition")).map(([l, op, r]) => [...l, t(op), ...r]),
  ),
})).condition;

const action: fc.Arbitrary<Token[]> = fc.oneof(
  name.map((n) => [t("menu"), t(n)]),
  fc.tuple(name, fc.array(text, { maxLength: 2 })).map(([n, args]) => [
    t("boot"),
    { text: n, sameLine: true },
    t("("),
    ...joinTokens(
      args.map((a) => [t(a)]),
      ",",
    ),
    t(")"),
  ]),
  text.map((u) => [t("chain"), t(u)]),
  fc.constant<Token[]>([t("sanboot"), t("drive"), t("0x80")]),
  fc.constant<Token[]>([t("memdisk"), t('"http://x/fd.img"'), t("as"), t("floppy")]),
  fc.constantFrom("shell", "reboot", "back", "exit").map((k) => [t(k)]),
  fc.constant<Token[]>([t("exit"), t("1")]),
);

const item: fc.Arbitrary<Token[]> = fc
  .tuple(fc.option(name), text, fc.option(fc.constantFrom("l", "1", '"?"', "F5")), fc.option(condition), action)
  .map(([id, label, key, when, act]) => [
    s("item"),
    ...(id === null ? [] : [t(id)]),
    t(label),
    ...(key === null ? [] : [t("key"), t(key)]),
    ...(when === null ? [] : [t("when"), ...when]),
    t("->"),
    ...act,
  ]);

const block = (members: fc.Arbitrary<Token[][]>) => members.map((list) => [t("{"), ...list.flat(), t("}")]);

const member: fc.Arbitrary<Token[]> = fc.letrec<{ member: Token[] }>((tie) => ({
  member: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    item,
    item,
    fc.option(text).map((g) => [s("gap"), ...(g === null ? [] : [t(g)])]),
    name.map((n) => [s("default"), t(n), t("after"), t("5s")]),
    action.map((a) => [s("on"), t("escape"), t("->"), ...a]),
    fc
      .tuple(name, name, block(fc.array(tie("member"), { maxLength: 3 })))
      .map(([v, l, b]) => [s("for"), t(v), t("in"), t(l), ...b]),
    fc
      .tuple(fc.constantFrom("if", "when"), condition, block(fc.array(tie("member"), { maxLength: 2 })))
      .chain(([k, c, b]) =>
        fc
          .option(block(fc.array(tie("member"), { maxLength: 2 })))
          .map((e) => [s(k), ...c, ...b, ...(e === null ? [] : [t("else"), ...e])]),
      ),
  ),
})).member;

const statement: fc.Arbitrary<Token[]> = fc.letrec<{ statement: Token[] }>((tie) => ({
  statement: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc
      .array(text, { maxLength: 3 })
      .map((args) => [s("kernel"), t('"k"'), ...(args.length > 0 ? [t("args"), ...args.map(t)] : [])]),
    fc.constant<Token[]>([s("initrd"), t('"i"'), t("as"), t('"n"')]),
    fc.constant<Token[]>([s("boot")]),
    text.map((v) => [s("echo"), t(v)]),
    name.map((n) => [s("prompt"), t(n), t('"?"')]),
    fc.tuple(name, value).map(([n, v]) => [s("set"), t(n), t("="), ...v]),
    fc.constant<Token[]>([s("sleep"), t("3s")]),
    text.map((v) => [s("on"), t("failure"), t(v)]),
    fc.constantFrom("ipxe {\n  echo raw ||\n}", "ipxe { clear menu || }").map((raw) => [s(raw)]),
    action.map(([first, ...rest]) => [s(first!.text), ...rest]),
    fc
      .tuple(fc.constantFrom("if", "when"), condition, block(fc.array(tie("statement"), { maxLength: 2 })))
      .chain(([k, c, b]) =>
        fc
          .option(block(fc.array(tie("statement"), { maxLength: 2 })))
          .map((e) => [s(k), ...c, ...b, ...(e === null ? [] : [t("else"), ...e])]),
      ),
  ),
})).statement;

const declaration: fc.Arbitrary<Token[]> = fc.oneof(
  fc.constant<Token[]>([s("import"), t('"./other.ipxm"')]),
  fc.tuple(name, value).map(([n, v]) => [s("const"), t(n), t("="), ...v]),
  name.map((n) => [s("setting"), t(n), t(":"), t("string"), t("="), t('"v"')]),
  fc
    .tuple(name, text, fc.array(member, { maxLength: 5 }))
    .map(([n, title, body]) => [s("menu"), t(n), t(title), t("{"), ...body.flat(), t("}")]),
  fc.tuple(name, fc.array(name, { maxLength: 2 }), fc.array(statement, { maxLength: 5 })).map(([n, params, body]) => [
    s("entry"),
    t(n),
    t("("),
    ...joinTokens(
      params.map((p) => [t(p), t(":"), t("string")]),
      ",",
    ),
    t(")"),
    t("{"),
    ...body.flat(),
    t("}"),
  ]),
);

function joinTokens(groups: readonly Token[][], separator: string): Token[] {
  return groups.flatMap((group, index) => (index === 0 ? group : [t(separator), ...group]));
}

/** What goes between two tokens: 0 a space, 1 a line break, 2 a block comment, 3 a line comment. */
const gap = fc.integer({ min: 0, max: 3 });

const program = fc
  .array(declaration, { minLength: 1, maxLength: 4 })
  .map((declarations) => declarations.flat())
  .chain((tokens) =>
    fc.tuple(fc.constant(tokens), fc.array(gap, { minLength: tokens.length + 1, maxLength: tokens.length + 1 })),
  )
  .map(([tokens, gaps]) => {
    let counter = 0;
    let out = "";
    const comment = (kind: number) => {
      counter++;
      return kind === 2 ? ` /* c${counter} */ ` : ` // c${counter}\n`;
    };
    tokens.forEach((token, index) => {
      // A line break, or a line comment, would end the line that a `sameLine` token must stay on.
      const choice = token.sameLine ? gaps[index]! & 2 : gaps[index]!;
      if (choice >= 2) out += comment(choice);
      if (token.statement || index === 0) out += "\n";
      else if (choice === 1) out += "\n";
      else out += " ";
      out += token.text;
    });
    const last = gaps[tokens.length]!;
    if (last >= 2) out += comment(last);
    return `${out}\n`;
  });

/**
 * Each comment's owner, as the path of that node from the root (`""` for the file itself):
 * - a comment after a statement on the line it ends on belongs to that statement;
 * - a comment on a line of its own, or after the `{` of a block, belongs to the next statement of
 *   that block, if there is one;
 * - any other comment belongs to the innermost statement that contains it.
 */
function commentOwners(source: string): Map<string, string> {
  const parsed = parse(source, "owners.ipxm");
  const statements: { node: Node; path: string; parent: string }[] = [];
  const visit = (nodes: readonly Node[], parent: string) => {
    nodes.forEach((node, index) => {
      const path = `${parent}/${index}`;
      statements.push({ node, path, parent });
      for (const key of ["body", "then", "else"]) {
        const children = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(children)) visit(children as Node[], `${path}.${key}`);
      }
    });
  };
  visit(parsed.ast.declarations, "");
  const trivia = /^(\s|\/\*[^]*?\*\/|\/\/[^\n]*)*$/;
  const owners = new Map<string, string>();
  for (const comment of parsed.comments) {
    const { start, end } = comment.range;
    const innermost = (candidates: typeof statements) =>
      candidates.reduce<(typeof statements)[number] | undefined>(
        (best, next) =>
          best === undefined || next.node.end - next.node.start < best.node.end - best.node.start ? next : best,
        undefined,
      );
    const trailed = statements.filter(({ node }) => {
      const between = source.slice(node.end, start);
      return node.end <= start && !between.includes("\n") && trivia.test(between);
    });
    const container = innermost(statements.filter(({ node }) => node.start <= start && end <= node.end));
    const lineStart = source.lastIndexOf("\n", start - 1) + 1;
    const before = source.slice(lineStart, start).replace(/(\s|\/\*[^]*?\*\/)*$/, "");
    const leadsNext = before === "" || before.endsWith("{");
    const block = container === undefined ? "" : `${container.path}.`;
    const next = statements.find(
      ({ node, parent }) =>
        node.start >= end &&
        (container === undefined
          ? parent === ""
          : parent.startsWith(block) && !parent.slice(block.length).includes("/")),
    );
    let owner: string;
    if (trailed.length > 0) owner = trailed.reduce((a, b) => (b.node.end > a.node.end ? b : a)).path;
    else if (leadsNext && next !== undefined) owner = next.path;
    else owner = container?.path ?? "";
    owners.set(comment.text.trimEnd(), owner);
  }
  return owners;
}

describe("comments in generated programs", () => {
  it("stay with their node, and formatting is idempotent", async () => {
    await fc.assert(
      fc.asyncProperty(program, fc.boolean(), async (source, align) => {
        const formatted = await formatIpxm(source, { ipxmAlignItems: align });
        expect(shapeOf(formatted)).toEqual(shapeOf(source));
        const before = commentOwners(source);
        const after = commentOwners(formatted);
        expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
        for (const [comment, owner] of before) {
          // A comment from the head of a block statement moves into its first block, one between
          // `}` and `else` into the else block.
          const allowed = [owner, `${owner}.body/0`, `${owner}.then/0`, `${owner}.else/0`];
          expect(allowed, `${comment} in\n${source}\n---\n${formatted}`).toContain(after.get(comment));
        }
        expect(await formatIpxm(formatted, { ipxmAlignItems: align })).toBe(formatted);
      }),
      { numRuns: 400 },
    );
  });
});
