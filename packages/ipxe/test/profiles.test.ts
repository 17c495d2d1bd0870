import { describe, expect, it } from "vitest";
import { commandTable, findOption } from "../src/commands.js";
import {
  commandAvailable,
  defaultProfileName,
  getProfile,
  optionAvailable,
  profileNames,
  urlScheme,
  urlSchemeAvailable,
  type TargetProfile,
} from "../src/profiles.js";

const profile = (name: string): TargetProfile => {
  const found = getProfile(name);
  if (!found) throw new Error(`no profile ${name}`);
  return found;
};

describe("target profiles", () => {
  it("cover Debian's 2019 build, 1.21 and 2.x on both platforms", () => {
    expect(profileNames).toEqual([
      "debian-pcbios",
      "debian-efi",
      "ipxe-1.21-pcbios",
      "ipxe-1.21-efi",
      "ipxe-2-pcbios",
      "ipxe-2-efi",
    ]);
    expect(getProfile("nope")).toBeUndefined();
  });

  it("default to iPXE 1.21 on PC-BIOS, the most constrained current build", () => {
    expect(defaultProfileName).toBe("ipxe-1.21-pcbios");
    expect(profile(defaultProfileName)).toMatchObject({ release: "1.21", platform: "pcbios" });
  });

  it("only list commands that exist", () => {
    for (const name of profileNames) {
      for (const command of profile(name).commands) expect(commandTable.has(command), `${name}: ${command}`).toBe(true);
    }
  });

  it("give every profile the commands a menu tree cannot do without", () => {
    for (const name of profileNames) {
      for (const command of [
        "menu",
        "item",
        "choose",
        "goto",
        "chain",
        "kernel",
        "initrd",
        "boot",
        "iseq",
        "isset",
        "set",
        "echo",
        "prompt",
        "exit",
        "reboot",
        "sanboot",
        "cpuid",
      ]) {
        expect(commandAvailable(profile(name), command), `${name}: ${command}`).toBe(true);
      }
    }
  });
});

describe("Debian 12's iPXE (2019)", () => {
  it("has no HTTPS and no poweroff", () => {
    for (const name of ["debian-pcbios", "debian-efi"]) {
      expect(profile(name).features.https).toBe(false);
      expect(urlSchemeAvailable(profile(name), "https://boot.netboot.xyz/")).toBe(false);
      expect(commandAvailable(profile(name), "poweroff")).toBe(false);
    }
  });

  it("lacks console, params, ntp, imgverify and shim", () => {
    for (const command of [
      "console",
      "colour",
      "params",
      "param",
      "ntp",
      "nslookup",
      "imgverify",
      "imgtrust",
      "shim",
      "md5sum",
      "pciscan",
    ]) {
      expect(commandAvailable(profile("debian-pcbios"), command), command).toBe(false);
    }
  });

  it("has no initrd.magic, no --retimeout and no local-disk sanboot on EFI", () => {
    const efi = profile("debian-efi");
    expect(efi.features).toMatchObject({
      initrdMagic: false,
      retimeout: false,
      sanbootLocalDrive: false,
      memdisk: false,
    });
    expect(optionAvailable(efi, "choose", "retimeout")).toBe(false);
    expect(profile("debian-pcbios").features.sanbootLocalDrive).toBe(true);
  });

  it("lists the wireless and InfiniBand diagnostics only on BIOS, as its help output does", () => {
    expect(commandAvailable(profile("debian-pcbios"), "iwstat")).toBe(true);
    expect(commandAvailable(profile("debian-efi"), "iwstat")).toBe(false);
  });
});

