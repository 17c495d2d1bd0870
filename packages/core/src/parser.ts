/**
 * The ipxm grammar as a Chevrotain parser: tokens → AST, without a CST. Each rule writes what it
 * reads into a frame and build-ast.ts turns the frame into the rule's node; this file only says what
 * may follow what. Error recovery is on, so a broken line costs one diagnostic and the rest of the
 * file still parses.
 *
 * Keywords are names too (the `Name` category), so a few places decide by looking ahead:
 * - line ends are not significant, so where an expression is optional (`gap`, `exit`, kernel `args`)
 *   a gate decides from the next token whether one follows: keywords that start the next member or
 *   statement end it;
 * - `item NAME TEXT` vs `item TEXT` (see `itemHasId`), a keyword used as a name inside an expression
 *   (see `isNameInExpression`), and `boot` vs `boot NAME(…)` (a `(` after the name).
 */
import { EmbeddedActionsParser, isRecognitionException, tokenMatcher } from "chevrotain";
import type { IRecognitionException, IToken, OrMethodOpts, ParserMethod, TokenType } from "chevrotain";
import type { Declaration, Expression, IfNode, MenuMember, Statement } from "./ast.js";
import { AstBuilder, Frame, noToken, tokenEnd, type Operand } from "./build-ast.js";
import {
  allTokens,
  Arrow,
  Assign,
  BinaryOperator,
  Colon,
  Comma,
  Dot,
  Duration,
  Identifier,
  Integer,
  keywordTokens as kw,
  LBrace,
  LBracket,
  LParen,
  Name,
  RawBlock,
  RBrace,
  RBracket,
  RParen,
  StringLiteral,
} from "./lexer.js";
import { GateReadingLookahead } from "./lookahead.js";
import { parserErrorMessages } from "./parser-messages.js";

/** Token types that can begin a statement in an entry: they end a `kernel … args` list. */
const statementStarts: ReadonlySet<TokenType> = new Set([
  kw.kernel,
  kw.initrd,
  kw.boot,
  kw.echo,
  kw.prompt,
  kw.set,
  kw.sleep,
  kw.on,
  kw.for,
  kw.if,
  kw.when,
  kw.menu,
  kw.chain,
  kw.sanboot,
  kw.memdisk,
  kw.shell,
  kw.exit,
  kw.reboot,
  kw.back,
  RawBlock,
  RBrace,
]);

/**
 * Tokens that start an expression in a position where the expression is optional. Keywords are left
 * out: after `gap` or `exit` a keyword begins the next member or statement. (A constant named like a
 * keyword can still be written there in parentheses.)
 */
function startsOptionalExpression(tokenType: TokenType): boolean {
  return (
    tokenType === Identifier ||
    isOfCategory(tokenType, StringLiteral) ||
    isOfCategory(tokenType, Integer) ||
    tokenType === Duration ||
    tokenType === LBracket ||
    tokenType === LParen ||
    tokenType === kw.true ||
    tokenType === kw.false
  );
}

function startsExpression(tokenType: TokenType): boolean {
  return (
    isOfCategory(tokenType, Name) ||
    isOfCategory(tokenType, StringLiteral) ||
    isOfCategory(tokenType, Integer) ||
    tokenType === Duration ||
    tokenType === LBracket ||
    tokenType === LBrace ||
    tokenType === LParen
  );
}

function isOfCategory(tokenType: TokenType, category: TokenType): boolean {
  return tokenType === category || tokenType.CATEGORIES?.includes(category) === true;
}

/** Only punctuation may be conjured up by single-token-insertion: it carries no data into the AST. */
const insertableInRecovery: ReadonlySet<TokenType> = new Set([Arrow, Assign, Colon, Comma, RBrace, RBracket, RParen]);

/**
 * Where a sub-rule's node goes in the frame of the rule that calls it (see `store`). Each option
 * object is made once: written in place, one would be made on every call.
 */
const into = {
  /** The rule's (first) expression. */
  expression: { LABEL: "expression" },
  /** Its second expression: an item's condition, an initrd's name, sanboot's drive. */
  other: { LABEL: "other" },
  /** One more of what the rule repeats (declarations, members, statements, arguments …). */
  listed: { LABEL: "listed" },
  operand: { LABEL: "operand" },
  action: { LABEL: "action" },
  body: { LABEL: "body" },
  else: { LABEL: "else" },
  elseIf: { LABEL: "elseIf" },
  inner: { LABEL: "inner" },
  literal: { LABEL: "literal" },
} as const;

