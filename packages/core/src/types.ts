/**
 * The types of ipxm values. `string int bool duration url arch platform` exist at run time too;
 * lists and records exist only at compile time. Two internal types keep the checker quiet where it
 * cannot or should not say more: `any` (known only once elaborated, e.g. the elements of a `list`
 * parameter) and `error` (already diagnosed; never reported twice).
 */

export type PrimitiveTypeName = "string" | "int" | "bool" | "duration" | "url" | "arch" | "platform";

export type Type =
  | { readonly kind: PrimitiveTypeName }
  | { readonly kind: "list"; readonly element: Type }
  /** `fields` is absent for a record of unknown shape (declared as plain `record`). */
  | { readonly kind: "record"; readonly fields?: ReadonlyMap<string, Type> }
  | { readonly kind: "menu" }
  | { readonly kind: "entry" }
  | { readonly kind: "any" }
  | { readonly kind: "error" };

export type EnumTypeName = "arch" | "platform";

function primitive<K extends PrimitiveTypeName>(kind: K): { readonly kind: K } {
  return { kind };
}

export const Types = {
  string: primitive("string"),
  int: primitive("int"),
  bool: primitive("bool"),
  duration: primitive("duration"),
  url: primitive("url"),
  arch: primitive("arch"),
  platform: primitive("platform"),
  any: { kind: "any" } as Type,
  error: { kind: "error" } as Type,
  menu: { kind: "menu" } as Type,
  entry: { kind: "entry" } as Type,
  anyList: { kind: "list", element: { kind: "any" } } as Type,
  anyRecord: { kind: "record" } as Type,
} as const;

export function listOf(element: Type): Type {
  return { kind: "list", element };
}

export function recordOf(fields: ReadonlyMap<string, Type>): Type {
  return { kind: "record", fields };
}

/** Every type name a `TypeRef` may spell. */
export const typeNames = ["string", "int", "bool", "duration", "url", "arch", "platform", "list", "record"] as const;

/** The type a written type name stands for; undefined when the name is not a type. */
export function typeFromName(name: string): Type | undefined {
  switch (name) {
    case "string":
    case "int":
    case "bool":
    case "duration":
    case "url":
    case "arch":
    case "platform":
      return Types[name];
    case "list":
      return Types.anyList;
    case "record":
      return Types.anyRecord;
    default:
      return undefined;
  }
}

/** The names iPXE uses in `${buildarch}` and `${platform}`. */
export const enumValues: Readonly<Record<EnumTypeName, readonly string[]>> = {
  arch: ["x86_64", "i386", "arm64", "arm32", "riscv64"],
  platform: ["pcbios", "efi"],
};

/** Which enum a bare name such as `efi` or `x86_64` belongs to, if any. */
export function enumTypeOf(name: string): EnumTypeName | undefined {
  if (enumValues.platform.includes(name)) return "platform";
  if (enumValues.arch.includes(name)) return "arch";
  return undefined;
}

export function isEnumType(type: Type): type is { readonly kind: EnumTypeName } {
  return type.kind === "arch" || type.kind === "platform";
}

/** Types whose values are text at run time. */
export function isTextType(type: Type): boolean {
  return type.kind === "string" || type.kind === "url" || type.kind === "arch" || type.kind === "platform";
}

/** `any` and `error` agree with everything: the first is checked later, the second was reported. */
export function isUnchecked(type: Type): boolean {
  return type.kind === "any" || type.kind === "error";
}

/** Types a `${…}` may insert into a string. */
export function isInterpolatable(type: Type): boolean {
  return isUnchecked(type) || isTextType(type) || type.kind === "int";
}

/** Lists and records exist only while compiling. */
export function isCompileTimeOnly(type: Type): boolean {
  return type.kind === "list" || type.kind === "record";
}

