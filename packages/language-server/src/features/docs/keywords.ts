/**
 * The words of ipxm as an editor offers and explains them: which keywords start what in each kind of
 * block, the snippet each one expands to, and one line on what it does (completion shows it beside the
 * keyword, hover shows it over the keyword).
 */
import { ownValue } from "./lookup.js";

/** A keyword, or a pair of keywords written together (`on escape`), as completion offers it. */
export interface KeywordChoice {
  readonly label: string;
  /** A snippet (LSP syntax: `$1`, `${1:name}`, `$0`); the label as written when absent. */
  readonly snippet?: string;
  readonly doc: string;
}

const choice = (label: string, doc: string, snippet?: string): KeywordChoice =>
  snippet === undefined ? { label, doc } : { label, doc, snippet };

/** What may start a top-level declaration. */
export const declarationKeywords: readonly KeywordChoice[] = [
  choice(
    "import",
    "Imports another .ipxm file: its menus, entries, constants and settings become visible.",
    'import "$0"',
  ),
  choice("target", "Chooses the iPXE build this file is compiled and checked for.", 'target "$0"'),
  choice("const", "Declares a compile-time constant.", "const ${1:name} = $0"),
  choice(
    "setting",
    "Declares an iPXE setting read at run time; a default is set only when the setting is empty.",
    "setting ${1:name}: ${2|url,string,int,bool,duration,arch,platform|}",
  ),
  choice("menu", "Declares a menu: a title and its items.", 'menu ${1:name} "${2:Title}" {\n\t$0\n}'),
  choice("entry", "Declares an entry: the commands that boot something.", "entry ${1:name}($2) {\n\t$0\n}"),
];

/** The words that begin a declaration (inside a body they mean its closing brace is missing). */
export const declarationWords: ReadonlySet<string> = new Set(declarationKeywords.map((keyword) => keyword.label));

/** What may start a member of a menu body. */
export const memberKeywords: readonly KeywordChoice[] = [
  choice("item", "A selectable row of the menu and the action it runs.", 'item ${1:id} "${2:Text}" -> $0'),
  choice("gap", "A separator row, with or without text."),
  choice(
    "default",
    "The item highlighted when the menu opens; `after DURATION` also picks it when time runs out.",
    "default ${1:item}",
  ),
  choice("on escape", "What the Esc key does in this menu.", "on escape -> $0"),
  choice("for", "Repeats its rows for each element of a compile-time list.", "for ${1:x} in ${2:list} {\n\t$0\n}"),
  choice("if", "Keeps its rows only when a compile-time condition holds.", "if ${1:condition} {\n\t$0\n}"),
  choice("when", "Shows its rows only when a run-time condition holds.", "when ${1:condition} {\n\t$0\n}"),
];

/** What may follow `->`: the actions of an item or of `on escape`. */
export const actionKeywords: readonly KeywordChoice[] = [
  choice("menu", "Opens another menu."),
  choice("boot", "Runs an entry with arguments."),
  choice("chain", "Chains another iPXE script or binary; a failure shows the error screen and returns."),
  choice("sanboot", "Boots an ISO or disk image over the network (`sanboot drive N`: a local drive)."),
  choice("memdisk", "Loads an image into RAM with memdisk (PC-BIOS only)."),
  choice("shell", "Opens the iPXE shell; leaving it returns to the menu."),
  choice("exit", "Leaves iPXE (status 0 by default): the firmware boots the next device."),
  choice("reboot", "Reboots the machine."),
  choice("back", "Returns to the menu that opened this one."),
];

/** What may start a statement of an entry body. */
export const statementKeywords: readonly KeywordChoice[] = [
  choice(
    "kernel",
    "Downloads the kernel (or any bootable image) and sets its command line with `args`.",
    'kernel "$0"',
  ),
  choice("initrd", "Downloads an initial ramdisk; `as NAME` names it.", 'initrd "$0"'),
  choice("boot", "Boots the loaded kernel; `boot NAME(…)` runs another entry."),
  choice("chain", "Chains another iPXE script or binary; a failure shows the error screen and returns."),
  choice("sanboot", "Boots an ISO or disk image over the network (`sanboot drive N`: a local drive)."),
  choice("memdisk", "Loads an image into RAM with memdisk (PC-BIOS only)."),
  choice("echo", "Prints a line.", 'echo "$0"'),
  choice("prompt", "Asks a question and stores the answer in a setting.", 'prompt ${1:setting} "${2:Question}"'),
  choice("set", "Sets a declared setting at run time.", "set ${1:setting} = $0"),
  choice("sleep", "Waits (in whole seconds).", "sleep ${1:5s}"),
  choice("on failure", "The text of this entry's error screen.", 'on failure "$0"'),
  choice("ipxe", "Raw iPXE lines, copied into the script as written.", "ipxe {\n\t$0\n}"),
  choice("menu", "Opens a menu."),
  choice("back", "Returns to the menu that started this entry."),
  choice("shell", "Opens the iPXE shell."),
  choice("exit", "Leaves iPXE (status 0 by default): the firmware boots the next device."),
  choice("reboot", "Reboots the machine."),
  choice(
    "for",
    "Repeats its statements for each element of a compile-time list.",
    "for ${1:x} in ${2:list} {\n\t$0\n}",
  ),
  choice("if", "Keeps its statements only when a compile-time condition holds.", "if ${1:condition} {\n\t$0\n}"),
  choice("when", "Runs its statements only when a run-time condition holds.", "when ${1:condition} {\n\t$0\n}"),
];

