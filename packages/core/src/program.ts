/**
 * The elaborated program: what remains of an entry-point file and its imports once every
 * compile-time construct (constants, `for`, `if`, entry arguments, defaults) has been evaluated.
 * It is the compiler's only input. Every value that reaches the script is a `Template`: literal text
 * exactly as the user wrote it, and references to runtime iPXE settings.
 */
import type { Range } from "./source.js";

/**
 * Where a piece of the program came from, for the line map and for diagnostics: a file and the
 * offsets of the node in it (a SourceRef is itself the node's Range there, with no object of its own).
 */
export interface SourceRef extends Range {
  readonly file: string;
}

export type TemplatePart =
  | { readonly kind: "text"; readonly value: string }
  /** `${reference}` at run time, e.g. `mirror`, `net0/mac`, `mac:hexhyp`. */
  | { readonly kind: "setting"; readonly reference: string };

/** Text to emit: literal parts must reach iPXE byte for byte; setting parts are expanded by iPXE. */
export type Template = readonly TemplatePart[];

export interface Program {
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
}

export interface ProgramSetting {
  readonly name: string;
  readonly type: string;
  readonly defaultValue?: Template;
  readonly source: SourceRef;
}

export interface ProgramMenu {
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
}

export type MenuRow =
  | {
      readonly kind: "gap";
      readonly text?: Template;
      readonly condition?: Condition;
      readonly source: SourceRef;
    }
  | {
      readonly kind: "item";
      /** Unique within the menu; becomes the iPXE item name and part of a label. */
      readonly id: string;
      readonly text: Template;
      /** The iPXE `--key` argument: one character, or a number such as `0x147e` for F8. */
      readonly key?: string;
      readonly condition?: Condition;
      readonly action: ProgramAction;
      readonly source: SourceRef;
    };

/** A runtime test. Compile-time conditions never reach the program: they are folded. */
export type Condition =
  | { readonly kind: "equals"; readonly left: Template; readonly right: Template }
  | { readonly kind: "isset"; readonly setting: string }
  | { readonly kind: "not"; readonly operand: Condition }
  | { readonly kind: "and"; readonly left: Condition; readonly right: Condition }
  | { readonly kind: "or"; readonly left: Condition; readonly right: Condition };

export type ProgramAction =
  | { readonly kind: "menu"; readonly menu: string; readonly source: SourceRef }
  | { readonly kind: "entry"; readonly instance: string; readonly source: SourceRef }
  | { readonly kind: "chain"; readonly url: Template; readonly source: SourceRef }
  | { readonly kind: "sanboot"; readonly url: Template; readonly source: SourceRef }
  | { readonly kind: "sanboot-drive"; readonly drive: number; readonly source: SourceRef }
  | {
      readonly kind: "memdisk";
      readonly url: Template;
      readonly loader: Template;
      /** The disk memdisk emulates with the image. */
      readonly mode: MemdiskMode;
      readonly source: SourceRef;
    }
  | { readonly kind: "shell"; readonly source: SourceRef }
  | { readonly kind: "exit"; readonly status: number; readonly source: SourceRef }
  | { readonly kind: "reboot"; readonly source: SourceRef }
  | { readonly kind: "back"; readonly source: SourceRef };

/** What memdisk presents the image as: a CD-ROM (`iso`), a hard disk or a floppy disk. */
export type MemdiskMode = "iso" | "harddisk" | "floppy";

export interface EntryInstance {
  /** Stable, readable, unique label, e.g. `debian` or `debian.2`. */
  readonly label: string;
  /** The entry's declared name. */
  readonly entry: string;
  /** Shown on the error screen; always present (a default is made from the entry's name). */
  readonly failureMessage: Template;
  readonly body: readonly ProgramStatement[];
  readonly source: SourceRef;
}

export type ProgramStatement =
  | ProgramAction
  | { readonly kind: "kernel"; readonly url: Template; readonly args: readonly Template[]; readonly source: SourceRef }
  | { readonly kind: "initrd"; readonly url: Template; readonly name?: Template; readonly source: SourceRef }
  | { readonly kind: "boot"; readonly source: SourceRef }
  | { readonly kind: "echo"; readonly text: Template; readonly source: SourceRef }
  | { readonly kind: "prompt"; readonly setting: string; readonly question: Template; readonly source: SourceRef }
  | { readonly kind: "set"; readonly setting: string; readonly value: Template; readonly source: SourceRef }
  | { readonly kind: "sleep"; readonly seconds: number; readonly source: SourceRef }
  | {
      readonly kind: "when";
      readonly condition: Condition;
      readonly then: readonly ProgramStatement[];
      readonly else: readonly ProgramStatement[];
      readonly source: SourceRef;
    }
  | { readonly kind: "raw"; readonly lines: readonly RawLine[]; readonly source: SourceRef };

export interface RawLine {
  /** The line without its indentation. */
  readonly text: string;
  readonly source: SourceRef;
}
