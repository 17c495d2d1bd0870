/**
 * What iPXE keeps in its own settings, in one line each: shown by hover over a built-in setting and
 * beside it in completion, for both languages. Facts from iPXE's settings definitions
 * (src/core/settings.c, net/dhcp, SMBIOS) in our own words.
 */
import { ownValue } from "./lookup.js";

const settingDocs: Readonly<Record<string, string>> = {
  platform: "The firmware iPXE runs on: `pcbios` or `efi`.",
  buildarch: "The CPU architecture iPXE was built for: `x86_64`, `i386`, `arm64`, `arm32` or `riscv64`.",
  arch: "In ipxm, the architecture of the CPU itself, detected once with `cpuid` (a 32-bit iPXE may run on a 64-bit CPU).",
  mac: "The MAC address of the network card (`net0/mac` names one card).",
  hwaddr: "The hardware address of the network card.",
  busid: "The bus type and location of the network card (PCI vendor and device).",
  chip: "The name of the network card's chip.",
  ip: "The IPv4 address of the network card, from DHCP or set by hand.",
  netmask: "The IPv4 subnet mask.",
  gateway: "The IPv4 default gateway.",
  dns: "The DNS server's address.",
  domain: "The DNS domain name.",
  hostname: "The host name (DHCP option 12).",
  uuid: "The machine's UUID, from SMBIOS.",
  manufacturer: "The machine's manufacturer, from SMBIOS.",
  product: "The machine's product name, from SMBIOS.",
  serial: "The machine's serial number, from SMBIOS.",
  asset: "The machine's asset tag, from SMBIOS.",
  "board-serial": "The mainboard's serial number, from SMBIOS.",
  version: "The version of iPXE itself.",
  "next-server": "The boot server's address given by DHCP (where `filename` lives).",
  "dhcp-server": "The address of the DHCP server that answered; set only when the address came from DHCP.",
  filename: "The boot file name given by DHCP (option 67).",
  "root-path": "The SAN root path given by DHCP (option 17), used by `sanboot`.",
  "user-class": "The DHCP user class iPXE sends (`iPXE` by default).",
  syslog: "The syslog server's address.",
  ip6: "The IPv6 address of the network card.",
  memsize: "The installed memory, in MiB.",
  unixtime: "The current time, in seconds since 1970.",
  errno: "The error number of the last command that failed (shown as `${errno}` on error screens).",
  username: "The user name for HTTP or iSCSI authentication.",
  password: "The password for HTTP or iSCSI authentication.",
  "initiator-iqn": "The iSCSI initiator name.",
  "keep-san": "When set, a SAN device stays attached after a failed boot.",
  "skip-san-boot": "When set, `sanboot` attaches the device without booting it.",
  priority: "The priority of a settings block.",
  cwuri: "The current working URI: what relative URLs are resolved against.",
};

/** The settings iPXE defines itself, by name. */
export function builtinSettingDoc(name: string): string | undefined {
  return ownValue(settingDocs, name);
}

/** Every setting iPXE defines that a plain iPXE script may read. */
export const ipxeSettingNames: readonly string[] = Object.keys(settingDocs).filter((name) => name !== "arch");

/** The per-interface settings that scoped references (`net0/mac`) are most often written with. */
export const scopedSettingForms: readonly string[] = [
  "net0/mac",
  "net0/ip",
  "net0/netmask",
  "net0/gateway",
  "net0/dns",
];