/** How a type reads in a message: `string`, `list of string`, `record { version: string }`. */
export function formatType(type: Type): string {
  switch (type.kind) {
    case "list":
      return type.element.kind === "any" ? "list" : `list of ${formatType(type.element)}`;
    case "record": {
      if (!type.fields) return "record";
      const fields = [...type.fields].map(([name, field]) => `${name}: ${formatType(field)}`);
      return fields.length === 0 ? "record {}" : `record { ${fields.join(", ")} }`;
    }
    case "any":
      return "value";
    case "error":
      return "(error)";
    default:
      return type.kind;
  }
}

/** `a string`, `an int`, `a list of string`: a type as a noun phrase. */
export function describeType(type: Type): string {
  const text = formatType(type);
  return /^[aeiou]/.test(text) ? `an ${text}` : `a ${text}`;
}

/**
 * Whether a value of type `from` may stand where `to` is required. Text widens freely (a url, an
 * arch or a platform is a string; a string may be a url, whose value the url check inspects); ints
 * are never durations (that is `duration-unit-missing`).
 */
export function isAssignable(from: Type, to: Type): boolean {
  if (isUnchecked(from) || isUnchecked(to)) return true;
  switch (to.kind) {
    case "string":
      return isTextType(from);
    case "url":
      return from.kind === "url" || from.kind === "string";
    case "list":
      return from.kind === "list" && isAssignable(from.element, to.element);
    case "record": {
      if (from.kind !== "record") return false;
      if (!to.fields) return true;
      if (!from.fields) return true;
      for (const [name, field] of to.fields) {
        const actual = from.fields.get(name);
        if (!actual || !isAssignable(actual, field)) return false;
      }
      return true;
    }
    default:
      return from.kind === to.kind;
  }
}

/**
 * The one type that describes both `a` and `b` (for the elements of a list literal): text joins to
 * `string`, records join field by field (a field some records lack is still known; elaboration
 * reports the records that lack it when it is read). Undefined when they have nothing in common.
 */
export function joinTypes(a: Type, b: Type): Type | undefined {
  if (a.kind === "error" || b.kind === "error") return Types.error;
  if (a.kind === "any") return b;
  if (b.kind === "any") return a;
  if (a.kind === b.kind) {
    if (a.kind === "list" && b.kind === "list") {
      const element = joinTypes(a.element, b.element);
      if (element === a.element) return a;
      return element ? listOf(element) : undefined;
    }
    if (a.kind === "record" && b.kind === "record") {
      if (!a.fields || !b.fields) return Types.anyRecord;
      // The elements of a list of records mostly have the same fields: no new type for those.
      if (coversExactly(a.fields, b.fields)) return a;
      const fields = new Map(a.fields);
      for (const [name, type] of b.fields) {
        const existing = fields.get(name);
        if (!existing) {
          fields.set(name, type);
          continue;
        }
        const joined = joinTypes(existing, type);
        if (!joined) return undefined;
        fields.set(name, joined);
      }
      return recordOf(fields);
    }
    return a;
  }
  if (isTextType(a) && isTextType(b)) return Types.string;
  return undefined;
}

/** Whether `b` has exactly `a`'s fields, each of a type that joins into `a`'s unchanged. */
function coversExactly(a: ReadonlyMap<string, Type>, b: ReadonlyMap<string, Type>): boolean {
  if (a.size !== b.size) return false;
  for (const [name, type] of b) {
    const existing = a.get(name);
    if (existing === undefined || joinTypes(existing, type) !== existing) return false;
  }
  return true;
}

/**
 * Whether `==` may compare the two: equal types, any two text types (an arch compared with a string
 * is a run-time string comparison), never lists, records or two different enums.
 */
export function isComparable(a: Type, b: Type): boolean {
  if (isUnchecked(a) || isUnchecked(b)) return true;
  if (isCompileTimeOnly(a) || isCompileTimeOnly(b)) return false;
  if (a.kind === b.kind) return true;
  if (isEnumType(a) && isEnumType(b)) return false;
  return isTextType(a) && isTextType(b);
}
