/**
 * The screen iPXE's menu UI draws (`show_menu()`, src/hci/tui/menu_ui.c), cell by cell.
 *
 * Geometry: the title is cut to `width - 2` bytes and centred on row 1 at `(width - bytes) / 2`;
 * items start on row 3, `height - 5` of them visible; each row is a `width - 2` byte buffer drawn from
 * column 1 with 2 columns of padding, the text cut at `width - 6` bytes; the highlighted row carries
 * the countdown `(N)` at its right end; `...` on rows 2 and `height - 2` says there are rows above or
 * below, and the list scrolls a whole page at a time.
 *
 * The menu is not modelled as geometry alone: what iPXE draws goes through its curses library, which
 * counts every byte as a column and moves the cursor with ANSI sequences, and then through the
 * console, which consumes ANSI sequences in the text itself without drawing them. A text holding an
 * invisible sequence (the `ESC [ 0 ~` that ipxm puts between a literal `$` and `{`) therefore shifts
 * the rest of its row left, and a sequence cut in the middle by the column limit swallows the
 * padding and leaves the cursor sequence that follows on screen as text. So this module runs both
 * layers: a small curses that emits the bytes iPXE's `ansi_screen` would, and a console that
 * interprets them as the BIOS text console does (measured on Debian's iPXE 1.0.0+git-20190125 under
 * QEMU; the boot tests keep it honest).
 */
import type { IpxeRelease } from "./commands.js";

export interface MenuScreenItem {
  /** The item's name (what `choose` returns); undefined for a gap (separator row). */
  readonly name?: string;
  /** The text after expansion, as iPXE stores it. */
  readonly text: string;
}

export interface MenuScreenModel {
  readonly title: string;
  readonly items: readonly MenuScreenItem[];
}

export interface MenuScreenOptions {
  /** Console width in columns (default 80). */
  readonly width?: number;
  /** Console height in rows (default 25). */
  readonly height?: number;
  /** Index into `items` of the highlighted row (default: `initialSelection(items)`). */
  readonly selected?: number;
  /** Whole seconds shown as `(N)` on the highlighted row; 0 or undefined: no countdown. */
  readonly countdown?: number;
}

export interface MenuScreen {
  readonly width: number;
  readonly height: number;
  /** Each row as drawn, exactly `width` characters (code page 437 glyphs). */
  readonly rows: readonly string[];
  /** The VGA attribute of every cell: background in the high nibble, foreground (with bright bit) low. */
  readonly attributes: readonly (readonly number[])[];
  /** Index of the highlighted item. */
  readonly selected: number;
  /** Index of the item on the first visible row. */
  readonly firstVisible: number;
}

/** VGA attributes of iPXE's default colour pairs (config/colour.h): the menu is white on blue. */
export const menuAttributes = Object.freeze({
  /** Items and the background: white on blue. */
  normal: 0x17,
  /** The title: bright white on blue. */
  title: 0x1f,
  /** Gaps and the `...` indicators: cyan on blue. */
  separator: 0x13,
  /** The highlighted item: bright white on red. */
  selected: 0x4f,
});

/**
 * The item highlighted when the menu opens: the one named by `choose --default`, else the last item
 * given `item --default`, else the first named item. Undefined when the menu has no named item (iPXE
 * then refuses to show it and `choose` fails).
 */
export function initialSelection(
  items: readonly (MenuScreenItem & { readonly isDefault?: boolean })[],
  select?: string,
): number | undefined {
  let selected: number | undefined;
  items.forEach((item, index) => {
    if (item.name === undefined) return;
    selected ??= index;
    if (select !== undefined ? item.name === select : item.isDefault === true) selected = index;
  });
  return selected;
}

/**
 * The countdown a `choose --timeout <ms>` shows when the menu opens: the remaining timer ticks
 * rounded up to whole seconds (iPXE's timer runs at 1024 ticks a second). Debian's 2019 snapshot
 * hands the milliseconds on as ticks, so it shows `(10)` for 10100 ms and `(3516` for an hour
 * (measured); later releases convert milliseconds to ticks first (`parse_timeout()`).
 */
