/** Which name holds the cursor, when names sit side by side. */
import type { Range } from "@ipxm/core";

/** How well a range holds the cursor: inside it beats touching its end (`name┆`), which beats nothing. */
export type Fit = "inside" | "end" | undefined;

export function fitOf(range: Range, offset: number): Fit {
  if (range.start <= offset && offset < range.end) return "inside";
  return offset === range.end && range.end > range.start ? "end" : undefined;
}

/**
 * The element of `sorted` (non-overlapping ranges, by start) that holds `offset`, with its fit: the
 * last range starting at or before the offset is the only one that can.
 */
export function elementAt<T>(
  sorted: readonly T[],
  rangeOf: (element: T) => Range,
  offset: number,
): { element: T; fit: Exclude<Fit, undefined> } | undefined {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (rangeOf(sorted[middle]!).start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return undefined;
  const element = sorted[found]!;
  const fit = fitOf(rangeOf(element), offset);
  return fit ? { element, fit } : undefined;
}

/** The best candidate offered so far for the cursor (see `bestFit`). */
export interface BestFit<T> {
  /** Offers a candidate at `fit`; `target` is only made when the candidate becomes the best. */
  consider(fit: Fit, target: () => T | undefined): void;
  /** The best candidate: undefined when none held the cursor, or when the best one stands for nothing. */
  readonly target: T | undefined;
  readonly fit: Fit;
}

/**
 * Chooses among candidates that may hold the cursor: the first one it is inside beats the first one
 * it touches at the end (`name┆`), which beats nothing.
 */
export function bestFit<T>(): BestFit<T> {
  let best: { target: T | undefined; fit: Fit } = { target: undefined, fit: undefined };
  return {
    consider(fit, target) {
      if (fit && (best.fit === undefined || (best.fit === "end" && fit === "inside"))) best = { target: target(), fit };
    },
    get target() {
      return best.target;
    },
    get fit() {
      return best.fit;
    },
  };
}
