/**
 * The elaborated program: what remains of an entry-point file and its imports once every
 * compile-time construct (constants, `for`, `if`, entry arguments, defaults) has been evaluated.
 * It is the compiler's only input. Every value that reaches the script is a `Template`: literal text
 * exactly as the user wrote it, and references to runtime iPXE settings.
 *
 * Its objects are instances of the classes below, and its arrays come from `newArray`, from
 * built-ins such as `map`, or (one-part templates) from `new Array(1)`: never from object or array
 * literals. V8 may decide at one collection that what a literal makes is long-lived, and allocate it
 * in the old generation from then on. A program is garbage as soon as it is compiled, and old
 * objects keep the young ones they point to alive until the next full collection. Taken during the
 * first large compile of a process, that decision doubled the compile stage's garbage collection
 * for the rest of it. V8 never takes it for class instances, for arrays a built-in makes, or for
 * arrays of `new Array` that hold objects. Each class declares its fields in the order this file's
 * types listed them. Template parts and conditions, which `valueKey` and the compiler's grouping of
 * rows compare through JSON, keep the order their literals had; rows, menus and settings, whose
 * optional fields were added after the others, now list them where the types did.
 */
import type { Range } from "./source.js";

/** What `newArray` copies; never written to. */
const noElements: never[] = [];

/**
 * An empty array to fill, made without a literal (see the top of this file). Copying an empty
 * array costs about what a literal does; `Array.of()` would cost ten times more.
 */
export function newArray<T>(): T[] {
  return noElements.slice();
}

/**
 * Where a piece of the program came from, for the line map and for diagnostics: a file and the
 * offsets of the node in it (a SourceRef is itself the node's Range there, with no object of its own).
 */
export class SourceRef implements Range {
  readonly file: string;
  readonly start: number;
  readonly end: number;
  constructor(file: string, start: number, end: number) {
    this.file = file;
    this.start = start;
    this.end = end;
  }

  /** The offsets of `range` in `file`, copied (never the node itself). */
  static at(file: string, range: Range): SourceRef {
    return new SourceRef(file, range.start, range.end);
  }
}

// ---------------------------------------------------------------------------------------------
// Templates

export class TemplateText {
  readonly kind = "text";
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
}

/** `${reference}` at run time, e.g. `mirror`, `net0/mac`, `mac:hexhyp`. */
export class TemplateSetting {
  readonly kind = "setting";
  readonly reference: string;
  constructor(reference: string) {
    this.reference = reference;
  }
}

export type TemplatePart = TemplateText | TemplateSetting;

/** Text to emit: literal parts must reach iPXE byte for byte; setting parts are expanded by iPXE. */
export type Template = readonly TemplatePart[];

/** The template of `text` alone: no part at all when it is empty. */
export function textTemplate(text: string): Template {
  return text === "" ? newArray() : templateOf(new TemplateText(text));
}

/** The template that expands one setting. */
export function settingTemplate(reference: string): Template {
  return templateOf(new TemplateSetting(reference));
}

/**
 * A template of one part, at its size (most templates are one part; `newArray` and a push would
 * reserve room for 17). V8 tracks the arrays of `new Array` only while they hold small integers, so
 * these are never allocated in the old generation either.
 */
function templateOf(part: TemplatePart): Template {
  const template = new Array<TemplatePart>(1);
  template[0] = part;
  return template;
}

// ---------------------------------------------------------------------------------------------
// Conditions: run-time tests. Compile-time conditions never reach the program: they are folded.

export class EqualsCondition {
  readonly kind = "equals";
  readonly left: Template;
  readonly right: Template;
  constructor(left: Template, right: Template) {
    this.left = left;
    this.right = right;
  }
}

export class IssetCondition {
  readonly kind = "isset";
  readonly setting: string;
  constructor(setting: string) {
    this.setting = setting;
  }
}

export class NotCondition {
  readonly kind = "not";
  readonly operand: Condition;
  constructor(operand: Condition) {
    this.operand = operand;
  }
}

export class AndCondition {
  readonly kind = "and";
  readonly left: Condition;
  readonly right: Condition;
  constructor(left: Condition, right: Condition) {
    this.left = left;
    this.right = right;
  }
}

export class OrCondition {
  readonly kind = "or";
  readonly left: Condition;
  readonly right: Condition;
  constructor(left: Condition, right: Condition) {
    this.left = left;
    this.right = right;
  }
}

export type Condition = EqualsCondition | IssetCondition | NotCondition | AndCondition | OrCondition;

// ---------------------------------------------------------------------------------------------
// Actions: what an item, Esc or a statement does.

export class OpenMenuStep {
  readonly kind = "menu";
  readonly menu: string;
  readonly source: SourceRef;
  constructor(menu: string, source: SourceRef) {
    this.menu = menu;
    this.source = source;
  }
}

