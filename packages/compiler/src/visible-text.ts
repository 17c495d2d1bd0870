/**
 * Display text that iPXE's menu cuts: a title is cut at 78 bytes, an item or gap text at 74 (on an
 * 80-column console), and the highlighted row's countdown `(N)` is written over the last bytes of
 * the text. If the cut or the countdown falls inside the invisible `ESC [ 0 ~` that breaks a literal
 * `${`, the console is left inside an unfinished escape sequence: it swallows the row's padding and
 * prints the cursor movement that follows as text (`[9;2H` at the end of the row, measured in real
 * iPXE). The break is then moved out of harm's way by ending the text just before it: everything
 * after it would have been cut or covered anyway, so the screen shows what it would have shown.
 *
 * Only a literal prefix has a known length; once a setting's value comes first, the position of a
 * break depends on run-time values and is left alone.
 */
import { TemplateText, type MenuRow, type ProgramMenu, type TemplatePart } from "@ipxm/core";
import { countdownSeconds, type IpxeRelease } from "@ipxm/ipxe";

/** Where iPXE's 80-column menu cuts display text. */
export const menuTitleBytes = 78;
export const menuItemBytes = 74;

export interface VisibleBytes {
  /** Bytes iPXE keeps of the text. */
  readonly visible: number;
  /** Bytes at the end of the kept text that the countdown may cover (0: none). */
  readonly covered?: number;
}

const utf8 = new TextEncoder();

/** `parts` with `displayBreak` (the invisible break sequence) kept out of the cut and the countdown. */
export function keepBreaksVisible(
  parts: readonly TemplatePart[],
  limit: VisibleBytes,
  displayBreak: string,
): readonly TemplatePart[] {
  // Nearly all text has no break in it, and then nothing moves: skip measuring its bytes.
  if (!parts.some((part) => part.kind === "text" && part.value.includes(displayBreak))) return parts;
  const dangerFrom = limit.visible - (limit.covered ?? 0);
  const breakLength = displayBreak.length;
  let offset = 0;
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index]!;
    if (part.kind !== "text") return parts;
    let searchFrom = 0;
    for (let at = part.value.indexOf(displayBreak); at >= 0; at = part.value.indexOf(displayBreak, searchFrom)) {
      const start = offset + utf8.encode(part.value.slice(0, at)).length;
      if (start >= limit.visible) return parts;
      if (start + breakLength > dangerFrom) {
        const kept = part.value.slice(0, at);
        return [...parts.slice(0, index), ...(kept === "" ? [] : [new TemplateText(kept)])];
      }
      searchFrom = at + breakLength;
    }
    offset += utf8.encode(part.value).length;
    if (offset >= limit.visible) return parts;
  }
  return parts;
}

/**
 * The limits for each row of a menu: every text is cut at 74 bytes, and the row highlighted when the
 * menu opens (the default item, or without one any item up to the first that is always shown) also
 * carries the countdown while it runs.
 */
export function menuRowLimits(menu: ProgramMenu, release: IpxeRelease): (row: MenuRow) => VisibleBytes {
  const seconds = menu.timeoutMs !== undefined && menu.timeoutMs > 0 ? countdownSeconds(menu.timeoutMs, release) : 0;
  const covered = seconds > 0 ? `(${seconds})`.length : 0;
  const mayOpenHighlighted = new Set<MenuRow>();
  if (covered > 0) {
    for (const row of menu.rows) {
      if (row.kind !== "item") continue;
      if (menu.defaultItem !== undefined) {
        if (row.id === menu.defaultItem) mayOpenHighlighted.add(row);
        continue;
      }
      mayOpenHighlighted.add(row);
      if (row.condition === undefined) break;
    }
  }
  return (row) => (mayOpenHighlighted.has(row) ? { visible: menuItemBytes, covered } : { visible: menuItemBytes });
}
