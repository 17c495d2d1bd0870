/**
 * The iPXE command table: every command of the source snapshot described in
 * reference/ipxe-language.md §9 (92 names, synonyms included), with the options and positional counts of
 * its `COMMAND_DESC`, and the facts a compiler or linter needs about its status and control flow.
 */

/** iPXE releases the model distinguishes, oldest first. */
export const ipxeReleases = ["2019", "1.21", "2", "master"] as const;
/**
 * `"2019"`: the January 2019 snapshot Debian 12 ships (1.0.0+git-20190125); `"1.21"`: v1.21.1;
 * `"2"`: v2.0.0; `"master"`: newer than any tagged release.
 */
export type IpxeRelease = (typeof ipxeReleases)[number];

/** True when a feature introduced in `since` exists in `release`. */
export function releaseHas(release: IpxeRelease, since: IpxeRelease | undefined): boolean {
  return since === undefined || ipxeReleases.indexOf(release) >= ipxeReleases.indexOf(since);
}

/** How an option argument is parsed (`parse_integer`, `parse_timeout`, `parse_key`, `parse_string`…). */
export type OptionArgumentKind = "integer" | "timeout-ms" | "key" | "string" | "setting" | "menu-name";

export interface OptionSpec {
  /** Long name, matched exactly (`--timeout`); iPXE has no abbreviations. */
  long: string;
  /** Short letter (`-t`); every iPXE option has one. */
  short: string;
  /** Kind of the required argument; absent for a flag. */
  argument?: OptionArgumentKind;
  /** First release that has the option (absent: every modelled release). */
  since?: IpxeRelease;
}

export type PositionalKind =
  "text" | "integer" | "setting" | "label" | "uri" | "image" | "interface" | "value" | "command";

export interface PositionalSpec {
  name: string;
  kind: PositionalKind;
}

export interface CommandSpec {
  /** This name. */
  name: string;
  /** The name of the implementation it shares (`imgfetch` for `initrd`); equal to `name` if none. */
  canonical: string;
  /** Every name of the same implementation, `canonical` first. */
  names: readonly string[];
  usage: string;
  options: readonly OptionSpec[];
  /** Fewest positional arguments accepted. */
  minArgs: number;
  /** Most positional arguments accepted; 255 (`MAX_ARGUMENTS`) for open-ended commands. */
  maxArgs: number;
  /** Kinds of the leading positional arguments. */
  positionals: readonly PositionalSpec[];
  /** Kind of any further positional arguments. */
  rest?: PositionalSpec;
  /** A failure is an ordinary outcome (test false, user cancelled, download failed…), so guard it with `||`. */
  fallible: boolean;
  /** Commonly used as a side-effect-free condition (`iseq`, `isset`, `cpuid`). */
  condition: boolean;
  /** Whether the rest of the line is skipped after this command: `goto` on success, `exit` always. */
  stopsLine: "never" | "on-success" | "always";
  /** Whether the current script ends: `exit` always, `chain --replace` when it succeeds. */
  endsScript: "never" | "always" | "with-replace";
  /** The `config/general.h` option that compiles it in. */
  buildOption: string;
  /** First release that has the command (absent: every modelled release). */
  since?: IpxeRelease;
}

/** `MAX_ARGUMENTS` (src/include/ipxe/parseopt.h): the positional limit of open-ended commands. */
export const MAX_ARGUMENTS = 255;

type Draft = Omit<CommandSpec, "name" | "canonical" | "names" | "fallible" | "condition" | "stopsLine" | "endsScript"> &
  Partial<Pick<CommandSpec, "fallible" | "condition" | "stopsLine" | "endsScript">> & { synonyms?: readonly string[] };

const flag = (long: string, short: string, since?: IpxeRelease): OptionSpec =>
  since ? { long, short, since } : { long, short };
const opt = (long: string, short: string, argument: OptionArgumentKind, since?: IpxeRelease): OptionSpec =>
  since ? { long, short, argument, since } : { long, short, argument };
const pos = (name: string, kind: PositionalKind): PositionalSpec => ({ name, kind });
const N = MAX_ARGUMENTS;