export function countdownSeconds(timeoutMs: number, release: IpxeRelease = "master"): number {
  if (timeoutMs <= 0) return 0;
  const ticksPerSecond = 1024;
  const ticks = release === "2019" ? timeoutMs : Math.floor((timeoutMs * ticksPerSecond) / 1000);
  return Math.ceil(ticks / ticksPerSecond);
}

export function renderMenuScreen(model: MenuScreenModel, options: MenuScreenOptions = {}): MenuScreen {
  const width = options.width ?? 80;
  const height = options.height ?? 25;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 10 || height < 7) {
    throw new RangeError(`a ${width}×${height} screen is too small for a menu`);
  }
  const selected = options.selected ?? initialSelection(model.items) ?? 0;
  const layout = new MenuLayout(width, height);
  const firstVisible = layout.firstVisibleFor(selected);
  const console = new TextConsole(width, height);
  const curses = new Curses(console);
  const draw = new MenuDrawing(curses, layout, model, selected, firstVisible, options.countdown ?? 0);
  draw.initialScreen();
  return { width, height, ...console.snapshot(), selected, firstVisible };
}

/** The screen as plain text: rows without trailing blanks, blank rows at the end dropped. */
export function menuScreenText(screen: Pick<MenuScreen, "rows">): string {
  const rows = screen.rows.map((row) => row.trimEnd());
  while (rows.length > 0 && rows[rows.length - 1] === "") rows.pop();
  return rows.join("\n");
}

/**
 * The screen with its colours, for a terminal: SGR sequences with the 8 ANSI colours, bold for the
 * bright foreground. Every row ends with a reset.
 */
export function menuScreenAnsi(screen: Pick<MenuScreen, "rows" | "attributes">): string {
  const lines: string[] = [];
  screen.rows.forEach((row, y) => {
    const cells = Array.from(row);
    const attributes = screen.attributes[y]!;
    let line = "";
    let current = -1;
    cells.forEach((glyph, x) => {
      const attribute = attributes[x] ?? menuAttributes.normal;
      if (attribute !== current) {
        line += sgrOf(attribute);
        current = attribute;
      }
      line += glyph;
    });
    lines.push(`${line}\u001b[0m`);
  });
  return lines.join("\n");
}

function sgrOf(attribute: number): string {
  const foreground = ansiColourOf(attribute & 7);
  const background = ansiColourOf((attribute >> 4) & 7);
  return `\u001b[0;${attribute & 8 ? "1;" : ""}3${foreground};4${background}m`;
}

/** VGA colour numbers have blue in bit 0 and red in bit 2; ANSI has them the other way round. */
function ansiColourOf(vga: number): number {
  return ((vga & 1) << 2) | (vga & 2) | ((vga & 4) >> 2);
}

// ---------------------------------------------------------------------------------------------
// Code page 437

const cp437Glyphs = Array.from(
  " ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼" +
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂" +
    "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
    "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ",
);

/** The glyph the PC's text mode draws for a byte (code page 437). */
export function cp437Char(byte: number): string {
  return cp437Glyphs[byte & 0xff]!;
}

// ---------------------------------------------------------------------------------------------
// The menu UI

class MenuLayout {
  readonly titleRow = 1;
  readonly firstItemRow = 3;
  readonly itemColumn = 1;
  readonly padding = 2;
  /** Visible item rows. */
  readonly rows: number;
  /** Width of an item row's buffer (and the most bytes of the title). */
  readonly rowWidth: number;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.rows = height - 2 - this.firstItemRow;
    this.rowWidth = width - 2;
  }

  /** Pages are whole screens of rows: the page that holds `selected`. */
  firstVisibleFor(selected: number): number {
    return Math.floor(Math.max(0, selected) / this.rows) * this.rows;
  }
}

