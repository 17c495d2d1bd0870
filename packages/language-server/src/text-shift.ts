/**
 * How offsets move between two texts of one document that differ in one region (as after a burst of
 * typing): text before the first changed character stays where it was, text after the last changed
 * character moves by the change in length, and text inside the changed region has no counterpart.
 * Requests that answer from the last analysis made (a few keystrokes old) carry offsets over with it.
 */
export interface TextShift {
  /** An offset of the older text in the current one; undefined inside the changed region. */
  fromOld(offset: number): number | undefined;
  /** An offset of the current text in the older one; undefined inside the changed region. */
  toOld(offset: number): number | undefined;
  /** The changed region in the current text (empty where text was only deleted). */
  readonly changed: { readonly start: number; readonly end: number };
}

export function textShift(old: string, current: string): TextShift {
  const shortest = Math.min(old.length, current.length);
  let prefix = 0;
  while (prefix < shortest && old.charCodeAt(prefix) === current.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    old.charCodeAt(old.length - 1 - suffix) === current.charCodeAt(current.length - 1 - suffix)
  ) {
    suffix++;
  }
  const delta = current.length - old.length;
  const oldChangeEnd = old.length - suffix;
  const currentChangeEnd = current.length - suffix;
  return {
    fromOld: (offset) => (offset < prefix ? offset : offset >= oldChangeEnd ? offset + delta : undefined),
    toOld: (offset) => (offset < prefix ? offset : offset >= currentChangeEnd ? offset - delta : undefined),
    changed: { start: prefix, end: currentChangeEnd },
  };
}
