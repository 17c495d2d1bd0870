/**
 * Evaluation of expressions during elaboration: compile-time values are computed, run-time ones
 * become templates and conditions. The checker has already reported what it could see, so the
 * evaluator reports only what depends on actual values (a record without a field, a url made of a
 * constant, a parameter called with a run-time value where `if` needs a known one).
 */
import type { Expression, Identifier, Interpolation } from "./ast.js";
import type { Analysis } from "./analyze.js";
import type { DiagnosticCode, Fix, RelatedInformation } from "./diagnostics.js";
import {
  AndCondition,
  EqualsCondition,
  IssetCondition,
  NotCondition,
  OrCondition,
  TemplateText,
  newArray,
  settingTemplate,
  textTemplate,
  type Condition,
  type Template,
  type TemplatePart,
} from "./program.js";
import type { Range } from "./source.js";
import type { SymbolInfo } from "./symbols.js";
import { badInterpolationMessage } from "./checks/interpolation.js";
import { invalidUrlMessage, startsWithScheme, urlTemplateProblem } from "./checks/url.js";
import {
  BoolValue,
  ConditionValue,
  DurationValue,
  IntValue,
  ListValue,
  RecordValue,
  RuntimeValue,
  TextValue,
  durationMilliseconds,
  typeOfValue,
  type Value,
} from "./values.js";
import { Types, isInterpolatable } from "./types.js";

/** Bindings of parameters and loop variables: a chain, innermost first (chains are short). */
export class Env {
  constructor(
    readonly file: string,
    private readonly symbol?: SymbolInfo,
    private readonly value?: Value,
    private readonly parent?: Env,
  ) {}

  with(symbol: SymbolInfo, value: Value): Env {
    return new Env(this.file, symbol, value, this);
  }

  lookup(symbol: SymbolInfo): Value | undefined {
    for (let env: Env | undefined = this; env; env = env.parent) {
      if (env.symbol === symbol) return env.value;
    }
    return undefined;
  }
}

/** What the evaluator needs from elaboration. */
export interface EvaluationHost {
  readonly analysis: Analysis;
  report(
    code: DiagnosticCode,
    message: string,
    file: string,
    range: Range,
    extra?: { related?: readonly RelatedInformation[]; fix?: Fix },
  ): void;
  /** The value of a constant (with `--define` applied). */
  constant(symbol: SymbolInfo): Value | undefined;
  /** A declared setting or `${arch}` is read by the program. */
  noteSetting(symbol: SymbolInfo): void;
  /** `${arch}` is read with a type, as in `${arch:string}`. */
  noteArch(): void;
  isUrlSetting(reference: string): boolean;
}

export class Evaluator {
  private readonly settingValues = new Map<SymbolInfo, Value>();

  constructor(private readonly host: EvaluationHost) {}

  evaluate(expression: Expression, env: Env): Value | undefined {
    if (!expression) return undefined;
    const value = this.compute(expression, env);
    if (value && this.host.analysis.deferredUrls.has(expression)) this.checkUrl(value, env.file, expression);
    return value;
  }

  /** The value as text for a string position; reports values that have no text. */
  template(expression: Expression, env: Env): Template | undefined {
    const value = this.evaluate(expression, env);
    return value ? this.asTemplate(value, env.file, expression, expression) : undefined;
  }

  /** The value as a condition: `true`/`false` when known now, a run-time condition otherwise. */
  condition(expression: Expression, env: Env): boolean | Condition | undefined {
    const value = this.evaluate(expression, env);
    return value ? asCondition(value) : undefined;
  }

  /** A url position whose start the checker could not see (a constant, a parameter). */
  checkUrl(value: Value, file: string, range: Range): void {
    if (value.kind === "text") {
      if (value.type === "url" || startsWithScheme(value.text)) return;
      this.host.report("invalid-url", invalidUrlMessage(value.text), file, range);
      return;
    }
    if (value.kind === "runtime") {
      if (value.type.kind === "url") return;
      const problem = urlTemplateProblem(value.template, (reference) => this.host.isUrlSetting(reference));
      if (problem) this.host.report("invalid-url", problem, file, range);
    }
  }

