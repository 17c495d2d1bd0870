/**
 * Values during elaboration. Compile-time values are exact (text, numbers, lists, records); values
 * only known at run time are templates (text with `${setting}` parts) or conditions.
 */
import type { DurationUnit } from "./ast.js";
import type { Condition, Template, TemplatePart } from "./program.js";
import { Types, listOf, recordOf, type Type, type EnumTypeName } from "./types.js";

export type Value =
  | { readonly kind: "text"; readonly type: "string" | "url" | EnumTypeName; readonly text: string }
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "duration"; readonly milliseconds: number }
  | { readonly kind: "list"; readonly elements: readonly Value[] }
  | { readonly kind: "record"; readonly fields: ReadonlyMap<string, Value> }
  /** Text (or a number, or a bool setting) known only at run time. */
  | { readonly kind: "runtime"; readonly type: Type; readonly template: Template }
  /** A bool known only at run time. */
  | { readonly kind: "condition"; readonly condition: Condition };

/** How many milliseconds one of each duration unit is (in the order units are offered: smallest first). */
export const unitMilliseconds: Readonly<Record<DurationUnit, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function durationMilliseconds(amount: number, unit: DurationUnit): number {
  return amount * (unitMilliseconds[unit] ?? 1);
}

export function isCompileTimeValue(value: Value): boolean {
  switch (value.kind) {
    case "runtime":
    case "condition":
      return false;
    case "list":
      return value.elements.every(isCompileTimeValue);
    case "record":
      return [...value.fields.values()].every(isCompileTimeValue);
    default:
      return true;
  }
}

export function typeOfValue(value: Value): Type {
  switch (value.kind) {
    case "text":
      return Types[value.type];
    case "int":
      return Types.int;
    case "bool":
    case "condition":
      return Types.bool;
    case "duration":
      return Types.duration;
    case "runtime":
      return value.type;
    case "list": {
      const first = value.elements[0];
      return listOf(first ? typeOfValue(first) : Types.any);
    }
    case "record":
      return recordOf(new Map([...value.fields].map(([name, field]) => [name, typeOfValue(field)])));
  }
}

/** Joins adjacent text parts and drops empty ones, so equal texts give equal templates. */
export function mergeTemplate(parts: readonly TemplatePart[]): Template {
  const merged: TemplatePart[] = [];
  for (const part of parts) {
    if (part.kind === "text") {
      if (part.value === "") continue;
      const last = merged[merged.length - 1];
      if (last?.kind === "text") {
        merged[merged.length - 1] = { kind: "text", value: last.value + part.value };
        continue;
      }
    }
    merged.push(part);
  }
  return merged;
}

export function textTemplate(text: string): Template {
  return text === "" ? [] : [{ kind: "text", value: text }];
}

/** The literal text of a template, with its run-time parts left out (for item ids made from text). */
export function literalText(template: Template): string {
  return template.map((part) => (part.kind === "text" ? part.value : " ")).join("");
}

/** Keys of lists and records, which are read again and again (a constant's value is one object). */
const composedKeys = new WeakMap<Value, string>();

/** A stable key for a value: equal values give equal keys (records compare field by field, in any order). */
export function valueKey(value: Value): string {
  switch (value.kind) {
    case "text":
      return `t:${JSON.stringify(value.text)}`;
    case "int":
      return `i:${value.value}`;
    case "bool":
      return `b:${value.value}`;
    case "duration":
      return `d:${value.milliseconds}`;
    case "list":
    case "record": {
      let key = composedKeys.get(value);
      if (key === undefined) {
        key =
          value.kind === "list"
            ? `[${value.elements.map(valueKey).join(",")}]`
            : `{${[...value.fields.keys()]
                .sort()
                .map((name) => `${JSON.stringify(name)}:${valueKey(value.fields.get(name)!)}`)
                .join(",")}}`;
        composedKeys.set(value, key);
      }
      return key;
    }
    case "runtime":
      return `r:${JSON.stringify(value.template)}`;
    case "condition":
      return `c:${JSON.stringify(value.condition)}`;
  }
}

/** The text of a compile-time value that reads as a label part (`12`, `bookworm`, `x86_64`), if any. */
export function plainText(value: Value): string | undefined {
  if (value.kind === "text") return value.text;
  if (value.kind === "int") return String(value.value);
  if (value.kind === "bool") return String(value.value);
  return undefined;
}
