/**
 * CST → AST. One method per grammar rule, dispatching on the CST's children directly (typed, and
 * cheaper than Chevrotain's generic visitor). Chevrotain's inclusive token ends become end-exclusive
 * ranges here, once.
 *
 * Error recovery can leave CST nodes without some children. A node that lacks a part the AST requires
 * is dropped (its syntax error has been reported already); the rest of the tree is kept.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
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
  SourceFileNode,
  Statement,
  StringLiteral,
  TypeRef,
  WhenNode,
} from "./ast.js";
import { Equals, keywordTokens as kw, MalformedNumber, NotEquals, UnterminatedString } from "./lexer.js";
import type { RawBlockPayload } from "./lexer.js";
import type { Range } from "./source.js";
import { maxExpressionDepth } from "./nesting.js";
import { decodeStringLiteral } from "./strings.js";
import type { ProblemReporter } from "./strings.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

// ---------------------------------------------------------------------------------------------
// CST access

function tokenAt(node: CstNode, key: string): IToken | undefined {
  const element = node.children[key]?.[0];
  return element !== undefined && isToken(element) && !Number.isNaN(element.startOffset) ? element : undefined;
}

function nodeAt(node: CstNode, key: string): CstNode | undefined {
  const element = node.children[key]?.[0];
  return element !== undefined && !isToken(element) ? element : undefined;
}

function nodesAt(node: CstNode, key: string): CstNode[] {
  return (node.children[key] as CstNode[] | undefined) ?? [];
}

function isToken(element: CstElement): element is IToken {
  return (element as IToken).tokenType !== undefined;
}

/** Start of a CST element: its first real token (recovery inserts tokens without a position). */
function startOf(element: CstElement): number {
  return isToken(element) ? element.startOffset : cstStart(element);
}

function cstStart(node: CstNode): number {
  const children = node.children;
  // Keys are created in the order children are consumed, so the first key's first element is the
  // node's first element, unless recovery inserted it.
  for (const key in children) {
    const first = children[key]![0];
    const firstStart = first === undefined ? Number.NaN : startOf(first);
    if (!Number.isNaN(firstStart)) return firstStart;
    break;
  }
  let start = Number.POSITIVE_INFINITY;
  for (const key in children) {
    for (const element of children[key]!) {
      const elementStart = startOf(element);
      if (!Number.isNaN(elementStart)) {
        if (elementStart < start) start = elementStart;
        break;
      }
    }
  }
  return start === Number.POSITIVE_INFINITY ? Number.NaN : start;
}

/**
 * End (exclusive) of a CST node: the end of its last real token. The last element is the one that
 * starts last (elements never overlap), so only that one is descended into.
 */
function cstEnd(node: CstNode): number {
  let last: CstElement | undefined;
  let lastStart = Number.NEGATIVE_INFINITY;
  const children = node.children;
  for (const key in children) {
    const elements = children[key]!;
    for (let i = elements.length - 1; i >= 0; i--) {
      const element = elements[i]!;
      const elementStart = startOf(element);
      if (!Number.isNaN(elementStart)) {
        if (elementStart > lastStart) {
          lastStart = elementStart;
          last = element;
        }
        break;
      }
    }
  }
  if (last === undefined) return Number.NaN;
  return isToken(last) ? tokenEnd(last) : cstEnd(last);
}

/** The children under `keys`, in source order (the CST groups children by name). */
function inSourceOrder(node: CstNode, keys: readonly string[]): CstElement[] {
  let result: CstElement[] | undefined;
  for (const key of keys) {
    const elements = node.children[key];
    if (elements === undefined) continue;
    result = result === undefined ? elements : mergedInSourceOrder(result, elements);
  }
  return result ?? [];
}

/**
 * Two runs of elements, each in source order (a key's elements are in the order they were read),
 * merged into one; elements without a position (recovery inserted them) are left out.
 */
function mergedInSourceOrder(first: readonly CstElement[], second: readonly CstElement[]): CstElement[] {
  const merged: CstElement[] = [];
  let i = 0;
  let j = 0;
  while (i < first.length || j < second.length) {
    const a = i < first.length ? startOf(first[i]!) : Number.POSITIVE_INFINITY;
    if (Number.isNaN(a)) {
      i++;
      continue;
    }
    const b = j < second.length ? startOf(second[j]!) : Number.POSITIVE_INFINITY;
    if (Number.isNaN(b)) {
      j++;
      continue;
    }
    if (a <= b) merged.push(first[i++]!);
    else merged.push(second[j++]!);
  }
  return merged;
}