/** Stores a sub-rule's node (or what it had read when an error cut it short) in its caller's frame. */
function store(frame: Frame, label: string, node: unknown, child: Frame): void {
  switch (label) {
    case "expression":
      frame.expression = node as Expression | undefined;
      return;
    case "other":
      frame.other = node as Expression | undefined;
      return;
    case "listed":
      // Recovery can leave a node without a part it requires; such a node is dropped.
      if (node !== undefined) (frame.list ??= []).push(node);
      return;
    case "operand":
      (frame.operands ??= []).push(node as Operand);
      return;
    case "action":
      frame.action = node as Statement | undefined;
      return;
    case "body":
      frame.block = node as unknown[] | undefined;
      // A menu without a title keeps its items when its `{` was read (see AstBuilder.menuDecl).
      frame.open = child.open;
      return;
    case "else":
      frame.elseBlock = node as unknown[] | undefined;
      return;
    case "elseIf":
      frame.elseIf = node;
      return;
    case "inner":
      frame.inner = node as Expression | undefined;
      return;
    case "literal":
      frame.literal = node as Expression | undefined;
      return;
  }
}

/**
 * Chevrotain's parser internals this parser builds on: the rule stack's depth, and the tree
 * builder's hooks, which Chevrotain calls on every rule, token and sub-rule and which are no-ops
 * when no CST is built (see the constructor). Were they renamed, the AST tests would fail at once.
 */
interface ChevrotainInternals {
  RULE_STACK_IDX: number;
  cstInvocationStateUpdate: (ruleName: string) => void;
  cstPostTerminal: (label: string, token: IToken) => void;
  cstPostNonTerminal: (result: unknown, label: string) => void;
  invokeRuleCatch(
    error: unknown,
    resyncEnabled: boolean,
    recoveryValueFunc: (error: IRecognitionException) => unknown,
  ): unknown;
}

const chevrotainInvokeRuleCatch = (EmbeddedActionsParser.prototype as unknown as ChevrotainInternals).invokeRuleCatch;

/** Marks a rule that a syntax error ended and that could not recover on its own (see `invokeRuleCatch`). */
const cutShort = { cutShort: true } as const;

/** The builder between files: the parser holds on to nothing of the last one. */
const idleBuilder = new AstBuilder("", () => undefined);

/** Makes a rule's node: a method of AstBuilder. */
type Build<T> = (this: AstBuilder, frame: Frame, start: number, end: number) => T;

export class IpxmParser extends EmbeddedActionsParser {
  // Alternatives of each OR, built once: a fresh array per call is garbage on every token (see
  // Chevrotain's performance guide). Declared before the rules so the object's shape stays fixed.
  private declarationChoices?: OrMethodOpts<unknown>;
  private itemTextChoices?: OrMethodOpts<unknown>;
  private keyChoices?: OrMethodOpts<IToken>;
  private actionChoices?: OrMethodOpts<unknown>;
  private sanbootChoices?: OrMethodOpts<unknown>;
  private operandChoices?: OrMethodOpts<IToken | undefined>;

  /** Turns frames into nodes; one per file (see `parseTokens`). */
  builder = idleBuilder;
  /** The text the tokens were read from (tokens carry offsets only). */
  text = "";

  // By depth of the rule stack: the frame of the rule running at that depth, the extent of the real
  // tokens it has read (`noToken`: none yet) and how deep the expressions in it nest. A rule's
  // children run one depth further down, so nothing here is made per rule. Offsets stay small
  // integers (no NaN here), so every range of the AST holds small integers too.
  private readonly frames: Frame[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly heights: number[] = [];
  /** Rules write here while Chevrotain records the grammar (nothing they read is real then). */
  private readonly recordingFrame = new Frame();
  /** What the rule last marked `cutShort` had read. */
  private cutShortNode: unknown = undefined;

  // Bodies of the repetitions inside every expression, also built once.
  private readonly notPrefix = (): void => {
    (this.frame().nots ??= []).push(this.CONSUME(kw.not));
  };
  private readonly memberSuffix = (): void => {
    this.CONSUME(Dot);
    (this.frame().members ??= []).push(this.CONSUME3(Name));
  };
  private readonly furtherOperands = (): void => {
    (this.frame().operators ??= []).push(this.CONSUME(BinaryOperator));
    this.SUBRULE(this.operand, into.operand);
  };

  constructor() {
    super(allTokens as TokenType[], {
      recoveryEnabled: true,
      errorMessageProvider: parserErrorMessages,
      maxLookahead: 3,
      lookaheadStrategy: new GateReadingLookahead({ maxLookahead: 3 }),
    });
    // Without a CST, Chevrotain's tree builder leaves its hooks as no-ops; here they keep each
    // rule's frame and extent, and hand each sub-rule's node to the rule that called it.
    const internals = this as unknown as ChevrotainInternals;
    internals.cstInvocationStateUpdate = () => this.ruleStarted();
    internals.cstPostTerminal = (_label, token) => this.tokenRead(token);
    internals.cstPostNonTerminal = (node, label) => this.subruleRead(node, label);
    this.performSelfAnalysis();
  }

  override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return insertableInRecovery.has(tokenType);
  }

