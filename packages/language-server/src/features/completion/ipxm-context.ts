/**
 * What may be written at the cursor of an `.ipxm` file. A small predictive parser reads the tokens
 * before the cursor with the grammar of docs/language.md; when the tokens run out, the place it stands
 * in the grammar is the answer (the technique of parsing to the caret). It never fails: a token it does
 * not expect is skipped, as the real parser's recovery would, and every loop consumes a token.
 *
 * Besides what is expected, it reports what the grammar put in scope on the way (entry parameters,
 * loop variables) and the menu the cursor is in, with the item ids and hotkeys written so far.
 */
import { keywords } from "@ipxm/core";
import type { WindowToken } from "./ipxm-scan.js";
import {
  actionKeywords,
  continuationKeywords as more,
  declarationKeywords,
  declarationWords,
  memberKeywords,
  statementKeywords,
  type KeywordChoice,
} from "../docs/keywords.js";

/** The type a value position wants, as far as the grammar tells. */
export type ValueHint = "any" | "string" | "url" | "int" | "bool" | "duration" | "list" | "arch" | "platform";

export interface ValueExpectation {
  readonly hint: ValueHint;
  /** A run-time or compile-time condition: `not`, `set(…)`, `and`, `or` make sense. */
  readonly condition: boolean;
  /** The value is compared with this name (`platform == ┆`): its type says which literals fit. */
  readonly comparedWith?: string;
  /** The value is assigned to this setting (`set x = ┆`): its type is the hint. */
  readonly assignedTo?: string;
}

export interface Expectation {
  readonly keywords: readonly KeywordChoice[];
  readonly value?: ValueExpectation;
  readonly menus?: true;
  readonly entries?: true;
  /** Setting names: `declared` for `prompt`/`set`, `any` (built-ins too) for `set(…)`. */
  readonly settings?: "declared" | "any";
  /** Ids of the items of the menu being written (`default ┆`). */
  readonly items?: true;
  /** A hotkey; the item's text, when known, says which letters fit best. */
  readonly hotkeys?: { readonly itemText?: string };
  readonly types?: true;
  readonly memdiskModes?: true;
  /** A string is expected after `import` / `target`: offer it with its quotes. */
  readonly importPaths?: true;
  readonly profiles?: true;
  /** A member after `base.member.`: the names of the path so far. */
  readonly members?: readonly string[];
}

export interface Local {
  readonly name: string;
  /** Offset of the declaring name (core identifies the symbol by it). */
  readonly start: number;
  readonly kind: "param" | "loop-variable";
}

export interface MenuInProgress {
  /** Offset of the menu's name in its declaration. */
  readonly nameStart: number;
  readonly keys: string[];
  readonly itemIds: string[];
}

type BlockKind = "top" | "menu" | "entry";

export interface CompletionContext {
  readonly expectation: Expectation;
  readonly locals: readonly Local[];
  readonly menu?: MenuInProgress;
}

/** Blocks and brackets nested deeper than this are not followed (no real menu comes near it). */
const maxNesting = 200;

const keywordSet: ReadonlySet<string> = new Set(keywords);

/** Words that begin an entry statement: they end a kernel's argument list. */
const statementStarts = new Set(statementKeywords.map((keyword) => keyword.label.split(" ")[0]!));

const nothing: Expectation = { keywords: [] };

/** Thrown when the tokens run out: where the parser stands is what completion offers. */
class Reached {
  constructor(readonly expectation: Expectation) {}
}

export function completionContext(tokens: readonly WindowToken[], cursorOnNewLine: boolean): CompletionContext {
  const parser = new ContextParser(tokens, cursorOnNewLine);
  return parser.run();
}

class ContextParser {
  private i = 0;
  private readonly locals: Local[] = [];
  private menu: MenuInProgress | undefined;
  private block: BlockKind = "top";

  constructor(
    private readonly tokens: readonly WindowToken[],
    private readonly cursorOnNewLine: boolean,
  ) {}

  run(): CompletionContext {
    try {
      this.topLevel();
    } catch (signal) {
      if (!(signal instanceof Reached)) throw signal;
      return {
        expectation: signal.expectation,
        locals: [...this.locals],
        ...(this.menu ? { menu: this.menu } : {}),
      };
    }
    // `topLevel` only ends by reaching the cursor.
    return { expectation: { keywords: declarationKeywords }, locals: [] };
  }

  private depth = 0;