const imageOptions = [
  opt("name", "n", "string"),
  opt("timeout", "t", "timeout-ms"),
  flag("autofree", "a"),
  flag("quiet", "q", "2"),
];
const digest = (usage: string): Draft => ({
  usage,
  options: [opt("set", "s", "setting", "2")],
  minArgs: 1,
  maxArgs: N,
  positionals: [],
  rest: pos("image", "image"),
  buildOption: "DIGEST_CMD",
});
const certOptions = [opt("subject", "s", "string"), flag("keep", "k")];

/** One entry per implementation; synonyms share it. */
const drafts: Record<string, Draft> = {
  // Flow and tests: src/core/exec.c, src/image/script.c
  goto: {
    usage: "goto <label>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("label", "label")],
    fallible: true,
    stopsLine: "on-success",
    buildOption: "IMAGE_SCRIPT",
  },
  exit: {
    usage: "exit [<status>]",
    options: [],
    minArgs: 0,
    maxArgs: 1,
    positionals: [pos("status", "integer")],
    stopsLine: "always",
    endsScript: "always",
    buildOption: "(core)",
  },
  isset: {
    usage: "isset <value>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("value", "value")],
    fallible: true,
    condition: true,
    buildOption: "(core)",
  },
  iseq: {
    usage: "iseq <value1> <value2>",
    options: [],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("value1", "value"), pos("value2", "value")],
    fallible: true,
    condition: true,
    buildOption: "(core)",
  },
  prompt: {
    usage: "prompt [--key <key>] [--timeout <timeout>] [<text>]",
    options: [opt("key", "k", "key"), opt("timeout", "t", "timeout-ms")],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("text", "text"),
    fallible: true,
    buildOption: "IMAGE_SCRIPT",
  },
  sleep: {
    usage: "sleep <seconds>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("seconds", "integer")],
    buildOption: "(core)",
  },
  echo: {
    usage: "echo [-n] [...]",
    // The long name really is "n": `--n` works too.
    options: [flag("n", "n")],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("text", "text"),
    buildOption: "(core)",
  },
  shell: { usage: "shell", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "SHELL_CMD" },
  help: { usage: "help", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "SHELL_CMD" },

  // Settings: src/hci/commands/nvo_cmd.c, config_cmd.c, login_cmd.c
  set: {
    usage: "set <setting> <value>",
    options: [],
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("setting", "setting")],
    rest: pos("value", "text"),
    buildOption: "NVO_CMD",
  },
  clear: {
    usage: "clear <setting>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("setting", "setting")],
    buildOption: "NVO_CMD",
  },
  read: {
    usage: "read [--timeout <timeout>] <setting>",
    options: [opt("timeout", "t", "timeout-ms")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("setting", "setting")],
    fallible: true,
    buildOption: "NVO_CMD",
  },
  inc: {
    usage: "inc <setting> [<increment>]",
    options: [],
    minArgs: 1,
    maxArgs: 2,
    positionals: [pos("setting", "setting"), pos("increment", "integer")],
    buildOption: "NVO_CMD",
  },
  show: {
    usage: "show <setting>",
    options: [flag("quiet", "q", "2")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("setting", "setting")],
    fallible: true,
    buildOption: "NVO_CMD",
  },
  config: {
    usage: "config [<scope>]",
    options: [],
    minArgs: 0,
    maxArgs: 1,
    positionals: [pos("scope", "text")],
    buildOption: "CONFIG_CMD",
  },
  login: {
    usage: "login",
    options: [],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    fallible: true,
    buildOption: "LOGIN_CMD",
  },

  // Menus and forms: src/hci/commands/dynui_cmd.c (menu_cmd.c before 2.x)
  menu: {
    usage: "menu [--name <name>] [--delete] [<title>]",
    options: [opt("name", "n", "menu-name"), flag("delete", "d")],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("title", "text"),
    buildOption: "MENU_CMD",
  },
  item: {
    usage: "item [--menu <menu>] [--key <key>] [--default] [--gap] [<name> [<text>]]",
    options: [
      opt("menu", "m", "menu-name"),
      opt("form", "f", "menu-name", "2"),
      opt("key", "k", "key"),
      flag("default", "d"),
      flag("gap", "g"),
      flag("secret", "s", "2"),
    ],
    minArgs: 0,
    maxArgs: N,
    positionals: [pos("name", "value")],
    rest: pos("text", "text"),
    buildOption: "MENU_CMD",
  },
  choose: {
    usage: "choose [--menu <menu>] [--default <name>] [--timeout <timeout>] [--keep] <setting>",
    options: [
      opt("menu", "m", "menu-name"),
      opt("default", "d", "string"),
      opt("timeout", "t", "timeout-ms"),
      opt("retimeout", "r", "timeout-ms", "2"),
      flag("keep", "k"),
    ],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("setting", "setting")],
    fallible: true,
    buildOption: "MENU_CMD",
  },
  form: {
    usage: "form [--name <name>] [--delete] [<title>]",
    options: [opt("name", "n", "menu-name"), flag("delete", "d")],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("title", "text"),
    buildOption: "FORM_CMD",
    since: "2",
  },
  present: {
    usage: "present [--form <form>] [--keep]",
    options: [opt("form", "f", "menu-name"), flag("keep", "k")],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    fallible: true,
    buildOption: "FORM_CMD",
    since: "2",
  },

  // Images: src/hci/commands/image_cmd.c, image_trust_cmd.c, image_archive_cmd.c, digest_cmd.c…
  imgfetch: {
    synonyms: ["module", "initrd"],
    usage: "imgfetch [--name <name>] [--timeout <timeout>] [--autofree] <uri> [<arguments>...]",
    options: imageOptions,
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("uri", "uri")],
    rest: pos("argument", "text"),
    fallible: true,
    buildOption: "IMAGE_CMD",
  },
  imgselect: {
    synonyms: ["kernel", "imgload"],
    usage: "imgselect [--name <name>] [--timeout <timeout>] [--autofree] <uri|image> [<arguments>...]",
    options: imageOptions,
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("uri", "uri")],
    rest: pos("argument", "text"),
    fallible: true,
    buildOption: "IMAGE_CMD",
  },
  imgexec: {
    synonyms: ["chain", "boot"],
    usage: "imgexec [--name <name>] [--timeout <timeout>] [--autofree] [--replace] [<uri|image> [<arguments>...]]",
    options: [...imageOptions, flag("replace", "r")],
    minArgs: 0,
    maxArgs: N,
    positionals: [pos("uri", "uri")],
    rest: pos("argument", "text"),
    fallible: true,
    endsScript: "with-replace",
    buildOption: "IMAGE_CMD",
  },
  imgargs: {
    usage: "imgargs [--name <name>] [--timeout <timeout>] [--autofree] <uri|image> [<arguments>...]",
    options: imageOptions,
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("image", "image")],
    rest: pos("argument", "text"),
    buildOption: "IMAGE_CMD",
  },
  imgstat: {
    usage: "imgstat [<image>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("image", "image"),
    buildOption: "IMAGE_CMD",
  },
  imgfree: {
    usage: "imgfree [<image>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("image", "image"),
    buildOption: "IMAGE_CMD",
  },
  imgverify: {
    usage: "imgverify [--signer <signer>] [--keep] [--timeout <timeout>] <uri|image> <signature uri|image>",
    options: [
      opt("signer", "s", "string"),
      flag("keep", "k"),
      opt("timeout", "t", "timeout-ms"),
      flag("quiet", "q", "2"),
    ],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("image", "uri"), pos("signature", "uri")],
    fallible: true,
    buildOption: "IMAGE_TRUST_CMD",
  },
  imgtrust: {
    usage: "imgtrust [--allow] [--permanent]",
    options: [flag("allow", "a"), flag("permanent", "p")],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "IMAGE_TRUST_CMD",
  },
  imgextract: {
    usage: "imgextract [--name <name>] [--keep] [--timeout <timeout>] <uri|image>",
    options: [opt("name", "n", "string"), flag("keep", "k"), opt("timeout", "t", "timeout-ms")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("image", "uri")],
    fallible: true,
    buildOption: "IMAGE_ARCHIVE_CMD",
    since: "2",
  },
  imgdecrypt: {
    usage: "imgdecrypt [--name <name>] [--keep] [--timeout <timeout>] <uri|image> <envelope uri|image>",
    options: [opt("name", "n", "string"), flag("keep", "k"), opt("timeout", "t", "timeout-ms")],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("image", "uri"), pos("envelope", "uri")],
    fallible: true,
    buildOption: "IMAGE_CRYPT_CMD",
  },
  imgmem: {
    usage: "imgmem [--name <name>] <address> <length>",
    options: [opt("name", "n", "string")],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("address", "integer"), pos("length", "integer")],
    buildOption: "IMAGE_MEM_CMD",
  },
  imgset: {
    usage: "imgset [--keep] [--timeout <timeout>] [--quiet] <uri|image> <setting>",
    options: [flag("keep", "k"), opt("timeout", "t", "timeout-ms"), flag("quiet", "q")],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("image", "uri"), pos("setting", "setting")],
    fallible: true,
    buildOption: "IMAGE_SET_CMD",
    since: "master",
  },
  md4sum: digest("md4sum [--set <setting>] <image> [<image>...]"),
  md5sum: digest("md5sum [--set <setting>] <image> [<image>...]"),
  sha1sum: digest("sha1sum [--set <setting>] <image> [<image>...]"),
  sha224sum: digest("sha224sum [--set <setting>] <image> [<image>...]"),
  sha256sum: digest("sha256sum [--set <setting>] <image> [<image>...]"),
  sha384sum: digest("sha384sum [--set <setting>] <image> [<image>...]"),
  sha512sum: digest("sha512sum [--set <setting>] <image> [<image>...]"),
  shim: {
    usage: "shim [--timeout <timeout>] [--require-loader] [--allow-pxe] [--allow-sbat] [<uri|image>]",
    options: [
      opt("timeout", "t", "timeout-ms"),
      flag("quiet", "q"),
      flag("require-loader", "l"),
      flag("allow-pxe", "p"),
      flag("allow-sbat", "s"),
    ],
    minArgs: 0,
    maxArgs: 1,
    positionals: [pos("shim", "uri")],
    fallible: true,
    buildOption: "SHIM_CMD",
    since: "2",
  },
  fdt: {
    usage: "fdt [--timeout <timeout>] [<uri|image>]",
    options: [opt("timeout", "t", "timeout-ms"), flag("quiet", "q")],
    minArgs: 0,
    maxArgs: 1,
    positionals: [pos("fdt", "uri")],
    fallible: true,
    buildOption: "FDT_CMD",
    since: "2",
  },

  // Certificates: src/hci/commands/cert_cmd.c
  certstat: {
    usage: "certstat [--subject <subject>]",
    options: certOptions,
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "CERT_CMD",
  },
  certstore: {
    usage: "certstore [--subject <subject>] [--keep] [<uri|image>]",
    options: certOptions,
    minArgs: 0,
    maxArgs: 1,
    positionals: [pos("certificate", "uri")],
    fallible: true,
    buildOption: "CERT_CMD",
  },
  certfree: {
    usage: "certfree [--subject <subject>]",
    options: certOptions,
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "CERT_CMD",
  },

  // HTTP request parameters: src/hci/commands/param_cmd.c
  params: {
    usage: "params [--name <list>] [--delete]",
    options: [opt("name", "n", "string"), flag("delete", "d"), opt("method", "m", "string", "master")],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "PARAM_CMD",
  },
  param: {
    usage: "param [--params <list>] <key> [<value>]",
    options: [opt("params", "p", "string"), flag("header", "H", "2")],
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("key", "value")],
    rest: pos("value", "text"),
    buildOption: "PARAM_CMD",
  },

  // Network: src/hci/commands/ifmgmt_cmd.c, dhcp_cmd.c, vlan_cmd.c, route_cmd.c…
  ifconf: {
    synonyms: ["dhcp"],
    usage: "ifconf [--configurator <configurator>] [--timeout <timeout>] [<interface>...]",
    options: [opt("configurator", "c", "string"), opt("timeout", "t", "timeout-ms")],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    fallible: true,
    buildOption: "IFMGMT_CMD",
  },
  ifopen: {
    usage: "ifopen [<interface>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    buildOption: "IFMGMT_CMD",
  },
  ifclose: {
    usage: "ifclose [<interface>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    buildOption: "IFMGMT_CMD",
  },
  ifstat: {
    usage: "ifstat [<interface>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    buildOption: "IFMGMT_CMD",
  },
  iflinkwait: {
    usage: "iflinkwait [--timeout <timeout>] [<interface>...]",
    options: [opt("timeout", "t", "timeout-ms")],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    fallible: true,
    buildOption: "IFMGMT_CMD",
    since: "2",
  },
  autoboot: {
    usage: "autoboot [<interface>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    fallible: true,
    buildOption: "AUTOBOOT_CMD",
  },
  pxebs: {
    usage: "pxebs <interface> <server type>",
    options: [],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("interface", "interface"), pos("server type", "integer")],
    fallible: true,
    buildOption: "DHCP_CMD",
  },
  vcreate: {
    usage: "vcreate --tag <tag> [--priority <priority>] <trunk interface>",
    options: [opt("tag", "t", "integer"), opt("priority", "p", "integer")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("trunk", "interface")],
    buildOption: "VLAN_CMD",
  },
  vdestroy: {
    usage: "vdestroy <interface>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("interface", "interface")],
    buildOption: "VLAN_CMD",
  },
  route: { usage: "route", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "ROUTE_CMD" },
  nstat: { usage: "nstat", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "NEIGHBOUR_CMD" },
  ipstat: { usage: "ipstat", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "IPSTAT_CMD" },
  ntp: {
    usage: "ntp <server>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("server", "value")],
    fallible: true,
    buildOption: "NTP_CMD",
  },
  nslookup: {
    usage: "nslookup <setting> <name>",
    options: [],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("setting", "setting"), pos("name", "value")],
    fallible: true,
    buildOption: "NSLOOKUP_CMD",
  },
  ping: {
    usage: "ping [--size <size>] [--timeout <timeout>] [--count <count>] [--quiet] <host>",
    options: [
      opt("size", "s", "integer"),
      opt("timeout", "t", "timeout-ms"),
      opt("count", "c", "integer"),
      flag("quiet", "q"),
    ],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("host", "value")],
    fallible: true,
    buildOption: "PING_CMD",
  },
  iwstat: {
    usage: "iwstat [<interface>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    buildOption: "IWMGMT_CMD",
  },
  iwlist: {
    usage: "iwlist [<interface>...]",
    options: [],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("interface", "interface"),
    buildOption: "IWMGMT_CMD",
  },
  ibstat: { usage: "ibstat", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "IBMGMT_CMD" },
  fcstat: { usage: "fcstat", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "FCMGMT_CMD" },
  fcels: {
    usage: "fcels [--port <port>] [--id <peer port id>] <request>",
    options: [opt("port", "p", "string"), opt("id", "i", "string")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("request", "value")],
    buildOption: "FCMGMT_CMD",
  },
  lotest: {
    usage: "lotest [--mtu <mtu>] [--broadcast] <sending interface> <receiving interface>",
    options: [opt("mtu", "m", "integer"), flag("broadcast", "b")],
    minArgs: 2,
    maxArgs: 2,
    positionals: [pos("sender", "interface"), pos("receiver", "interface")],
    buildOption: "LOTEST_CMD",
  },
  startpxe: {
    usage: "startpxe [<interface>]",
    options: [],
    minArgs: 0,
    maxArgs: 1,
    positionals: [pos("interface", "interface")],
    buildOption: "PXE_CMD",
  },
  stoppxe: { usage: "stoppxe", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "PXE_CMD" },

  // SAN: src/hci/commands/sanboot_cmd.c
  sanboot: {
    usage: "sanboot [--drive <drive>] [--no-describe] [--keep] [--filename <filename>] [<root-path>...]",
    options: [
      opt("drive", "d", "integer"),
      flag("no-describe", "n"),
      flag("keep", "k"),
      opt("filename", "f", "string"),
      opt("extra", "e", "string", "2"),
      opt("label", "l", "string", "2"),
      opt("uuid", "u", "string", "2"),
    ],
    minArgs: 0,
    maxArgs: N,
    positionals: [],
    rest: pos("root-path", "uri"),
    fallible: true,
    buildOption: "SANBOOT_CMD",
  },
  sanhook: {
    usage: "sanhook [--drive <drive>] [--no-describe] <root-path>...",
    options: [opt("drive", "d", "integer"), flag("no-describe", "n")],
    minArgs: 1,
    maxArgs: N,
    positionals: [],
    rest: pos("root-path", "uri"),
    fallible: true,
    buildOption: "SANBOOT_CMD",
  },
  sanunhook: {
    usage: "sanunhook [--drive <drive>]",
    options: [opt("drive", "d", "integer")],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "SANBOOT_CMD",
  },

  // CPU, console, power, misc
  cpuid: {
    usage: "cpuid [--ext] [--ecx] <bit>",
    // "--amd" is the old spelling of "--ext", kept for compatibility.
    options: [flag("ext", "e"), flag("amd", "a"), flag("ecx", "c")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("bit", "integer")],
    fallible: true,
    condition: true,
    buildOption: "CPUID_CMD",
  },
  console: {
    usage:
      "console [--x <width>] [--y <height>] [--left <margin>] [--right <margin>] [--top <margin>] [--bottom <margin>] [--depth <bpp>] [--picture <uri>] [--keep]",
    options: [
      opt("x", "x", "integer"),
      opt("y", "y", "integer"),
      opt("left", "l", "integer"),
      opt("right", "r", "integer"),
      opt("top", "t", "integer"),
      opt("bottom", "b", "integer"),
      opt("depth", "d", "integer"),
      opt("picture", "p", "string"),
      flag("keep", "k"),
    ],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "CONSOLE_CMD",
  },
  colour: {
    usage: "colour [--basic <colour>] [--rgb <rgb>] <colour>",
    options: [opt("basic", "b", "integer"), opt("rgb", "r", "integer")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("colour", "integer")],
    buildOption: "CONSOLE_CMD",
  },
  cpair: {
    usage: "cpair [--foreground <colour>] [--background <colour>] <pair>",
    options: [opt("foreground", "f", "integer"), opt("background", "b", "integer")],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("pair", "integer")],
    buildOption: "CONSOLE_CMD",
  },
  reboot: {
    usage: "reboot [--warm]",
    options: [flag("warm", "w"), flag("setup", "s", "2")],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "REBOOT_CMD",
  },
  poweroff: { usage: "poweroff", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "POWEROFF_CMD" },
  sync: {
    usage: "sync [--timeout <timeout>]",
    options: [opt("timeout", "t", "timeout-ms")],
    minArgs: 0,
    maxArgs: 0,
    positionals: [],
    buildOption: "SYNC_CMD",
  },
  time: {
    usage: "time <command>",
    options: [],
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("command", "command")],
    rest: pos("argument", "text"),
    fallible: true,
    buildOption: "TIME_CMD",
  },
  pciscan: {
    usage: "pciscan <setting>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("setting", "setting")],
    fallible: true,
    buildOption: "PCI_CMD",
  },
  usbscan: {
    usage: "usbscan <setting>",
    options: [],
    minArgs: 1,
    maxArgs: 1,
    positionals: [pos("setting", "setting")],
    fallible: true,
    buildOption: "USB_CMD",
  },
  profstat: { usage: "profstat", options: [], minArgs: 0, maxArgs: 0, positionals: [], buildOption: "PROFSTAT_CMD" },
  gdbstub: {
    usage: "gdbstub <transport> [<options>...]",
    options: [],
    minArgs: 1,
    maxArgs: N,
    positionals: [pos("transport", "value")],
    rest: pos("option", "text"),
    buildOption: "GDBSERIAL",
  },
};