const CPAIR_NORMAL = { foreground: 7, background: 4 };
const CPAIR_SELECT = { foreground: 7, background: 1 };
const CPAIR_SEPARATOR = { foreground: 6, background: 4 };

const encoder = new TextEncoder();

class MenuDrawing {
  constructor(
    private readonly curses: Curses,
    private readonly layout: MenuLayout,
    private readonly model: MenuScreenModel,
    private readonly selected: number,
    private readonly firstVisible: number,
    private readonly countdown: number,
  ) {}

  initialScreen(): void {
    const { curses, layout } = this;
    curses.colour(CPAIR_NORMAL);
    curses.erase();
    curses.bold(true);
    const title = cString(encoder.encode(this.model.title)).subarray(0, layout.rowWidth);
    curses.move(layout.titleRow, Math.floor((layout.width - title.length) / 2));
    curses.print(title);
    curses.bold(false);
    this.items();
    this.item(this.selected);
  }

  private items(): void {
    const { curses, layout } = this;
    const count = this.model.items.length;
    curses.colour(CPAIR_SEPARATOR);
    curses.moveAndAdd(
      layout.firstItemRow - 1,
      layout.itemColumn + layout.padding,
      this.firstVisible > 0 ? "..." : "   ",
    );
    curses.moveAndAdd(
      layout.firstItemRow + layout.rows,
      layout.itemColumn + layout.padding,
      this.firstVisible + layout.rows < count ? "..." : "   ",
    );
    curses.colour(CPAIR_NORMAL);
    for (let row = 0; row < layout.rows; row++) this.item(this.firstVisible + row);
  }

  private item(index: number): void {
    const { curses, layout } = this;
    const row = layout.firstItemRow + index - this.firstVisible;
    curses.move(row, layout.itemColumn);
    const item = this.model.items[index];
    if (item) {
      if (item.name === undefined) curses.colour(CPAIR_SEPARATOR);
      if (index === this.selected) {
        curses.colour(CPAIR_SELECT);
        curses.bold(true);
      }
      curses.print(this.rowBuffer(item, index === this.selected));
      curses.colour(CPAIR_NORMAL);
      curses.bold(false);
    } else {
      curses.clearToEndOfLine();
    }
    curses.move(row, layout.itemColumn);
  }

  /** The row as iPXE builds it: spaces, the text after the padding, the countdown at the end. */
  private rowBuffer(item: MenuScreenItem, highlighted: boolean): Uint8Array {
    const { layout } = this;
    const buffer = new Uint8Array(layout.rowWidth).fill(0x20);
    const text = cString(encoder.encode(item.text));
    const length = Math.min(text.length, layout.rowWidth - 2 * layout.padding);
    buffer.set(text.subarray(0, length), layout.padding);
    if (highlighted && this.countdown > 0) {
      // snprintf into a 6-byte buffer: at most 5 characters and a NUL, but the full length is
      // returned and copied, so "(1000)" puts a NUL in the row and the row ends there.
      const full = encoder.encode(`(${this.countdown})`);
      const field = new Uint8Array(full.length);
      field.set(full.subarray(0, Math.min(full.length, 5)));
      const at = layout.rowWidth - layout.padding - full.length;
      if (at >= 0) buffer.set(field, at);
    }
    return cString(buffer);
  }
}

/** Bytes up to the first NUL, as C string functions see them. */
function cString(bytes: Uint8Array): Uint8Array {
  const nul = bytes.indexOf(0);
  return nul >= 0 ? bytes.subarray(0, nul) : bytes;
}

// ---------------------------------------------------------------------------------------------
// Curses over an ANSI terminal (iPXE's mucurses with its ansi_screen driver)

interface ColourPair {
  readonly foreground: number;
  readonly background: number;
}

interface Attributes {
  readonly pair: ColourPair;
  readonly bold: boolean;
}

