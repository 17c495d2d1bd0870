/**
 * Safe text: how a `Template` becomes iPXE command arguments without ever becoming iPXE syntax.
 *
 * iPXE splits a line on whitespace, has no quoting and no escape, ends a command at a stand-alone
 * `||` `&&` `;`, ends the line at a `#`-leading token, joins a physical line ending in `\` to the next,
 * reads a leading `-` as an option, and expands `${…}` *after* splitting, rescanning the whole token
 * after each expansion. Expansion never splits a token and never creates a terminator, so text that
 * reaches a command through a setting is data, whatever bytes it holds.
 *
 * Hence two ways to write a template:
 * - **words**: literal text is written as it is, when it is a run of words separated by single spaces
 *   and none of the hazards above can occur (iPXE joins the words of echo/menu/item/set/kernel with
 *   single spaces, so the joined text is exactly the original);
 * - **routed**: otherwise the template becomes ONE token; each literal part is stored with
 *   `set ipxm_tN:hex …` just before the command and inserted as `${ipxm_tN:string}`, setting parts
 *   stay `${ref}`.
 *
 * The one thing iPXE cannot carry is a literal `${…}` (a `${` with a later `}`), because expansion
 * rescans. In display text an invisible ANSI sequence (`ESC [ 0 ~`, which iPXE's console ignores) is
 * inserted between `$` and `{`; in any other text it is reported as unrepresentable.
 */
import { TemplateText, type Template, type TemplatePart } from "@ipxm/core";
import { keepBreaksVisible, type VisibleBytes } from "./visible-text.js";

/** Display text is shown on screen; value text (urls, kernel arguments, setting values) is data. */
export type TextRole = "display" | "value";

/**
 * `words`: the template fills the rest of the command line (its words are joined with single
 * spaces); `single`: it must be exactly one argument.
 */
export type TextShape = "words" | "single";

/**
 * Most words a template is written as. iPXE accepts at most 255 positional arguments
 * (`MAX_ARGUMENTS`); longer text is routed into one token, which leaves room for the other
 * arguments of the command.
 */
export const maxWords = 64;

/** Four bytes that break a literal `${` in display text: a CSI sequence no iPXE console acts on. */
export const displayBreak = "\u001b[0~";

/** Prefix of the settings that carry routed text: `ipxm_t1`, `ipxm_t2`, … */
export const routedSettingPrefix = "ipxm_t";

/**
 * How a template is written: its text on the command line and the commands that must run first.
 * The text is one or more argument tokens joined with single spaces (none of them empty), or ""
 * for an optional template that is empty, which writes no argument at all.
 */
export interface EmittedText {
  readonly text: string;
  /** Complete command lines (`set ipxm_tN:hex …`) to emit before the command that uses the tokens. */
  readonly setup: readonly string[];
  /** The first token could expand to text that starts with `-`, so it needs a `--` before it. */
  readonly mayStartWithDash: boolean;
}

export type RouteResult =
  { readonly ok: true; readonly text: EmittedText } | { readonly ok: false; readonly problem: string };

export interface RouteOptions {
  readonly role: TextRole;
  readonly shape: TextShape;
  /** An empty template still produces one (empty) argument: `${}`. */
  readonly required?: boolean;
  /** Display text that iPXE's menu cuts (see visible-text.ts). */
  readonly visibleBytes?: VisibleBytes;
}

/** The common ways to route text, made once (text is routed for nearly every line written). */
export const oneValue: RouteOptions = { role: "value", shape: "single", required: true };
export const valueWords: RouteOptions = { role: "value", shape: "words" };
export const displayWords: RouteOptions = { role: "display", shape: "words" };

/**
 * iPXE settings whose values iPXE itself produces (or the compiler sets) and that never start with
 * `-`; a first positional that begins with one of them needs no `--`.
 */
const settingsNeverDashLeading = new Set(["platform", "buildarch", "arch"]);

/** No setup: what most text needs (shared, never written to). */
const noSetup: readonly string[] = [];

/**
 * Stands in for non-empty text in a compilation that writes nothing: such a compilation only needs
 * to know whether text can be written and whether it is empty.
 */
const unwrittenText: EmittedText = { text: "${}", setup: [], mayStartWithDash: false };

/** Allocates the `ipxm_tN` settings of one block; numbering restarts in every block for stable diffs. */
export class TextRouter {
  private nextIndex = 1;

  /** `writesText` false: for a compilation that only wants diagnostics (see `unwrittenText`). */
  constructor(private readonly writesText = true) {}

