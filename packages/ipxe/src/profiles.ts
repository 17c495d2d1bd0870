/**
 * Target profiles: which iPXE build a script will run on, and therefore which commands, options, URL
 * schemes and features exist. A script valid for one build is "command not found" or "Operation not
 * supported" on another.
 *
 * Sources: the stock build configuration (`src/config/general.h` and `config/defaults/*.h`) of each release,
 * reference/ipxe-language.md §10 for the current tree, and reference/ipxe-in-qemu.md §8 for what Debian 12's
 * packaged binaries actually list in `help` and their feature line. All profiles are x86 builds
 * (`cpuid` exists).
 */
import { commandTable, releaseHas, type IpxeRelease } from "./commands.js";

export type Platform = "pcbios" | "efi";

export type UrlScheme = "http" | "https" | "tftp" | "ftp" | "nfs" | "file";

export interface ProfileFeatures {
  /** `https://` downloads (DOWNLOAD_PROTO_HTTPS). */
  https: boolean;
  /** Booting syslinux's memdisk (a bzImage-format kernel with an INT 13h disk emulator): PC-BIOS only. */
  memdisk: boolean;
  /** `sanboot` with no root path boots a local drive (`sanboot --drive 0x80`); on EFI only since 2.x. */
  sanbootLocalDrive: boolean;
  /** The virtual `initrd.magic` file handed to EFI-stub kernels (EFI builds since 2021-05). */
  initrdMagic: boolean;
  /** `choose --retimeout` (2.x). */
  retimeout: boolean;
  /** `form`, `present`, `item --form`/`--secret` (2.x). */
  forms: boolean;
  /** EFI variables readable as settings, `${efi/…}` (EFI builds since 2023-06). */
  efiVariables: boolean;
}

export interface TargetProfile {
  name: string;
  /** Human name of the build. */
  build: string;
  /** The release its parser and options correspond to. */
  release: IpxeRelease;
  platform: Platform;
  description: string;
  /** Commands compiled in (every name, synonyms included). */
  commands: ReadonlySet<string>;
  /** Options of available commands that this build does not have, by command name. */
  unavailableOptions: ReadonlyMap<string, readonly string[]>;
  /** Download URL schemes compiled in by default. */
  urlSchemes: ReadonlySet<UrlScheme>;
  features: Readonly<ProfileFeatures>;
  /** What this build lacks, in words, for documentation and messages. */
  lacks: readonly string[];
}

/** Commands present in every stock build of every modelled release (x86). */
const CORE_COMMANDS = [
  // exec.c, script.c, shell.c
  "echo",
  "exit",
  "isset",
  "iseq",
  "sleep",
  "goto",
  "prompt",
  "shell",
  "help",
  // NVO_CMD, CONFIG_CMD, LOGIN_CMD
  "show",
  "set",
  "clear",
  "read",
  "inc",
  "config",
  "login",
  // IFMGMT_CMD, DHCP_CMD, AUTOBOOT_CMD, ROUTE_CMD
  "ifopen",
  "ifclose",
  "ifstat",
  "ifconf",
  "dhcp",
  "pxebs",
  "autoboot",
  "route",
  // IMAGE_CMD
  "imgfetch",
  "module",
  "initrd",
  "kernel",
  "imgselect",
  "imgload",
  "chain",
  "imgexec",
  "boot",
  "imgargs",
  "imgstat",
  "imgfree",
  // MENU_CMD, SANBOOT_CMD, SYNC_CMD, REBOOT_CMD, CPUID_CMD
  "menu",
  "item",
  "choose",
  "sanboot",
  "sanhook",
  "sanunhook",
  "sync",
  "reboot",
  "cpuid",
];

/** IWMGMT_CMD, IBMGMT_CMD, FCMGMT_CMD: built in by default, present when the matching drivers are linked. */
const DIAGNOSTIC_COMMANDS = ["iwstat", "iwlist", "ibstat", "fcstat", "fcels"];

/** Commands new in 2.x and enabled in every stock 2.x build. */
const V2_COMMANDS = ["iflinkwait", "imgextract", "shim", "form", "present", "poweroff"];

/** Enabled in stock 2.x builds except PC-BIOS ("not historically included in BIOS builds"), plus FDT on EFI. */
const V2_NON_BIOS_COMMANDS = [
  "console",
  "colour",
  "cpair",
  "certstat",
  "certstore",
  "certfree",
  "md4sum",
  "md5sum",
  "sha1sum",
  "sha224sum",
  "sha256sum",
  "sha384sum",
  "sha512sum",
  "ntp",
  "params",
  "param",
  "pciscan",
  "usbscan",
  "vcreate",
  "vdestroy",
  "fdt",
];