/**
 * Where a token ends, exclusive (Chevrotain's `endOffset` is inclusive). Computed from the image, so
 * it holds whatever position tracking the lexer does; NaN for tokens that recovery inserted.
 */
function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}

function tokenRange(token: IToken): Range {
  return { start: token.startOffset, end: tokenEnd(token) };
}

/** The text a CST node covers, from its first to its last real token. */
function nodeRange(node: CstNode): Range {
  return { start: cstStart(node), end: cstEnd(node) };
}

/** Whether recovery left any real token in the node. */
function hasTokens(node: CstNode): boolean {
  return !Number.isNaN(cstStart(node));
}

// ---------------------------------------------------------------------------------------------

const declarationKeys = ["importDecl", "targetDecl", "constDecl", "settingDecl", "menuDecl", "entryDecl"] as const;
const memberKeys = ["item", "gap", "defaultMember", "escapeMember", "menuFor", "menuIf", "menuWhen"] as const;
const statementKeys = [
  "action",
  "kernelStmt",
  "initrdStmt",
  "echoStmt",
  "promptStmt",
  "setStmt",
  "sleepStmt",
  "onFailureStmt",
  "RawBlock",
  "statementFor",
  "statementIf",
  "statementWhen",
] as const;

/** `or` < `and` < `not` < `==`/`!=`. */
const OR_PRECEDENCE = 1;
const AND_PRECEDENCE = 2;
const COMPARISON_PRECEDENCE = 3;

/** Build the AST of a whole file from its CST. */
export function buildAst(cst: CstNode, text: string, report: ProblemReporter): SourceFileNode {
  return new AstBuilder(text, report).sourceFile(cst);
}

/** Turns CST into AST; `declaration` serves callers that build one declaration at a time. */
export class AstBuilder {
  /** Depth of the expressions being built, by their weight (see `expression`). */
  private expressionDepth = 0;

  constructor(
    private readonly text: string,
    private readonly report: ProblemReporter,
  ) {}

  /** Build each node, dropping those that recovery left incomplete. */
  private collect<T>(nodes: readonly CstNode[], build: (this: AstBuilder, node: CstNode) => T | undefined): T[] {
    const result: T[] = [];
    for (const node of nodes) {
      const built = build.call(this, node);
      if (built !== undefined) result.push(built);
    }
    return result;
  }

  sourceFile(node: CstNode): SourceFileNode {
    const declarations: Declaration[] = [];
    for (const element of inSourceOrder(node, declarationKeys)) {
      const declaration = this.declaration(element as CstNode);
      if (declaration !== undefined) declarations.push(declaration);
    }
    return { kind: "SourceFile", range: { start: 0, end: this.text.length }, declarations };
  }

  declaration(node: CstNode): Declaration | undefined {
    switch (node.name) {
      case "importDecl": {
        const path = tokenAt(node, "path");
        return path && { kind: "Import", range: nodeRange(node), path: this.string(path) };
      }
      case "targetDecl": {
        const profile = tokenAt(node, "profile");
        return profile && { kind: "Target", range: nodeRange(node), profile: this.string(profile) };
      }
      case "constDecl":
        return this.constDecl(node);
      case "settingDecl":
        return this.settingDecl(node);
      case "menuDecl":
        return this.menuDecl(node);
      case "entryDecl":
        return this.entryDecl(node);
      default:
        return undefined;
    }
  }

  private constDecl(node: CstNode): ConstDecl | undefined {
    const name = tokenAt(node, "name");
    const value = this.optionalExpression(node, "value");
    if (name === undefined || value === undefined) return undefined;
    const result: Mutable<ConstDecl> = { kind: "Const", range: nodeRange(node), name: identifier(name), value };
    const type = tokenAt(node, "type");
    if (type !== undefined) result.type = typeRef(type);
    return result;
  }

  private settingDecl(node: CstNode): SettingDecl | undefined {
    const name = tokenAt(node, "name");
    const type = tokenAt(node, "type");
    if (name === undefined || type === undefined) return undefined;
    const result: Mutable<SettingDecl> = {
      kind: "Setting",
      range: nodeRange(node),
      name: identifier(name),
      type: typeRef(type),
    };
    const value = this.optionalExpression(node, "value");
    if (value !== undefined) result.value = value;
    return result;
  }