function buildTable(): ReadonlyMap<string, CommandSpec> {
  const table = new Map<string, CommandSpec>();
  for (const [canonical, draft] of Object.entries(drafts)) {
    const { synonyms = [], ...rest } = draft;
    const names = Object.freeze([canonical, ...synonyms]);
    for (const name of names) {
      table.set(
        name,
        Object.freeze({
          fallible: false,
          condition: false,
          stopsLine: "never",
          endsScript: "never",
          ...rest,
          name,
          canonical,
          names,
        } satisfies CommandSpec),
      );
    }
  }
  return table;
}

/** Every command by name (synonyms included). Names are case-sensitive, as in iPXE. */
export const commandTable: ReadonlyMap<string, CommandSpec> = buildTable();

/** All command names, sorted. */
export const commandNames: readonly string[] = Object.freeze([...commandTable.keys()].sort());

export function getCommand(name: string): CommandSpec | undefined {
  return commandTable.get(name);
}

/** The option of `command` with this long name, if any. */
export function findOption(command: CommandSpec, long: string): OptionSpec | undefined {
  return command.options.find((option) => option.long === long);
}

/** The kind of the positional argument at `index` (0 = first positional), if the command has one there. */
export function positionalKind(command: CommandSpec, index: number): PositionalKind | undefined {
  if (index < 0 || index >= command.maxArgs) return undefined;
  return (command.positionals[index] ?? command.rest)?.kind;
}
