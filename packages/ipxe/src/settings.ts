/**
 * A small model of iPXE's settings tree (src/core/settings.c) with what scripts rely on: generic settings
 * that remember the type they were stored with, predefined names with fixed types (`ip` is an IPv4
 * address, `mac` is hex), scoped blocks (`net0/mac`), and "empty value deletes".
 */
import {
  formatSettingValue,
  isSettingTypeName,
  modelledSettingTypes,
  parseSettingValue,
  type SettingTypeName,
} from "./setting-types.js";

/** `[scope/]name[:type]`, split as `parse_setting_name` does: first `/`, then the first `:` after it. */
export interface SettingReference {
  scope?: string;
  name: string;
  type?: string;
}

export function parseSettingReference(reference: string): SettingReference {
  let scope: string | undefined;
  let rest = reference;
  const slash = reference.indexOf("/");
  if (slash >= 0) {
    scope = reference.slice(0, slash);
    rest = reference.slice(slash + 1);
  }
  const colon = rest.indexOf(":");
  const name = colon >= 0 ? rest.slice(0, colon) : rest;
  const type = colon >= 0 ? rest.slice(colon + 1) : undefined;
  const parsed: SettingReference = { name };
  if (scope !== undefined) parsed.scope = scope;
  if (type !== undefined) parsed.type = type;
  return parsed;
}

/**
 * Types of predefined settings that matter to scripts (`.type` of the `struct setting` definitions).
 * Storing or reading one of these names without an explicit type uses this type, whatever type the value
 * was stored with.
 */
export const predefinedSettingTypes: Readonly<Record<string, SettingTypeName>> = Object.freeze({
  ip: "ipv4",
  netmask: "ipv4",
  gateway: "ipv4",
  dns: "ipv4",
  "next-server": "ipv4",
  "dhcp-server": "ipv4",
  syslog: "ipv4",
  ip6: "ipv6",
  gateway6: "ipv6",
  dns6: "ipv6",
  dnssl: "dnssl",
  mac: "hex",
  hwaddr: "hex",
  busid: "hex",
  sysmac: "hex",
  uuid: "uuid",
  mtu: "int16",
  priority: "int8",
  "keep-san": "int8",
  "skip-san-boot": "int8",
  memsize: "int32",
  errno: "uint32",
  unixtime: "uint32",
});

export interface StoredSetting {
  type: SettingTypeName;
  bytes: Uint8Array;
}

export type StoreResult =
  | { ok: true; deleted?: true }
  | { ok: false; problem: "unknown-type" | "unmodelled-type" | "invalid-value"; message: string };

/** Anything that can answer `${reference}` lookups; expansion only needs this. */
export interface SettingsLookup {
  /** The formatted value of a reference, or `undefined` when iPXE would expand it to nothing. */
  lookup(reference: string): string | undefined;
}

export interface SettingsStoreOptions {
  /**
   * Width of C `long` on the modelled build, which bounds integer formatting: 4 on 32-bit builds (PC-BIOS
   * `i386`), 8 on 64-bit builds (`x86_64` EFI).
   */
  longBytes?: 4 | 8;
}

/** The root settings block is keyed by the empty scope name. */
const ROOT = "";

export class SettingsStore implements SettingsLookup {
  private readonly blocks = new Map<string, Map<string, StoredSetting>>([[ROOT, new Map()]]);
  private readonly longBytes: 4 | 8;

  constructor(options: SettingsStoreOptions = {}) {
    this.longBytes = options.longBytes ?? 4;
  }

  /** Creates an (empty) settings block such as `net0` or `net0.dhcp`, as a network device would. */
  defineScope(scope: string): void {
    if (!this.blocks.has(scope)) this.blocks.set(scope, new Map());
  }

  hasScope(scope: string): boolean {
    return this.blocks.has(scope);
  }