  private compute(expression: Expression, env: Env): Value | undefined {
    switch (expression.kind) {
      case "String": {
        // Text is gathered into one pending run and flushed at each setting reference, so the
        // template comes out merged without intermediate arrays (strings are the bulk of a program).
        let parts: TemplatePart[] | undefined;
        let text = "";
        for (const part of expression.parts ?? []) {
          if (part.kind === "Text") {
            text += part.value;
            continue;
          }
          const inserted = this.interpolation(part, env);
          if (!inserted) return undefined;
          for (const piece of inserted) {
            if (piece.kind === "text") {
              text += piece.value;
              continue;
            }
            parts ??= newArray();
            if (text !== "") parts.push(new TemplateText(text));
            text = "";
            parts.push(piece);
          }
        }
        if (!parts) return new TextValue("string", text);
        if (text !== "") parts.push(new TemplateText(text));
        return new RuntimeValue(Types.string, parts);
      }
      case "Int":
        return new IntValue(expression.value);
      case "Duration":
        return new DurationValue(durationMilliseconds(expression.amount, expression.unit));
      case "Bool":
        return new BoolValue(expression.value);
      case "List": {
        const elements = newArray<Value>();
        for (const element of expression.elements ?? []) {
          const value = this.evaluate(element, env);
          if (!value) return undefined;
          elements.push(value);
        }
        return new ListValue(elements);
      }
      case "Record": {
        const fields = new Map<string, Value>();
        for (const field of expression.fields ?? []) {
          if (fields.has(field.name.name)) continue;
          const value = this.evaluate(field.value, env);
          if (!value) return undefined;
          fields.set(field.name.name, value);
        }
        return new RecordValue(fields);
      }
      case "Name":
        return this.name(expression.name, env);
      case "Member": {
        const object = this.evaluate(expression.object, env);
        return object ? this.member(object, expression.member, env.file, expression) : undefined;
      }
      case "Binary":
        return this.binary(expression, env);
      case "Not": {
        const operand = this.condition(expression.operand, env);
        if (operand === undefined) return undefined;
        return typeof operand === "boolean" ? new BoolValue(!operand) : new ConditionValue(negate(operand));
      }
      case "IsSet": {
        const resolution = this.host.analysis.resolutions.get(env.file, expression.setting);
        if (resolution?.kind !== "symbol") return undefined;
        const symbol = resolution.symbol;
        if (symbol.kind !== "setting" && symbol.kind !== "builtin-setting") return undefined;
        this.host.noteSetting(symbol);
        return new ConditionValue(new IssetCondition(symbol.name));
      }
      default:
        return undefined;
    }
  }

  private binary(expression: Extract<Expression, { kind: "Binary" }>, env: Env): Value | undefined {
    if (expression.operator === "and" || expression.operator === "or") {
      const left = this.condition(expression.left, env);
      const right = this.condition(expression.right, env);
      if (left === undefined || right === undefined) return undefined;
      return fromCondition(expression.operator === "and" ? and(left, right) : or(left, right));
    }
    const left = this.evaluate(expression.left, env);
    const right = this.evaluate(expression.right, env);
    if (!left || !right) return undefined;
    let equal: boolean | Condition;
    const leftKnown = knownScalar(left);
    const rightKnown = knownScalar(right);
    if (leftKnown !== undefined && rightKnown !== undefined) {
      equal = leftKnown === rightKnown;
    } else {
      const leftText = comparisonText(left);
      const rightText = comparisonText(right);
      if (!leftText || !rightText) {
        this.host.report(
          "type-mismatch",
          "only text, numbers and settings can be compared at run time; compare each condition on its own",
          env.file,
          expression,
        );
        return undefined;
      }
      equal = new EqualsCondition(leftText, rightText);
    }
    return fromCondition(expression.operator === "==" ? equal : not(equal));
  }

  private name(identifier: Identifier, env: Env): Value | undefined {
    const resolution = this.host.analysis.resolutions.get(env.file, identifier);
    if (!resolution) return undefined;
    if (resolution.kind === "enum") return new TextValue(resolution.type, resolution.value);
    const symbol = resolution.symbol;
    switch (symbol.kind) {
      case "param":
      case "loop-variable":
        return env.lookup(symbol);
      case "const":
        return this.host.constant(symbol);
      case "setting":
      case "builtin-setting": {
        this.host.noteSetting(symbol);
        // A setting's value is the same reference everywhere: made once per symbol.
        let value = this.settingValues.get(symbol);
        if (!value) {
          value = new RuntimeValue(symbol.type, settingTemplate(symbol.name));
          this.settingValues.set(symbol, value);
        }
        return value;
      }
      default:
        return undefined;
    }
  }