  /**
   * A grammar rule: `read` says what it reads, into the rule's frame; `build` makes its node from the
   * frame. The node is made when the rule ends, and also when a syntax error ends it early: as the
   * value Chevrotain's recovery returns, or as what `invokeRuleCatch` hands to the calling rule.
   */
  private rule<T>(name: string, read: (frame: Frame) => void, build: Build<T>) {
    const finish = (): T | undefined => this.finish(build);
    return this.RULE(
      name,
      (): T | undefined => {
        read(this.frame());
        return finish();
      },
      { recoveryValueFunc: finish },
    );
  }

  private depth(): number {
    return (this as unknown as ChevrotainInternals).RULE_STACK_IDX;
  }

  /** The frame of the rule running now. */
  private frame(): Frame {
    return this.RECORDING_PHASE ? this.recordingFrame : this.frames[this.depth()]!;
  }

  private finish<T>(build: Build<T>): T | undefined {
    if (this.RECORDING_PHASE) return undefined;
    const depth = this.depth();
    const builder = this.builder;
    builder.height = this.heights[depth]!;
    const node = build.call(builder, this.frames[depth]!, this.starts[depth]!, this.ends[depth]!);
    this.heights[depth] = builder.height;
    return node;
  }

  private ruleStarted(): void {
    const depth = this.depth();
    this.starts[depth] = noToken;
    this.ends[depth] = noToken;
    this.heights[depth] = 0;
    const frame = this.frames[depth];
    if (frame === undefined) this.frames[depth] = new Frame();
    else frame.reset();
  }

  /** A rule's extent runs from its first to its last real token: recovery inserts tokens without a position. */
  private tokenRead(token: IToken): void {
    const start = token.startOffset;
    if (Number.isNaN(start)) return;
    const depth = this.depth();
    if (this.starts[depth] === noToken) this.starts[depth] = start;
    this.ends[depth] = start + token.image.length;
  }

  private subruleRead(node: unknown, label: string): void {
    const depth = this.depth();
    const child = depth + 1;
    const childEnd = this.ends[child]!;
    if (childEnd !== noToken) {
      if (this.starts[depth] === noToken) this.starts[depth] = this.starts[child]!;
      this.ends[depth] = childEnd;
    }
    if (this.heights[child]! > this.heights[depth]!) this.heights[depth] = this.heights[child]!;
    store(this.frames[depth]!, label, node === cutShort ? this.cutShortNode : node, this.frames[child]!);
  }

  /**
   * A rule that a syntax error ended and that cannot recover itself is left to a rule further up.
   * What it read up to the error still becomes its node, handed to the rule that called it, as
   * Chevrotain hands up a partial CST (`partialCstResult`) when it builds one.
   */
  invokeRuleCatch(
    error: unknown,
    resyncEnabled: boolean,
    recoveryValueFunc: (error: IRecognitionException) => unknown,
  ): unknown {
    try {
      return chevrotainInvokeRuleCatch.call(this, error, resyncEnabled, recoveryValueFunc);
    } catch (thrown) {
      if (isRecognitionException(thrown as Error)) {
        this.cutShortNode = recoveryValueFunc(thrown as IRecognitionException);
        (thrown as { partialCstResult?: unknown }).partialCstResult = cutShort;
      }
      throw thrown;
    }
  }

  /** Lets go of what the last file's frames hold: the parser instance lives on. */
  release(): void {
    for (const frame of this.frames) frame.reset();
    this.cutShortNode = undefined;
    this.builder = idleBuilder;
    this.text = "";
  }

  // -------------------------------------------------------------------------------------------
  // Files and declarations

