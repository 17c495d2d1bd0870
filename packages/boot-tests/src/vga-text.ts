/**
 * The PC text screen as it sits in video memory at 0xB8000: for each cell a character byte (code
 * page 437) and an attribute byte (low nibble foreground, high nibble background). Reading it gives
 * the exact menu text with no OCR.
 */

export const vgaTextAddress = 0xb8000;

export interface TextScreen {
  readonly width: number;
  readonly height: number;
  /** One string per row, every row exactly `width` characters, decoded from code page 437. */
  readonly rows: readonly string[];
  /** The attribute byte of every cell, row by row. */
  readonly attributes: readonly (readonly number[])[];
}

/** Code page 437, 0x00–0xFF, as the VGA font draws it (0x00 and 0x20 are both blank). */
const cp437 =
  " ☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼" +
  " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~⌂" +
  "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀" +
  "αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ";

/** The character a code page 437 byte is drawn as. */
export function cp437Char(byte: number): string {
  return Array.from(cp437)[byte & 0xff]!;
}

export function decodeVgaText(memory: Uint8Array, width = 80, height = 25): TextScreen {
  const glyphs = Array.from(cp437);
  const rows: string[] = [];
  const attributes: number[][] = [];
  for (let y = 0; y < height; y++) {
    let row = "";
    const rowAttributes: number[] = [];
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 2;
      row += glyphs[memory[at] ?? 0]!;
      rowAttributes.push(memory[at + 1] ?? 0);
    }
    rows.push(row);
    attributes.push(rowAttributes);
  }
  return { width, height, rows, attributes };
}

/** The screen as plain text: rows with trailing blanks removed, blank rows at the end dropped. */
export function screenText(screen: Pick<TextScreen, "rows">): string {
  const rows = screen.rows.map((row) => row.trimEnd());
  while (rows.length > 0 && rows[rows.length - 1] === "") rows.pop();
  return rows.join("\n");
}

/**
 * Rows drawn with a red background: iPXE's menu selection bar (CPAIR_SELECT is white on red). Used
 * to tell which item is highlighted without committing a choice.
 */
export function redBackgroundRows(screen: TextScreen): number[] {
  const found: number[] = [];
  screen.attributes.forEach((row, y) => {
    if (row.some((attribute) => ((attribute >> 4) & 7) === 4)) found.push(y);
  });
  return found;
}