  private member(object: Value, member: Identifier, file: string, node: Expression | Interpolation): Value | undefined {
    if (object.kind === "record") {
      const field = object.fields.get(member.name);
      if (field) return field;
      if (!this.staticallyBad(file, node)) {
        this.host.report(
          "unknown-field",
          `a record here has no field "${member.name}" (its fields: ${[...object.fields.keys()].join(", ") || "none"})`,
          file,
          member,
        );
      }
      return undefined;
    }
    if (!this.staticallyBad(file, node))
      this.host.report("unknown-field", `"${member.name}" is not a field: this value is not a record`, file, member);
    return undefined;
  }

  private interpolation(part: Interpolation, env: Env): Template | undefined {
    if (part.scope !== undefined || part.format !== undefined) {
      const resolution = this.host.analysis.resolutions.get(env.file, part.name);
      if (resolution?.kind === "symbol" && part.scope === undefined) this.host.noteSetting(resolution.symbol);
      const reference = `${part.scope !== undefined ? `${part.scope}/` : ""}${part.name.name}${part.format !== undefined ? `:${part.format}` : ""}`;
      if (part.name.name === "arch" && part.scope === undefined) this.host.noteArch();
      return settingTemplate(reference);
    }
    let value = this.name(part.name, env);
    for (const member of part.members ?? []) {
      if (!value) return undefined;
      value = this.member(value, member, env.file, part);
    }
    if (!value) return undefined;
    if (
      value.kind === "bool" ||
      value.kind === "condition" ||
      value.kind === "duration" ||
      value.kind === "list" ||
      value.kind === "record"
    ) {
      if (!this.staticallyBad(env.file, part))
        this.host.report("bad-interpolation", badInterpolationMessage(typeOfValue(value)), env.file, part);
      return undefined;
    }
    return this.asTemplate(value, env.file, part, part);
  }

  /** Text of a value; quiet about `node` when the checker already reported it. */
  private asTemplate(value: Value, file: string, range: Range, node: Expression | Interpolation): Template | undefined {
    switch (value.kind) {
      case "text":
        return textTemplate(value.text);
      case "int":
        return textTemplate(String(value.value));
      case "runtime":
        return value.template;
      default:
        if (!this.staticallyBad(file, node))
          this.host.report(
            "type-mismatch",
            `${badInterpolationMessage(typeOfValue(value))}; text is needed here`,
            file,
            range,
          );
        return undefined;
    }
  }

  /** Whether the checker found this node, written in `file`, ill-typed (so elaboration stays quiet about it). */
  private staticallyBad(file: string, node: Expression | Interpolation): boolean {
    const info = this.host.analysis.info.get(file, node);
    return info !== undefined && (info.type.kind === "error" || !isInterpolatable(info.type));
  }
}

/** The value of a compile-time scalar, for `==`; undefined for run-time values. */
function knownScalar(value: Value): string | number | boolean | undefined {
  switch (value.kind) {
    case "text":
      return value.text;
    case "int":
      return value.value;
    case "bool":
      return value.value;
    case "duration":
      return value.milliseconds;
    default:
      return undefined;
  }
}

/** How a value is compared with `==` at run time: as iPXE text. */
function comparisonText(value: Value): Template | undefined {
  switch (value.kind) {
    case "text":
      return textTemplate(value.text);
    case "int":
    case "bool":
      return textTemplate(String(value.value));
    case "runtime":
      return value.template;
    default:
      return undefined;
  }
}

export function asCondition(value: Value): boolean | Condition | undefined {
  switch (value.kind) {
    case "bool":
      return value.value;
    case "condition":
      return value.condition;
    case "runtime":
      // A bool setting holds the text `true` or `false`.
      return new EqualsCondition(value.template, textTemplate("true"));
    default:
      return undefined;
  }
}

function fromCondition(condition: boolean | Condition): Value {
  return typeof condition === "boolean" ? new BoolValue(condition) : new ConditionValue(condition);
}

function negate(condition: Condition): Condition {
  return condition.kind === "not" ? condition.operand : new NotCondition(condition);
}

export function not(condition: boolean | Condition): boolean | Condition {
  return typeof condition === "boolean" ? !condition : negate(condition);
}

export function and(left: boolean | Condition, right: boolean | Condition): boolean | Condition {
  if (left === false || right === false) return false;
  if (left === true) return right;
  if (right === true) return left;
  return new AndCondition(left, right);
}

export function or(left: boolean | Condition, right: boolean | Condition): boolean | Condition {
  if (left === true || right === true) return true;
  if (left === false) return right;
  if (right === false) return left;
  return new OrCondition(left, right);
}