  /** Whether no line break separates two tokens (comments between them may hold one). */
  private onOneLine(first: IToken, second: IToken): boolean {
    for (let at = tokenEnd(first); at < second.startOffset; at++) {
      const code = this.text.charCodeAt(at);
      if (code === 10 /* \n */ || code === 13 /* \r */) return false;
    }
    return true;
  }

  sourceFile = this.rule(
    "sourceFile",
    () => {
      this.MANY(() => {
        this.OR(
          (this.declarationChoices ??= {
            ERR_MSG: "a declaration (import, target, const, setting, menu or entry)",
            DEF: [
              { ALT: () => this.SUBRULE(this.importDecl, into.listed) },
              { ALT: () => this.SUBRULE(this.targetDecl, into.listed) },
              { ALT: () => this.SUBRULE(this.constDecl, into.listed) },
              { ALT: () => this.SUBRULE(this.settingDecl, into.listed) },
              { ALT: () => this.SUBRULE(this.menuDecl, into.listed) },
              { ALT: () => this.SUBRULE(this.entryDecl, into.listed) },
            ],
          }),
        );
      });
    },
    AstBuilder.prototype.sourceFile,
  );

  importDecl = this.rule(
    "importDecl",
    (frame) => {
      this.CONSUME(kw.import);
      frame.name = this.CONSUME(StringLiteral);
    },
    AstBuilder.prototype.importDecl,
  );

  targetDecl = this.rule(
    "targetDecl",
    (frame) => {
      this.CONSUME(kw.target);
      frame.name = this.CONSUME(StringLiteral);
    },
    AstBuilder.prototype.targetDecl,
  );