describe("stock builds", () => {
  it("lack HTTPS on PC-BIOS, even in 2.x", () => {
    for (const name of ["ipxe-1.21-pcbios", "ipxe-2-pcbios"]) expect(profile(name).urlSchemes.has("https")).toBe(false);
  });

  it("leave console, ntp, params, digests and certificates out of PC-BIOS builds", () => {
    for (const command of ["console", "ntp", "params", "param", "md5sum", "certstat", "pciscan", "vcreate"]) {
      expect(commandAvailable(profile("ipxe-2-pcbios"), command), command).toBe(false);
      expect(commandAvailable(profile("ipxe-2-efi"), command), command).toBe(true);
    }
  });

  it("give iPXE 2.x on EFI HTTPS, the console and initrd.magic", () => {
    const efi2 = profile("ipxe-2-efi");
    expect(efi2.features).toMatchObject({
      https: true,
      initrdMagic: true,
      sanbootLocalDrive: true,
      retimeout: true,
      forms: true,
    });
    expect(commandAvailable(efi2, "console")).toBe(true);
    expect(urlSchemeAvailable(efi2, "https://boot.netboot.xyz/menu.ipxe")).toBe(true);
  });

  it("allow memdisk only on PC-BIOS", () => {
    for (const name of profileNames)
      expect(profile(name).features.memdisk, name).toBe(profile(name).platform === "pcbios");
  });

  it("boot a local drive with sanboot on EFI only from 2.x", () => {
    expect(profile("ipxe-1.21-efi").features.sanbootLocalDrive).toBe(false);
    expect(profile("ipxe-2-efi").features.sanbootLocalDrive).toBe(true);
  });

  it("have --retimeout and forms only in 2.x", () => {
    expect(optionAvailable(profile("ipxe-1.21-pcbios"), "choose", "retimeout")).toBe(false);
    expect(profile("ipxe-1.21-pcbios").unavailableOptions.get("choose")).toEqual(["retimeout"]);
    expect(optionAvailable(profile("ipxe-2-pcbios"), "choose", "retimeout")).toBe(true);
    expect(commandAvailable(profile("ipxe-1.21-efi"), "form")).toBe(false);
    expect(commandAvailable(profile("ipxe-2-pcbios"), "present")).toBe(true);
  });

  it("leave imgverify/imgtrust, ping, nslookup and time off everywhere", () => {
    for (const name of profileNames) {
      for (const command of ["imgverify", "imgtrust", "ping", "nslookup", "time"]) {
        expect(commandAvailable(profile(name), command), `${name}: ${command}`).toBe(false);
      }
    }
  });

  it("have poweroff in 2.x but not in 1.21", () => {
    expect(commandAvailable(profile("ipxe-1.21-pcbios"), "poweroff")).toBe(false);
    expect(commandAvailable(profile("ipxe-2-pcbios"), "poweroff")).toBe(true);
  });

  it("list no master-only option as available in 2.x", () => {
    expect(findOption(commandTable.get("params")!, "method")!.since).toBe("master");
    expect(optionAvailable(profile("ipxe-2-efi"), "params", "method")).toBe(false);
  });
});

describe("URL schemes", () => {
  it("are read case-insensitively from absolute URLs", () => {
    expect(urlScheme("HTTP://example.org/")).toBe("http");
    expect(urlScheme("tftp://10.0.2.2/x")).toBe("tftp");
    expect(urlScheme("linux.ipxe")).toBeUndefined();
    expect(urlScheme("${base}/menu.ipxe")).toBeUndefined();
  });

  it("accept relative references, which resolve against the current script", () => {
    expect(urlSchemeAvailable(profile("ipxe-1.21-pcbios"), "menus/linux.ipxe")).toBe(true);
  });

  it("reject schemes the build lacks", () => {
    const bios = profile("ipxe-1.21-pcbios");
    expect(urlSchemeAvailable(bios, "http://10.0.2.2/menu.ipxe")).toBe(true);
    expect(urlSchemeAvailable(bios, "https://example.org/")).toBe(false);
    expect(urlSchemeAvailable(bios, "ftp://example.org/")).toBe(false);
    expect(urlSchemeAvailable(bios, "file:/boot.ipxe")).toBe(false);
    expect(urlSchemeAvailable(profile("ipxe-1.21-efi"), "file:/boot.ipxe")).toBe(true);
  });
});
