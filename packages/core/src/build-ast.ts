/**
 * What the parser read → AST. The parser (parser.ts) writes what each rule reads into a `Frame`;
 * when the rule ends, normally or cut short by a syntax error, the matching method here turns the
 * frame into the rule's node. One method per grammar rule; Chevrotain's inclusive token ends become
 * end-exclusive ranges here, once.
 *
 * Error recovery can end a rule before it has read everything. A node that lacks a part the AST
 * requires is dropped (its syntax error has been reported already); the rest of the tree is kept.
 */
import { tokenMatcher } from "chevrotain";
import type { IToken } from "chevrotain";
import type {
  Action,
  BinaryOperator,
  ConstDecl,
  Declaration,
  DefaultNode,
  DurationLiteral,
  DurationUnit,
  EntryDecl,
  ExitAction,
  Expression,
  ForNode,
  GapNode,
  Identifier,
  IfNode,
  InitrdStmt,
  IntLiteral,
  ItemNode,
  KeyNode,
  MemdiskAction,
  MenuDecl,
  MenuMember,
  Param,
  RawIpxeStmt,
  RecordField,
  SanbootAction,
  SettingDecl,
  Statement,
  StringLiteral,
  TypeRef,
  WhenNode,
} from "./ast.js";
import {
  Duration,
  Equals,
  Integer,
  keywordTokens as kw,
  MalformedNumber,
  NotEquals,
  StringLiteral as StringToken,
  UnterminatedString,
} from "./lexer.js";
import type { RawBlockPayload } from "./lexer.js";
import type { Range } from "./source.js";
import { maxExpressionDepth } from "./nesting.js";
import { decodeStringLiteral } from "./strings.js";
import type { ProblemReporter } from "./strings.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One operand of an operator expression: its `not`s, its value and its text's extent, brackets included. */
export interface Operand {
  readonly nots: readonly IToken[] | undefined;
  readonly value: Expression | undefined;
  readonly start: number;
  readonly end: number;
}

/**
 * What one run of a grammar rule has read: its tokens and the nodes its sub-rules made. Which fields
 * a rule uses is listed at each rule in parser.ts. Frames are reused (one per depth of the rule
 * stack), so every field is reset when a rule starts.
 */
export class Frame {
  /** The keyword that tells a rule's alternatives apart: an action's, or `set` of `set(NAME)`. */
  keyword: IToken | undefined = undefined;
  /** The rule's name token: a declared name, item id, loop variable, setting, menu or entry named. */
  name: IToken | undefined = undefined;
  /** A type after `:`; a memdisk mode. */
  type: IToken | undefined = undefined;
  /** An item's `key` keyword and its value. */
  keyKeyword: IToken | undefined = undefined;
  keyValue: IToken | undefined = undefined;
  /** `(` of a parenthesised operand; `{` of a block. */
  open: IToken | undefined = undefined;
  /** `)` of a parenthesised operand or of `set(NAME)`. */
  close: IToken | undefined = undefined;
  /** Whether a menu's title was read at all (a missing one is reported apart). */
  hasTitle = false;
  /** The rule's (first) expression. */
  expression: Expression | undefined = undefined;
  /** A second expression: an item's condition, an initrd's name, sanboot's drive. */
  other: Expression | undefined = undefined;
  /** An item's or `on escape`'s action. */
  action: Statement | undefined = undefined;
  /** A body or `then` block, and an `else` block or `else if`. */
  block: unknown[] | undefined = undefined;
  elseBlock: unknown[] | undefined = undefined;
  elseIf: unknown = undefined;
  /** What a rule repeats: declarations, members, statements, parameters, arguments, elements, fields. */
  list: unknown[] | undefined = undefined;
  // An operand: `not`s, then one of a literal or name token, a list or record, a parenthesised
  // expression or `set(NAME)`, then `.member`s. An expression adds operators and further operands.
  nots: IToken[] | undefined = undefined;
  valueToken: IToken | undefined = undefined;
  literal: Expression | undefined = undefined;
  inner: Expression | undefined = undefined;
  members: IToken[] | undefined = undefined;
  operators: IToken[] | undefined = undefined;
  operands: Operand[] | undefined = undefined;

