/**
 * Key names as tests write them (`down`, `enter`, `esc`, `l`, `F8`) → QEMU's QMP key codes (qcodes).
 * A key is pressed with its modifiers held: `shift+a`, `ctrl+c`.
 */

const named: Readonly<Record<string, string>> = {
  up: "up",
  down: "down",
  left: "left",
  right: "right",
  home: "home",
  end: "end",
  pgup: "pgup",
  pgdn: "pgdn",
  enter: "ret",
  ret: "ret",
  esc: "esc",
  escape: "esc",
  backspace: "backspace",
  tab: "tab",
  space: "spc",
  " ": "spc",
  "-": "minus",
  "=": "equal",
  ",": "comma",
  ".": "dot",
  "/": "slash",
  ";": "semicolon",
  "'": "apostrophe",
  "[": "bracket_left",
  "]": "bracket_right",
  "\\": "backslash",
  "`": "grave_accent",
  shift: "shift",
  ctrl: "ctrl",
  alt: "alt",
};

/** Characters typed with shift held on a US keyboard, and the key that carries them. */
const shifted: Readonly<Record<string, string>> = {
  "!": "1",
  "@": "2",
  "#": "3",
  $: "4",
  "%": "5",
  "^": "6",
  "&": "7",
  "*": "8",
  "(": "9",
  ")": "0",
  _: "-",
  "+": "=",
  "<": ",",
  ">": ".",
  "?": "/",
  ":": ";",
  '"': "'",
  "{": "[",
  "}": "]",
  "|": "\\",
  "~": "`",
};

/** The qcodes pressed together for one key name; throws on a name it does not know. */
export function qcodesOf(key: string): string[] {
  if (key.length > 1 && key.includes("+")) return key.split("+").flatMap((part) => qcodesOf(part));
  const single = singleKey(key);
  if (single) return single;
  throw new Error(`unknown key ${JSON.stringify(key)}`);
}

function singleKey(key: string): string[] | undefined {
  if (/^[a-z0-9]$/.test(key)) return [key];
  if (/^[A-Z]$/.test(key)) return ["shift", key.toLowerCase()];
  if (/^F([1-9]|1[0-2])$/.test(key)) return [`f${key.slice(1)}`];
  const plain = named[key] ?? named[key.toLowerCase()];
  if (plain !== undefined) return [plain];
  const base = shifted[key];
  if (base !== undefined) return ["shift", ...(singleKey(base) ?? [])];
  return undefined;
}
