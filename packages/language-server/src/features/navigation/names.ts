/** Which new names a rename accepts, in each language. */
import { builtinSettings, enumValues, keywords, typeNames } from "@ipxm/core";

const identifier = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const reservedWords: ReadonlySet<string> = new Set<string>([...keywords, ...typeNames]);

/** Why `name` cannot name an ipxm declaration at all (wherever it is), or undefined when it can. */
export function invalidIpxmName(name: string, what: string): string | undefined {
  if (!identifier.test(name)) {
    return `"${name}" is not a valid name for ${what}: a name starts with a letter or "_" and goes on with letters, digits, "_" and "-"`;
  }
  if (reservedWords.has(name)) return `"${name}" is a keyword of ipxm and cannot name ${what}`;
  return undefined;
}

/** Why `name` would hide one of the values every file sees without declaring it, if it would. */
export function hiddenBuiltin(name: string): string | undefined {
  if (builtinSettings.has(name)) {
    return `"${name}" is one of iPXE's built-in settings (\${${name}}); a declaration of that name would hide it`;
  }
  return hiddenEnumValue(name);
}

/** Why `name` would hide an enum literal (`efi`, `x86_64`), which only an undeclared name can be. */
export function hiddenEnumValue(name: string): string | undefined {
  for (const [type, values] of Object.entries(enumValues)) {
    if (values.includes(name)) {
      const setting = type === "arch" ? "buildarch" : "platform";
      return `"${name}" is ${type === "arch" ? "an arch" : "a platform"} value (as in \`${setting} == ${name}\`); a name of that spelling would hide it`;
    }
  }
  return undefined;
}

/**
 * Why `name` cannot be an iPXE label (or an item name that becomes part of one): iPXE splits words
 * at whitespace, expands `${…}`, reads a word starting with `#` as a comment and one starting with
 * `-` as an option of `goto`.
 */
export function invalidIpxeName(name: string, what: string): string | undefined {
  if (name === "") return `${what} cannot be empty`;
  if (/\s/.test(name)) return `"${name}" cannot be ${what}: iPXE splits words at whitespace`;
  if (name.includes("${")) return `"${name}" cannot be ${what}: iPXE would expand the \${…} in it`;
  if (name.startsWith("#")) return `"${name}" cannot be ${what}: a word starting with "#" begins a comment`;
  if (name.startsWith("-")) return `"${name}" cannot be ${what}: a word starting with "-" is read as an option`;
  return undefined;
}

/** A refusal as the editor shows it: a sentence. */
export function asSentence(message: string): string {
  const capitalised = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}