/** Words that continue a construct already begun. */
export const continuationKeywords = {
  key: choice("key", "The item's hotkey: pressing it picks the item at once."),
  when: choice("when", "Shows the item only when a run-time condition holds."),
  after: choice("after", "Starts a countdown: when it runs out, the default item is chosen."),
  args: choice("args", "The kernel's command line.", 'args "$0"'),
  as: choice("as", "Names the initrd (`initrd=NAME` on EFI)."),
  asMemdisk: choice("as", "The disk memdisk emulates with the image: iso (the default), harddisk or floppy."),
  in: choice("in", "The compile-time list the loop walks."),
  else: choice("else", "The branch taken when the condition does not hold.", "else {\n\t$0\n}"),
  elseIf: choice(
    "else if",
    "Another compile-time condition tried when this one does not hold.",
    "else if ${1:condition} {\n\t$0\n}",
  ),
  drive: choice("drive", "Boots a local drive by its BIOS number: `sanboot drive 0x80`."),
  escape: choice("escape", "What the Esc key does in this menu.", "escape -> $0"),
  failure: choice("failure", "The text of this entry's error screen.", 'failure "$0"'),
  and: choice("and", "Both conditions hold."),
  or: choice("or", "At least one of the conditions holds."),
} as const;

/** Words that start or modify a value. */
export const valueKeywords = {
  true: choice("true", "The boolean true."),
  false: choice("false", "The boolean false."),
  not: choice("not", "The condition does not hold."),
  isSet: choice("set()", "True at run time when the setting has a value.", "set(${1:setting})"),
} as const;

/** One line on what a keyword does, by the node it belongs to (a few keywords mean two things). */
export function keywordDoc(word: string, nodeKind: string | undefined): string | undefined {
  switch (word) {
    case "menu":
      return nodeKind === "Menu" ? declarationDoc("menu") : "Opens another menu.";
    case "boot":
      return nodeKind === "BootKernel" ? "Boots the loaded kernel." : "Runs an entry with arguments.";
    case "set":
      return nodeKind === "IsSet" ? valueKeywords.isSet.doc : statementDoc("set");
    case "on":
      return nodeKind === "OnFailure" ? statementDoc("on failure") : memberDoc("on escape");
    case "escape":
      return memberDoc("on escape");
    case "failure":
      return statementDoc("on failure");
    case "as":
      return nodeKind === "Memdisk" ? continuationKeywords.asMemdisk.doc : continuationKeywords.as.doc;
    case "if":
      return "Keeps what it holds only when a compile-time condition holds (the other branch is dropped).";
    case "for":
      return "Repeats what it holds for each element of a compile-time list.";
    case "when":
      return nodeKind === "Item"
        ? continuationKeywords.when.doc
        : "Runs what it holds only when a run-time condition holds (both branches are compiled).";
    case "else":
      return continuationKeywords.else.doc;
    case "exit":
      return actionDoc("exit");
    case "chain":
    case "sanboot":
    case "memdisk":
    case "shell":
    case "reboot":
      return actionDoc(word);
    case "back":
      return actionDoc("back");
    case "true":
    case "false":
    case "not":
      return valueKeywords[word].doc;
    default:
      break;
  }
  const found =
    declarationKeywords.find((k) => k.label === word) ??
    memberKeywords.find((k) => k.label === word) ??
    statementKeywords.find((k) => k.label === word) ??
    ownValue<KeywordChoice>(continuationKeywords, word);
  return found?.doc;
}

const declarationDoc = (label: string) => declarationKeywords.find((k) => k.label === label)!.doc;
const memberDoc = (label: string) => memberKeywords.find((k) => k.label === label)!.doc;
const statementDoc = (label: string) => statementKeywords.find((k) => k.label === label)!.doc;
const actionDoc = (label: string) => actionKeywords.find((k) => k.label === label)!.doc;