  /**
   * `set <reference> <value>` after expansion: parses `value` with the explicit type, else the
   * predefined type of the name, else `string`. An empty value deletes the setting. A missing scope is
   * created, as `set` autovivifies blocks.
   */
  set(reference: string, value: string): StoreResult {
    const ref = parseSettingReference(reference);
    const type = this.storeType(ref);
    if (typeof type !== "string") return type;
    const block = this.vivify(ref.scope);
    if (value === "") {
      block.delete(ref.name);
      return { ok: true, deleted: true };
    }
    if (!modelledSettingTypes.has(type)) {
      return { ok: false, problem: "unmodelled-type", message: `type "${type}" is not modelled` };
    }
    const bytes = parseSettingValue(type, value);
    if (!bytes) return { ok: false, problem: "invalid-value", message: `"${value}" is not a valid ${type} value` };
    block.set(ref.name, { type, bytes });
    return { ok: true };
  }

  /** Stores raw bytes, e.g. to seed values iPXE would get from DHCP or SMBIOS. Empty bytes delete. */
  setBytes(reference: string, bytes: Uint8Array, type?: SettingTypeName): StoreResult {
    const ref = parseSettingReference(reference);
    const resolved = type ?? this.storeType(ref);
    if (typeof resolved !== "string") return resolved;
    const block = this.vivify(ref.scope);
    if (bytes.length === 0) {
      block.delete(ref.name);
      return { ok: true, deleted: true };
    }
    block.set(ref.name, { type: resolved, bytes: Uint8Array.from(bytes) });
    return { ok: true };
  }

  /** `clear <reference>`. */
  clear(reference: string): void {
    const ref = parseSettingReference(reference);
    this.blocks.get(ref.scope ?? ROOT)?.delete(ref.name);
  }

  /** The stored value a reference finds (searching child blocks as iPXE does), ignoring any `:type`. */
  fetch(reference: string): StoredSetting | undefined {
    const ref = parseSettingReference(reference);
    return this.find(ref);
  }

  /**
   * `${reference}`: the formatted value, or `undefined` when iPXE would expand it to the empty string
   * (unset, unknown scope, unknown type, or a value the type cannot format).
   */
  get(reference: string): string | undefined {
    const ref = parseSettingReference(reference);
    if (ref.type !== undefined && !isSettingTypeName(ref.type)) return undefined;
    if (ref.scope !== undefined && !this.blocks.has(ref.scope)) return undefined;
    const stored = this.find(ref);
    if (!stored) return undefined;
    const type = (ref.type as SettingTypeName | undefined) ?? predefinedSettingTypes[ref.name] ?? stored.type;
    return formatSettingValue(type, stored.bytes, this.longBytes);
  }

  lookup(reference: string): string | undefined {
    return this.get(reference);
  }

  /** Every stored setting as `scope/name` (or `name` in the root block). */
  *entries(): IterableIterator<[string, StoredSetting]> {
    for (const [scope, block] of this.blocks) {
      for (const [name, stored] of block) yield [scope === ROOT ? name : `${scope}/${name}`, stored];
    }
  }

  private storeType(ref: SettingReference): SettingTypeName | StoreResult {
    if (ref.type === undefined) return predefinedSettingTypes[ref.name] ?? "string";
    if (!isSettingTypeName(ref.type)) {
      return { ok: false, problem: "unknown-type", message: `unknown setting type "${ref.type}"` };
    }
    return ref.type;
  }

  private vivify(scope: string | undefined): Map<string, StoredSetting> {
    const key = scope ?? ROOT;
    let block = this.blocks.get(key);
    if (!block) {
      block = new Map();
      this.blocks.set(key, block);
    }
    return block;
  }

  /**
   * `fetch_setting`: a block is searched before its children (`net0` before `net0.dhcp`); an unscoped
   * name searches the whole tree, root first.
   */
  private find(ref: SettingReference): StoredSetting | undefined {
    const scope = ref.scope ?? ROOT;
    const own = this.blocks.get(scope)?.get(ref.name);
    if (own) return own;
    for (const [key, block] of this.blocks) {
      if (key === scope || !isDescendant(key, scope)) continue;
      const found = block.get(ref.name);
      if (found) return found;
    }
    return undefined;
  }
}

function isDescendant(block: string, scope: string): boolean {
  return scope === ROOT ? block !== ROOT : block.startsWith(scope + ".");
}