  /** Starts a new block: `ipxm_t1` again. Text is always stored right before it is used. */
  restart(): void {
    this.nextIndex = 1;
  }

  route(template: Template, options: RouteOptions): RouteResult {
    const parts = normaliseParts(template);

    for (const part of parts) {
      if (part.kind === "setting" && !isSafeSettingReference(part.reference)) {
        return {
          ok: false,
          problem: `the setting reference "${printable(part.reference)}" cannot be written as \${…}`,
        };
      }
      if (part.kind === "text" && part.value.includes("\u0000")) {
        return { ok: false, problem: "it contains a NUL character, which iPXE cannot carry" };
      }
    }

    let prepared: readonly TemplatePart[];
    if (options.role === "display") {
      prepared = breakLiteralExpansions(parts);
      if (options.visibleBytes) prepared = keepBreaksVisible(prepared, options.visibleBytes, displayBreak);
    } else {
      if (hasLiteralExpansion(parts)) {
        return {
          ok: false,
          problem: "it contains a literal ${…}, which iPXE would expand (write it in display text only, or remove it)",
        };
      }
      prepared = parts;
    }

    if (prepared.length === 0) {
      return { ok: true, text: { text: options.required ? "${}" : "", setup: [], mayStartWithDash: false } };
    }

    if (!this.writesText) return { ok: true, text: unwrittenText };
    const words = asWords(prepared, options.shape);
    if (words) return { ok: true, text: words };
    return { ok: true, text: this.asRoutedToken(prepared) };
  }

  private asRoutedToken(parts: readonly TemplatePart[]): EmittedText {
    const setup: string[] = [];
    let token = "";
    for (const part of parts) {
      if (part.kind === "setting") {
        token += `\${${part.reference}}`;
      } else {
        const name = `${routedSettingPrefix}${this.nextIndex++}`;
        setup.push(`set ${name}:hex ${hexBytes(part.value)}`);
        token += `\${${name}:string}`;
      }
    }
    return { text: token, setup, mayStartWithDash: firstMayBeDash(parts) };
  }
}

/**
 * Adjacent text parts merged, empty text parts dropped. Most templates already are like that and are
 * returned as they are: every command argument passes through here, so copying would be pure waste.
 */
export function normaliseParts(template: Template): Template {
  if (isNormal(template)) return template;
  const out: TemplatePart[] = [];
  for (const part of template) {
    if (part.kind === "text") {
      if (part.value === "") continue;
      const last = out[out.length - 1];
      if (last && last.kind === "text") {
        out[out.length - 1] = new TemplateText(last.value + part.value);
        continue;
      }
    }
    out.push(part);
  }
  return out;
}

function isNormal(template: Template): boolean {
  let previousIsText = false;
  for (const part of template) {
    if (part.kind === "text") {
      if (previousIsText || part.value === "") return false;
      previousIsText = true;
    } else {
      previousIsText = false;
    }
  }
  return true;
}

/** The literal text of a template, with each setting part shown as `${ref}` (for messages and tests). */
export function templateText(template: Template): string {
  return template.map((p) => (p.kind === "text" ? p.value : `\${${p.reference}}`)).join("");
}

const utf8 = new TextEncoder();
const hexOfByte = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));

/** UTF-8 bytes as iPXE's `hex` type writes them: `48:69`. */
export function hexBytes(text: string): string {
  const bytes = utf8.encode(text);
  const pairs = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) pairs[i] = hexOfByte[bytes[i]!]!;
  return pairs.join(":");
}

/**
 * A setting reference goes between `${` and `}`: it must not contain whitespace, control characters
 * or the characters that delimit an expansion.
 */
export function isSafeSettingReference(reference: string): boolean {
  if (reference.length === 0) return false;
  return isVisibleAsciiReference(reference) || !unsafeInReference.test(reference);
}

/** Visible ASCII other than `$`, `{` and `}`: the common reference, safe without the Unicode test. */
function isVisibleAsciiReference(reference: string): boolean {
  for (let index = 0; index < reference.length; index++) {
    const code = reference.charCodeAt(index);
    if (code < 0x21 || code > 0x7e || code === 0x24 /* $ */ || code === 0x7b /* { */ || code === 0x7d /* } */) {
      return false;
    }
  }
  return true;
}

const unsafeInReference = /[\s${}\p{Cc}]/u;

/**
 * Display text: break every `$`–`{` pair a reader would see, including pairs formed across a
 * boundary between literal text and a setting's runtime value.
 */