  reset(): void {
    this.keyword = undefined;
    this.name = undefined;
    this.type = undefined;
    this.keyKeyword = undefined;
    this.keyValue = undefined;
    this.open = undefined;
    this.close = undefined;
    this.hasTitle = false;
    this.expression = undefined;
    this.other = undefined;
    this.action = undefined;
    this.block = undefined;
    this.elseBlock = undefined;
    this.elseIf = undefined;
    this.list = undefined;
    this.nots = undefined;
    this.valueToken = undefined;
    this.literal = undefined;
    this.inner = undefined;
    this.members = undefined;
    this.operators = undefined;
    this.operands = undefined;
  }
}

/** The extent of a rule that has read no real token (recovery can leave a rule without one). */
export const noToken = -1;

/** `or` < `and` < `not` < `==`/`!=`. */
const OR_PRECEDENCE = 1;
const AND_PRECEDENCE = 2;
const COMPARISON_PRECEDENCE = 3;

/**
 * Turns frames into nodes. Each method takes the frame of a rule and the extent of the real tokens
 * it read (`start` is `noToken` when recovery left it none).
 */
export class AstBuilder {
  /**
   * How deep the expressions read so far in the current rule nest: operators, `not`s and nested
   * expressions along the deepest path. The parser sets it before each method and reads it after.
   */
  height = 0;

  constructor(
    private readonly text: string,
    private readonly report: ProblemReporter,
  ) {}

  // -------------------------------------------------------------------------------------------
  // Files and declarations

  sourceFile(frame: Frame): Declaration[] {
    return listed<Declaration>(frame);
  }

  importDecl(frame: Frame, start: number, end: number): Declaration | undefined {
    const path = real(frame.name);
    return path && { kind: "Import", start, end, path: this.string(path) };
  }

  targetDecl(frame: Frame, start: number, end: number): Declaration | undefined {
    const profile = real(frame.name);
    return profile && { kind: "Target", start, end, profile: this.string(profile) };
  }

  constDecl(frame: Frame, start: number, end: number): ConstDecl | undefined {
    const name = real(frame.name);
    const value = frame.expression;
    if (name === undefined || value === undefined) return undefined;
    const result: Mutable<ConstDecl> = { kind: "Const", start, end, name: identifier(name), value };
    const type = real(frame.type);
    if (type !== undefined) result.type = typeRef(type);
    return result;
  }

  settingDecl(frame: Frame, start: number, end: number): SettingDecl | undefined {
    const name = real(frame.name);
    const type = real(frame.type);
    if (name === undefined || type === undefined) return undefined;
    const result: Mutable<SettingDecl> = {
      kind: "Setting",
      start,
      end,
      name: identifier(name),
      type: typeRef(type),
    };
    if (frame.expression !== undefined) result.value = frame.expression;
    return result;
  }

  menuDecl(frame: Frame, start: number, end: number): MenuDecl | undefined {
    const name = real(frame.name);
    const body = frame.block as MenuMember[] | undefined;
    if (name === undefined || body === undefined) return undefined;
    let title = frame.expression;
    const open = real(frame.open);
    if (title === undefined && !frame.hasTitle && open !== undefined) {
      // `menu m { … }`: keep the menu, so its items are not lost, with an empty title where the
      // title belongs.
      this.report("syntax-error", 'expected the menu\'s title (a string) after its name, found "{"', tokenRange(open));
      title = { kind: "String", start: open.startOffset, end: open.startOffset, parts: [] };
    }
    if (title === undefined) return undefined;
    return { kind: "Menu", start, end, name: identifier(name), title, body };
  }

  entryDecl(frame: Frame, start: number, end: number): EntryDecl | undefined {
    const name = real(frame.name);
    const body = frame.block as Statement[] | undefined;
    if (name === undefined || body === undefined) return undefined;
    const params = listed<Param>(frame);
    return { kind: "Entry", start, end, name: identifier(name), params, body };
  }

