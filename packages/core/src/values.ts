/**
 * Values during elaboration. Compile-time values are exact (text, numbers, lists, records); values
 * only known at run time are templates (text with `${setting}` parts) or conditions.
 *
 * Like the program's objects, values are class instances and their arrays come from `newArray`
 * (see program.ts for why): the arguments of an entry instance live as long as its elaboration.
 */
import type { DurationUnit } from "./ast.js";
import type { Condition, Template } from "./program.js";
import { Types, listOf, recordOf, type Type, type EnumTypeName } from "./types.js";

export class TextValue {
  readonly kind = "text";
  readonly type: "string" | "url" | EnumTypeName;
  readonly text: string;
  constructor(type: "string" | "url" | EnumTypeName, text: string) {
    this.type = type;
    this.text = text;
  }
}

export class IntValue {
  readonly kind = "int";
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

export class BoolValue {
  readonly kind = "bool";
  readonly value: boolean;
  constructor(value: boolean) {
    this.value = value;
  }
}

export class DurationValue {
  readonly kind = "duration";
  readonly milliseconds: number;
  constructor(milliseconds: number) {
    this.milliseconds = milliseconds;
  }
}

export class ListValue {
  readonly kind = "list";
  readonly elements: readonly Value[];
  constructor(elements: readonly Value[]) {
    this.elements = elements;
  }
}

export class RecordValue {
  readonly kind = "record";
  readonly fields: ReadonlyMap<string, Value>;
  constructor(fields: ReadonlyMap<string, Value>) {
    this.fields = fields;
  }
}

/** Text (or a number, or a bool setting) known only at run time. */
export class RuntimeValue {
  readonly kind = "runtime";
  readonly type: Type;
  readonly template: Template;
  constructor(type: Type, template: Template) {
    this.type = type;
    this.template = template;
  }
}

/** A bool known only at run time. */
export class ConditionValue {
  readonly kind = "condition";
  readonly condition: Condition;
  constructor(condition: Condition) {
    this.condition = condition;
  }
}

export type Value =
  TextValue | IntValue | BoolValue | DurationValue | ListValue | RecordValue | RuntimeValue | ConditionValue;

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