  /** Runs a nested part of the grammar; past `maxNesting` levels, the cursor gets nothing. */
  private nested(part: () => void): void {
    if (++this.depth > maxNesting) throw new Reached(nothing);
    try {
      part();
    } finally {
      this.depth--;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Token helpers

  private get done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peek(ahead = 0): WindowToken | undefined {
    return this.tokens[this.i + ahead];
  }

  private is(text: string, ahead = 0): boolean {
    const token = this.peek(ahead);
    return token !== undefined && (token.kind === "name" || token.kind === "punct") && token.text === text;
  }

  private accept(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }

  /** The name at the cursor of the stream, consumed; undefined (nothing consumed) if it is not a name. */
  private name(): WindowToken | undefined {
    const token = this.peek();
    if (token?.kind !== "name") return undefined;
    this.i++;
    return token;
  }

  /** If the tokens end here, `expectation` is what the cursor may take. */
  private need(expectation: Expectation): void {
    if (this.done) throw new Reached(expectation);
  }

  /** A word that begins a declaration, seen where a member or statement should be. */
  private atDeclaration(): boolean {
    const token = this.peek();
    if (token?.kind !== "name" || !declarationWords.has(token.text)) return false;
    // `menu x` is also an entry statement; a declaration has a title or a block after the name.
    if (token.text === "menu" && this.block === "entry") return this.peek(2)?.kind === "string" || this.is("{", 2);
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private topLevel(): void {
    const follow: Expectation = { keywords: declarationKeywords };
    for (;;) {
      this.block = "top";
      this.menu = undefined;
      this.locals.length = 0;
      this.need(follow);
      const start = this.i;
      const token = this.peek()!;
      if (token.kind === "name") {
        switch (token.text) {
          case "import":
            this.i++;
            this.need({ keywords: [], importPaths: true });
            if (this.peek()?.kind === "string") this.i++;
            break;
          case "target":
            this.i++;
            this.need({ keywords: [], profiles: true });
            if (this.peek()?.kind === "string") this.i++;
            break;
          case "const":
            this.constant(follow);
            break;
          case "setting":
            this.setting(follow);
            break;
          case "menu":
            this.menuDeclaration();
            break;
          case "entry":
            this.entryDeclaration();
            break;
          default:
            break;
        }
      }
      if (this.i === start) this.i++;
    }
  }

  private constant(follow: Expectation): void {
    this.i++;
    this.need(nothing);
    if (!this.name()) return;
    this.need(nothing);
    let hint: ValueHint = "any";
    if (this.accept(":")) {
      this.need({ keywords: [], types: true });
      hint = hintOfType(this.name()?.text);
      this.need(nothing);
    }
    if (!this.accept("=")) return;
    this.expression(hint, follow, false);
  }

  private setting(follow: Expectation): void {
    this.i++;
    this.need(nothing);
    if (!this.name()) return;
    this.need(nothing);
    if (!this.accept(":")) return;
    this.need({ keywords: [], types: true });
    const hint = hintOfType(this.name()?.text);
    this.need(follow);
    if (this.accept("=")) this.expression(hint, follow, false);
  }

  private menuDeclaration(): void {
    this.i++;
    this.need(nothing);
    const name = this.name();
    if (!name) return;
    this.block = "menu";
    this.menu = { nameStart: name.start, keys: [], itemIds: [] };
    this.need(nothing);
    if (!this.is("{")) this.expression("string", nothing, false);
    this.need(nothing);
    if (this.accept("{")) this.menuBody();
  }

  private entryDeclaration(): void {
    this.i++;
    this.need(nothing);
    if (!this.name()) return;
    this.block = "entry";
    this.need(nothing);
    if (!this.accept("(")) return;
    for (;;) {
      this.need(nothing);
      if (this.accept(")")) break;
      const parameter = this.name();
      if (!parameter) return;
      this.locals.push({ name: parameter.text, start: parameter.start, kind: "param" });
      this.need(nothing);
      if (!this.accept(":")) return;
      this.need({ keywords: [], types: true });
      const hint = hintOfType(this.name()?.text);
      this.need(nothing);
      if (this.accept("=")) this.expression(hint, nothing, false);
      if (this.accept(",")) continue;
      if (this.accept(")")) break;
      return;
    }
    this.need(nothing);
    if (this.accept("{")) this.entryBody();
  }

  // -------------------------------------------------------------------------------------------
  // Menus

  /** After the `{` of a menu (or of a block inside one), up to and including its `}`. */
  private menuBody(): void {
    const follow: Expectation = { keywords: memberKeywords };
    for (;;) {
      this.need(follow);
      if (this.accept("}")) return;
      if (this.atDeclaration()) return;
      const start = this.i;
      const token = this.peek()!;
      if (token.kind === "name") {
        switch (token.text) {
          case "item":
            this.item(follow);
            break;
          case "gap":
            this.i++;
            this.need(follow);
            if (startsOptionalExpression(this.peek()!)) this.expression("string", follow, false);
            break;
          case "default":
            this.defaultMember(follow);
            break;
          case "on":
            this.i++;
            this.need({ keywords: [more.escape] });
            if (this.accept("escape")) {
              this.need(nothing);
              if (this.accept("->")) this.action(follow);
            }
            break;
          case "for":
            this.loop(() => this.menuBody());
            break;
          case "if":
            this.conditional(() => this.menuBody(), follow, true);
            break;
          case "when":
            this.conditional(() => this.menuBody(), follow, false);
            break;
          default:
            break;
        }
      }
      if (this.i === start) this.i++;
    }
  }

  private item(follow: Expectation): void {
    this.i++;
    this.need(nothing);
    const first = this.peek()!;
    const second = this.peek(1);
    // `item ID TEXT`: a name is the id when a value follows it that is not `key` or `when`.
    if (
      first.kind === "name" &&
      second !== undefined &&
      !(second.kind === "name" && (second.text === "key" || second.text === "when")) &&
      startsExpression(second)
    ) {
      this.menu?.itemIds.push(first.text);
      this.i++;
    }
    this.need(nothing);
    const text = this.peek()!;
    this.expression("string", { keywords: [more.key, more.when] }, false);
    const itemText = text.kind === "string" ? text.text.slice(1, -1) : undefined;
    this.need({ keywords: [more.key, more.when] });
    if (this.accept("key")) {
      this.need({ keywords: [], hotkeys: itemText !== undefined ? { itemText } : {} });
      const key = this.peek()!;
      if (key.kind === "name" || key.kind === "number" || key.kind === "string") {
        this.menu?.keys.push(key.kind === "string" ? key.text.slice(1, -1) : key.text);
        this.i++;
      }
      this.need({ keywords: [more.when] });
    }
    if (this.accept("when")) this.expression("bool", nothing, true);
    this.need(nothing);
    if (this.accept("->")) this.action(follow);
  }

  private defaultMember(follow: Expectation): void {
    this.i++;
    this.need({ keywords: [], items: true });
    if (!this.name()) return;
    this.need({ keywords: [more.after, ...follow.keywords] });
    if (this.accept("after")) this.expression("duration", follow, false);
  }

  // -------------------------------------------------------------------------------------------
  // Actions and entry statements

  /** After `->` (or as an entry statement): one action. */
  private action(follow: Expectation): void {
    this.need({ keywords: actionKeywords });
    const token = this.peek()!;
    if (token.kind !== "name") return;
    switch (token.text) {
      case "menu":
        this.i++;
        this.need({ keywords: [], menus: true });
        if (this.name()) this.need(follow);
        return;
      case "boot":
        this.i++;
        this.need({ keywords: [], entries: true });
        this.entryCall(follow);
        return;
      case "chain":
        this.i++;
        this.expression("url", follow, false);
        return;
      case "sanboot":
        this.i++;
        this.need({ keywords: [more.drive], value: { hint: "url", condition: false } });
        if (this.accept("drive")) this.expression("int", follow, false);
        else this.expression("url", follow, false);
        return;
      case "memdisk":
        this.i++;
        this.expression("url", { keywords: [more.asMemdisk, ...follow.keywords] }, false);
        if (this.accept("as")) {
          this.need({ keywords: [], memdiskModes: true });
          if (this.name()) this.need(follow);
        }
        return;
      case "shell":
      case "reboot":
      case "back":
        this.i++;
        this.need(follow);
        return;
      case "exit":
        this.i++;
        this.need(follow);
        if (startsOptionalExpression(this.peek()!)) this.expression("int", follow, false);
        return;
      default:
        return;
    }
  }

  /** `NAME(ARGS)` after `boot`. */
  private entryCall(follow: Expectation): void {
    if (!this.name()) return;
    this.need(nothing);
    if (!this.accept("(")) return;
    for (;;) {
      this.need({ keywords: [], value: { hint: "any", condition: false } });
      if (this.accept(")")) break;
      const before = this.i;
      this.expression("any", nothing, false);
      if (this.accept(",")) continue;
      if (this.accept(")")) break;
      if (this.i === before) return;
      return;
    }
    this.need(follow);
  }

  /** After the `{` of an entry (or of a block inside one), up to and including its `}`. */
  private entryBody(): void {
    const follow: Expectation = { keywords: statementKeywords };
    for (;;) {
      this.need(follow);
      if (this.accept("}")) return;
      if (this.atDeclaration()) return;
      const start = this.i;
      const token = this.peek()!;
      if (token.kind === "name") this.statement(token, follow);
      if (this.i === start) this.i++;
    }
  }

  private statement(token: WindowToken, follow: Expectation): void {
    switch (token.text) {
      case "kernel":
        this.i++;
        this.expression("url", { keywords: [more.args, ...follow.keywords] }, false);
        if (this.accept("args")) this.kernelArguments(follow);
        return;
      case "initrd":
        this.i++;
        this.expression("url", { keywords: [more.as, ...follow.keywords] }, false);
        if (this.accept("as")) this.expression("string", follow, false);
        return;
      case "echo":
        this.i++;
        this.expression("string", follow, false);
        return;
      case "prompt":
        this.i++;
        this.need({ keywords: [], settings: "declared" });
        if (!this.name()) return;
        this.need(nothing);
        this.expression("string", follow, false);
        return;
      case "set": {
        this.i++;
        this.need({ keywords: [], settings: "declared" });
        const setting = this.name();
        if (!setting) return;
        this.need(nothing);
        if (!this.accept("=")) return;
        this.expression("any", follow, false, setting.text);
        return;
      }
      case "sleep":
        this.i++;
        this.expression("duration", follow, false);
        return;
      case "on":
        this.i++;
        this.need({ keywords: [more.failure] });
        if (this.accept("failure")) this.expression("string", follow, false);
        return;
      case "boot": {
        this.i++;
        // `boot NAME(…)` keeps NAME on the line of `boot`; a bare `boot` boots the loaded kernel.
        if (this.done) throw new Reached(this.cursorOnNewLine ? follow : { ...follow, entries: true });
        const next = this.peek()!;
        if (next.kind === "name" && !next.newlineBefore && this.is("(", 1)) this.entryCall(follow);
        return;
      }
      case "for":
        this.loop(() => this.entryBody());
        return;
      case "if":
        this.conditional(() => this.entryBody(), follow, true);
        return;
      case "when":
        this.conditional(() => this.entryBody(), follow, false);
        return;
      default:
        this.action(follow);
        return;
    }
  }

  /** `args A B, C …`: values until the next statement. */
  private kernelArguments(follow: Expectation): void {
    this.expression("string", follow, false);
    for (;;) {
      this.need(follow);
      const next = this.peek()!;
      if (next.kind === "name" && statementStarts.has(next.text)) return;
      if (next.kind === "raw" || this.is("}")) return;
      const before = this.i;
      this.accept(",");
      this.expression("string", follow, false);
      if (this.i === before) return;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Blocks shared by menus and entries

  private loop(body: () => void): void {
    this.i++;
    this.need(nothing);
    const variable = this.name();
    if (!variable) return;
    this.need({ keywords: [more.in] });
    if (!this.accept("in")) return;
    this.expression("list", nothing, false);
    this.need(nothing);
    if (!this.accept("{")) return;
    this.locals.push({ name: variable.text, start: variable.start, kind: "loop-variable" });
    this.nested(body);
    this.locals.pop();
  }

  private conditional(body: () => void, follow: Expectation, compileTime: boolean): void {
    this.i++;
    this.expression("bool", nothing, true);
    this.need(nothing);
    if (!this.accept("{")) return;
    this.nested(body);
    const otherwise = compileTime ? [more.else, more.elseIf] : [more.else];
    this.need({ keywords: [...otherwise, ...follow.keywords] });
    if (!this.accept("else")) return;
    this.need({
      keywords: compileTime ? [{ ...more.elseIf, label: "if", snippet: "if ${1:condition} {\n\t$0\n}" }] : [],
    });
    if (compileTime && this.is("if")) {
      this.nested(() => this.conditional(body, follow, true));
      return;
    }
    if (this.accept("{")) this.nested(body);
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /**
   * `operand (operator operand)*`. At the end of the tokens after a whole operand, `follow` (and, in
   * a condition, `and`/`or`) is what may come.
   */
  private expression(hint: ValueHint, follow: Expectation, condition: boolean, assignedTo?: string): void {
    this.nested(() => this.expressionBody(hint, follow, condition, assignedTo));
  }

  private expressionBody(hint: ValueHint, follow: Expectation, condition: boolean, assignedTo?: string): void {
    let left = this.operand({ hint, condition, ...(assignedTo !== undefined ? { assignedTo } : {}) });
    if (left === undefined) return;
    for (;;) {
      if (this.done) {
        throw new Reached(condition ? { ...follow, keywords: [...follow.keywords, more.and, more.or] } : follow);
      }
      const token = this.peek()!;
      const comparison = token.kind === "punct" && (token.text === "==" || token.text === "!=");
      const logical = token.kind === "name" && (token.text === "and" || token.text === "or");
      if (!comparison && !logical) return;
      this.i++;
      const comparedWith = comparison && left !== null ? left.text : undefined;
      left = this.operand({
        hint: comparison ? "any" : "bool",
        condition: condition && !comparison,
        ...(comparedWith !== undefined ? { comparedWith } : {}),
      });
      if (left === undefined) return;
    }
  }

  /**
   * One operand: undefined when none was there (nothing consumed), the name token for a plain
   * name (its type may say what it is compared with), null for anything else.
   */
  private operand(expected: ValueExpectation): WindowToken | null | undefined {
    while (this.is("not")) this.i++;
    this.need({ keywords: [], value: expected });
    const token = this.peek()!;
    switch (token.kind) {
      case "string":
      case "number":
      case "duration":
        this.i++;
        return null;
      case "raw":
        return undefined;
      case "punct":
        if (this.accept("(")) {
          this.expression(expected.hint, nothing, expected.condition);
          this.accept(")");
          return null;
        }
        if (this.accept("[")) {
          this.list();
          return null;
        }
        if (this.accept("{")) {
          this.record();
          return null;
        }
        return undefined;
      case "name": {
        if (token.text === "set" && this.is("(", 1)) {
          this.i += 2;
          this.need({ keywords: [], settings: "any" });
          this.name();
          this.accept(")");
          return null;
        }
        // A keyword followed by a value is the next statement, not a name (as in core's parser).
        if (keywordSet.has(token.text) && this.peek(1) !== undefined && isValueAfterKeyword(this.peek(1)!)) {
          return undefined;
        }
        this.i++;
        const path = [token.text];
        while (this.accept(".")) {
          this.need({ keywords: [], members: [...path] });
          const member = this.name();
          if (!member) return null;
          path.push(member.text);
        }
        return path.length === 1 ? token : null;
      }
    }
  }

  private list(): void {
    for (;;) {
      this.need({ keywords: [], value: { hint: "any", condition: false } });
      if (this.accept("]")) return;
      const before = this.i;
      this.expression("any", nothing, false);
      if (this.accept(",")) continue;
      if (this.accept("]") || this.i === before) return;
      return;
    }
  }

  private record(): void {
    for (;;) {
      this.need(nothing);
      if (this.accept("}")) return;
      if (!this.name()) return;
      this.need(nothing);
      if (!this.accept(":")) return;
      this.expression("any", nothing, false);
      if (this.accept(",")) continue;
      this.accept("}");
      return;
    }
  }
}

function hintOfType(name: string | undefined): ValueHint {
  switch (name) {
    case "string":
    case "url":
    case "int":
    case "bool":
    case "duration":
    case "list":
    case "arch":
    case "platform":
      return name;
    default:
      return "any";
  }
}

/** Whether a token can begin an expression (`item ID TEXT` tells an id by what follows it). */
function startsExpression(token: WindowToken): boolean {
  return token.kind !== "raw" && (token.kind !== "punct" || ["(", "[", "{"].includes(token.text));
}

/**
 * Where an expression is optional (`gap`, `exit`), only these begin one: a keyword there begins the
 * next member or statement.
 */
function startsOptionalExpression(token: WindowToken): boolean {
  if (token.kind === "name") return !keywordSet.has(token.text) || token.text === "true" || token.text === "false";
  return (
    token.kind === "string" ||
    token.kind === "number" ||
    token.kind === "duration" ||
    token.text === "(" ||
    token.text === "["
  );
}

/** Two values in a row never form an expression (core's `isNameInExpression`). */
function isValueAfterKeyword(next: WindowToken): boolean {
  return (
    next.kind === "name" ||
    next.kind === "string" ||
    next.kind === "number" ||
    next.kind === "duration" ||
    next.text === "["
  );
}