  param(frame: Frame, start: number, end: number): Param | undefined {
    const name = real(frame.name);
    const type = real(frame.type);
    if (name === undefined || type === undefined) return undefined;
    const result: Mutable<Param> = {
      kind: "Param",
      start,
      end,
      name: identifier(name),
      type: typeRef(type),
    };
    if (frame.expression !== undefined) result.defaultValue = frame.expression;
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Menus

  /** A menu's or an entry's block: what it holds, in source order. */
  block(frame: Frame): unknown[] {
    return listed(frame);
  }

  item(frame: Frame, start: number, end: number): ItemNode | undefined {
    if (start === noToken) return undefined;
    const text = frame.expression;
    const action = this.menuAction(frame.action);
    if (text === undefined || action === undefined) return undefined;
    const result: Mutable<ItemNode> = { kind: "Item", start, end, text, action };
    const id = real(frame.name);
    if (id !== undefined) result.id = identifier(id);
    const keyValue = real(frame.keyValue);
    if (frame.keyKeyword !== undefined && keyValue !== undefined) result.key = this.key(frame.keyKeyword, keyValue);
    if (frame.other !== undefined) result.condition = frame.other;
    return result;
  }

  /** `key l`, `key 1`, `key "?"`, `key F5`: the value as written, without quotes. */
  private key(keyword: IToken, value: IToken): KeyNode {
    const start = keyword.startOffset;
    const end = tokenEnd(value);
    if (value.image.charCodeAt(0) !== 34 /* " */) return { kind: "Key", start, end, value: value.image };
    const literal = this.string(value);
    const written = literal.parts
      .map((part) => (part.kind === "Text" ? part.value : this.text.slice(part.start, part.end)))
      .join("");
    return { kind: "Key", start, end, value: written };
  }

  gap(frame: Frame, start: number, end: number): GapNode | undefined {
    if (start === noToken) return undefined;
    const result: Mutable<GapNode> = { kind: "Gap", start, end };
    if (frame.expression !== undefined) result.text = frame.expression;
    return result;
  }

  defaultMember(frame: Frame, start: number, end: number): DefaultNode | undefined {
    const item = real(frame.name);
    if (start === noToken || item === undefined) return undefined;
    const result: Mutable<DefaultNode> = { kind: "Default", start, end, item: identifier(item) };
    if (frame.expression !== undefined) result.timeout = frame.expression;
    return result;
  }

  escapeMember(frame: Frame, start: number, end: number): MenuMember | undefined {
    if (start === noToken) return undefined;
    const action = this.menuAction(frame.action);
    return action && { kind: "Escape", start, end, action };
  }

  /** An action in a menu: a bare `boot` (which boots a loaded kernel) has no place there. */
  private menuAction(action: Statement | undefined): Action | undefined {
    if (action?.kind === "BootKernel") {
      this.report("syntax-error", 'in a menu, "boot" needs an entry to run: boot NAME(ARGUMENTS)', {
        start: action.start,
        end: action.start + "boot".length,
      });
      return undefined;
    }
    return action as Action | undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Actions and statements

  /** An action, or in an entry the bare `boot` that boots the loaded kernel. */
  action(frame: Frame, start: number, end: number): Statement | undefined {
    const keyword = frame.keyword;
    if (start === noToken || keyword === undefined) return undefined;
    switch (keyword.tokenType) {
      case kw.menu: {
        const menu = real(frame.name);
        return menu && { kind: "OpenMenu", start, end, menu: identifier(menu) };
      }
      case kw.boot: {
        const entry = real(frame.name);
        if (entry === undefined) return { kind: "BootKernel", start, end };
        const args = listed<Expression>(frame);
        return { kind: "BootEntry", start, end, entry: identifier(entry), args };
      }
      case kw.chain: {
        const url = frame.expression;
        return url && { kind: "Chain", start, end, url };
      }
      case kw.sanboot: {
        const drive = frame.other;
        const url = drive === undefined ? frame.expression : undefined;
        if (drive === undefined && url === undefined) return undefined;
        const result: Mutable<SanbootAction> = { kind: "Sanboot", start, end };
        if (drive !== undefined) result.drive = drive;
        if (url !== undefined) result.url = url;
        return result;
      }
      case kw.memdisk: {
        const url = frame.expression;
        if (url === undefined) return undefined;
        const result: Mutable<MemdiskAction> = { kind: "Memdisk", start, end, url };
        const mode = real(frame.type);
        if (mode !== undefined) result.mode = identifier(mode);
        return result;
      }
      case kw.shell:
        return { kind: "Shell", start, end };
      case kw.exit: {
        const result: Mutable<ExitAction> = { kind: "Exit", start, end };
        if (frame.expression !== undefined) result.status = frame.expression;
        return result;
      }
      case kw.reboot:
        return { kind: "Reboot", start, end };
      case kw.back:
        return { kind: "Back", start, end };
      default:
        return undefined;
    }
  }

  rawIpxe(token: IToken): RawIpxeStmt {
    const { textStart, textEnd } = token.payload as RawBlockPayload;
    return {
      kind: "RawIpxe",
      start: token.startOffset,
      end: tokenEnd(token),
      text: this.text.slice(textStart, textEnd),
      textOffset: textStart,
    };
  }

  kernelStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const url = frame.expression;
    if (start === noToken || url === undefined) return undefined;
    return { kind: "Kernel", start, end, url, args: listed<Expression>(frame) };
  }

  initrdStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const url = frame.expression;
    if (start === noToken || url === undefined) return undefined;
    const result: Mutable<InitrdStmt> = { kind: "Initrd", start, end, url };
    if (frame.other !== undefined) result.name = frame.other;
    return result;
  }

  echoStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const text = frame.expression;
    return text && { kind: "Echo", start, end, text };
  }

  promptStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const setting = real(frame.name);
    const question = frame.expression;
    if (setting === undefined || question === undefined) return undefined;
    return { kind: "Prompt", start, end, setting: identifier(setting), question };
  }

  setStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const setting = real(frame.name);
    const value = frame.expression;
    if (setting === undefined || value === undefined) return undefined;
    return { kind: "Set", start, end, setting: identifier(setting), value };
  }

  sleepStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const duration = frame.expression;
    return duration && { kind: "Sleep", start, end, duration };
  }

  onFailureStmt(frame: Frame, start: number, end: number): Statement | undefined {
    const message = frame.expression;
    return message && { kind: "OnFailure", start, end, message };
  }

  // -------------------------------------------------------------------------------------------
  // Blocks shared by menus and entries

  forBlock<T>(frame: Frame, start: number, end: number): ForNode<T> | undefined {
    const variable = real(frame.name);
    const iterable = frame.expression;
    const body = frame.block as T[] | undefined;
    if (variable === undefined || iterable === undefined || body === undefined) return undefined;
    return { kind: "For", start, end, variable: identifier(variable), iterable, body };
  }

  ifBlock<T>(frame: Frame, start: number, end: number): IfNode<T> | undefined {
    const condition = frame.expression;
    const then = frame.block as T[] | undefined;
    if (condition === undefined || then === undefined) return undefined;
    const result: Mutable<IfNode<T>> = { kind: "If", start, end, condition, then };
    if (frame.elseIf !== undefined) result.else = [frame.elseIf as T];
    else if (frame.elseBlock !== undefined) result.else = frame.elseBlock as T[];
    return result;
  }

  whenBlock<T>(frame: Frame, start: number, end: number): WhenNode<T> | undefined {
    const condition = frame.expression;
    const then = frame.block as T[] | undefined;
    if (condition === undefined || then === undefined) return undefined;
    const result: Mutable<WhenNode<T>> = { kind: "When", start, end, condition, then };
    if (frame.elseBlock !== undefined) result.else = frame.elseBlock as T[];
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /**
   * An expression: its first operand was read into the frame itself, then `operator operand` pairs;
   * precedence is applied here (see parser.ts). Too deep an expression is reported and dropped: the
   * checker and every later pass walk expressions recursively.
   */
  expression(frame: Frame, start: number): Expression | undefined {
    const operators = frame.operators;
    const first = this.operandValue(frame);
    if (operators === undefined && frame.nots === undefined) {
      return this.deepEnough(1, start) ? first : undefined;
    }
    const operands: Operand[] = [this.operandOf(frame, first), ...(frame.operands ?? [])];
    // How deep this expression makes the tree: itself, and one level per operator and `not`.
    let weight = 1 + (operators?.length ?? 0);
    for (const operand of operands) weight += operand.nots?.length ?? 0;
    if (!this.deepEnough(weight, start)) return undefined;
    return new ExpressionReader(operands, operators ?? []).read();
  }

  /** An operand after an operator. */
  operand(frame: Frame): Operand {
    return this.operandOf(frame, this.operandValue(frame));
  }

  /** Adds an expression's own depth to the depth nested in it; false (reported) past the limit. */
  private deepEnough(weight: number, start: number): boolean {
    const height = this.height + weight;
    if (height > maxExpressionDepth) {
      this.report(
        "nesting-too-deep",
        `this expression nests more than ${maxExpressionDepth} levels deep (operators, \`not\`s, brackets); split it up`,
        { start, end: start + 1 },
      );
      // Reported once: what encloses it is dropped with it, and counts it no further.
      this.height = 0;
      return false;
    }
    this.height = height;
    return true;
  }

  private operandOf(frame: Frame, value: Expression | undefined): Operand {
    if (value === undefined) return { nots: frame.nots, value, start: noToken, end: noToken };
    // A parenthesised operand's text includes its brackets (the value's range does not).
    const open = frame.open;
    const close = real(frame.close);
    return {
      nots: frame.nots,
      value,
      start: open === undefined ? value.start : open.startOffset,
      end: open === undefined || frame.members !== undefined || close === undefined ? value.end : tokenEnd(close),
    };
  }

  /** An operand's value and its `.member`s, without its `not`s. */
  private operandValue(frame: Frame): Expression | undefined {
    let value = this.value(frame);
    const members = frame.members;
    if (value === undefined || members === undefined) return value;
    // A member access starts where its object's text starts, parenthesis included.
    const start = frame.open === undefined ? value.start : frame.open.startOffset;
    for (const member of members) {
      if (Number.isNaN(member.startOffset)) break;
      value = { kind: "Member", start, end: tokenEnd(member), object: value, member: identifier(member) };
    }
    return value;
  }

  private value(frame: Frame): Expression | undefined {
    const token = frame.valueToken;
    if (token !== undefined) {
      if (tokenMatcher(token, StringToken)) return this.string(token);
      const type = token.tokenType;
      if (type === kw.true) return { kind: "Bool", start: token.startOffset, end: tokenEnd(token), value: true };
      if (type === kw.false) return { kind: "Bool", start: token.startOffset, end: tokenEnd(token), value: false };
      if (type === Duration) return duration(token);
      if (tokenMatcher(token, Integer)) return integer(token);
      const name = identifier(token);
      return { kind: "Name", start: name.start, end: name.end, name };
    }
    if (frame.literal !== undefined) return frame.literal;
    if (frame.open !== undefined) return frame.inner;
    const set = frame.keyword;
    if (set === undefined) return undefined;
    const setting = real(frame.name);
    if (setting === undefined) return undefined;
    return {
      kind: "IsSet",
      start: set.startOffset,
      end: tokenEnd(real(frame.close) ?? setting),
      setting: identifier(setting),
    };
  }

  list(frame: Frame, start: number, end: number): Expression {
    return { kind: "List", start, end, elements: listed<Expression>(frame) };
  }

  record(frame: Frame, start: number, end: number): Expression {
    return { kind: "Record", start, end, fields: listed<RecordField>(frame) };
  }

  recordField(frame: Frame, start: number, end: number): RecordField | undefined {
    const name = real(frame.name);
    const value = frame.expression;
    if (name === undefined || value === undefined) return undefined;
    return { kind: "Field", start, end, name: identifier(name), value };
  }

  private string(token: IToken): StringLiteral {
    return decodeStringLiteral(token.image, token.startOffset, token.tokenType !== UnterminatedString, this.report);
  }
}