export class BootEntryStep {
  readonly kind = "entry";
  readonly instance: string;
  readonly source: SourceRef;
  constructor(instance: string, source: SourceRef) {
    this.instance = instance;
    this.source = source;
  }
}

export class ChainStep {
  readonly kind = "chain";
  readonly url: Template;
  readonly source: SourceRef;
  constructor(url: Template, source: SourceRef) {
    this.url = url;
    this.source = source;
  }
}

export class SanbootStep {
  readonly kind = "sanboot";
  readonly url: Template;
  readonly source: SourceRef;
  constructor(url: Template, source: SourceRef) {
    this.url = url;
    this.source = source;
  }
}

export class SanbootDriveStep {
  readonly kind = "sanboot-drive";
  readonly drive: number;
  readonly source: SourceRef;
  constructor(drive: number, source: SourceRef) {
    this.drive = drive;
    this.source = source;
  }
}

/** What memdisk presents the image as: a CD-ROM (`iso`), a hard disk or a floppy disk. */
export type MemdiskMode = "iso" | "harddisk" | "floppy";

export class MemdiskStep {
  readonly kind = "memdisk";
  readonly url: Template;
  readonly loader: Template;
  /** The disk memdisk emulates with the image. */
  readonly mode: MemdiskMode;
  readonly source: SourceRef;
  constructor(url: Template, loader: Template, mode: MemdiskMode, source: SourceRef) {
    this.url = url;
    this.loader = loader;
    this.mode = mode;
    this.source = source;
  }
}

export class ShellStep {
  readonly kind = "shell";
  readonly source: SourceRef;
  constructor(source: SourceRef) {
    this.source = source;
  }
}

export class ExitStep {
  readonly kind = "exit";
  readonly status: number;
  readonly source: SourceRef;
  constructor(status: number, source: SourceRef) {
    this.status = status;
    this.source = source;
  }
}

export class RebootStep {
  readonly kind = "reboot";
  readonly source: SourceRef;
  constructor(source: SourceRef) {
    this.source = source;
  }
}

export class BackStep {
  readonly kind = "back";
  readonly source: SourceRef;
  constructor(source: SourceRef) {
    this.source = source;
  }
}

export type ProgramAction =
  | OpenMenuStep
  | BootEntryStep
  | ChainStep
  | SanbootStep
  | SanbootDriveStep
  | MemdiskStep
  | ShellStep
  | ExitStep
  | RebootStep
  | BackStep;

// ---------------------------------------------------------------------------------------------
// Statements: the body of an entry instance.

export class KernelStep {
  readonly kind = "kernel";
  readonly url: Template;
  readonly args: readonly Template[];
  readonly source: SourceRef;
  constructor(url: Template, args: readonly Template[], source: SourceRef) {
    this.url = url;
    this.args = args;
    this.source = source;
  }
}

export class InitrdStep {
  readonly kind = "initrd";
  readonly url: Template;
  readonly name?: Template;
  readonly source: SourceRef;
  constructor(url: Template, name: Template | undefined, source: SourceRef) {
    this.url = url;
    this.name = name;
    this.source = source;
  }
}

export class BootStep {
  readonly kind = "boot";
  readonly source: SourceRef;
  constructor(source: SourceRef) {
    this.source = source;
  }
}

export class EchoStep {
  readonly kind = "echo";
  readonly text: Template;
  readonly source: SourceRef;
  constructor(text: Template, source: SourceRef) {
    this.text = text;
    this.source = source;
  }
}

export class PromptStep {
  readonly kind = "prompt";
  readonly setting: string;
  readonly question: Template;
  readonly source: SourceRef;
  constructor(setting: string, question: Template, source: SourceRef) {
    this.setting = setting;
    this.question = question;
    this.source = source;
  }
}

export class SetStep {
  readonly kind = "set";
  readonly setting: string;
  readonly value: Template;
  readonly source: SourceRef;
  constructor(setting: string, value: Template, source: SourceRef) {
    this.setting = setting;
    this.value = value;
    this.source = source;
  }
}

export class SleepStep {
  readonly kind = "sleep";
  readonly seconds: number;
  readonly source: SourceRef;
  constructor(seconds: number, source: SourceRef) {
    this.seconds = seconds;
    this.source = source;
  }
}

export class WhenStep {
  readonly kind = "when";
  readonly condition: Condition;
  readonly then: readonly ProgramStatement[];
  readonly else: readonly ProgramStatement[];
  readonly source: SourceRef;
  constructor(
    condition: Condition,
    thenBranch: readonly ProgramStatement[],
    elseBranch: readonly ProgramStatement[],
    source: SourceRef,
  ) {
    this.condition = condition;
    this.then = thenBranch;
    this.else = elseBranch;
    this.source = source;
  }
}