  private menuDecl(node: CstNode): MenuDecl | undefined {
    const name = tokenAt(node, "name");
    const body = nodeAt(node, "body");
    if (name === undefined || body === undefined) return undefined;
    let title = this.optionalExpression(node, "title");
    const open = tokenAt(body, "LBrace");
    if (title === undefined && node.children["title"] === undefined && open !== undefined) {
      // `menu m { … }`: keep the menu, so its items are not lost, with an empty title where the
      // title belongs.
      this.report("syntax-error", 'expected the menu\'s title (a string) after its name, found "{"', tokenRange(open));
      title = { kind: "String", range: { start: open.startOffset, end: open.startOffset }, parts: [] };
    }
    if (title === undefined) return undefined;
    return { kind: "Menu", range: nodeRange(node), name: identifier(name), title, body: this.menuBlock(body) };
  }

  private entryDecl(node: CstNode): EntryDecl | undefined {
    const name = tokenAt(node, "name");
    const body = nodeAt(node, "body");
    if (name === undefined || body === undefined) return undefined;
    const params = this.collect(nodesAt(node, "param"), this.param);
    return { kind: "Entry", range: nodeRange(node), name: identifier(name), params, body: this.statementBlock(body) };
  }

  private param(node: CstNode): Param | undefined {
    const name = tokenAt(node, "name");
    const type = tokenAt(node, "type");
    if (name === undefined || type === undefined) return undefined;
    const result: Mutable<Param> = {
      kind: "Param",
      range: nodeRange(node),
      name: identifier(name),
      type: typeRef(type),
    };
    const defaultValue = this.optionalExpression(node, "defaultValue");
    if (defaultValue !== undefined) result.defaultValue = defaultValue;
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Menus

  private menuBlock(node: CstNode): MenuMember[] {
    const members: MenuMember[] = [];
    for (const element of inSourceOrder(node, memberKeys)) {
      const member = this.menuMember(element as CstNode);
      if (member !== undefined) members.push(member);
    }
    return members;
  }

  private menuMember(node: CstNode): MenuMember | undefined {
    if (!hasTokens(node)) return undefined;
    switch (node.name) {
      case "item":
        return this.item(node);
      case "gap": {
        const result: Mutable<GapNode> = { kind: "Gap", range: nodeRange(node) };
        const text = this.optionalExpression(node, "text");
        if (text !== undefined) result.text = text;
        return result;
      }
      case "defaultMember": {
        const item = tokenAt(node, "item");
        if (item === undefined) return undefined;
        const result: Mutable<DefaultNode> = { kind: "Default", range: nodeRange(node), item: identifier(item) };
        const timeout = this.optionalExpression(node, "timeout");
        if (timeout !== undefined) result.timeout = timeout;
        return result;
      }
      case "escapeMember": {
        const action = this.menuAction(node);
        return action && { kind: "Escape", range: nodeRange(node), action };
      }
      case "menuFor":
        return this.forBlock(node, (body) => this.menuBlock(body));
      case "menuIf":
        return this.ifBlock(node, (body) => this.menuBlock(body));
      case "menuWhen":
        return this.whenBlock(node, (body) => this.menuBlock(body));
      default:
        return undefined;
    }
  }

  private item(node: CstNode): ItemNode | undefined {
    const text = this.optionalExpression(node, "text");
    const action = this.menuAction(node);
    if (text === undefined || action === undefined) return undefined;
    const result: Mutable<ItemNode> = { kind: "Item", range: nodeRange(node), text, action };
    const id = tokenAt(node, "id");
    if (id !== undefined) result.id = identifier(id);
    const keyword = tokenAt(node, "Key");
    const keyValue = tokenAt(node, "keyValue");
    if (keyword !== undefined && keyValue !== undefined) result.key = this.key(keyword, keyValue);
    const condition = this.optionalExpression(node, "condition");
    if (condition !== undefined) result.condition = condition;
    return result;
  }

  /** `key l`, `key 1`, `key "?"`, `key F5`: the value as written, without quotes. */
  private key(keyword: IToken, value: IToken): KeyNode {
    const range = { start: keyword.startOffset, end: tokenEnd(value) };
    if (value.image.charCodeAt(0) !== 34 /* " */) return { kind: "Key", range, value: value.image };
    const literal = this.string(value);
    const written = literal.parts
      .map((part) => (part.kind === "Text" ? part.value : this.text.slice(part.range.start, part.range.end)))
      .join("");
    return { kind: "Key", range, value: written };
  }

  // -------------------------------------------------------------------------------------------
  // Actions and statements

  private menuAction(owner: CstNode): Action | undefined {
    const node = nodeAt(owner, "action");
    if (node === undefined || !hasTokens(node)) return undefined;
    const boot = tokenAt(node, "Boot");
    if (boot !== undefined && tokenAt(node, "entry") === undefined) {
      this.report("syntax-error", 'in a menu, "boot" needs an entry to run: boot NAME(ARGUMENTS)', tokenRange(boot));
      return undefined;
    }
    return this.action(node) as Action | undefined;
  }

  /** An action, or in an entry the bare `boot` that boots the loaded kernel. */
  private action(node: CstNode): Statement | undefined {
    const range = nodeRange(node);
    const children = node.children;
    if (children["Menu"] !== undefined) {
      const menu = tokenAt(node, "menu");
      return menu && { kind: "OpenMenu", range, menu: identifier(menu) };
    }
    if (children["Boot"] !== undefined) {
      const entry = tokenAt(node, "entry");
      if (entry === undefined) return { kind: "BootKernel", range };
      const args = this.collect(nodesAt(node, "args"), this.expression);
      return { kind: "BootEntry", range, entry: identifier(entry), args };
    }
    if (children["Chain"] !== undefined) {
      const url = this.optionalExpression(node, "url");
      return url && { kind: "Chain", range, url };
    }
    if (children["Sanboot"] !== undefined) {
      const drive = this.optionalExpression(node, "drive");
      const url = drive === undefined ? this.optionalExpression(node, "url") : undefined;
      if (drive === undefined && url === undefined) return undefined;
      const result: Mutable<SanbootAction> = { kind: "Sanboot", range };
      if (drive !== undefined) result.drive = drive;
      if (url !== undefined) result.url = url;
      return result;
    }
    if (children["Memdisk"] !== undefined) {
      const url = this.optionalExpression(node, "url");
      if (url === undefined) return undefined;
      const result: Mutable<MemdiskAction> = { kind: "Memdisk", range, url };
      const mode = tokenAt(node, "mode");
      if (mode !== undefined) result.mode = identifier(mode);
      return result;
    }
    if (children["Shell"] !== undefined) return { kind: "Shell", range };
    if (children["Exit"] !== undefined) {
      const result: Mutable<ExitAction> = { kind: "Exit", range };
      const status = this.optionalExpression(node, "status");
      if (status !== undefined) result.status = status;
      return result;
    }
    if (children["Reboot"] !== undefined) return { kind: "Reboot", range };
    if (children["Back"] !== undefined) return { kind: "Back", range };
    return undefined;
  }

  private statementBlock(node: CstNode): Statement[] {
    const statements: Statement[] = [];
    for (const element of inSourceOrder(node, statementKeys)) {
      const statement = isToken(element) ? this.rawIpxe(element) : this.statement(element);
      if (statement !== undefined) statements.push(statement);
    }
    return statements;
  }

  private statement(node: CstNode): Statement | undefined {
    if (!hasTokens(node)) return undefined;
    const range = nodeRange(node);
    switch (node.name) {
      case "action":
        return this.action(node);
      case "kernelStmt": {
        const url = this.optionalExpression(node, "url");
        if (url === undefined) return undefined;
        const args = this.collect(nodesAt(node, "args"), this.expression);
        return { kind: "Kernel", range, url, args };
      }
      case "initrdStmt": {
        const url = this.optionalExpression(node, "url");
        if (url === undefined) return undefined;
        const result: Mutable<InitrdStmt> = { kind: "Initrd", range, url };
        const name = this.optionalExpression(node, "name");
        if (name !== undefined) result.name = name;
        return result;
      }
      case "echoStmt": {
        const text = this.optionalExpression(node, "text");
        return text && { kind: "Echo", range, text };
      }
      case "promptStmt": {
        const setting = tokenAt(node, "setting");
        const question = this.optionalExpression(node, "question");
        if (setting === undefined || question === undefined) return undefined;
        return { kind: "Prompt", range, setting: identifier(setting), question };
      }
      case "setStmt": {
        const setting = tokenAt(node, "setting");
        const value = this.optionalExpression(node, "value");
        if (setting === undefined || value === undefined) return undefined;
        return { kind: "Set", range, setting: identifier(setting), value };
      }
      case "sleepStmt": {
        const duration = this.optionalExpression(node, "duration");
        return duration && { kind: "Sleep", range, duration };
      }
      case "onFailureStmt": {
        const message = this.optionalExpression(node, "message");
        return message && { kind: "OnFailure", range, message };
      }
      case "statementFor":
        return this.forBlock(node, (body) => this.statementBlock(body));
      case "statementIf":
        return this.ifBlock(node, (body) => this.statementBlock(body));
      case "statementWhen":
        return this.whenBlock(node, (body) => this.statementBlock(body));
      default:
        return undefined;
    }
  }

  private rawIpxe(token: IToken): RawIpxeStmt {
    const { textStart, textEnd } = token.payload as RawBlockPayload;
    return {
      kind: "RawIpxe",
      range: tokenRange(token),
      text: this.text.slice(textStart, textEnd),
      textOffset: textStart,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Blocks shared by menus and entries

  private forBlock<T>(node: CstNode, body: (block: CstNode) => T[]): ForNode<T> | undefined {
    const variable = tokenAt(node, "variable");
    const iterable = this.optionalExpression(node, "iterable");
    const block = nodeAt(node, "body");
    if (variable === undefined || iterable === undefined || block === undefined) return undefined;
    return { kind: "For", range: nodeRange(node), variable: identifier(variable), iterable, body: body(block) };
  }

  private ifBlock<T>(node: CstNode, body: (block: CstNode) => T[]): IfNode<T> | undefined {
    const condition = this.optionalExpression(node, "condition");
    const then = nodeAt(node, "then");
    if (condition === undefined || then === undefined) return undefined;
    const result: Mutable<IfNode<T>> = { kind: "If", range: nodeRange(node), condition, then: body(then) };
    const elseIf = nodeAt(node, "elseIf");
    const elseBlock = nodeAt(node, "else");
    if (elseIf !== undefined) {
      const nested = this.ifBlock(elseIf, body);
      if (nested !== undefined) result.else = [nested as T];
    } else if (elseBlock !== undefined) {
      result.else = body(elseBlock);
    }
    return result;
  }

  private whenBlock<T>(node: CstNode, body: (block: CstNode) => T[]): WhenNode<T> | undefined {
    const condition = this.optionalExpression(node, "condition");
    const then = nodeAt(node, "then");
    if (condition === undefined || then === undefined) return undefined;
    const result: Mutable<WhenNode<T>> = { kind: "When", range: nodeRange(node), condition, then: body(then) };
    const elseBlock = nodeAt(node, "else");
    if (elseBlock !== undefined) result.else = body(elseBlock);
    return result;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private optionalExpression(owner: CstNode, key: string): Expression | undefined {
    const node = nodeAt(owner, key);
    return node === undefined ? undefined : this.expression(node);
  }

  /**
   * An `expression` node holds its first operand inline, then `operator operand` pairs; precedence
   * is applied here (see parser.ts).
   */
  private expression(node: CstNode): Expression | undefined {
    const operators = node.children["operator"] as IToken[] | undefined;
    const simple = operators === undefined && node.children["Not"] === undefined;
    const operands = simple ? undefined : [node, ...nodesAt(node, "operand")];
    // How deep this expression can make the tree: itself, and one level per operator and `not`.
    let weight = 1;
    if (operands !== undefined) {
      weight += operators?.length ?? 0;
      for (const operand of operands) weight += (operand.children["Not"] as IToken[] | undefined)?.length ?? 0;
    }
    if (this.expressionDepth + weight > maxExpressionDepth) {
      const start = startOf(node);
      this.report(
        "nesting-too-deep",
        `this expression nests more than ${maxExpressionDepth} levels deep (operators, \`not\`s, brackets); split it up`,
        { start, end: start + 1 },
      );
      return undefined;
    }
    this.expressionDepth += weight;
    try {
      return operands === undefined ? this.operand(node) : new ExpressionReader(this, operands, operators ?? []).read();
    } finally {
      this.expressionDepth -= weight;
    }
  }

  /** An operand without its leading `not`s: a value and its `.member`s. */
  operand(node: CstNode): Expression | undefined {
    let result = this.value(node);
    const members = node.children["member"] as IToken[] | undefined;
    if (result === undefined || members === undefined) return result;
    // A member access starts where its object's text starts, parenthesis included.
    const start = outerStart(node, result);
    for (const member of members) {
      if (Number.isNaN(member.startOffset)) break;
      result = { kind: "Member", range: { start, end: tokenEnd(member) }, object: result, member: identifier(member) };
    }
    return result;
  }

  /** The operand's value. Its first key after the `not`s says which alternative was taken. */
  private value(node: CstNode): Expression | undefined {
    const children = node.children;
    for (const key in children) {
      const first = children[key]![0]!;
      switch (key) {
        case "Not":
          continue;
        case "StringLiteral":
          return this.string(first as IToken);
        case "name": {
          const name = identifier(first as IToken);
          return { kind: "Name", range: name.range, name };
        }
        case "Integer":
          return integer(first as IToken);
        case "Duration":
          return duration(first as IToken);
        case "True":
          return { kind: "Bool", range: tokenRange(first as IToken), value: true };
        case "False":
          return { kind: "Bool", range: tokenRange(first as IToken), value: false };
        case "Set": {
          const setting = tokenAt(node, "setting");
          if (setting === undefined) return undefined;
          const close = tokenAt(node, "isSetClose");
          return {
            kind: "IsSet",
            range: { start: (first as IToken).startOffset, end: tokenEnd(close ?? setting) },
            setting: identifier(setting),
          };
        }
        case "LParen":
          return this.optionalExpression(node, "inner");
        case "listLiteral": {
          const list = first as CstNode;
          return {
            kind: "List",
            range: nodeRange(list),
            elements: this.collect(nodesAt(list, "elements"), this.expression),
          };
        }
        case "recordLiteral": {
          const record = first as CstNode;
          return {
            kind: "Record",
            range: nodeRange(record),
            fields: this.collect(nodesAt(record, "fields"), this.recordField),
          };
        }
        default:
          return undefined;
      }
    }
    return undefined;
  }

  private recordField(node: CstNode): RecordField | undefined {
    const name = tokenAt(node, "name");
    const value = this.optionalExpression(node, "value");
    if (name === undefined || value === undefined) return undefined;
    return { kind: "Field", range: nodeRange(node), name: identifier(name), value };
  }

  private string(token: IToken): StringLiteral {
    return decodeStringLiteral(token.image, token.startOffset, token.tokenType !== UnterminatedString, this.report);
  }
}

/** Where an operand's text starts: its `(` when parenthesised (the node's range excludes it). */
function outerStart(operand: CstNode, value: Expression): number {
  const open = operand.children["inner"] === undefined ? undefined : tokenAt(operand, "LParen");
  return open === undefined ? value.range.start : open.startOffset;
}

/** Where an operand's text ends: after its `)` when parenthesised and without members. */
function outerEnd(operand: CstNode, value: Expression): number {
  if (operand.children["inner"] === undefined || operand.children["member"] !== undefined) return value.range.end;
  const close = tokenAt(operand, "RParen");
  return close === undefined ? value.range.end : tokenEnd(close);
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
    private readonly builder: AstBuilder,
    private readonly operands: readonly CstNode[],
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
        range: { start, end: this.end },
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
    const nots = operand.children["Not"] as IToken[] | undefined;
    if (nots !== undefined && this.notsApplied < nots.length) {
      const keyword = nots[this.notsApplied++]!;
      const negated = this.binary(COMPARISON_PRECEDENCE);
      if (negated === undefined) return undefined;
      this.start = keyword.startOffset;
      return { kind: "Not", range: { start: keyword.startOffset, end: this.end }, operand: negated };
    }
    this.nextOperand++;
    this.notsApplied = 0;
    const value = this.builder.operand(operand);
    if (value === undefined) return undefined;
    this.start = outerStart(operand, value);
    this.end = outerEnd(operand, value);
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

function identifier(token: IToken): Identifier {
  return { kind: "Identifier", range: tokenRange(token), name: token.image };
}

function typeRef(token: IToken): TypeRef {
  return { kind: "TypeRef", range: tokenRange(token), name: token.image };
}

function integer(token: IToken): IntLiteral {
  const text = token.image;
  let value: number;
  if (token.tokenType === MalformedNumber) value = Number.parseInt(text, 10) || 0;
  else if (text.length > 2 && (text.charCodeAt(1) === 120 || text.charCodeAt(1) === 88))
    value = Number.parseInt(text.slice(2), 16);
  else value = Number(text);
  return { kind: "Int", range: tokenRange(token), value, text };
}

function duration(token: IToken): DurationLiteral {
  const text = token.image;
  const unitLength = text.endsWith("ms") ? 2 : 1;
  return {
    kind: "Duration",
    range: tokenRange(token),
    amount: Number(text.slice(0, text.length - unitLength)),
    unit: text.slice(text.length - unitLength) as DurationUnit,
    text,
  };
}