class Curses {
  /** The window's cursor. */
  private y = 0;
  private x = 0;
  private pair: ColourPair = CPAIR_NORMAL;
  private isBold = false;
  /** Where the screen driver believes the terminal's cursor is, and the attributes it last sent. */
  private screenY = 0;
  private screenX = 0;
  private sent: Attributes | undefined;

  constructor(private readonly terminal: TextConsole) {
    // initscr() resets the terminal's attributes.
    terminal.writeAll(encoder.encode("\u001b[0m"));
  }

  colour(pair: ColourPair): void {
    this.pair = pair;
  }

  bold(on: boolean): void {
    this.isBold = on;
  }

  /** erase(): the whole screen blank in the current attributes, cursor home. */
  erase(): void {
    this.sendAttributes();
    this.terminal.clear();
    this.y = this.x = this.screenY = this.screenX = 0;
    this.terminal.moveTo(0, 0);
  }

  move(y: number, x: number): void {
    this.y = y;
    this.x = x;
    this.updateCursor();
  }

  /** printw("%s"): every byte, wrapping at the right edge. */
  print(bytes: Uint8Array): void {
    for (const byte of bytes) this.put(byte, true);
  }

  /** mvaddstr(): no wrapping. */
  moveAndAdd(y: number, x: number, text: string): void {
    this.move(y, x);
    for (const byte of encoder.encode(text)) {
      if (this.x >= this.terminal.width) break;
      this.put(byte, false);
    }
  }

  /** clrtoeol(): spaces up to the end of the row, then the cursor back where it was. */
  clearToEndOfLine(): void {
    const [y, x] = [this.y, this.x];
    while (this.y === y) this.put(0x20, true);
    this.move(y, x);
  }

  private put(byte: number, wrap: boolean): void {
    this.updateCursor();
    this.sendAttributes();
    this.terminal.write(byte);
    if (++this.screenX === this.terminal.width) {
      this.screenX = 0;
      this.screenY++;
    }
    if (++this.x >= this.terminal.width && wrap) {
      this.x = 0;
      if (this.y < this.terminal.height - 1) this.y++;
    }
  }

  /** The screen driver moves the terminal's cursor only when it believes it is elsewhere. */
  private updateCursor(): void {
    if (this.y === this.screenY && this.x === this.screenX) return;
    this.terminal.writeAll(encoder.encode(`\u001b[${this.y + 1};${this.x + 1}H`));
    this.screenY = this.y;
    this.screenX = this.x;
  }

  private sendAttributes(): void {
    const wanted: Attributes = { pair: this.pair, bold: this.isBold };
    if (this.sent && this.sent.pair === wanted.pair && this.sent.bold === wanted.bold) return;
    this.sent = wanted;
    const sgr = `\u001b[0;${wanted.bold ? 1 : 22};3${wanted.pair.foreground};4${wanted.pair.background}m`;
    this.terminal.writeAll(encoder.encode(sgr));
  }
}

// ---------------------------------------------------------------------------------------------
// The BIOS text console with iPXE's ANSI escape parser (src/core/ansiesc.c)

const ESC = 0x1b;