export class RawLine {
  /** The line without its indentation. */
  readonly text: string;
  readonly source: SourceRef;
  constructor(text: string, source: SourceRef) {
    this.text = text;
    this.source = source;
  }
}

export class RawStep {
  readonly kind = "raw";
  readonly lines: readonly RawLine[];
  readonly source: SourceRef;
  constructor(lines: readonly RawLine[], source: SourceRef) {
    this.lines = lines;
    this.source = source;
  }
}

export type ProgramStatement =
  ProgramAction | KernelStep | InitrdStep | BootStep | EchoStep | PromptStep | SetStep | SleepStep | WhenStep | RawStep;

// ---------------------------------------------------------------------------------------------
// Menus, entry instances, the program

export class GapRow {
  readonly kind = "gap";
  readonly text?: Template;
  readonly condition?: Condition;
  readonly source: SourceRef;
  constructor(text: Template | undefined, condition: Condition | undefined, source: SourceRef) {
    this.text = text;
    this.condition = condition;
    this.source = source;
  }
}

export class ItemRow {
  readonly kind = "item";
  /** Unique within the menu; becomes the iPXE item name and part of a label. */
  readonly id: string;
  readonly text: Template;
  /** The iPXE `--key` argument: one character, or a number such as `0x147e` for F8. */
  readonly key?: string;
  readonly condition?: Condition;
  readonly action: ProgramAction;
  readonly source: SourceRef;
  constructor(
    id: string,
    text: Template,
    key: string | undefined,
    condition: Condition | undefined,
    action: ProgramAction,
    source: SourceRef,
  ) {
    this.id = id;
    this.text = text;
    this.key = key;
    this.condition = condition;
    this.action = action;
    this.source = source;
  }
}

export type MenuRow = GapRow | ItemRow;

export class ProgramMenu {
  readonly id: string;
  readonly title: Template;
  readonly rows: readonly MenuRow[];
  /** Id of the item highlighted when the menu opens. */
  readonly defaultItem?: string;
  /** Countdown before the default (or first) item is chosen, in milliseconds. */
  readonly timeoutMs?: number;
  /** What Esc does. */
  readonly escape: ProgramAction;
  readonly source: SourceRef;
  constructor(
    id: string,
    title: Template,
    rows: readonly MenuRow[],
    defaultItem: string | undefined,
    timeoutMs: number | undefined,
    escape: ProgramAction,
    source: SourceRef,
  ) {
    this.id = id;
    this.title = title;
    this.rows = rows;
    this.defaultItem = defaultItem;
    this.timeoutMs = timeoutMs;
    this.escape = escape;
    this.source = source;
  }
}

export class EntryInstance {
  /** Stable, readable, unique label, e.g. `debian` or `debian.2`. */
  readonly label: string;
  /** The entry's declared name. */
  readonly entry: string;
  /** Shown on the error screen; always present (a default is made from the entry's name). */
  readonly failureMessage: Template;
  readonly body: readonly ProgramStatement[];
  readonly source: SourceRef;
  constructor(
    label: string,
    entry: string,
    failureMessage: Template,
    body: readonly ProgramStatement[],
    source: SourceRef,
  ) {
    this.label = label;
    this.entry = entry;
    this.failureMessage = failureMessage;
    this.body = body;
    this.source = source;
  }
}

export class ProgramSetting {
  readonly name: string;
  readonly type: string;
  readonly defaultValue?: Template;
  readonly source: SourceRef;
  constructor(name: string, type: string, defaultValue: Template | undefined, source: SourceRef) {
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.source = source;
  }
}

export class Program {
  /** The entry-point file this program was elaborated from. */
  readonly file: string;
  /** Target profile name (see @ipxm/ipxe profiles). */
  readonly target: string;
  /** Declared settings that the program reads, in declaration order, with their defaults. */
  readonly settings: readonly ProgramSetting[];
  /** Whether `${arch}` (the CPU architecture) is used, so detection must run first. */
  readonly usesArch: boolean;
  /** Reachable menus; the first is shown first. */
  readonly menus: readonly ProgramMenu[];
  /** One instance per distinct (entry, arguments) pair that a menu or entry reaches. */
  readonly entries: readonly EntryInstance[];
  constructor(
    file: string,
    target: string,
    settings: readonly ProgramSetting[],
    usesArch: boolean,
    menus: readonly ProgramMenu[],
    entries: readonly EntryInstance[],
  ) {
    this.file = file;
    this.target = target;
    this.settings = settings;
    this.usesArch = usesArch;
    this.menus = menus;
    this.entries = entries;
  }
}