/**
 * Precedence climbing over the flat operand/operator list. `not` takes a comparison (`not a == b` is
 * `not (a == b)`), `and` binds tighter than `or`, and all are left-associative. Each step leaves the
 * text extent of what it read (parentheses included) in `start`/`end`, for the enclosing node's range.
 */
class ExpressionReader {
  /** Index of the operand to read next; the operator after operand i is operators[i]. */
  private nextOperand = 0;
  /** How many of the current operand's leading `not`s have been applied. */
  private notsApplied = 0;
  private start = 0;
  private end = 0;

  constructor(
    private readonly operands: readonly Operand[],
    private readonly operators: readonly IToken[],
  ) {}

  read(): Expression | undefined {
    return this.binary(OR_PRECEDENCE);
  }

  private binary(minimum: number): Expression | undefined {
    let left = this.unary();
    if (left === undefined) return undefined;
    const start = this.start;
    while (this.nextOperand - 1 < this.operators.length && this.nextOperand < this.operands.length) {
      const operator = this.operators[this.nextOperand - 1]!;
      const precedence = precedenceOf(operator);
      if (precedence < minimum) break;
      const right = this.binary(precedence + 1);
      if (right === undefined) return undefined;
      left = {
        kind: "Binary",
        start,
        end: this.end,
        operator: operator.image as BinaryOperator,
        left,
        right,
      };
    }
    this.start = start;
    return left;
  }

