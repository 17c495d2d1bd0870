/**
 * The bracket pairs of an `.ipxm` text (`{ }`, `[ ]`, `( )`), found by a scan that skips what the
 * lexer skips: strings (whose `${…}` holds braces), comments, and the inside of raw `ipxe { … }`
 * blocks (iPXE lines, whose quotes and `#` mean nothing to ipxm). Scanning the text rather than
 * walking the AST keeps the folds of a file that does not parse at the moment.
 */

export interface BracketPair {
  readonly open: number;
  readonly close: number;
}

const closerOf: Readonly<Record<string, string>> = { "{": "}", "[": "]", "(": ")" };

export function bracketPairs(text: string): BracketPair[] {
  const pairs: BracketPair[] = [];
  const open: { char: string; at: number }[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      i = endOfString(text, i);
    } else if (char === "/" && text[i + 1] === "/") {
      i = endOfLine(text, i);
    } else if (char === "/" && text[i + 1] === "*") {
      const close = text.indexOf("*/", i + 2);
      i = close < 0 ? text.length : close + 2;
    } else if (isNameStart(char)) {
      const start = i;
      while (i < text.length && isNamePart(text[i]!)) i++;
      if (text.slice(start, i) === "ipxe") {
        const block = rawBlock(text, i);
        if (block) {
          pairs.push(block);
          i = block.close + 1;
        }
      }
    } else if (char in closerOf) {
      open.push({ char, at: i });
      i++;
    } else if (char === "}" || char === "]" || char === ")") {
      // A stray closer (half-typed code) closes the nearest opener of its kind, if any.
      let k = open.length - 1;
      while (k >= 0 && closerOf[open[k]!.char] !== char) k--;
      if (k >= 0) {
        pairs.push({ open: open[k]!.at, close: i });
        open.length = k;
      }
      i++;
    } else {
      i++;
    }
  }
  return pairs.sort((a, b) => a.open - b.open);
}

/** `ipxe {` after the name `ipxe` (ending at `from`): the block up to its balancing `}`. */
function rawBlock(text: string, from: number): BracketPair | undefined {
  let i = from;
  while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++;
  if (text[i] !== "{") return undefined;
  const open = i;
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === "{") depth++;
    else if (text[i] === "}" && --depth === 0) return { open, close: i };
  }
  // Unclosed: it swallows the rest of the file, as the lexer reads it.
  return undefined;
}

/** After a string starting at `start`: its closing quote, or the end of its line when it has none. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i]!;
    if (char === "\\" && i + 1 < text.length && text[i + 1] !== "\n" && text[i + 1] !== "\r") i += 2;
    else if (char === '"') return i + 1;
    else if (char === "\n" || char === "\r") return i;
    else i++;
  }
  return i;
}

function endOfLine(text: string, start: number): number {
  let i = start;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

function isNameStart(char: string): boolean {
  return (char >= "a" && char <= "z") || (char >= "A" && char <= "Z") || char === "_";
}

function isNamePart(char: string): boolean {
  return isNameStart(char) || (char >= "0" && char <= "9") || char === "-";
}