function breakLiteralExpansions(parts: readonly TemplatePart[]): readonly TemplatePart[] {
  let broken: TemplatePart[] | undefined;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.kind !== "text") continue;
    let value = part.value.includes("${") ? part.value.replaceAll("${", `$${displayBreak}{`) : part.value;
    if (value.endsWith("$") && parts[index + 1]?.kind === "setting") value += displayBreak;
    if (value.startsWith("{") && parts[index - 1]?.kind === "setting") value = displayBreak + value;
    if (value === part.value) continue;
    broken ??= parts.slice();
    broken[index] = new TemplateText(value);
  }
  return broken ?? parts;
}

/**
 * A `${` in literal text with a later `}` (in literal text, across any setting parts between them)
 * would be expanded by iPXE whatever we do, so value text cannot hold it.
 */
function hasLiteralExpansion(parts: readonly TemplatePart[]): boolean {
  // Parts are normalised (no two text parts in a row), so a `${` lies within one text part.
  if (!parts.some((p) => p.kind === "text" && p.value.includes("${"))) return false;
  const literal = parts.map((p) => (p.kind === "text" ? p.value : "\u0000")).join("");
  const open = literal.indexOf("${");
  return open >= 0 && literal.indexOf("}", open + 2) >= 0;
}

/**
 * Characters that may not be written literally in a word (they force routing): ASCII controls and
 * DEL are syntax or invisible; Unicode format, separator and unpaired surrogate characters are
 * harmless to iPXE but would make the script unreadable or lossy; whitespace other than the space
 * would split or join lines.
 */
const notPlainInWord = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]|(?! )\s/u;

/** Printable ASCII, the common case, needs no look at Unicode categories. */
const notPrintableAscii = /[^\x20-\x7e]/;

function isPlainInWord(text: string): boolean {
  return !notPrintableAscii.test(text) || !notPlainInWord.test(text);
}

/** Words mode: the template as single-space-separated tokens, or undefined when that is not exact. */
function asWords(parts: readonly TemplatePart[], shape: TextShape): EmittedText | undefined {
  // Setting parts are safe references (no whitespace), so the words are exactly the text between
  // single spaces of the template written out; any empty word is a leading, trailing or doubled
  // space that iPXE's splitting would lose.
  let line = "";
  for (const part of parts) {
    if (part.kind === "setting") {
      line += `\${${part.reference}}`;
      continue;
    }
    if (part.value.includes("${") || !isPlainInWord(part.value)) return undefined;
    line += part.value;
  }
  if (!splitsIntoPlainWords(line, shape === "single" ? 1 : maxWords)) return undefined;
  const last = parts[parts.length - 1]!;
  // A line-final `\` joins the next line; the template may well end a line.
  if (last.kind === "text" && last.value.endsWith("\\")) return undefined;

  return { text: line, setup: noSetup, mayStartWithDash: firstMayBeDash(parts) };
}

/**
 * Whether iPXE splits `line` at its single spaces into at least one and at most `most` words, none
 * of them empty (a leading, trailing or doubled space, which splitting would lose) and none a
 * terminator (`||`, `&&`, `;`) or a comment (`#…`). Read in place: most text written is a word or
 * a few, and making the words as strings was a tenth of what compiling allocated.
 */
function splitsIntoPlainWords(line: string, most: number): boolean {
  let words = 0;
  let start = 0;
  for (;;) {
    const space = line.indexOf(" ", start);
    const end = space < 0 ? line.length : space;
    if (++words > most || !isPlainWord(line, start, end)) return false;
    if (space < 0) return true;
    start = space + 1;
  }
}

const hash = 35;
const semicolon = 59;
const bar = 124;
const ampersand = 38;

function isPlainWord(line: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 0) return false;
  const first = line.charCodeAt(start);
  if (first === hash) return false;
  if (length === 1) return first !== semicolon;
  // `||` and `&&`; any other pair is plain.
  if (length === 2 && (first === bar || first === ampersand)) return line.charCodeAt(start + 1) !== first;
  return true;
}

function firstMayBeDash(parts: readonly TemplatePart[]): boolean {
  const first = parts[0];
  if (!first) return false;
  if (first.kind === "text") return first.value.startsWith("-");
  return !settingsNeverDashLeading.has(first.reference);
}

/** Text for a diagnostic message: control characters shown as escapes, long text shortened. */
export function printable(text: string, limit = 60): string {
  const shown = Array.from(text.length > limit ? text.slice(0, limit) : text, (ch) => {
    const code = ch.codePointAt(0)!;
    if (ch === "\n") return "\\n";
    if (ch === "\t") return "\\t";
    if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, "0")}`;
    return ch;
  }).join("");
  return text.length > limit ? `${shown}…` : shown;
}
