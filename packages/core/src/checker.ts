/**
 * The checker: one traversal of every file that resolves each name (recording the reference),
 * works out each expression's type and stage, and hands the facts to the checks in ./checks. Name
 * resolution, typing and the diagnostics that belong to them (`unknown-name`, `unknown-field`,
 * `unknown-type`) live here; every other rule is a check.
 */
import type {
  Action,
  ConstDecl,
  EntryDecl,
  Expression,
  ForNode,
  Identifier,
  Interpolation,
  ItemNode,
  MenuDecl,
  MenuMember,
  Node,
  SettingDecl,
  Statement,
  TypeRef,
} from "./ast.js";
import type { Binder, MutableSymbol } from "./binder.js";
import {
  makeDiagnostic,
  type Diagnostic,
  type DiagnosticCode,
  type Fix,
  type RelatedInformation,
} from "./diagnostics.js";
import {
  compileTimeString,
  ExpressionInfoTable,
  implicitInfo,
  infoOf,
  type ExpressionInfos,
} from "./expression-infos.js";
import { FactTable, type FactsByFile } from "./facts-by-file.js";
import { offsetsOf } from "./source.js";
import type { Range } from "./source.js";
import { literalText } from "./strings.js";
import { closestName, didYouMean, replaceNameFix } from "./suggest.js";
import {
  builtinSettings,
  describeKind,
  symbolId,
  withArticle,
  type ReferenceInfo,
  type Resolution,
  type SymbolInfo,
  type SymbolKind,
} from "./symbols.js";
import {
  Types,
  describeType,
  enumTypeOf,
  enumValues,
  formatType,
  isAssignable,
  isComparable,
  isCompileTimeOnly,
  isEnumType,
  isUnchecked,
  joinTypes,
  listOf,
  recordOf,
  typeFromName,
  typeNames,
  type Type,
} from "./types.js";
import type { CheckContext, ExprInfo, Rule, SettingUse, Stage } from "./checks/rule.js";

const valueKinds: readonly SymbolKind[] = ["const", "setting", "builtin-setting", "param", "loop-variable"];
const errorInfo: ExprInfo = { type: Types.error, stage: "compile" };

/** Locals: parameters and loop variables, innermost first. */
class LocalScope {
  private readonly symbols = new Map<string, SymbolInfo>();
  constructor(private readonly parent: LocalScope | undefined) {}

  declare(symbol: SymbolInfo): void {
    if (!this.symbols.has(symbol.name)) this.symbols.set(symbol.name, symbol);
  }

  lookup(name: string): SymbolInfo | undefined {
    for (let scope: LocalScope | undefined = this; scope; scope = scope.parent) {
      const symbol = scope.symbols.get(name);
      if (symbol) return symbol;
    }
    return undefined;
  }

  names(): string[] {
    const names: string[] = [];
    for (let scope: LocalScope | undefined = this; scope; scope = scope.parent) names.push(...scope.symbols.keys());
    return names;
  }
}

/** Where the traversal is. */
interface Place {
  readonly file: string;
  readonly scope: LocalScope | undefined;
  /** The checks' view of the file (one per file). */
  readonly context: CheckContext;
}

/** When a value made of two others is known: as late as the later of them. */
export function stageOf(a: Stage, b: Stage): Stage {
  if (a === "runtime" || b === "runtime") return "runtime";
  if (a === "param" || b === "param") return "param";
  return "compile";
}

export interface CheckResult {
  readonly symbols: ReadonlyMap<string, SymbolInfo>;
  readonly references: readonly ReferenceInfo[];
  readonly resolutions: FactsByFile<Identifier, Resolution>;
  readonly info: ExpressionInfos;
  readonly deferredUrls: ReadonlySet<Expression>;
  readonly diagnostics: readonly Diagnostic[];
}

export class Checker {
  private readonly symbols = new Map<string, SymbolInfo>();
  private readonly references: ReferenceInfo[] = [];
  private readonly resolutions = new FactTable<Identifier, Resolution>();
  private readonly info = new ExpressionInfoTable();
  private readonly deferredUrls = new Set<Expression>();
  private readonly diagnostics: Diagnostic[] = [];
  private readonly constants = new Map<SymbolInfo, "checking" | "done">();
  /** A loop variable is as known as its list: at compile time, or per call for a parameter's list. */
  private readonly loopStages = new Map<SymbolInfo, Stage>();
  private readonly places = new Map<string, Place>();
  /** For each hook, the rules that implement it: the traversal calls exactly those. */
  private readonly hooks: { readonly [K in keyof Rule]-?: readonly Rule[] };

