/**
 * The ipxm grammar as a Chevrotain CstParser: tokens → CST. Semantics live in build-ast.ts; this file
 * only says what may follow what. Error recovery is on, so a broken line costs one diagnostic and the
 * rest of the file still parses.
 *
 * Keywords are names too (the `Name` category), so a few places decide by looking ahead:
 * - line ends are not significant, so where an expression is optional (`gap`, `exit`, kernel `args`)
 *   a gate decides from the next token whether one follows: keywords that start the next member or
 *   statement end it;
 * - `item NAME TEXT` vs `item TEXT` (see `itemHasId`), a keyword used as a name inside an expression
 *   (see `isNameInExpression`), and `boot` vs `boot NAME(…)` (a `(` after the name).
 */
import { CstParser, tokenMatcher } from "chevrotain";
import type { CstNode, IToken, OrMethodOpts, TokenType } from "chevrotain";
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
 * The labels rules give their children, each an object made once: written in place, each would be
 * made anew every time its rule runs, which is for nearly every token.
 */
const label = {
  args: { LABEL: "args" },
  body: { LABEL: "body" },
  condition: { LABEL: "condition" },
  defaultValue: { LABEL: "defaultValue" },
  drive: { LABEL: "drive" },
  duration: { LABEL: "duration" },
  elements: { LABEL: "elements" },
  else: { LABEL: "else" },
  elseIf: { LABEL: "elseIf" },
  entry: { LABEL: "entry" },
  fields: { LABEL: "fields" },
  id: { LABEL: "id" },
  inner: { LABEL: "inner" },
  isSetClose: { LABEL: "isSetClose" },
  isSetOpen: { LABEL: "isSetOpen" },
  item: { LABEL: "item" },
  iterable: { LABEL: "iterable" },
  keyValue: { LABEL: "keyValue" },
  member: { LABEL: "member" },
  menu: { LABEL: "menu" },
  message: { LABEL: "message" },
  mode: { LABEL: "mode" },
  name: { LABEL: "name" },
  operand: { LABEL: "operand" },
  operator: { LABEL: "operator" },
  path: { LABEL: "path" },
  profile: { LABEL: "profile" },
  question: { LABEL: "question" },
  setting: { LABEL: "setting" },
  status: { LABEL: "status" },
  text: { LABEL: "text" },
  then: { LABEL: "then" },
  timeout: { LABEL: "timeout" },
  title: { LABEL: "title" },
  type: { LABEL: "type" },
  url: { LABEL: "url" },
  value: { LABEL: "value" },
  variable: { LABEL: "variable" },
} as const;

/** The member of Chevrotain's TreeBuilder trait that `cstInvocationStateUpdate` uses. */
interface ChevrotainTreeBuilderInternals {
  CST_STACK: CstNode[];
}

export class IpxmParser extends CstParser {
  // Alternatives of each OR, built once: a fresh array per call is garbage on every token (see
  // Chevrotain's performance guide). Declared before the rules so the object's shape stays fixed.
  private declarationChoices?: OrMethodOpts<unknown>;
  private memberChoices?: OrMethodOpts<unknown>;
  private itemTextChoices?: OrMethodOpts<unknown>;
  private keyChoices?: OrMethodOpts<unknown>;
  private menuElseChoices?: OrMethodOpts<unknown>;
  private actionChoices?: OrMethodOpts<unknown>;
  private sanbootChoices?: OrMethodOpts<unknown>;
  private statementChoices?: OrMethodOpts<unknown>;
  private statementElseChoices?: OrMethodOpts<unknown>;
  private operandChoices?: OrMethodOpts<unknown>;

  // Bodies of the repetitions inside every expression, also built once.
  private readonly notPrefix = (): void => {
    this.CONSUME(kw.not);
  };
  private readonly memberSuffix = (): void => {
    this.CONSUME(Dot);
    this.CONSUME3(Name, label.member);
  };
  private readonly furtherOperands = (): void => {
    this.CONSUME(BinaryOperator, label.operator);
    this.SUBRULE(this.operand, label.operand);
  };

  constructor() {
    super(allTokens as TokenType[], {
      recoveryEnabled: true,
      // build-ast.ts derives ranges from the tokens; Chevrotain's tracking allocates a location
      // object (NaN-initialised, so with boxed doubles) per node and updates it per token.
      nodeLocationTracking: "none",
      errorMessageProvider: parserErrorMessages,
      maxLookahead: 3,
      lookaheadStrategy: new GateReadingLookahead({ maxLookahead: 3 }),
    });
    this.performSelfAnalysis();
  }

