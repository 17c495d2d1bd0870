/**
 * The typed AST of an `.ipxm` file. Every node carries its extent as `start` and `end` (0-based,
 * end-exclusive offsets into the file's text), so a node is itself a `Range`: a large site has
 * hundreds of thousands of nodes, and a separate range object for each one was a third of the
 * AST's memory. Nodes are plain data: no methods, no parent links, so they can be cached, compared
 * and serialised.
 */
import type { Range } from "./source.js";

export interface Node extends Range {
  readonly kind: string;
}

/** A name as written, with its own range (for go-to-definition, rename, diagnostics). */
export interface Identifier extends Node {
  readonly kind: "Identifier";
  readonly name: string;
}

// ---------------------------------------------------------------------------------------------
// Files and declarations

export interface SourceFileNode extends Node {
  readonly kind: "SourceFile";
  readonly declarations: readonly Declaration[];
}

export type Declaration = ImportDecl | TargetDecl | ConstDecl | SettingDecl | MenuDecl | EntryDecl;

export interface ImportDecl extends Node {
  readonly kind: "Import";
  readonly path: StringLiteral;
}

export interface TargetDecl extends Node {
  readonly kind: "Target";
  readonly profile: StringLiteral;
}

export interface ConstDecl extends Node {
  readonly kind: "Const";
  readonly name: Identifier;
  readonly type?: TypeRef;
  readonly value: Expression;
}

export interface SettingDecl extends Node {
  readonly kind: "Setting";
  readonly name: Identifier;
  readonly type: TypeRef;
  readonly value?: Expression;
}

export type TypeName = "string" | "int" | "bool" | "duration" | "url" | "arch" | "platform" | "list" | "record";

export interface TypeRef extends Node {
  readonly kind: "TypeRef";
  /** As written; the checker reports unknown names. */
  readonly name: string;
}

export interface MenuDecl extends Node {
  readonly kind: "Menu";
  readonly name: Identifier;
  readonly title: Expression;
  readonly body: readonly MenuMember[];
}

export interface EntryDecl extends Node {
  readonly kind: "Entry";
  readonly name: Identifier;
  readonly params: readonly Param[];
  readonly body: readonly Statement[];
}

export interface Param extends Node {
  readonly kind: "Param";
  readonly name: Identifier;
  readonly type: TypeRef;
  readonly defaultValue?: Expression;
}

// ---------------------------------------------------------------------------------------------
// Menu members

export type MenuMember =
  ItemNode | GapNode | DefaultNode | EscapeNode | ForNode<MenuMember> | IfNode<MenuMember> | WhenNode<MenuMember>;

export interface ItemNode extends Node {
  readonly kind: "Item";
  readonly id?: Identifier;
  readonly text: Expression;
  readonly key?: KeyNode;
  readonly condition?: Expression;
  readonly action: Action;
}

export interface KeyNode extends Node {
  readonly kind: "Key";
  /** The key as written, without quotes: `l`, `1`, `?`, `F5`. */
  readonly value: string;
}

export interface GapNode extends Node {
  readonly kind: "Gap";
  readonly text?: Expression;
}

export interface DefaultNode extends Node {
  readonly kind: "Default";
  readonly item: Identifier;
  readonly timeout?: Expression;
}

export interface EscapeNode extends Node {
  readonly kind: "Escape";
  readonly action: Action;
}

// ---------------------------------------------------------------------------------------------
// Blocks shared by menus and entries

export interface ForNode<T> extends Node {
  readonly kind: "For";
  readonly variable: Identifier;
  readonly iterable: Expression;
  readonly body: readonly T[];
}

export interface IfNode<T> extends Node {
  readonly kind: "If";
  readonly condition: Expression;
  readonly then: readonly T[];
  readonly else?: readonly T[];
}

export interface WhenNode<T> extends Node {
  readonly kind: "When";
  readonly condition: Expression;
  readonly then: readonly T[];
  readonly else?: readonly T[];
}

// ---------------------------------------------------------------------------------------------
// Actions (after `->`) and entry statements. Every action is also a statement.

export type Action =
  | OpenMenuAction
  | BootAction
  | ChainAction
  | SanbootAction
  | MemdiskAction
  | ShellAction
  | ExitAction
  | RebootAction
  | BackAction;

export interface OpenMenuAction extends Node {
  readonly kind: "OpenMenu";
  readonly menu: Identifier;
}

export interface BootAction extends Node {
  readonly kind: "BootEntry";
  readonly entry: Identifier;
  readonly args: readonly Expression[];
}

export interface ChainAction extends Node {
  readonly kind: "Chain";
  readonly url: Expression;
}

/** `sanboot URL` or `sanboot drive N`: exactly one of `url` and `drive` is present. */
export interface SanbootAction extends Node {
  readonly kind: "Sanboot";
  readonly url?: Expression;
  readonly drive?: Expression;
}

