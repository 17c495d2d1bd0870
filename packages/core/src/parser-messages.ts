/**
 * Syntax error messages in the user's words (`expected "->" and an action after the item text, found
 * "menu"`), instead of Chevrotain's token-type names.
 */
import { EOF } from "chevrotain";
import type { IParserErrorMessageProvider, IToken, TokenType } from "chevrotain";

/** Where in the grammar a rule sits, as a user would say it. */
const ruleContexts: Readonly<Record<string, string>> = {
  sourceFile: "at the top level of the file",
  importDecl: 'after "import"',
  targetDecl: 'after "target"',
  constDecl: "in a constant declaration",
  settingDecl: "in a setting declaration",
  menuDecl: "in a menu declaration",
  entryDecl: "in an entry declaration",
  param: "in a parameter",
  menuBlock: "in a menu",
  item: "in an item",
  gap: "in a gap",
  defaultMember: 'in "default"',
  escapeMember: 'in "on escape"',
  menuFor: "in a for loop",
  statementFor: "in a for loop",
  menuIf: "in an if block",
  statementIf: "in an if block",
  menuWhen: "in a when block",
  statementWhen: "in a when block",
  action: "in an action",
  statementBlock: "in a block of statements",
  kernelStmt: 'in "kernel"',
  initrdStmt: 'in "initrd"',
  echoStmt: 'in "echo"',
  promptStmt: 'in "prompt"',
  setStmt: 'in "set"',
  sleepStmt: 'in "sleep"',
  onFailureStmt: 'in "on failure"',
  expression: "in an expression",
  operand: "in an expression",
  listLiteral: "in a list",
  recordLiteral: "in a record",
  recordField: "in a record field",
};

/** Messages for the mismatches users actually make, by `rule:ExpectedToken`. */
const mismatchMessages: Readonly<Record<string, string>> = {
  "sourceFile:EOF": "expected a declaration (import, target, const, setting, menu or entry)",
  "item:Arrow": 'expected "->" and an action after the item text',
  "escapeMember:Arrow": 'expected "->" and an action after "on escape"',
  "escapeMember:Escape": 'expected "escape" after "on" (a menu has "on escape -> ACTION")',
  "onFailureStmt:Failure": 'expected "failure" after "on" (an entry has "on failure MESSAGE")',
  "menuBlock:LBrace": 'expected "{" to open a block of menu members',
  "menuBlock:RBrace": 'expected a menu member (item, gap, default, on escape, for, if, when) or "}"',
  "statementBlock:LBrace": 'expected "{" to open a block of statements',
  "statementBlock:RBrace": 'expected a statement or "}"',
  "menuDecl:Name": 'expected the menu\'s name after "menu"',
  "entryDecl:Name": 'expected the entry\'s name after "entry"',
  "entryDecl:LParen": 'expected "(" and the parameter list after the entry\'s name',
  "entryDecl:RParen": 'expected "," or ")" in the parameter list',
  "action:Name": 'expected the name of the menu to open after "menu"',
  "action:RParen": 'expected "," or ")" in the arguments of "boot"',
  "constDecl:Name": 'expected the constant\'s name after "const"',
  "constDecl:Assign": 'expected "=" and the constant\'s value',
  "settingDecl:Name": 'expected the setting\'s name after "setting"',
  "settingDecl:Colon": 'expected ":" and the setting\'s type after its name',
  "param:Colon": 'expected ":" and the parameter\'s type after its name',
  "defaultMember:Name": 'expected the id of the default item after "default"',
  "menuFor:In": 'expected "in" after the loop variable',
  "statementFor:In": 'expected "in" after the loop variable',
  "setStmt:Assign": 'expected "=" and a value after the setting\'s name',
  "listLiteral:RBracket": 'expected "," or "]" in the list',
  "recordLiteral:RBrace": 'expected "," or "}" in the record',
  "recordField:Colon": 'expected ":" after the field name',
  "expression:RParen": 'expected ")" to close the parenthesis',
  "operand:RParen": 'expected ")" to close the parenthesis',
};

function labelOf(tokenType: TokenType): string {
  return tokenType.LABEL ?? tokenType.name;
}

const MAX_SHOWN = 24;

/** How a found token reads in a message: `"menu"`, or `the end of the file`. */
export function describeFound(token: IToken): string {
  if (token.tokenType === EOF) return "the end of the file";
  let image = token.image;
  const lineEnd = image.search(/[\r\n]/);
  if (lineEnd >= 0) image = `${image.slice(0, lineEnd)}…`;
  if (image.length > MAX_SHOWN) image = `${image.slice(0, MAX_SHOWN)}…`;
  return JSON.stringify(image);
}

function contextOf(ruleName: string): string {
  const context = ruleContexts[ruleName];
  return context === undefined ? "" : ` ${context}`;
}

export const parserErrorMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, ruleName }) {
    const specific = mismatchMessages[`${ruleName}:${expected.name}`];
    const what = specific ?? `expected ${labelOf(expected)}${contextOf(ruleName)}`;
    return `${what}, found ${describeFound(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `${mismatchMessages["sourceFile:EOF"]}, found ${describeFound(firstRedundant)}`;
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual, customUserDescription, ruleName }) {
    const found = actual[0];
    const expected =
      customUserDescription ??
      expectedPathsPerAlt
        .flat()
        .map((path) => (path[0] ? labelOf(path[0]) : ""))
        .filter((label, index, all) => label !== "" && all.indexOf(label) === index)
        .join(" or ");
    const where = customUserDescription === undefined ? contextOf(ruleName) : "";
    return `expected ${expected}${where}, found ${found ? describeFound(found) : "nothing"}`;
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual, customUserDescription, ruleName }) {
    const found = actual[0];
    const expected =
      customUserDescription ?? expectedIterationPaths.map((path) => (path[0] ? labelOf(path[0]) : "")).join(" or ");
    return `expected ${expected}${contextOf(ruleName)}, found ${found ? describeFound(found) : "nothing"}`;
  },
};