  /**
   * Chevrotain 11 creates every CST node's `children` with `Object.create(null)`, which V8 keeps in
   * dictionary mode: about 40% more memory for the CST, and the GC time that goes with it. A plain
   * object literal is a fast-mode object. (Internal hook of Chevrotain 11's TreeBuilder, used here
   * with node location tracking off; were it renamed, this method would simply not be called and
   * nothing but speed would change. Our keys are token and label names, none of which is a property
   * of Object.prototype.)
   */
  cstInvocationStateUpdate(fullRuleName: string): void {
    (this as unknown as ChevrotainTreeBuilderInternals).CST_STACK.push({ name: fullRuleName, children: {} });
  }

  override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return insertableInRecovery.has(tokenType);
  }

  // -------------------------------------------------------------------------------------------
  // Files and declarations

  /** Receives each top-level declaration as soon as it is parsed (see `parseTokens`). */
  declarationListener: ((declaration: CstNode) => void) | undefined = undefined;
  /** The text the tokens were read from (tokens carry offsets only). */
  text = "";

  /** Whether no line break separates two tokens (comments between them may hold one). */
  private onOneLine(first: IToken, second: IToken): boolean {
    for (let at = first.endOffset! + 1; at < second.startOffset; at++) {
      const code = this.text.charCodeAt(at);
      if (code === 10 /* \n */ || code === 13 /* \r */) return false;
    }
    return true;
  }

  sourceFile = this.RULE("sourceFile", () => {
    this.MANY(() => {
      const declaration = this.OR(
        (this.declarationChoices ??= {
          ERR_MSG: "a declaration (import, target, const, setting, menu or entry)",
          DEF: [
            { ALT: () => this.SUBRULE(this.importDecl) },
            { ALT: () => this.SUBRULE(this.targetDecl) },
            { ALT: () => this.SUBRULE(this.constDecl) },
            { ALT: () => this.SUBRULE(this.settingDecl) },
            { ALT: () => this.SUBRULE(this.menuDecl) },
            { ALT: () => this.SUBRULE(this.entryDecl) },
          ],
        }),
      ) as CstNode;
      this.ACTION(() => this.declarationListener?.(declaration));
    });
  });

  importDecl = this.RULE("importDecl", () => {
    this.CONSUME(kw.import);
    this.CONSUME(StringLiteral, label.path);
  });

  targetDecl = this.RULE("targetDecl", () => {
    this.CONSUME(kw.target);
    this.CONSUME(StringLiteral, label.profile);
  });

  constDecl = this.RULE("constDecl", () => {
    this.CONSUME(kw.const);
    this.CONSUME(Name, label.name);
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.CONSUME2(Name, label.type);
    });
    this.CONSUME(Assign);
    this.SUBRULE(this.expression, label.value);
  });

  settingDecl = this.RULE("settingDecl", () => {
    this.CONSUME(kw.setting);
    this.CONSUME(Name, label.name);
    this.CONSUME(Colon);
    this.CONSUME2(Name, label.type);
    this.OPTION(() => {
      this.CONSUME(Assign);
      this.SUBRULE(this.expression, label.value);
    });
  });

  /** A missing title is reported by the AST builder, so that the body still parses as a menu. */
  menuDecl = this.RULE("menuDecl", () => {
    this.CONSUME(kw.menu);
    this.CONSUME(Name, label.name);
    this.OPTION({
      GATE: () => this.LA(1).tokenType !== LBrace,
      DEF: () => this.SUBRULE(this.expression, label.title),
    });
    this.SUBRULE(this.menuBlock, label.body);
  });

  entryDecl = this.RULE("entryDecl", () => {
    this.CONSUME(kw.entry);
    this.CONSUME(Name, label.name);
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.param) });
    this.CONSUME(RParen);
    this.SUBRULE(this.statementBlock, label.body);
  });

  param = this.RULE("param", () => {
    this.CONSUME(Name, label.name);
    this.CONSUME(Colon);
    this.CONSUME2(Name, label.type);
    this.OPTION(() => {
      this.CONSUME(Assign);
      this.SUBRULE(this.expression, label.defaultValue);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Menus

  menuBlock = this.RULE("menuBlock", () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR(
        (this.memberChoices ??= {
          ERR_MSG: "a menu member (item, gap, default, on escape, for, if or when)",
          DEF: [
            { ALT: () => this.SUBRULE(this.item) },
            { ALT: () => this.SUBRULE(this.gap) },
            { ALT: () => this.SUBRULE(this.defaultMember) },
            { ALT: () => this.SUBRULE(this.escapeMember) },
            { ALT: () => this.SUBRULE(this.menuFor) },
            { ALT: () => this.SUBRULE(this.menuIf) },
            { ALT: () => this.SUBRULE(this.menuWhen) },
          ],
        }),
      );
    });
    this.CONSUME(RBrace);
  });

  item = this.RULE("item", () => {
    this.CONSUME(kw.item);
    this.OR(
      (this.itemTextChoices ??= {
        ERR_MSG: "the item's text",
        IGNORE_AMBIGUITIES: true,
        DEF: [
          {
            GATE: () => this.itemHasId(),
            ALT: () => {
              this.CONSUME(Name, label.id);
              this.SUBRULE(this.expression, label.text);
            },
          },
          { ALT: () => this.SUBRULE2(this.expression, label.text) },
        ],
      }),
    );
    this.OPTION(() => {
      this.CONSUME(kw.key);
      this.OR2(
        (this.keyChoices ??= {
          ERR_MSG: 'a key (one character, a digit, "?" or F5 … F12)',
          DEF: [
            { ALT: () => this.CONSUME(StringLiteral, label.keyValue) },
            { ALT: () => this.CONSUME(Integer, label.keyValue) },
            { ALT: () => this.CONSUME2(Name, label.keyValue) },
          ],
        }),
      );
    });
    this.OPTION2(() => {
      this.CONSUME(kw.when);
      this.SUBRULE3(this.expression, label.condition);
    });
    this.CONSUME(Arrow);
    this.SUBRULE(this.action);
  });

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

  gap = this.RULE("gap", () => {
    this.CONSUME(kw.gap);
    this.OPTION({
      GATE: () => startsOptionalExpression(this.LA(1).tokenType),
      DEF: () => this.SUBRULE(this.expression, label.text),
    });
  });

  defaultMember = this.RULE("defaultMember", () => {
    this.CONSUME(kw.default);
    this.CONSUME(Name, label.item);
    this.OPTION(() => {
      this.CONSUME(kw.after);
      this.SUBRULE(this.expression, label.timeout);
    });
  });

  escapeMember = this.RULE("escapeMember", () => {
    this.CONSUME(kw.on);
    this.CONSUME(kw.escape);
    this.CONSUME(Arrow);
    this.SUBRULE(this.action);
  });

  menuFor = this.RULE("menuFor", () => {
    this.CONSUME(kw.for);
    this.CONSUME(Name, label.variable);
    this.CONSUME(kw.in);
    this.SUBRULE(this.expression, label.iterable);
    this.SUBRULE(this.menuBlock, label.body);
  });

  menuIf = this.RULE("menuIf", () => {
    this.CONSUME(kw.if);
    this.SUBRULE(this.expression, label.condition);
    this.SUBRULE(this.menuBlock, label.then);
    this.OPTION(() => {
      this.CONSUME(kw.else);
      this.OR(
        (this.menuElseChoices ??= {
          ERR_MSG: '"{" or "if" after "else"',
          DEF: [
            { ALT: () => this.SUBRULE(this.menuIf, label.elseIf) },
            { ALT: () => this.SUBRULE2(this.menuBlock, label.else) },
          ],
        }),
      );
    });
  });

  menuWhen = this.RULE("menuWhen", () => {
    this.CONSUME(kw.when);
    this.SUBRULE(this.expression, label.condition);
    this.SUBRULE(this.menuBlock, label.then);
    this.OPTION(() => {
      this.CONSUME(kw.else);
      this.SUBRULE2(this.menuBlock, label.else);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Actions. `boot` without an entry call is the entry statement BootKernel; in a menu the AST
  // builder reports it, which gives a clearer message than a failed alternative here.

  action = this.RULE("action", () => {
    this.OR(
      (this.actionChoices ??= {
        ERR_MSG: "an action (menu, boot, chain, sanboot, memdisk, shell, exit, reboot or back)",
        DEF: [
          {
            ALT: () => {
              this.CONSUME(kw.menu);
              this.CONSUME(Name, label.menu);
            },
          },
          {
            ALT: () => {
              this.CONSUME(kw.boot);
              this.OPTION({
                // `boot NAME(…)` runs an entry only when NAME is on the line of `boot`: a bare `boot`
                // followed by a statement such as `if (a or b) and c { … }` must stay two statements.
                GATE: () => this.LA(2).tokenType === LParen && this.onOneLine(this.LA(0), this.LA(1)),
                DEF: () => {
                  this.CONSUME2(Name, label.entry);
                  this.CONSUME(LParen);
                  this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.expression, label.args) });
                  this.CONSUME(RParen);
                },
              });
            },
          },
          {
            ALT: () => {
              this.CONSUME(kw.chain);
              this.SUBRULE2(this.expression, label.url);
            },
          },
          {
            ALT: () => {
              this.CONSUME(kw.sanboot);
              this.OR2(
                (this.sanbootChoices ??= {
                  ERR_MSG: 'a url or "drive" and a drive number',
                  DEF: [
                    {
                      ALT: () => {
                        this.CONSUME(kw.drive);
                        this.SUBRULE3(this.expression, label.drive);
                      },
                    },
                    { ALT: () => this.SUBRULE4(this.expression, label.url) },
                  ],
                  IGNORE_AMBIGUITIES: true,
                }),
              );
            },
          },
          {
            ALT: () => {
              this.CONSUME(kw.memdisk);
              this.SUBRULE5(this.expression, label.url);
              this.OPTION3(() => {
                this.CONSUME(kw.as);
                this.CONSUME3(Name, label.mode);
              });
            },
          },
          { ALT: () => this.CONSUME(kw.shell) },
          {
            ALT: () => {
              this.CONSUME(kw.exit);
              this.OPTION2({
                GATE: () => startsOptionalExpression(this.LA(1).tokenType),
                DEF: () => this.SUBRULE6(this.expression, label.status),
              });
            },
          },
          { ALT: () => this.CONSUME(kw.reboot) },
          { ALT: () => this.CONSUME(kw.back) },
        ],
      }),
    );
  });

  // -------------------------------------------------------------------------------------------
  // Entries

  statementBlock = this.RULE("statementBlock", () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.OR(
        (this.statementChoices ??= {
          ERR_MSG: "a statement",
          DEF: [
            { ALT: () => this.SUBRULE(this.action) },
            { ALT: () => this.SUBRULE(this.kernelStmt) },
            { ALT: () => this.SUBRULE(this.initrdStmt) },
            { ALT: () => this.SUBRULE(this.echoStmt) },
            { ALT: () => this.SUBRULE(this.promptStmt) },
            { ALT: () => this.SUBRULE(this.setStmt) },
            { ALT: () => this.SUBRULE(this.sleepStmt) },
            { ALT: () => this.SUBRULE(this.onFailureStmt) },
            { ALT: () => this.CONSUME(RawBlock) },
            { ALT: () => this.SUBRULE(this.statementFor) },
            { ALT: () => this.SUBRULE(this.statementIf) },
            { ALT: () => this.SUBRULE(this.statementWhen) },
          ],
        }),
      );
    });
    this.CONSUME(RBrace);
  });

  /** `kernel URL [args A B, C …]`: arguments run until the next statement keyword. */
  kernelStmt = this.RULE("kernelStmt", () => {
    this.CONSUME(kw.kernel);
    this.SUBRULE(this.expression, label.url);
    this.OPTION(() => {
      this.CONSUME(kw.args);
      this.SUBRULE2(this.expression, label.args);
      this.MANY({
        GATE: () => !statementStarts.has(this.LA(1).tokenType),
        DEF: () => {
          this.OPTION2(() => this.CONSUME(Comma));
          this.SUBRULE3(this.expression, label.args);
        },
      });
    });
  });

  initrdStmt = this.RULE("initrdStmt", () => {
    this.CONSUME(kw.initrd);
    this.SUBRULE(this.expression, label.url);
    this.OPTION(() => {
      this.CONSUME(kw.as);
      this.SUBRULE2(this.expression, label.name);
    });
  });

  echoStmt = this.RULE("echoStmt", () => {
    this.CONSUME(kw.echo);
    this.SUBRULE(this.expression, label.text);
  });

  promptStmt = this.RULE("promptStmt", () => {
    this.CONSUME(kw.prompt);
    this.CONSUME(Name, label.setting);
    this.SUBRULE(this.expression, label.question);
  });

  setStmt = this.RULE("setStmt", () => {
    this.CONSUME(kw.set);
    this.CONSUME(Name, label.setting);
    this.CONSUME(Assign);
    this.SUBRULE(this.expression, label.value);
  });

  sleepStmt = this.RULE("sleepStmt", () => {
    this.CONSUME(kw.sleep);
    this.SUBRULE(this.expression, label.duration);
  });

  onFailureStmt = this.RULE("onFailureStmt", () => {
    this.CONSUME(kw.on);
    this.CONSUME(kw.failure);
    this.SUBRULE(this.expression, label.message);
  });

  statementFor = this.RULE("statementFor", () => {
    this.CONSUME(kw.for);
    this.CONSUME(Name, label.variable);
    this.CONSUME(kw.in);
    this.SUBRULE(this.expression, label.iterable);
    this.SUBRULE(this.statementBlock, label.body);
  });

  statementIf = this.RULE("statementIf", () => {
    this.CONSUME(kw.if);
    this.SUBRULE(this.expression, label.condition);
    this.SUBRULE(this.statementBlock, label.then);
    this.OPTION(() => {
      this.CONSUME(kw.else);
      this.OR(
        (this.statementElseChoices ??= {
          ERR_MSG: '"{" or "if" after "else"',
          DEF: [
            { ALT: () => this.SUBRULE(this.statementIf, label.elseIf) },
            { ALT: () => this.SUBRULE2(this.statementBlock, label.else) },
          ],
        }),
      );
    });
  });

  statementWhen = this.RULE("statementWhen", () => {
    this.CONSUME(kw.when);
    this.SUBRULE(this.expression, label.condition);
    this.SUBRULE(this.statementBlock, label.then);
    this.OPTION(() => {
      this.CONSUME(kw.else);
      this.SUBRULE2(this.statementBlock, label.else);
    });
  });

  // -------------------------------------------------------------------------------------------
  // Expressions. Flat on purpose: operands and operators in source order; build-ast.ts applies
  // precedence (or < and < not < ==/!=), which keeps the CST two nodes deep for a plain value.

  /**
   * The first operand is inlined into `expression` (most expressions are a single value, and a CST
   * node less per value is a good part of the parse time); further operands are `operand` nodes.
   */
  expression = this.RULE("expression", () => {
    this.operandBody();
    if (this.mayRepeat(BinaryOperator)) this.MANY3(this.furtherOperands);
  });

  operand = this.RULE("operand", () => {
    this.operandBody();
  });

  /** `not`* value (`.` member)* */
  private operandBody(): void {
    if (this.mayRepeat(kw.not)) this.MANY(this.notPrefix);
    this.OR(
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
              this.CONSUME(kw.set);
              this.CONSUME(LParen, label.isSetOpen);
              this.CONSUME(Name, label.setting);
              this.CONSUME(RParen, label.isSetClose);
            },
          },
          // Last among the name-like alternatives: `true`, `false` and `set(` are names too.
          {
            GATE: () => this.isNameInExpression(),
            ALT: () => this.CONSUME2(Name, label.name),
            IGNORE_AMBIGUITIES: true,
          },
          {
            ALT: () => {
              this.CONSUME2(LParen);
              this.SUBRULE(this.expression, label.inner);
              this.CONSUME2(RParen);
            },
          },
          { ALT: () => this.SUBRULE(this.listLiteral) },
          { ALT: () => this.SUBRULE(this.recordLiteral) },
        ],
      }),
    );
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

  listLiteral = this.RULE("listLiteral", () => {
    this.CONSUME(LBracket);
    this.OPTION(() => {
      this.SUBRULE(this.expression, label.elements);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.expression, label.elements);
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RBracket);
  });

  recordLiteral = this.RULE("recordLiteral", () => {
    this.CONSUME(LBrace);
    this.OPTION(() => {
      this.SUBRULE(this.recordField, label.fields);
      this.MANY(() => {
        this.CONSUME(Comma);
        this.SUBRULE2(this.recordField, label.fields);
      });
      this.OPTION2(() => this.CONSUME2(Comma));
    });
    this.CONSUME(RBrace);
  });

  recordField = this.RULE("recordField", () => {
    this.CONSUME(Name, label.name);
    this.CONSUME(Colon);
    this.SUBRULE(this.expression, label.value);
  });
}

let sharedParser: IpxmParser | undefined;

/** The one parser instance (building one runs the grammar analysis, which is not cheap). */
export function getParser(): IpxmParser {
  sharedParser ??= new IpxmParser();
  return sharedParser;
}

/**
 * Parse a token vector into the CST of a whole file. Errors are in `parser.errors` afterwards.
 * `onDeclaration`, when given, sees each top-level declaration's CST as soon as it is complete, so a
 * caller can turn it into AST and let it go while the rest of the file parses.
 */
export function parseTokens(
  tokens: IToken[],
  text: string,
  onDeclaration?: (declaration: CstNode) => void,
): { cst: CstNode; parser: IpxmParser } {
  const parser = getParser();
  parser.input = tokens;
  parser.text = text;
  parser.declarationListener = onDeclaration;
  try {
    return { cst: parser.sourceFile(), parser };
  } finally {
    parser.declarationListener = undefined;
    parser.text = "";
  }
}