/** What `help` listed in Debian 12's BIOS `ipxe.lkrn` (1.0.0+git-20190125.36a4c85-5.1). */
const DEBIAN_BIOS_COMMANDS = [
  "config",
  "cpuid",
  "dhcp",
  "pxebs",
  "ifopen",
  "ifclose",
  "ifstat",
  "ifconf",
  "imgfetch",
  "module",
  "initrd",
  "kernel",
  "chain",
  "imgselect",
  "imgload",
  "imgargs",
  "imgexec",
  "boot",
  "imgstat",
  "imgfree",
  "login",
  "menu",
  "item",
  "choose",
  "show",
  "set",
  "clear",
  "read",
  "inc",
  "reboot",
  "route",
  "sanhook",
  "sanboot",
  "sanunhook",
  "prompt",
  "goto",
  "shell",
  "help",
  "sync",
  "autoboot",
  "sleep",
  "iseq",
  "isset",
  "exit",
  "echo",
  "ibstat",
  "iwstat",
  "iwlist",
];

/** Debian 12's EFI ROM lists the same set without the wireless and InfiniBand diagnostics. */
const DEBIAN_EFI_COMMANDS = DEBIAN_BIOS_COMMANDS.filter((name) => !["ibstat", "iwstat", "iwlist"].includes(name));

interface ProfileDraft {
  name: string;
  build: string;
  release: IpxeRelease;
  platform: Platform;
  description: string;
  commands: readonly string[];
  urlSchemes: readonly UrlScheme[];
  features: ProfileFeatures;
  lacks: readonly string[];
}

const drafts: ProfileDraft[] = [
  {
    name: "debian-pcbios",
    build: "Debian 12 ipxe 1.0.0+git-20190125 (PC-BIOS)",
    release: "2019",
    platform: "pcbios",
    description:
      "The BIOS binaries Debian 12 packages (ipxe.lkrn, undionly.kpxe, the QEMU NIC ROMs): a January 2019 snapshot.",
    commands: DEBIAN_BIOS_COMMANDS,
    urlSchemes: ["http", "tftp", "nfs"],
    features: {
      https: false,
      memdisk: true,
      sanbootLocalDrive: true,
      initrdMagic: false,
      retimeout: false,
      forms: false,
      efiVariables: false,
    },
    lacks: [
      "HTTPS",
      "poweroff, console/colour/cpair, params/param, ntp, nslookup, ping, time, vcreate, pciscan, digests, certificates",
      "imgverify/imgtrust",
      "everything newer than 2019: iflinkwait, imgextract, shim, forms, choose --retimeout",
    ],
  },
  {
    name: "debian-efi",
    build: "Debian 12 ipxe 1.0.0+git-20190125 (EFI)",
    release: "2019",
    platform: "efi",
    description:
      "The EFI binaries Debian 12 packages (ipxe.efi, snponly.efi, the QEMU efi-*.rom): a January 2019 snapshot.",
    commands: DEBIAN_EFI_COMMANDS,
    urlSchemes: ["http", "tftp", "nfs"],
    features: {
      https: false,
      memdisk: false,
      sanbootLocalDrive: false,
      initrdMagic: false,
      retimeout: false,
      forms: false,
      efiVariables: false,
    },
    lacks: [
      "HTTPS",
      "initrd=initrd.magic (name the initrd instead)",
      "sanboot of a local drive (use exit)",
      "memdisk",
      "poweroff, console/colour/cpair, params/param, ntp, nslookup, ping, time, vcreate, pciscan, digests, certificates, shim",
      "imgverify/imgtrust",
      "iwstat/iwlist/ibstat",
    ],
  },
  {
    name: "ipxe-1.21-pcbios",
    build: "iPXE v1.21.1, stock configuration (PC-BIOS)",
    release: "1.21",
    platform: "pcbios",
    description: "The last 1.x release (2020-12-31), as most distributions ship it, built for PC-BIOS.",
    commands: [...CORE_COMMANDS, ...DIAGNOSTIC_COMMANDS],
    urlSchemes: ["http", "tftp"],
    features: {
      https: false,
      memdisk: true,
      sanbootLocalDrive: true,
      initrdMagic: false,
      retimeout: false,
      forms: false,
      efiVariables: false,
    },
    lacks: [
      "HTTPS",
      "poweroff, console/colour/cpair, params/param, ntp, nslookup, ping, time, vcreate, pciscan, digests, certificates",
      "imgverify/imgtrust",
      "iflinkwait, imgextract, shim, forms, choose --retimeout, --quiet on image commands",
    ],
  },
  {
    name: "ipxe-1.21-efi",
    build: "iPXE v1.21.1, stock configuration (EFI)",
    release: "1.21",
    platform: "efi",
    description:
      "The last 1.x release (2020-12-31) built for UEFI. Stock 1.x EFI builds did not enable HTTPS or the console, ntp and params commands.",
    commands: [...CORE_COMMANDS, ...DIAGNOSTIC_COMMANDS],
    urlSchemes: ["http", "tftp", "file"],
    features: {
      https: false,
      memdisk: false,
      sanbootLocalDrive: false,
      initrdMagic: false,
      retimeout: false,
      forms: false,
      efiVariables: false,
    },
    lacks: [
      "HTTPS",
      "initrd=initrd.magic (name the initrd instead)",
      "sanboot of a local drive (use exit)",
      "memdisk",
      "poweroff, console/colour/cpair, params/param, ntp, nslookup, ping, time, vcreate, pciscan, digests, certificates",
      "imgverify/imgtrust",
      "iflinkwait, imgextract, shim, forms, choose --retimeout, --quiet on image commands",
    ],
  },
  {
    name: "ipxe-2-pcbios",
    build: "iPXE v2.0.0, stock configuration (PC-BIOS)",
    release: "2",
    platform: "pcbios",
    description:
      "iPXE 2.x built for PC-BIOS: new commands, but HTTPS and several commands are still left out of BIOS builds.",
    commands: [...CORE_COMMANDS, ...DIAGNOSTIC_COMMANDS, ...V2_COMMANDS],
    urlSchemes: ["http", "tftp"],
    features: {
      https: false,
      memdisk: true,
      sanbootLocalDrive: true,
      initrdMagic: false,
      retimeout: true,
      forms: true,
      efiVariables: false,
    },
    lacks: [
      "HTTPS",
      "console/colour/cpair, params/param, ntp, pciscan, usbscan, vcreate, digests, certificates",
      "nslookup, ping, time, imgverify/imgtrust",
    ],
  },
  {
    name: "ipxe-2-efi",
    build: "iPXE v2.0.0, stock configuration (EFI)",
    release: "2",
    platform: "efi",
    description: "iPXE 2.x built for UEFI: the most capable stock build.",
    commands: [...CORE_COMMANDS, ...DIAGNOSTIC_COMMANDS, ...V2_COMMANDS, ...V2_NON_BIOS_COMMANDS],
    urlSchemes: ["http", "https", "tftp", "file"],
    features: {
      https: true,
      memdisk: false,
      sanbootLocalDrive: true,
      initrdMagic: true,
      retimeout: true,
      forms: true,
      efiVariables: true,
    },
    lacks: ["memdisk", "nslookup, ping, time, imgverify/imgtrust"],
  },
];

