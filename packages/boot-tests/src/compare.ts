/**
 * The check at the heart of the suite: does `ipxm preview` draw exactly what real iPXE put on the
 * screen? Character for character and colour for colour, on every row.
 */
import { previewMenu, type MenuPreviewOptions } from "@ipxm/compiler";
import type { TextScreen } from "./vga-text.js";

type Cells = Pick<TextScreen, "rows" | "attributes">;

export type PreviewComparison =
  | { readonly ok: true; readonly matched: boolean; readonly preview: Cells; readonly difference: string }
  | { readonly ok: false; readonly message: string };

/**
 * Compares the screen with the preview of a menu. A menu with a countdown may have ticked since it
 * opened, so the screen also matches the preview with one of the next few countdown values.
 */
export function compareWithPreview(screen: Cells, script: string, options: MenuPreviewOptions): PreviewComparison {
  const first = previewMenu(script, options);
  if (!first.ok) return { ok: false, message: first.message };
  const candidates: Cells[] = [first.screen];
  if (options.countdown === undefined) {
    for (let tick = 1; tick <= 5 && first.countdown - tick > 0; tick++) {
      const later = previewMenu(script, { ...options, countdown: first.countdown - tick });
      if (later.ok) candidates.push(later.screen);
    }
  }
  const matched = candidates.some((candidate) => sameCells(candidate, screen));
  return {
    ok: true,
    matched,
    preview: first.screen,
    difference: matched ? "" : describeDifference(first.screen, screen),
  };
}

export function sameCells(a: Cells, b: Cells): boolean {
  return (
    a.rows.length === b.rows.length &&
    a.rows.every((row, y) => row === b.rows[y]) &&
    a.attributes.every((row, y) => row.join() === b.attributes[y]?.join())
  );
}

/** The rows that differ, real above preview, with their colours when those differ. */
export function describeDifference(preview: Cells, real: Cells): string {
  const hex = (list: readonly number[]) => list.map((a) => a.toString(16).padStart(2, "0")).join("");
  const lines: string[] = [];
  real.rows.forEach((row, y) => {
    const previewRow = preview.rows[y] ?? "";
    const sameText = previewRow === row;
    const sameColour = hex(preview.attributes[y] ?? []) === hex(real.attributes[y]!);
    if (sameText && sameColour) return;
    lines.push(`row ${y}${sameText ? " (colours differ)" : ""}:`, `  real    |${row}|`, `  preview |${previewRow}|`);
    if (!sameColour)
      lines.push(`  real    ${hex(real.attributes[y]!)}`, `  preview ${hex(preview.attributes[y] ?? [])}`);
  });
  return lines.join("\n");
}