  constDecl = this.rule(
    "constDecl",
    (frame) => {
      this.CONSUME(kw.const);
      frame.name = this.CONSUME(Name);
      this.OPTION(() => {
        this.CONSUME(Colon);
        frame.type = this.CONSUME2(Name);
      });
      this.CONSUME(Assign);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.constDecl,
  );

  settingDecl = this.rule(
    "settingDecl",
    (frame) => {
      this.CONSUME(kw.setting);
      frame.name = this.CONSUME(Name);
      this.CONSUME(Colon);
      frame.type = this.CONSUME2(Name);
      this.OPTION(() => {
        this.CONSUME(Assign);
        this.SUBRULE(this.expression, into.expression);
      });
    },
    AstBuilder.prototype.settingDecl,
  );

  /** A missing title is reported by the AST builder, so that the body still parses as a menu. */
  menuDecl = this.rule(
    "menuDecl",
    (frame) => {
      this.CONSUME(kw.menu);
      frame.name = this.CONSUME(Name);
      this.OPTION({
        GATE: () => this.LA(1).tokenType !== LBrace,
        DEF: () => {
          frame.hasTitle = true;
          this.SUBRULE(this.expression, into.expression);
        },
      });
      this.SUBRULE(this.menuBlock, into.body);
    },
    AstBuilder.prototype.menuDecl,
  );

  entryDecl = this.rule(
    "entryDecl",
    (frame) => {
      this.CONSUME(kw.entry);
      frame.name = this.CONSUME(Name);
      this.CONSUME(LParen);
      this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.param, into.listed) });
      this.CONSUME(RParen);
      this.SUBRULE(this.statementBlock, into.body);
    },
    AstBuilder.prototype.entryDecl,
  );

  param = this.rule(
    "param",
    (frame) => {
      frame.name = this.CONSUME(Name);
      this.CONSUME(Colon);
      frame.type = this.CONSUME2(Name);
      this.OPTION(() => {
        this.CONSUME(Assign);
        this.SUBRULE(this.expression, into.expression);
      });
    },
    AstBuilder.prototype.param,
  );

  // -------------------------------------------------------------------------------------------
  // Menus

  menuBlock = this.braceBlock("menuBlock", () => ({
    ERR_MSG: "a menu member (item, gap, default, on escape, for, if or when)",
    DEF: [
      { ALT: () => this.SUBRULE(this.item, into.listed) },
      { ALT: () => this.SUBRULE(this.gap, into.listed) },
      { ALT: () => this.SUBRULE(this.defaultMember, into.listed) },
      { ALT: () => this.SUBRULE(this.escapeMember, into.listed) },
      { ALT: () => this.SUBRULE(this.menuFor, into.listed) },
      { ALT: () => this.SUBRULE(this.menuIf, into.listed) },
      { ALT: () => this.SUBRULE(this.menuWhen, into.listed) },
    ],
  }));

  item = this.rule(
    "item",
    (frame) => {
      this.CONSUME(kw.item);
      this.OR(
        (this.itemTextChoices ??= {
          ERR_MSG: "the item's text",
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => this.itemHasId(),
              ALT: () => {
                this.frame().name = this.CONSUME(Name);
                this.SUBRULE(this.expression, into.expression);
              },
            },
            { ALT: () => this.SUBRULE2(this.expression, into.expression) },
          ],
        }),
      );
      this.OPTION(() => {
        frame.keyKeyword = this.CONSUME(kw.key);
        frame.keyValue = this.OR2(
          (this.keyChoices ??= {
            ERR_MSG: 'a key (one character, a digit, "?" or F5 … F12)',
            DEF: [
              { ALT: () => this.CONSUME(StringLiteral) },
              { ALT: () => this.CONSUME(Integer) },
              { ALT: () => this.CONSUME2(Name) },
            ],
          }),
        );
      });
      this.OPTION2(() => {
        this.CONSUME(kw.when);
        this.SUBRULE3(this.expression, into.other);
      });
      this.CONSUME(Arrow);
      this.SUBRULE(this.action, into.action);
    },
    AstBuilder.prototype.item,
  );

  /**
   * `item NAME TEXT …` or `item TEXT …`: a name is the id when an expression follows it, unless that
   * is `key` or `when` (`item debian key d -> …` shows the constant `debian`).
   */
  private itemHasId(): boolean {
    if (!isOfCategory(this.LA(1).tokenType, Name)) return false;
    const next = this.LA(2).tokenType;
    return next !== kw.key && next !== kw.when && startsExpression(next);
  }

  /**
   * A keyword stands for a name in an expression unless a value follows it: two values in a row
   * never form an expression, so `const x =` followed by `const y = 2` is a missing value and a new
   * declaration, not a reference to a constant named `const`.
   */
  private isNameInExpression(): boolean {
    if (this.LA(1).tokenType === Identifier) return true;
    const next = this.LA(2).tokenType;
    return !(
      isOfCategory(next, Name) ||
      isOfCategory(next, StringLiteral) ||
      isOfCategory(next, Integer) ||
      next === Duration ||
      next === LBracket
    );
  }

  gap = this.rule(
    "gap",
    () => {
      this.CONSUME(kw.gap);
      this.OPTION({
        GATE: () => startsOptionalExpression(this.LA(1).tokenType),
        DEF: () => this.SUBRULE(this.expression, into.expression),
      });
    },
    AstBuilder.prototype.gap,
  );

  defaultMember = this.rule(
    "defaultMember",
    (frame) => {
      this.CONSUME(kw.default);
      frame.name = this.CONSUME(Name);
      this.OPTION(() => {
        this.CONSUME(kw.after);
        this.SUBRULE(this.expression, into.expression);
      });
    },
    AstBuilder.prototype.defaultMember,
  );

  escapeMember = this.rule(
    "escapeMember",
    () => {
      this.CONSUME(kw.on);
      this.CONSUME(kw.escape);
      this.CONSUME(Arrow);
      this.SUBRULE(this.action, into.action);
    },
    AstBuilder.prototype.escapeMember,
  );

  menuFor = this.forLoop<MenuMember>("menuFor", () => this.menuBlock);
  menuIf: ParserMethod<[], IfNode<MenuMember> | undefined> = this.ifElse(
    "menuIf",
    () => this.menuIf,
    () => this.menuBlock,
  );
  menuWhen = this.whenElse<MenuMember>("menuWhen", () => this.menuBlock);

  // -------------------------------------------------------------------------------------------
  // Actions. `boot` without an entry call is the entry statement BootKernel; in a menu the AST
  // builder reports it, which gives a clearer message than a failed alternative here.

  action = this.rule(
    "action",
    () => {
      this.OR(
        (this.actionChoices ??= {
          ERR_MSG: "an action (menu, boot, chain, sanboot, memdisk, shell, exit, reboot or back)",
          DEF: [
            {
              ALT: () => {
                const frame = this.frame();
                frame.keyword = this.CONSUME(kw.menu);
                frame.name = this.CONSUME(Name);
              },
            },
            {
              ALT: () => {
                this.frame().keyword = this.CONSUME(kw.boot);
                this.OPTION({
                  // `boot NAME(…)` runs an entry only when NAME is on the line of `boot`: a bare `boot`
                  // followed by a statement such as `if (a or b) and c { … }` must stay two statements.
                  GATE: () => this.LA(2).tokenType === LParen && this.onOneLine(this.LA(0), this.LA(1)),
                  DEF: () => {
                    this.frame().name = this.CONSUME2(Name);
                    this.CONSUME(LParen);
                    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression, into.listed) });
                    this.CONSUME(RParen);
                  },
                });
              },
            },
            {
              ALT: () => {
                this.frame().keyword = this.CONSUME(kw.chain);
                this.SUBRULE2(this.expression, into.expression);
              },
            },
            {
              ALT: () => {
                this.frame().keyword = this.CONSUME(kw.sanboot);
                this.OR2(
                  (this.sanbootChoices ??= {
                    ERR_MSG: 'a url or "drive" and a drive number',
                    DEF: [
                      {
                        ALT: () => {
                          this.CONSUME(kw.drive);
                          this.SUBRULE3(this.expression, into.other);
                        },
                      },
                      { ALT: () => this.SUBRULE4(this.expression, into.expression) },
                    ],
                    IGNORE_AMBIGUITIES: true,
                  }),
                );
              },
            },
            {
              ALT: () => {
                this.frame().keyword = this.CONSUME(kw.memdisk);
                this.SUBRULE5(this.expression, into.expression);
                this.OPTION3(() => {
                  this.CONSUME(kw.as);
                  this.frame().type = this.CONSUME3(Name);
                });
              },
            },
            { ALT: () => (this.frame().keyword = this.CONSUME(kw.shell)) },
            {
              ALT: () => {
                this.frame().keyword = this.CONSUME(kw.exit);
                this.OPTION2({
                  GATE: () => startsOptionalExpression(this.LA(1).tokenType),
                  DEF: () => this.SUBRULE6(this.expression, into.expression),
                });
              },
            },
            { ALT: () => (this.frame().keyword = this.CONSUME(kw.reboot)) },
            { ALT: () => (this.frame().keyword = this.CONSUME(kw.back)) },
          ],
        }),
      );
    },
    AstBuilder.prototype.action,
  );

  // -------------------------------------------------------------------------------------------
  // Entries

  statementBlock = this.braceBlock("statementBlock", () => ({
    ERR_MSG: "a statement",
    DEF: [
      { ALT: () => this.SUBRULE(this.action, into.listed) },
      { ALT: () => this.SUBRULE(this.kernelStmt, into.listed) },
      { ALT: () => this.SUBRULE(this.initrdStmt, into.listed) },
      { ALT: () => this.SUBRULE(this.echoStmt, into.listed) },
      { ALT: () => this.SUBRULE(this.promptStmt, into.listed) },
      { ALT: () => this.SUBRULE(this.setStmt, into.listed) },
      { ALT: () => this.SUBRULE(this.sleepStmt, into.listed) },
      { ALT: () => this.SUBRULE(this.onFailureStmt, into.listed) },
      { ALT: () => this.rawBlock(this.CONSUME(RawBlock)) },
      { ALT: () => this.SUBRULE(this.statementFor, into.listed) },
      { ALT: () => this.SUBRULE(this.statementIf, into.listed) },
      { ALT: () => this.SUBRULE(this.statementWhen, into.listed) },
    ],
  }));

  private rawBlock(token: IToken): void {
    if (!this.RECORDING_PHASE) (this.frame().list ??= []).push(this.builder.rawIpxe(token));
  }

  /** `kernel URL [args A B, C …]`: arguments run until the next statement keyword. */
  kernelStmt = this.rule(
    "kernelStmt",
    () => {
      this.CONSUME(kw.kernel);
      this.SUBRULE(this.expression, into.expression);
      this.OPTION(() => {
        this.CONSUME(kw.args);
        this.SUBRULE2(this.expression, into.listed);
        this.MANY({
          GATE: () => !statementStarts.has(this.LA(1).tokenType),
          DEF: () => {
            this.OPTION2(() => this.CONSUME(Comma));
            this.SUBRULE3(this.expression, into.listed);
          },
        });
      });
    },
    AstBuilder.prototype.kernelStmt,
  );

  initrdStmt = this.rule(
    "initrdStmt",
    () => {
      this.CONSUME(kw.initrd);
      this.SUBRULE(this.expression, into.expression);
      this.OPTION(() => {
        this.CONSUME(kw.as);
        this.SUBRULE2(this.expression, into.other);
      });
    },
    AstBuilder.prototype.initrdStmt,
  );

  echoStmt = this.rule(
    "echoStmt",
    () => {
      this.CONSUME(kw.echo);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.echoStmt,
  );

  promptStmt = this.rule(
    "promptStmt",
    (frame) => {
      this.CONSUME(kw.prompt);
      frame.name = this.CONSUME(Name);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.promptStmt,
  );

  setStmt = this.rule(
    "setStmt",
    (frame) => {
      this.CONSUME(kw.set);
      frame.name = this.CONSUME(Name);
      this.CONSUME(Assign);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.setStmt,
  );

  sleepStmt = this.rule(
    "sleepStmt",
    () => {
      this.CONSUME(kw.sleep);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.sleepStmt,
  );

  onFailureStmt = this.rule(
    "onFailureStmt",
    () => {
      this.CONSUME(kw.on);
      this.CONSUME(kw.failure);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.onFailureStmt,
  );

  statementFor = this.forLoop<Statement>("statementFor", () => this.statementBlock);
  statementIf: ParserMethod<[], IfNode<Statement> | undefined> = this.ifElse(
    "statementIf",
    () => this.statementIf,
    () => this.statementBlock,
  );
  statementWhen = this.whenElse<Statement>("statementWhen", () => this.statementBlock);

  // -------------------------------------------------------------------------------------------
  // Blocks shared by menus and entries: each is a rule for menus and a rule for entries, which
  // differ in the block they hold (`block` gives it when the rule runs: rules are fields, made in
  // order).

  /** `[a, b]`, `{ a: 1, b: 2 }`: elements between brackets, separated by commas, one more allowed at the end. */
  private commaList(
    name: string,
    open: TokenType,
    element: () => ParserMethod<[], unknown>,
    close: TokenType,
    build: Build<Expression>,
  ) {
    return this.rule(
      name,
      () => {
        this.CONSUME(open);
        this.OPTION(() => {
          this.SUBRULE(element(), into.listed);
          this.MANY(() => {
            this.CONSUME(Comma);
            this.SUBRULE2(element(), into.listed);
          });
          this.OPTION2(() => this.CONSUME2(Comma));
        });
        this.CONSUME(close);
      },
      build,
    );
  }

  /** `{ … }`: any number of members or statements, each one of `choices` (made on the first run). */
  private braceBlock(name: string, choices: () => OrMethodOpts<unknown>) {
    let made: OrMethodOpts<unknown> | undefined;
    return this.rule(
      name,
      (frame) => {
        frame.open = this.CONSUME(LBrace);
        this.MANY(() => {
          this.OR((made ??= choices()));
        });
        this.CONSUME(RBrace);
      },
      AstBuilder.prototype.block,
    );
  }

  private forLoop<T>(name: string, block: () => ParserMethod<[], unknown[] | undefined>) {
    return this.rule(
      name,
      (frame) => {
        this.CONSUME(kw.for);
        frame.name = this.CONSUME(Name);
        this.CONSUME(kw.in);
        this.SUBRULE(this.expression, into.expression);
        this.SUBRULE(block(), into.body);
      },
      AstBuilder.prototype.forBlock<T>,
    );
  }

  private ifElse<T>(
    name: string,
    self: () => ParserMethod<[], IfNode<T> | undefined>,
    block: () => ParserMethod<[], unknown[] | undefined>,
  ) {
    // Each rule's alternatives are made once (see the choices above), on its first run.
    let elseChoices: OrMethodOpts<unknown> | undefined;
    return this.rule(
      name,
      () => {
        this.CONSUME(kw.if);
        this.SUBRULE(this.expression, into.expression);
        this.SUBRULE(block(), into.body);
        this.OPTION(() => {
          this.CONSUME(kw.else);
          this.OR(
            (elseChoices ??= {
              ERR_MSG: '"{" or "if" after "else"',
              DEF: [{ ALT: () => this.SUBRULE(self(), into.elseIf) }, { ALT: () => this.SUBRULE2(block(), into.else) }],
            }),
          );
        });
      },
      AstBuilder.prototype.ifBlock<T>,
    );
  }

  private whenElse<T>(name: string, block: () => ParserMethod<[], unknown[] | undefined>) {
    return this.rule(
      name,
      () => {
        this.CONSUME(kw.when);
        this.SUBRULE(this.expression, into.expression);
        this.SUBRULE(block(), into.body);
        this.OPTION(() => {
          this.CONSUME(kw.else);
          this.SUBRULE2(block(), into.else);
        });
      },
      AstBuilder.prototype.whenBlock<T>,
    );
  }

  // -------------------------------------------------------------------------------------------
  // Expressions. Flat on purpose: operands and operators in source order; build-ast.ts applies
  // precedence (or < and < not < ==/!=).

  /** The first operand is read into the expression's own frame: most expressions are a single value. */
  expression: ParserMethod<[], Expression | undefined> = this.rule(
    "expression",
    (frame) => {
      this.operandBody(frame);
      if (this.mayRepeat(BinaryOperator)) this.MANY3(this.furtherOperands);
    },
    AstBuilder.prototype.expression,
  );

  operand = this.rule("operand", (frame) => this.operandBody(frame), AstBuilder.prototype.operand);

  /** `not`* value (`.` member)* */
  private operandBody(frame: Frame): void {
    if (this.mayRepeat(kw.not)) this.MANY(this.notPrefix);
    const token = this.OR(
      (this.operandChoices ??= {
        ERR_MSG: "a value (a string, a number, a duration, true, false, a name, a list or a record)",
        DEF: [
          { ALT: () => this.CONSUME(StringLiteral) },
          { ALT: () => this.CONSUME(Duration) },
          { ALT: () => this.CONSUME(Integer) },
          { ALT: () => this.CONSUME(kw.true) },
          { ALT: () => this.CONSUME(kw.false) },
          {
            ALT: () => {
              const frame = this.frame();
              frame.keyword = this.CONSUME(kw.set);
              this.CONSUME(LParen);
              frame.name = this.CONSUME(Name);
              frame.close = this.CONSUME(RParen);
              return undefined;
            },
          },
          // Last among the name-like alternatives: `true`, `false` and `set(` are names too.
          {
            GATE: () => this.isNameInExpression(),
            ALT: () => this.CONSUME2(Name),
            IGNORE_AMBIGUITIES: true,
          },
          {
            ALT: () => {
              const frame = this.frame();
              frame.open = this.CONSUME2(LParen);
              this.SUBRULE(this.expression, into.inner);
              frame.close = this.CONSUME2(RParen);
              return undefined;
            },
          },
          {
            ALT: () => {
              this.SUBRULE(this.listLiteral, into.literal);
              return undefined;
            },
          },
          {
            ALT: () => {
              this.SUBRULE(this.recordLiteral, into.literal);
              return undefined;
            },
          },
        ],
      }),
    );
    if (token !== undefined) frame.valueToken = token;
    if (this.mayRepeat(Dot)) this.MANY2(this.memberSuffix);
  }

  /**
   * Whether a repetition of the expression rules, which starts with `first`, needs to be entered.
   * Every value passes three of them and almost none repeats, yet each `MANY` call looks up its
   * lookahead function and makes an array for Chevrotain's recovery (about 7% of the parse on a
   * large site). These three end their rule or come before a choice, where Chevrotain's
   * in-repetition recovery has no token to resynchronise on, so not entering them changes no
   * recovery. While Chevrotain records the grammar they are always entered.
   */
  private mayRepeat(first: TokenType): boolean {
    return this.RECORDING_PHASE || tokenMatcher(this.LA(1), first);
  }

  listLiteral = this.commaList("listLiteral", LBracket, () => this.expression, RBracket, AstBuilder.prototype.list);

  recordLiteral = this.commaList("recordLiteral", LBrace, () => this.recordField, RBrace, AstBuilder.prototype.record);

  recordField = this.rule(
    "recordField",
    (frame) => {
      frame.name = this.CONSUME(Name);
      this.CONSUME(Colon);
      this.SUBRULE(this.expression, into.expression);
    },
    AstBuilder.prototype.recordField,
  );
}

let sharedParser: IpxmParser | undefined;

/** The one parser instance (building one runs the grammar analysis, which is not cheap). */
export function getParser(): IpxmParser {
  sharedParser ??= new IpxmParser();
  return sharedParser;
}

/**
 * Parse a token vector into the declarations of a whole file, built by `builder`. Errors are in
 * `parser.errors` afterwards.
 */
export function parseTokens(
  tokens: IToken[],
  text: string,
  builder: AstBuilder,
): { declarations: Declaration[]; parser: IpxmParser } {
  const parser = getParser();
  parser.input = tokens;
  parser.text = text;
  parser.builder = builder;
  try {
    return { declarations: parser.sourceFile() ?? [], parser };
  } finally {
    parser.release();
  }
}