function unavailableOptionsOf(commands: ReadonlySet<string>, release: IpxeRelease): Map<string, readonly string[]> {
  const missing = new Map<string, readonly string[]>();
  for (const name of commands) {
    const spec = commandTable.get(name);
    if (!spec) continue;
    const absent = spec.options.filter((option) => !releaseHas(release, option.since)).map((option) => option.long);
    if (absent.length > 0) missing.set(name, Object.freeze(absent));
  }
  return missing;
}

function finish(draft: ProfileDraft): TargetProfile {
  const commands: ReadonlySet<string> = new Set(draft.commands);
  return Object.freeze({
    ...draft,
    commands,
    unavailableOptions: unavailableOptionsOf(commands, draft.release),
    urlSchemes: new Set(draft.urlSchemes),
    features: Object.freeze({ ...draft.features }),
    lacks: Object.freeze([...draft.lacks]),
  });
}

const profiles: ReadonlyMap<string, TargetProfile> = new Map(drafts.map((draft) => [draft.name, finish(draft)]));

/**
 * The default target: the last 1.x release, which most distributions ship, built for PC-BIOS. It is the
 * most constrained current build, so what runs there runs nearly everywhere.
 */
export const defaultProfileName = "ipxe-1.21-pcbios";

export const profileNames: readonly string[] = Object.freeze(drafts.map((draft) => draft.name));

export function getProfile(name: string): TargetProfile | undefined {
  return profiles.get(name);
}

export function commandAvailable(profile: TargetProfile, name: string): boolean {
  return profile.commands.has(name);
}

/** True when `option` (long name) of `command` exists in this build. */
export function optionAvailable(profile: TargetProfile, command: string, option: string): boolean {
  if (!profile.commands.has(command)) return false;
  return !(profile.unavailableOptions.get(command) ?? []).includes(option);
}

/**
 * The scheme of an absolute URL (`http`, `tftp`…), lower-cased; `undefined` for a relative reference or
 * a URL whose scheme is itself a setting expansion (neither can be judged statically).
 */
export function urlScheme(url: string): string | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url);
  return match ? match[1]!.toLowerCase() : undefined;
}

/**
 * Whether the build can download `url`. Relative references resolve against the current script's URI, so
 * they are accepted; an absolute URL needs its scheme compiled in.
 */
export function urlSchemeAvailable(profile: TargetProfile, url: string): boolean {
  const scheme = urlScheme(url);
  if (scheme === undefined) return true;
  return (profile.urlSchemes as ReadonlySet<string>).has(scheme);
}