  constructor(
    private readonly binder: Binder,
    rules: readonly Rule[],
  ) {
    const implementing = (hook: keyof Rule) => rules.filter((rule) => rule[hook] !== undefined);
    this.hooks = {
      mismatch: implementing("mismatch"),
      runtimeValue: implementing("runtimeValue"),
      url: implementing("url"),
      interpolation: implementing("interpolation"),
      key: implementing("key"),
      timeout: implementing("timeout"),
      call: implementing("call"),
      settingTarget: implementing("settingTarget"),
      memdisk: implementing("memdisk"),
      entry: implementing("entry"),
      menu: implementing("menu"),
    };
  }

  run(): CheckResult {
    for (const symbol of builtinSettings.values()) this.symbols.set(symbol.id, symbol);
    for (const symbol of this.binder.declarations) this.symbols.set(symbol.id, symbol);
    const byNode = new Map<Node, MutableSymbol>();
    for (const symbol of this.binder.declarations) byNode.set(symbol.node!, symbol);

    for (const file of this.binder.workspace.files.values()) {
      const place = this.fileScope(file.path);
      let target: Node | undefined;
      for (const declaration of file.ast.declarations) {
        switch (declaration.kind) {
          case "Import":
            break;
          case "Target":
            if (target) {
              this.report(file.path, "duplicate-declaration", "a file names one target; remove this one", declaration, {
                related: [{ file: file.path, range: target, message: "the target is first named here" }],
              });
            }
            target ??= declaration;
            if (declaration.profile.parts.some((part) => part.kind !== "Text")) {
              this.report(
                file.path,
                "not-compile-time",
                "a target name is plain text, without ${…}",
                declaration.profile,
              );
            }
            break;
          case "Const": {
            const symbol = byNode.get(declaration);
            if (symbol) this.constant(symbol);
            else if (declaration.value) this.expression(declaration.value, place);
            break;
          }
          case "Setting":
            this.setting(declaration, place);
            break;
          case "Menu":
            this.menu(declaration, byNode.get(declaration), place);
            break;
          case "Entry":
            this.entry(declaration, byNode.get(declaration), place);
            break;
        }
      }
    }
    return {
      symbols: this.symbols,
      references: this.references,
      resolutions: this.resolutions,
      info: this.info,
      deferredUrls: this.deferredUrls,
      diagnostics: this.diagnostics,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  /** Checks a constant once, when first declared or first used, and fixes its type. */
  private constant(symbol: MutableSymbol): "cycle" | undefined {
    const state = this.constants.get(symbol);
    if (state === "done") return undefined;
    if (state === "checking") return "cycle";
    this.constants.set(symbol, "checking");
    const declaration = symbol.node as ConstDecl;
    const place = this.fileScope(symbol.file!);
    const declared = declaration.type ? this.typeRef(declaration.type, place) : undefined;
    let type: Type = Types.error;
    if (declaration.value) {
      const info = this.expression(declaration.value, place, declared);
      if (info.stage === "runtime")
        this.notCompileTime(declaration.value, `the value of constant "${symbol.name}"`, place);
      if (declared) {
        if (!isAssignable(info.type, declared))
          this.assign(declaration.value, info, declared, `constant "${symbol.name}"`, place);
        // A plain `list` or `record` annotation keeps the element and field types of the value.
        type =
          isCompileTimeOnly(declared) && info.type.kind === declared.kind && !isUnchecked(info.type)
            ? info.type
            : declared;
      } else {
        type = info.type;
      }
    }
    symbol.type = type;
    this.constants.set(symbol, "done");
    return undefined;
  }

  private setting(declaration: SettingDecl, place: Place): void {
    const type = declaration.type ? this.typeRef(declaration.type, place) : Types.error;
    if (isCompileTimeOnly(type)) {
      this.report(
        place.file,
        "type-mismatch",
        `a setting holds a run-time iPXE value, so it cannot be a ${type.kind}; use a constant for compile-time data`,
        declaration.type,
      );
    }
    if (declaration.value) {
      const info = this.expression(declaration.value, place, type);
      if (!isAssignable(info.type, type))
        this.assign(declaration.value, info, type, `the default of setting "${declaration.name.name}"`, place);
      if (type.kind === "url") this.urlHook(declaration.value, info, place);
    }
  }

  private menu(declaration: MenuDecl, symbol: SymbolInfo | undefined, place: Place): void {
    if (declaration.title) this.text(declaration.title, place, "a menu title");
    const items: SymbolInfo[] = [];
    if (symbol) collectItemIds(declaration.body, (item) => items.push(this.itemSymbol(item, symbol, place.file)));
    for (const rule of this.hooks.menu) rule.menu!(declaration, items, place.context);
    this.members(declaration.body, place, items);
  }

  private itemSymbol(item: ItemNode, menu: SymbolInfo, file: string): SymbolInfo {
    const symbol: SymbolInfo = {
      id: symbolId(file, item.id!),
      name: item.id!.name,
      kind: "item",
      file,
      nameRange: offsetsOf(item.id!),
      node: item,
      type: Types.string,
      container: menu,
    };
    this.symbols.set(symbol.id, symbol);
    return symbol;
  }

  private entry(declaration: EntryDecl, symbol: SymbolInfo | undefined, place: Place): void {
    const scope = new LocalScope(undefined);
    for (const param of declaration.params ?? []) {
      if (!param.name) continue;
      const type = param.type ? this.typeRef(param.type, place) : Types.error;
      const paramSymbol: SymbolInfo = {
        id: symbolId(place.file, param.name),
        name: param.name.name,
        kind: "param",
        file: place.file,
        nameRange: offsetsOf(param.name),
        node: param,
        type,
        ...(symbol ? { container: symbol } : {}),
      };
      this.symbols.set(paramSymbol.id, paramSymbol);
      scope.declare(paramSymbol);
      if (param.defaultValue) {
        // Defaults are evaluated where the entry is declared, before any parameter exists.
        const info = this.expression(param.defaultValue, place, type);
        if (!isAssignable(info.type, type))
          this.assign(param.defaultValue, info, type, `the default of parameter "${param.name.name}"`, place);
        if (type.kind === "url") this.urlHook(param.defaultValue, info, place);
      }
    }
    for (const rule of this.hooks.entry) rule.entry!(declaration, place.context);
    this.statements(declaration.body, { ...place, scope });
  }

  /** The type a type name stands for; `unknown-type` (with a suggestion) when it stands for none. */
  private typeRef(ref: TypeRef, place: Place): Type {
    const type = typeFromName(ref.name);
    if (type) return type;
    if (ref.name === "") return Types.error;
    const suggestion = closestName(ref.name, typeNames);
    this.report(
      place.file,
      "unknown-type",
      `unknown type "${ref.name}"${didYouMean(suggestion)} (types: ${typeNames.join(", ")})`,
      ref,
      suggestion ? { fix: replaceNameFix(ref, suggestion) } : {},
    );
    return Types.error;
  }

  // -------------------------------------------------------------------------------------------
  // Menu members, statements, actions

  private members(members: readonly MenuMember[] | undefined, place: Place, items: readonly SymbolInfo[]): void {
    for (const member of members ?? []) {
      switch (member.kind) {
        case "Item":
          if (member.text) this.text(member.text, place, "the text of an item");
          if (member.key) for (const rule of this.hooks.key) rule.key!(member.key, place.context);
          if (member.condition) this.condition(member.condition, place, "the condition of an item");
          if (member.action) this.action(member.action, place);
          break;
        case "Gap":
          if (member.text) this.text(member.text, place, "the text of a gap");
          break;
        case "Default": {
          if (member.item && member.item.name !== "") {
            const target = items.find((item) => item.name === member.item.name);
            this.references.push({
              kind: "item",
              file: place.file,
              range: member.item,
              name: member.item.name,
              ...(target ? { target } : {}),
            });
          }
          if (member.timeout) {
            const info = this.expression(member.timeout, place, Types.duration);
            this.assign(member.timeout, info, Types.duration, "the menu timeout", place);
            if (info.stage === "runtime") this.notCompileTime(member.timeout, "the menu timeout", place);
            for (const rule of this.hooks.timeout) rule.timeout!(member.timeout, info, place.context);
          }
          break;
        }
        case "Escape":
          if (member.action) this.action(member.action, place);
          break;
        case "For":
          this.forLoop(member, place, (body, inner) => this.members(body, inner, items));
          break;
        case "If":
          this.compileTimeCondition(member.condition, place, "the condition of `if`");
          this.members(member.then, place, items);
          this.members(member.else, place, items);
          break;
        case "When":
          this.condition(member.condition, place, "the condition of `when`");
          this.members(member.then, place, items);
          this.members(member.else, place, items);
          break;
      }
    }
  }

  private statements(statements: readonly Statement[] | undefined, place: Place): void {
    for (const statement of statements ?? []) {
      switch (statement.kind) {
        case "Kernel":
          this.url(statement.url, place, "the kernel url");
          statement.args?.forEach((arg) => this.text(arg, place, "a kernel argument"));
          break;
        case "Initrd":
          this.url(statement.url, place, "the initrd url");
          if (statement.name) this.text(statement.name, place, "the initrd name");
          break;
        case "BootKernel":
        case "RawIpxe":
          break;
        case "Echo":
          this.text(statement.text, place, "the text of echo");
          break;
        case "Prompt":
          this.settingTarget(statement.setting, place, "prompt");
          this.text(statement.question, place, "the question of prompt");
          break;
        case "Set": {
          const target = this.settingTarget(statement.setting, place, "set");
          if (!statement.value) break;
          const expected = target?.kind === "setting" ? target.type : undefined;
          const info = this.expression(statement.value, place, expected);
          if (expected) {
            if (!isAssignable(info.type, expected))
              this.assign(statement.value, info, expected, `the value of setting "${target!.name}"`, place);
            if (expected.kind === "url") this.urlHook(statement.value, info, place);
          }
          break;
        }
        case "Sleep": {
          const info = this.expression(statement.duration, place, Types.duration);
          this.assign(statement.duration, info, Types.duration, "the time to sleep", place);
          if (info.stage === "runtime") this.notCompileTime(statement.duration, "the time to sleep", place);
          break;
        }
        case "OnFailure":
          this.text(statement.message, place, "the failure message");
          break;
        case "For":
          this.forLoop(statement, place, (body, inner) => this.statements(body, inner));
          break;
        case "If":
          this.compileTimeCondition(statement.condition, place, "the condition of `if`");
          this.statements(statement.then, place);
          this.statements(statement.else, place);
          break;
        case "When":
          this.condition(statement.condition, place, "the condition of `when`");
          this.statements(statement.then, place);
          this.statements(statement.else, place);
          break;
        default:
          this.action(statement, place);
      }
    }
  }

  private forLoop<T>(node: ForNode<T>, place: Place, body: (body: readonly T[], inner: Place) => void): void {
    const info = node.iterable ? this.expression(node.iterable, place) : errorInfo;
    let element: Type = Types.error;
    if (info.type.kind === "list") element = info.type.element;
    else if (info.type.kind === "any") element = Types.any;
    else if (info.type.kind !== "error") {
      this.report(
        place.file,
        "type-mismatch",
        `\`for\` repeats over a list; this is ${describeType(info.type)}`,
        node.iterable,
      );
    }
    if (node.iterable && info.stage === "runtime") this.notCompileTime(node.iterable, "the list of `for`", place);
    const scope = new LocalScope(place.scope);
    if (node.variable && node.variable.name !== "") {
      const variable: SymbolInfo = {
        id: symbolId(place.file, node.variable),
        name: node.variable.name,
        kind: "loop-variable",
        file: place.file,
        nameRange: offsetsOf(node.variable),
        node: node as Node,
        type: element,
      };
      this.symbols.set(variable.id, variable);
      this.loopStages.set(variable, info.stage === "param" ? "param" : "compile");
      scope.declare(variable);
    }
    body(node.body, { ...place, scope });
  }

  private action(action: Action, place: Place): void {
    switch (action.kind) {
      case "OpenMenu":
        this.resolveDeclaration(action.menu, place, "menu");
        break;
      case "BootEntry": {
        const entry = this.resolveDeclaration(action.entry, place, "entry");
        const params = entry ? ((entry.node as EntryDecl).params ?? []) : [];
        (action.args ?? []).forEach((arg, index) => {
          const param = params[index];
          const expected = param ? (typeFromName(param.type?.name ?? "") ?? Types.error) : undefined;
          const info = this.expression(arg, place, expected);
          if (!param || !expected) return;
          if (!isAssignable(info.type, expected))
            this.assign(arg, info, expected, `argument ${index + 1} of "${entry!.name}" (${param.name.name})`, place);
          if (expected.kind === "url") this.urlHook(arg, info, place);
        });
        if (entry) for (const rule of this.hooks.call) rule.call!(action, entry, place.context);
        break;
      }
      case "Chain":
        this.url(action.url, place, "the url to chain");
        break;
      case "Sanboot":
        if (action.url) this.url(action.url, place, "the url to sanboot");
        if (action.drive) this.compileTimeInt(action.drive, place, "the drive number");
        break;
      case "Memdisk":
        this.url(action.url, place, "the url for memdisk");
        for (const rule of this.hooks.memdisk) rule.memdisk!(action, place.context);
        break;
      case "Exit":
        if (action.status) this.compileTimeInt(action.status, place, "the exit status");
        break;
      case "Shell":
      case "Reboot":
      case "Back":
        break;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Positions

  private text(expression: Expression, place: Place, what: string): void {
    const info = this.expression(expression, place, Types.string);
    this.assign(expression, info, Types.string, what, place);
  }

  private url(expression: Expression, place: Place, what: string): void {
    if (!expression) return;
    const info = this.expression(expression, place, Types.url);
    this.assign(expression, info, Types.url, what, place);
    this.urlHook(expression, info, place);
  }

  private compileTimeInt(expression: Expression, place: Place, what: string): void {
    const info = this.expression(expression, place, Types.int);
    this.assign(expression, info, Types.int, what, place);
    if (info.stage === "runtime") this.notCompileTime(expression, what, place);
  }

  private condition(expression: Expression, place: Place, what: string): ExprInfo {
    if (!expression) return errorInfo;
    const info = this.expression(expression, place, Types.bool);
    this.assign(expression, info, Types.bool, what, place);
    return info;
  }

  private compileTimeCondition(expression: Expression, place: Place, what: string): void {
    const info = this.condition(expression, place, what);
    if (expression && info.stage === "runtime") this.notCompileTime(expression, what, place);
  }

  /** Reports a value that does not fit `expected` (call sites that build `what` check first, to build it only then). */
  private assign(expression: Expression, info: ExprInfo, expected: Type, what: string, place: Place): void {
    if (isAssignable(info.type, expected)) return;
    for (const rule of this.hooks.mismatch) rule.mismatch!(expression, info, expected, what, place.context);
  }

  private notCompileTime(expression: Expression, what: string, place: Place): void {
    for (const rule of this.hooks.runtimeValue) rule.runtimeValue!(expression, what, place.context);
  }

  private urlHook(expression: Expression, info: ExprInfo, place: Place): void {
    for (const rule of this.hooks.url) rule.url!(expression, info, place.context);
  }

  /** The setting that `prompt`, `set` or `set(…)` names (reported by the checks when it is not one). */
  private settingTarget(name: Identifier, place: Place, use: SettingUse): SymbolInfo | undefined {
    if (!name || name.name === "") return undefined;
    const target = place.scope?.lookup(name.name) ?? this.binder.lookupValue(name.name, place.file);
    this.recordReference(place.file, name, target);
    if (!target) {
      const suggestion = closestName(
        name.name,
        this.binder.visibleNames(place.file, use === "isset" ? ["setting", "builtin-setting"] : ["setting"]),
      );
      this.report(
        place.file,
        "unknown-name",
        `unknown setting "${name.name}"${didYouMean(suggestion)}${use === "isset" ? "" : `; declare it with \`setting ${name.name}: string\``}`,
        name,
        suggestion ? { fix: replaceNameFix(name, suggestion) } : {},
      );
    }
    for (const rule of this.hooks.settingTarget) rule.settingTarget!(name, target, use, place.context);
    return target;
  }

  /** A menu or entry name after `menu` or `boot`. */
  private resolveDeclaration(name: Identifier, place: Place, kind: "menu" | "entry"): SymbolInfo | undefined {
    if (!name || name.name === "") return undefined;
    const symbol = this.binder.lookup(name.name, place.file);
    this.recordReference(place.file, name, symbol);
    if (!symbol) {
      const suggestion = closestName(name.name, this.binder.visibleNames(place.file, [kind]));
      this.report(
        place.file,
        "unknown-name",
        `unknown ${kind} "${name.name}"${didYouMean(suggestion)}`,
        name,
        suggestion ? { fix: replaceNameFix(name, suggestion) } : {},
      );
      return undefined;
    }
    if (symbol.kind !== kind) {
      const hint =
        symbol.kind === "entry"
          ? `; run it with \`boot ${symbol.name}(…)\``
          : symbol.kind === "menu"
            ? `; open it with \`menu ${symbol.name}\``
            : "";
      this.report(
        place.file,
        "type-mismatch",
        `"${symbol.name}" is ${withArticle(describeKind(symbol.kind))}, not ${withArticle(kind)}${hint}`,
        name,
      );
      return undefined;
    }
    return symbol;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  /** Types an expression. The traversal reaches each expression once, so there is nothing to look up first. */
  private expression(expression: Expression, place: Place, expected?: Type): ExprInfo {
    if (!expression) return errorInfo;
    const info = this.computeExpression(expression, place, expected);
    this.info.record(place.file, expression, info);
    return info;
  }

  private computeExpression(expression: Expression, place: Place, expected: Type | undefined): ExprInfo {
    switch (expression.kind) {
      case "String": {
        let stage: Stage = "compile";
        for (const part of expression.parts ?? []) {
          if (part.kind === "Interpolation") stage = stageOf(stage, this.interpolation(part, place).stage);
        }
        return stage === "compile" ? compileTimeString : infoOf(Types.string, stage);
      }
      case "Int":
      case "Duration":
      case "Bool":
        return implicitInfo(expression)!;
      case "List":
        return this.list(expression.elements ?? [], place, expected);
      case "Record": {
        const fields = new Map<string, Type>();
        let stage: Stage = "compile";
        for (const field of expression.fields ?? []) {
          const expectedField = expected?.kind === "record" ? expected.fields?.get(field.name.name) : undefined;
          const info = this.expression(field.value, place, expectedField);
          stage = stageOf(stage, info.stage);
          if (fields.has(field.name.name)) {
            const first = expression.fields.find((other) => other.name.name === field.name.name)!;
            this.report(
              place.file,
              "duplicate-declaration",
              `the record already has a field "${field.name.name}"`,
              field.name,
              {
                related: [{ file: place.file, range: first.name, message: "first given here" }],
              },
            );
            continue;
          }
          fields.set(field.name.name, info.type);
        }
        return { type: recordOf(fields), stage };
      }
      case "Name":
        return this.name(expression.name, place, expected);
      case "Member": {
        const object = this.expression(expression.object, place);
        return infoOf(this.member(object.type, expression.member, place), object.stage);
      }
      case "Binary":
        return this.binary(expression, place);
      case "Not": {
        const operand = this.condition(expression.operand, place, "the operand of `not`");
        return infoOf(Types.bool, operand.stage);
      }
      case "IsSet":
        this.settingTarget(expression.setting, place, "isset");
        return infoOf(Types.bool, "runtime");
      default:
        return errorInfo;
    }
  }

  private list(elements: readonly Expression[], place: Place, expected: Type | undefined): ExprInfo {
    const expectedElement = expected?.kind === "list" ? expected.element : undefined;
    let element: Type | undefined;
    let stage: Stage = "compile";
    for (const item of elements) {
      const info = this.expression(item, place, expectedElement);
      stage = stageOf(stage, info.stage);
      if (!element) {
        element = info.type;
        continue;
      }
      const joined = joinTypes(element, info.type);
      if (joined) element = joined;
      else {
        this.report(
          place.file,
          "type-mismatch",
          `the elements of a list share one type: this is ${describeType(info.type)}, the ones before are ${formatType(element)}`,
          item,
        );
      }
    }
    return { type: listOf(element ?? Types.any), stage };
  }

  private binary(expression: Extract<Expression, { kind: "Binary" }>, place: Place): ExprInfo {
    if (expression.operator === "and" || expression.operator === "or") {
      const left = this.condition(expression.left, place, `the left side of \`${expression.operator}\``);
      const right = this.condition(expression.right, place, `the right side of \`${expression.operator}\``);
      return infoOf(Types.bool, stageOf(left.stage, right.stage));
    }
    // A bare `efi` or `x86_64` takes its meaning from the other side, so that side goes first.
    let left: ExprInfo;
    let right: ExprInfo;
    if (this.isEnumCandidate(expression.left, place) && !this.isEnumCandidate(expression.right, place)) {
      right = this.expression(expression.right, place);
      left = this.expression(expression.left, place, right.type);
    } else {
      left = this.expression(expression.left, place);
      right = this.expression(expression.right, place, left.type);
    }
    if (!isComparable(left.type, right.type)) {
      this.report(
        place.file,
        "type-mismatch",
        `\`${expression.operator}\` cannot compare ${describeType(left.type)} with ${describeType(right.type)}${enumHint(left.type, right.type)}`,
        expression,
      );
    } else {
      this.checkEnumComparison(expression.left, left, right.type, place);
      this.checkEnumComparison(expression.right, right, left.type, place);
    }
    return infoOf(Types.bool, stageOf(left.stage, right.stage));
  }

  /** `platform == "uefi"` can never be true: say so. */
  private checkEnumComparison(side: Expression, info: ExprInfo, other: Type, place: Place): void {
    if (!isEnumType(other) || side.kind !== "String" || info.stage !== "compile") return;
    const value = literalText(side);
    if (value === undefined) return;
    const values = enumValues[other.kind];
    if (values.includes(value)) return;
    this.report(
      place.file,
      "type-mismatch",
      `${other.kind} is never "${value}": ${other.kind === "arch" ? "architectures" : "platforms"} are ${values.join(", ")}`,
      side,
    );
  }

  private isEnumCandidate(expression: Expression, place: Place): boolean {
    if (!expression || expression.kind !== "Name") return false;
    const name = expression.name.name;
    return enumTypeOf(name) !== undefined && !place.scope?.lookup(name) && !this.binder.lookupValue(name, place.file);
  }

  /** A name in an expression or interpolation. */
  private name(name: Identifier, place: Place, expected: Type | undefined): ExprInfo {
    if (!name || name.name === "") return errorInfo;
    const local = place.scope?.lookup(name.name);
    const symbol = local ?? this.binder.lookupValue(name.name, place.file);
    if (symbol) {
      this.recordReference(place.file, name, symbol);
      switch (symbol.kind) {
        case "menu":
        case "entry":
          this.report(
            place.file,
            "type-mismatch",
            `"${name.name}" is ${withArticle(symbol.kind)}, not a value${symbol.kind === "menu" ? `; open it with \`-> menu ${name.name}\`` : `; run it with \`-> boot ${name.name}(…)\``}`,
            name,
          );
          return errorInfo;
        case "const":
          if (this.constant(symbol as MutableSymbol) === "cycle") {
            this.report(
              place.file,
              "not-compile-time",
              `constant "${name.name}" is defined in terms of itself, so it has no value`,
              name,
            );
            return errorInfo;
          }
          return infoOf(symbol.type, "compile");
        case "setting":
        case "builtin-setting":
          return infoOf(symbol.type, "runtime");
        case "param":
          return infoOf(symbol.type, "param");
        case "loop-variable":
          return infoOf(symbol.type, this.loopStages.get(symbol) ?? "compile");
        default:
          return errorInfo;
      }
    }
    const enumType = enumTypeOf(name.name);
    if (enumType && expected && isEnumType(expected)) {
      this.resolutions.set(place.file, name, { kind: "enum", type: enumType, value: name.name });
      return infoOf(Types[enumType], "compile");
    }
    this.recordReference(place.file, name, undefined);
    const candidates = [...(place.scope?.names() ?? []), ...this.binder.visibleNames(place.file, valueKinds)];
    if (expected && isEnumType(expected)) candidates.push(...enumValues[expected.kind]);
    const suggestion = closestName(name.name, candidates);
    const enumNote =
      enumType && !suggestion
        ? `; "${name.name}" is ${withArticle(enumType)} only where one is expected (e.g. \`${enumType === "arch" ? "buildarch" : "platform"} == ${name.name}\`)`
        : "";
    this.report(
      place.file,
      "unknown-name",
      `unknown name "${name.name}"${didYouMean(suggestion)}${enumNote}`,
      name,
      suggestion ? { fix: replaceNameFix(name, suggestion) } : {},
    );
    return errorInfo;
  }

  private member(object: Type, member: Identifier, place: Place): Type {
    if (!member) return Types.error;
    if (isUnchecked(object)) return object;
    if (object.kind !== "record") {
      this.report(
        place.file,
        "unknown-field",
        `"${member.name}" is not a field: ${describeType(object)} has no fields`,
        member,
      );
      return Types.error;
    }
    if (!object.fields) return Types.any;
    const field = object.fields.get(member.name);
    if (field) return field;
    const suggestion = closestName(member.name, object.fields.keys());
    const known = [...object.fields.keys()];
    this.report(
      place.file,
      "unknown-field",
      `the record has no field "${member.name}"${didYouMean(suggestion)}${known.length > 0 ? ` (fields: ${known.join(", ")})` : ""}`,
      member,
      suggestion ? { fix: replaceNameFix(member, suggestion) } : {},
    );
    return Types.error;
  }

  private interpolation(part: Interpolation, place: Place): ExprInfo {
    let info: ExprInfo;
    if (part.scope !== undefined || part.format !== undefined) {
      // `${net0/mac}`, `${mac:hexhyp}`: an iPXE reference taken as written. The name is still
      // linked to a setting of that name, for the editor.
      const symbol = part.name ? this.binder.lookupValue(part.name.name, place.file) : undefined;
      if (symbol && (symbol.kind === "setting" || symbol.kind === "builtin-setting"))
        this.recordReference(place.file, part.name, symbol);
      info = infoOf(Types.string, "runtime");
    } else {
      info = this.name(part.name, place, undefined);
      for (const member of part.members ?? []) info = infoOf(this.member(info.type, member, place), info.stage);
    }
    this.info.record(place.file, part, info);
    for (const rule of this.hooks.interpolation) rule.interpolation!(part, info, place.context);
    return info;
  }

  // -------------------------------------------------------------------------------------------
  // Bookkeeping

  private recordReference(file: string, name: Identifier, target: SymbolInfo | undefined): void {
    if (target) {
      this.references.push({ kind: "name", file, range: name, name: name.name, target });
      this.resolutions.set(file, name, this.resolutionOf(target));
    } else {
      this.references.push({ kind: "name", file, range: name, name: name.name });
    }
  }

  /** One resolution object per symbol, shared by all its references. */
  private resolutionOf(symbol: SymbolInfo): Resolution {
    let resolution = this.symbolResolutions.get(symbol);
    if (!resolution) {
      resolution = { kind: "symbol", symbol };
      this.symbolResolutions.set(symbol, resolution);
    }
    return resolution;
  }

  private readonly symbolResolutions = new Map<SymbolInfo, Resolution>();

  private report(
    file: string,
    code: DiagnosticCode,
    message: string,
    range: Range,
    extra: { related?: readonly RelatedInformation[]; fix?: Fix } = {},
  ): void {
    this.diagnostics.push(makeDiagnostic(code, message, file, range, extra));
  }

  /** The place at the top level of a file, with the checks' context for that file. */
  private fileScope(file: string): Place {
    let place = this.places.get(file);
    if (!place) {
      const context: CheckContext = {
        file,
        binder: this.binder,
        report: (code, message, range, extra) => this.report(file, code, message, range, extra),
        infoOf: (node) => this.info.get(file, node),
        deferUrl: (expression) => this.deferredUrls.add(expression),
      };
      place = { file, scope: undefined, context };
      this.places.set(file, place);
    }
    return place;
  }
}

/** Items with an explicit id anywhere in a menu body (inside `for`, `if` and `when` too). */
function collectItemIds(members: readonly MenuMember[] | undefined, visit: (item: ItemNode) => void): void {
  for (const member of members ?? []) {
    switch (member.kind) {
      case "Item":
        if (member.id && member.id.name !== "") visit(member);
        break;
      case "For":
        collectItemIds(member.body, visit);
        break;
      case "If":
      case "When":
        collectItemIds(member.then, visit);
        collectItemIds(member.else, visit);
        break;
      default:
        break;
    }
  }
}

function enumHint(a: Type, b: Type): string {
  const enumSide = isEnumType(a) ? a : isEnumType(b) ? b : undefined;
  if (!enumSide) return "";
  return ` (${enumSide.kind === "arch" ? "architectures" : "platforms"} are ${enumValues[enumSide.kind].join(", ")})`;
}