class TextConsole {
  private readonly glyphs: number[][];
  private readonly attributes: number[][];
  private y = 0;
  private x = 0;
  private foreground = 7;
  private background = 0;
  private isBold = false;
  /** Inside an escape sequence: the parameters read so far (undefined: none given yet). */
  private escape: { params: (number | undefined)[]; function: number } | undefined;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.glyphs = Array.from({ length: height }, () => new Array<number>(width).fill(0x20));
    this.attributes = Array.from({ length: height }, () => new Array<number>(width).fill(0x07));
  }

  writeAll(bytes: Uint8Array): void {
    for (const byte of bytes) this.write(byte);
  }

  /** putchar(): iPXE's console turns `\n` into `\r\n`. */
  write(byte: number): void {
    if (byte === 0x0a) this.output(0x0d);
    this.output(byte);
  }

  clear(): void {
    const attribute = this.attribute();
    for (const row of this.glyphs) row.fill(0x20);
    for (const row of this.attributes) row.fill(attribute);
  }

  moveTo(y: number, x: number): void {
    this.y = clamp(y, 0, this.height - 1);
    this.x = clamp(x, 0, this.width - 1);
  }

  snapshot(): { rows: string[]; attributes: number[][] } {
    return {
      rows: this.glyphs.map((row) => row.map(cp437Char).join("")),
      attributes: this.attributes.map((row) => row.slice()),
    };
  }

  private output(byte: number): void {
    if (this.escape) {
      this.continueEscape(byte);
      return;
    }
    switch (byte) {
      case ESC:
        this.escape = { params: [undefined], function: 0 };
        return;
      case 0x07:
        return;
      case 0x08:
        if (this.x > 0) this.x--;
        return;
      case 0x0d:
        this.x = 0;
        return;
      case 0x0a:
        this.lineFeed();
        return;
      default:
        break;
    }
    // Debian's 2019 build draws a byte of a UTF-8 sequence as a blank cell; control characters
    // keep the cell's attribute (iPXE skips the attribute write for them).
    const printable = byte >= 0x20;
    this.glyphs[this.y]![this.x] = byte >= 0x80 ? 0x20 : byte;
    if (printable) this.attributes[this.y]![this.x] = this.attribute();
    if (++this.x === this.width) {
      this.x = 0;
      this.lineFeed();
    }
  }

  /** ansiesc_process(): `[` is skipped, digits and `;` build parameters, 0x20–0x2F are intermediates, anything else ends it. */
  private continueEscape(byte: number): void {
    const escape = this.escape!;
    if (byte === 0x5b) return;
    if (byte >= 0x30 && byte <= 0x39) {
      const last = escape.params.length - 1;
      escape.params[last] = (escape.params[last] ?? 0) * 10 + (byte - 0x30);
      return;
    }
    if (byte === 0x3b) {
      escape.params.push(undefined);
      return;
    }
    escape.function = (escape.function << 8) | byte;
    if (byte >= 0x20 && byte <= 0x2f) return;
    this.escape = undefined;
    this.handle(escape.function & 0xff, escape.function >>> 8, escape.params);
  }

  private handle(final: number, intermediates: number, params: readonly (number | undefined)[]): void {
    if (intermediates !== 0) return;
    switch (String.fromCharCode(final)) {
      case "H":
        this.moveTo((params[0] ?? 1) - 1, (params[1] ?? 1) - 1);
        return;
      case "J":
        if ((params[0] ?? 0) === 2) this.clear();
        return;
      case "m":
        for (const param of params) this.selectGraphicRendition(param ?? 0);
        return;
      default:
        // No handler: the sequence is consumed and nothing is drawn (ipxm's ESC [ 0 ~ relies on it).
        return;
    }
  }

  private selectGraphicRendition(param: number): void {
    if (param === 0) {
      this.foreground = 7;
      this.background = 0;
      this.isBold = false;
    } else if (param === 1) this.isBold = true;
    else if (param === 22) this.isBold = false;
    else if (param >= 30 && param <= 37) this.foreground = param - 30;
    else if (param === 39) this.foreground = 7;
    else if (param >= 40 && param <= 47) this.background = param - 40;
    else if (param === 49) this.background = 0;
  }

  private attribute(): number {
    return (ansiColourOf(this.background) << 4) | ansiColourOf(this.foreground) | (this.isBold ? 8 : 0);
  }

  private lineFeed(): void {
    if (this.y < this.height - 1) {
      this.y++;
      return;
    }
    const attribute = this.attribute();
    this.glyphs.shift();
    this.attributes.shift();
    this.glyphs.push(new Array<number>(this.width).fill(0x20));
    this.attributes.push(new Array<number>(this.width).fill(attribute));
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
