/**
 * The script iPXE runs first: it brings the network up (a static address on BIOS, where it is
 * 2–3 s faster than DHCP against QEMU's user network; the address the firmware got by DHCP on
 * UEFI), sets what a site would set before chaining into its menu, chains the script under test,
 * and reports how that ended through `/hit`.
 *
 * A failure inside the chained script (a failed command at the end of a line, `exit 1`, Esc on an
 * unguarded `choose`) makes `chain` fail, so the harness gets `result=failed&errno=…`; a script that
 * ends or runs `exit 0` gives `result=returned`.
 */

export interface WrapperOptions {
  /** `http://10.0.2.2:PORT`. */
  readonly baseUrl: string;
  /** The URL of the script under test. */
  readonly scriptUrl: string;
  /**
   * Settings to set before chaining, as a site's own boot script does (mirror overrides, say). Names
   * and values must be single iPXE words: the wrapper is trusted test code, not a place for hostile text.
   */
  readonly presets?: Readonly<Record<string, string>>;
}

const word = /^[^\s#;|&$\\]+$/;

export function wrapperScript(options: WrapperOptions): string {
  const presets = Object.entries(options.presets ?? {}).map(([name, value]) => {
    if (!word.test(name) || !word.test(value)) {
      throw new Error(`preset ${JSON.stringify(name)}=${JSON.stringify(value)} must be single words`);
    }
    return `set ${name} ${value}`;
  });
  return [
    "#!ipxe",
    "isset ${net0/ip} || goto static",
    "goto run",
    ":static",
    "set net0/ip 10.0.2.15",
    "set net0/netmask 255.255.255.0",
    "set net0/gateway 10.0.2.2",
    "ifopen net0 || reboot",
    ":run",
    ...presets,
    `chain ${options.scriptUrl} && goto returned || goto failed`,
    ":returned",
    `chain ${options.baseUrl}/hit?result=returned`,
    ":failed",
    `chain ${options.baseUrl}/hit?result=failed&errno=\${errno}`,
    "",
  ].join("\n");
}
