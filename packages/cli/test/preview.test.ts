/** `ipxm preview` in process: the screen on stdout, the summary on stderr, colour only on a terminal. */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../src/main.js";
import type { CliIO } from "../src/io.js";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ipxm-preview-"));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function capture(cwd: string, options: { tty?: boolean; env?: Record<string, string> } = {}) {
  const out = { stdout: "", stderr: "" };
  const io: CliIO = {
    stdout: { write: (text: string) => (out.stdout += text), isTTY: options.tty ?? false },
    stderr: { write: (text: string) => (out.stderr += text) },
    cwd,
    env: options.env ?? {},
  };
  return { io, out };
}

/** iPXE centres a title at (width − length) / 2, rounded down. */
const centred = (title: string, width: number) => `${" ".repeat(Math.floor((width - title.length) / 2))}${title}`;

const site = {
  "main.ipxm": `setting site: string = "example.org"
menu main "Boot \${site} (\${platform})" {
  default local after 30s
  gap "Systems:"
  item linux "Linux" key l -> menu linux
  item efi "UEFI shell" when platform == efi -> shell
  item local "Local disk" -> exit
}
menu linux "Linux" {
  item back "Back" -> back
}
`,
};

describe("ipxm preview", () => {
  it("draws the first menu as plain text when stdout is not a terminal, and says what plain text cannot show", async () => {
    const { io, out } = capture(project(site));
    expect(await main(["preview", "main.ipxm"], io)).toBe(0);
    expect(out.stdout).toBe(
      [
        "",
        centred("Boot example.org (pcbios)", 80),
        "",
        "   Systems:",
        "   Linux",
        `${"   Local disk".padEnd(73)}(30)`,
        "",
      ].join("\n"),
    );
    expect(out.stderr).toBe(
      'menu "main" of main.ipxm for ipxe-1.21-pcbios, 80×25: "local" highlighted, countdown 30 s\n',
    );
  });

  it("uses the target's platform, the settings given, the menu asked for and the screen size", async () => {
    const cwd = project(site);
    const efi = capture(cwd);
    expect(await main(["preview", "--target", "ipxe-2-efi", "--set", "site=boot.lan", "--width", "60"], efi.io)).toBe(
      0,
    );
    expect(efi.out.stdout).toContain(`${centred("Boot boot.lan (efi)", 60)}\n`);
    expect(efi.out.stdout).toContain("   UEFI shell\n");
    const linux = capture(cwd);
    expect(await main(["preview", "-m", "linux", "--height", "10"], linux.io)).toBe(0);
    expect(linux.out.stdout.split("\n")[1]!.trim()).toBe("Linux");
  });

  it("colours the screen on a terminal unless NO_COLOR is set", async () => {
    const cwd = project(site);
    const tty = capture(cwd, { tty: true });
    expect(await main(["preview"], tty.io)).toBe(0);
    expect(tty.out.stdout).toContain("\u001b[0;1;37;41m");
    expect(tty.out.stdout.split("\n")).toHaveLength(26);
    const plain = capture(cwd, { tty: true, env: { NO_COLOR: "1" } });
    expect(await main(["preview"], plain.io)).toBe(0);
    expect(plain.out.stdout).not.toContain("\u001b");
  });

  it("names the menus there are when the one asked for does not exist (exit 1)", async () => {
    const { io, out } = capture(project(site));
    expect(await main(["preview", "--menu", "bsd"], io)).toBe(1);
    expect(out.stderr).toBe('ipxm preview: main.ipxm: there is no menu "bsd"; the menus are "main", "linux"\n');
  });

  it("reports errors in the sources like build does", async () => {
    const { io, out } = capture(project({ "main.ipxm": 'menu main "M" { item a "A" -> menu nowhere }\n' }));
    expect(await main(["preview"], io)).toBe(1);
    expect(out.stderr).toContain("unknown-name");
    expect(out.stdout).toBe("");
  });

  it("rejects a bad --set, --width or --height as usage errors (exit 2)", async () => {
    const cwd = project(site);
    for (const args of [
      ["--set", "novalue"],
      ["--width", "5"],
      ["--height", "tall"],
    ]) {
      const { io, out } = capture(cwd);
      expect(await main(["preview", ...args], io)).toBe(2);
      expect(out.stderr).toMatch(/^ipxm preview: --(set|width|height) /);
    }
  });
});
