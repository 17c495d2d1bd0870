/**
 * What the options of iPXE's commands do, in one line each (the command table knows their names and
 * argument kinds; what they mean is here). Keyed by `command:option` for the canonical command name,
 * or by the option alone where it means the same for every command that has it.
 */
import type { OptionArgumentKind } from "@ipxm/ipxe";
import { ownValue } from "./lookup.js";

const byCommand: Readonly<Record<string, string>> = {
  "menu:name": "Names the menu, so that `item --menu` and `choose --menu` can refer to it.",
  "menu:delete": "Deletes the named menu instead of creating one.",
  "item:menu": "Adds the item to this named menu (the last unnamed menu otherwise).",
  "item:key": "The hotkey: pressing it picks the item at once.",
  "item:default": "Highlights this item when the menu opens.",
  "item:gap": "A separator row that cannot be picked.",
  "item:form": "Adds the item to a form instead of a menu.",
  "item:secret": "A form field whose input is hidden.",
  "choose:menu": "Shows this named menu (the unnamed one otherwise).",
  "choose:default": "The item highlighted first, by name.",
  "choose:timeout": "Picks the highlighted item after this many milliseconds without a key press (0: wait forever).",
  "choose:retimeout": "Restarts the countdown after each key press, with this many milliseconds.",
  "choose:keep": "Keeps the menu after the choice (it is freed otherwise).",
  "prompt:key": "Succeeds only when this key is pressed (any key otherwise).",
  "prompt:timeout": "Stops waiting after this many milliseconds (and fails).",
  "read:timeout": "Stops waiting for input after this many milliseconds.",
  "echo:n": "Prints no line break at the end.",
  "reboot:warm": "A warm reboot (the firmware may skip its memory test).",
  "reboot:setup": "Reboots into the firmware's setup screen.",
  "cpuid:ext": "Tests a bit of the extended feature leaf (bit 29 there: 64-bit long mode).",
  "cpuid:amd": "The old spelling of `--ext`.",
  "cpuid:ecx": "Tests a bit of ECX instead of EDX.",
  "sanboot:drive": "The BIOS drive number to boot or attach (0x80: the first hard disk).",
  "sanboot:no-describe": "Does not describe the SAN device to the operating system (no iBFT).",
  "sanboot:keep": "Keeps the SAN device attached after the boot returns or fails.",
  "sanboot:filename": "The file to boot from the SAN device (EFI).",
  "sanboot:extra": "An extra filename to load from the device (EFI).",
  "sanboot:label": "Boots the volume with this label (EFI).",
  "sanboot:uuid": "Boots the volume with this UUID (EFI).",
  "imgexec:replace": "Replaces the running script with the image: there is no coming back.",
  "ifconf:configurator": "How to configure the interface: `dhcp` or `ipv6`.",
  "console:picture": "A background picture (PNG) for the console.",
  "console:keep": "Keeps the picture after the console is reconfigured.",
};

const byOption: Readonly<Record<string, string>> = {
  name: "Names the image, so later commands can refer to it.",
  timeout: "Gives up after this many milliseconds.",
  autofree: "Frees the image once it has run (or failed).",
  quiet: "Prints no progress while downloading.",
  keep: "Keeps what would otherwise be freed.",
  set: "Stores the result in this setting instead of printing it.",
};

const argumentText: Readonly<Record<OptionArgumentKind, string>> = {
  integer: "a number",
  "timeout-ms": "a time in milliseconds",
  key: "a key (one character, or a key code such as 0x147e)",
  string: "text",
  setting: "a setting name",
  "menu-name": "a menu name",
};

export function optionDoc(command: string, option: string): string | undefined {
  return ownValue(byCommand, `${command}:${option}`) ?? ownValue(byOption, option);
}

export function argumentDoc(kind: OptionArgumentKind): string {
  return argumentText[kind];
}
