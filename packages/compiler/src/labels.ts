/**
 * Label names. The labels the program names (menus, `<menu>.<item>`, entry instances) are fixed: a
 * menu's dispatch line jumps to `<menu>.${ipxm_choice}`, so they must be exactly those. Internal
 * labels (`main.escape`, `debian.failed`, `linux.skip.1`, …) are derived from them and never collide:
 * the allocator hands out the preferred name or, when it is taken, the next numbered one.
 */

/**
 * A name that is written bare into the script as a label, an item name or a setting name: one
 * token, no syntax, no expansion, no option. Letters and digits of any script, `_`, `-` and `.`.
 */
export function isSafeName(name: string): boolean {
  return isAsciiSafeName(name) || safeName.test(name);
}

const safeName = /^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u;

/** The ASCII names `safeName` takes (nearly all of them), told without the Unicode test. */
function isAsciiSafeName(name: string): boolean {
  if (name.length === 0) return false;
  for (let index = 0; index < name.length; index++) {
    const code = name.charCodeAt(index);
    const wordCharacter =
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x5f;
    const joiner = code === 0x2e || code === 0x2d; // . or -
    if (!wordCharacter && (index === 0 || !joiner)) return false;
  }
  return true;
}

export class LabelAllocator {
  private readonly taken = new Set<string>();

  /**
   * `keepsApart` false: for a compilation that writes nothing (it only wants diagnostics), where
   * labels need not be told apart; every label is then the preferred one.
   */
  constructor(private readonly keepsApart = true) {}

  /** Marks a fixed label as used. Returns false when it was already taken. */
  reserve(label: string): boolean {
    if (!this.keepsApart) return true;
    if (this.taken.has(label)) return false;
    this.taken.add(label);
    return true;
  }

  /** `preferred` if it is free, else `preferred.2`, `preferred.3`, … */
  allocate(preferred: string): string {
    if (!this.keepsApart) return preferred;
    let label = preferred;
    for (let n = 2; this.taken.has(label); n++) label = `${preferred}.${n}`;
    this.taken.add(label);
    return label;
  }

  /** The first free `<base>.<kind>.<n>`, n continuing the scope's own counter: `linux.skip.1`, `linux.skip.2`… */
  allocateNumbered(base: string, kind: string, counter: { next: number }): string {
    if (!this.keepsApart) return `${base}.${kind}.${counter.next++}`;
    let label: string;
    do {
      label = `${base}.${kind}.${counter.next++}`;
    } while (this.taken.has(label));
    this.taken.add(label);
    return label;
  }
}
