// @ipxm/ipxe: a model of the iPXE script language (tokenizer, settings and expansion, command table and
// option parser, target profiles). No I/O, no dependencies.

export { isIpxeSpace, isIpxePrint } from "./ctype.js";

export { checkHeader } from "./header.js";
export type { HeaderCheck, HeaderProblem } from "./header.js";

export { forEachLogicalLine, tokenizeScript } from "./tokenize.js";
export type {
  IpxeCommand,
  IpxeLabel,
  IpxeToken,
  LogicalLine,
  ScriptSummary,
  Terminator,
  TokenizedScript,
} from "./tokenize.js";

export { invalidIntegerMessage, ipxeKeyCodes, ipxeStrtoul, parseIpxeInteger, parseIpxeKey } from "./integers.js";
export type { IntegerParse, KeyParse, StrtoulResult } from "./integers.js";

export {
  cStringOf,
  formatSettingValue,
  isSettingTypeName,
  modelledSettingTypes,
  parseSettingValue,
  settingTypeNames,
  utf8Bytes,
} from "./setting-types.js";
export type { ParsedValue, SettingTypeName } from "./setting-types.js";

export { SettingsStore, parseSettingReference, predefinedSettingTypes } from "./settings.js";
export type { SettingReference, SettingsLookup, SettingsStoreOptions, StoreResult, StoredSetting } from "./settings.js";

export { expandSettings, expandSettingsDetailed, hasExpansion, nextExpansion } from "./expand.js";
export type { ExpansionLimits, ExpansionResult } from "./expand.js";

export {
  MAX_ARGUMENTS,
  commandNames,
  commandTable,
  findOption,
  getCommand,
  ipxeReleases,
  positionalKind,
  releaseHas,
} from "./commands.js";
export type {
  CommandSpec,
  IpxeRelease,
  OptionArgumentKind,
  OptionSpec,
  PositionalKind,
  PositionalSpec,
} from "./commands.js";

export { parseCommand } from "./parse-command.js";
export type {
  CommandParseError,
  CommandParseErrorKind,
  ParseCommandOptions,
  ParseNote,
  ParseNoteKind,
  ParsedCommand,
  ParsedOption,
} from "./parse-command.js";

export {
  commandAvailable,
  defaultProfileName,
  getProfile,
  optionAvailable,
  profileNames,
  urlScheme,
  urlSchemeAvailable,
} from "./profiles.js";
export type { Platform, ProfileFeatures, TargetProfile, UrlScheme } from "./profiles.js";

export {
  countdownSeconds,
  cp437Char,
  initialSelection,
  menuAttributes,
  menuScreenAnsi,
  menuScreenText,
  renderMenuScreen,
} from "./menu-screen.js";
export type { MenuScreen, MenuScreenItem, MenuScreenModel, MenuScreenOptions } from "./menu-screen.js";

export { firmwareSettings, runToMenu } from "./menu-run.js";
export type { BuiltMenu, BuiltMenuItem, ChooseCall, MenuRunOptions, MenuRunResult } from "./menu-run.js";