/** `memdisk URL [as MODE]`: MODE says which disk memdisk emulates (`iso` when absent). */
export interface MemdiskAction extends Node {
  readonly kind: "Memdisk";
  readonly url: Expression;
  readonly mode?: Identifier;
}

export interface ShellAction extends Node {
  readonly kind: "Shell";
}

export interface ExitAction extends Node {
  readonly kind: "Exit";
  readonly status?: Expression;
}

export interface RebootAction extends Node {
  readonly kind: "Reboot";
}

export interface BackAction extends Node {
  readonly kind: "Back";
}

export type Statement =
  | Action
  | KernelStmt
  | InitrdStmt
  | BootStmt
  | EchoStmt
  | PromptStmt
  | SetStmt
  | SleepStmt
  | OnFailureStmt
  | RawIpxeStmt
  | ForNode<Statement>
  | IfNode<Statement>
  | WhenNode<Statement>;

export interface KernelStmt extends Node {
  readonly kind: "Kernel";
  readonly url: Expression;
  readonly args: readonly Expression[];
}

export interface InitrdStmt extends Node {
  readonly kind: "Initrd";
  readonly url: Expression;
  readonly name?: Expression;
}

/** `boot` with no entry: boot the loaded kernel. */
export interface BootStmt extends Node {
  readonly kind: "BootKernel";
}

export interface EchoStmt extends Node {
  readonly kind: "Echo";
  readonly text: Expression;
}

export interface PromptStmt extends Node {
  readonly kind: "Prompt";
  readonly setting: Identifier;
  readonly question: Expression;
}

export interface SetStmt extends Node {
  readonly kind: "Set";
  readonly setting: Identifier;
  readonly value: Expression;
}

export interface SleepStmt extends Node {
  readonly kind: "Sleep";
  readonly duration: Expression;
}

export interface OnFailureStmt extends Node {
  readonly kind: "OnFailure";
  readonly message: Expression;
}

export interface RawIpxeStmt extends Node {
  readonly kind: "RawIpxe";
  /** The text between the braces, exactly as written. */
  readonly text: string;
  /** Offset of `text`'s first character in the file. */
  readonly textOffset: number;
}

// ---------------------------------------------------------------------------------------------
// Expressions

export type Expression =
  | StringLiteral
  | IntLiteral
  | DurationLiteral
  | BoolLiteral
  | ListLiteral
  | RecordLiteral
  | NameRef
  | MemberAccess
  | BinaryExpr
  | NotExpr
  | IsSetExpr;

export interface StringLiteral extends Node {
  readonly kind: "String";
  /** Literal text and interpolations, in order. Escapes are already decoded. */
  readonly parts: readonly StringPart[];
}

export type StringPart = TextPart | Interpolation;

export interface TextPart extends Node {
  readonly kind: "Text";
  readonly value: string;
}

/**
 * `${path}` inside a string. `path` is a dotted name (`r.version`) or an iPXE setting reference with
 * optional scope and type (`net0/mac`, `mac:hexhyp`).
 */
export interface Interpolation extends Node {
  readonly kind: "Interpolation";
  readonly scope?: string;
  readonly name: Identifier;
  readonly members: readonly Identifier[];
  readonly format?: string;
}

export interface IntLiteral extends Node {
  readonly kind: "Int";
  readonly value: number;
  readonly text: string;
}

export type DurationUnit = "ms" | "s" | "m" | "h";

export interface DurationLiteral extends Node {
  readonly kind: "Duration";
  readonly amount: number;
  readonly unit: DurationUnit;
  readonly text: string;
}

export interface BoolLiteral extends Node {
  readonly kind: "Bool";
  readonly value: boolean;
}

export interface ListLiteral extends Node {
  readonly kind: "List";
  readonly elements: readonly Expression[];
}

export interface RecordLiteral extends Node {
  readonly kind: "Record";
  readonly fields: readonly RecordField[];
}

export interface RecordField extends Node {
  readonly kind: "Field";
  readonly name: Identifier;
  readonly value: Expression;
}

export interface NameRef extends Node {
  readonly kind: "Name";
  readonly name: Identifier;
}

export interface MemberAccess extends Node {
  readonly kind: "Member";
  readonly object: Expression;
  readonly member: Identifier;
}

export type BinaryOperator = "==" | "!=" | "and" | "or";

export interface BinaryExpr extends Node {
  readonly kind: "Binary";
  readonly operator: BinaryOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface NotExpr extends Node {
  readonly kind: "Not";
  readonly operand: Expression;
}

/** `set(NAME)`: true at run time when the setting has a value. */
export interface IsSetExpr extends Node {
  readonly kind: "IsSet";
  readonly setting: Identifier;
}