  private unary(): Expression | undefined {
    const operand = this.operands[this.nextOperand];
    if (operand === undefined) return undefined;
    const nots = operand.nots;
    if (nots !== undefined && this.notsApplied < nots.length) {
      const keyword = nots[this.notsApplied++]!;
      const negated = this.binary(COMPARISON_PRECEDENCE);
      if (negated === undefined) return undefined;
      this.start = keyword.startOffset;
      return { kind: "Not", start: keyword.startOffset, end: this.end, operand: negated };
    }
    this.nextOperand++;
    this.notsApplied = 0;
    const value = operand.value;
    if (value === undefined) return undefined;
    this.start = operand.start;
    this.end = operand.end;
    return value;
  }
}

function precedenceOf(operator: IToken): number {
  const type = operator.tokenType;
  if (type === Equals || type === NotEquals) return COMPARISON_PRECEDENCE;
  return type === kw.and ? AND_PRECEDENCE : OR_PRECEDENCE;
}

// ---------------------------------------------------------------------------------------------
// Leaves

/**
 * What a rule repeated, as a new array made when the rule ends. The frame's array grew while the
 * rule was read, between everything else the parser made; the copy is right-sized and lies next to
 * the node that holds it, and every later pass reads it faster (checking a large site took about
 * 10% longer with the grown arrays).
 */
function listed<T>(frame: Frame): T[] {
  const list = frame.list as T[] | undefined;
  return list === undefined ? [] : list.slice();
}

/** The token, unless recovery inserted it (an inserted token has no position). */
function real(token: IToken | undefined): IToken | undefined {
  return token === undefined || Number.isNaN(token.startOffset) ? undefined : token;
}

/**
 * Where a token ends, exclusive (Chevrotain's `endOffset` is inclusive). Computed from the image, so
 * it holds whatever position tracking the lexer does.
 */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

export function tokenRange(token: IToken): Range {
  return { start: token.startOffset, end: tokenEnd(token) };
}

function identifier(token: IToken): Identifier {
  return { kind: "Identifier", start: token.startOffset, end: tokenEnd(token), name: token.image };
}

function typeRef(token: IToken): TypeRef {
  return { kind: "TypeRef", start: token.startOffset, end: tokenEnd(token), name: token.image };
}

function integer(token: IToken): IntLiteral {
  const text = token.image;
  let value: number;
  if (token.tokenType === MalformedNumber) value = Number.parseInt(text, 10) || 0;
  else if (text.length > 2 && (text.charCodeAt(1) === 120 || text.charCodeAt(1) === 88))
    value = Number.parseInt(text.slice(2), 16);
  else value = Number(text);
  return { kind: "Int", start: token.startOffset, end: tokenEnd(token), value, text };
}

function duration(token: IToken): DurationLiteral {
  const text = token.image;
  const unitLength = text.endsWith("ms") ? 2 : 1;
  return {
    kind: "Duration",
    start: token.startOffset,
    end: tokenEnd(token),
    amount: Number(text.slice(0, text.length - unitLength)),
    unit: text.slice(text.length - unitLength) as DurationUnit,
    text,
  };
}
