#!/usr/bin/env node
/**
 * `boot-test`: one command for a site to see its own menu in real iPXE. It compiles the file,
 * boots Debian's iPXE under QEMU with the script served from a loopback stub server, waits for the
 * menu, checks it against `ipxm preview` character for character, prints the real screen, and
 * optionally presses keys and prints what happened next.
 *
 *   node packages/boot-tests/dist/cli.js menus/main.ipxm --menu linux --keys down,enter \
 *     --set mirror={stub}/mirror --screenshot linux.png
 */
import * as path from "node:path";
import { parseArgs } from "node:util";
import { previewMenu } from "@ipxm/compiler";
import { compareWithPreview } from "./compare.js";
import { compileIpxm, CompileFailure } from "./compile.js";
import { findFirmware } from "./firmware.js";
import { qcodesOf } from "./keys.js";
import { delay } from "./qmp.js";
import { BootSession } from "./session.js";
import { redBackgroundRows, screenText, type TextScreen } from "./vga-text.js";

const usage = `Usage: boot-test <file.ipxm> [options]

Boots the compiled menu in real iPXE (Debian's build, under QEMU), checks the screen against
ipxm preview, prints it, and optionally presses keys.

Options:
  -m, --menu <id>            open this menu first (default: the script's first menu)
  -k, --keys <k1,k2,…>       keys to press once the menu is shown: down, up, enter, esc, a letter, F5…
  -s, --set <name=value>     a setting the wrapper sets before chaining (as a site does); {stub} in the
                             value is replaced by the stub server's URL; repeatable
  -D, --define <name=value>  replace a constant's value; {stub} is replaced as above; repeatable
      --uefi                 boot OVMF (UEFI) instead of SeaBIOS; the screen is read from the serial log
      --screenshot <file>    save a PNG of the final screen
      --artifacts <dir>      where to save the screen and logs on failure (default: .boot-test)
  -h, --help                 show this help

Exit codes: 0 the menu was shown and matches the preview, 1 it did not, 2 bad usage or no QEMU.
`;

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        menu: { type: "string", short: "m" },
        keys: { type: "string", short: "k" },
        set: { type: "string", short: "s", multiple: true },
        define: { type: "string", short: "D", multiple: true },
        uefi: { type: "boolean" },
        screenshot: { type: "string" },
        artifacts: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    process.stderr.write(`boot-test: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length !== 1) {
    (values.help ? process.stdout : process.stderr).write(usage);
    return values.help ? 0 : 2;
  }
  const lookup = findFirmware();
  if (!lookup.ok) {
    process.stderr.write(`boot-test: cannot boot: missing ${lookup.missing.join("; ")}\n`);
    return 2;
  }
  const keys = values.keys ? values.keys.split(",").filter((key) => key !== "") : [];
  for (const key of keys) {
    try {
      qcodesOf(key);
    } catch (error) {
      process.stderr.write(`boot-test: ${(error as Error).message}\n`);
      return 2;
    }
  }
  const sets = pairs(values.set ?? []);
  const defines = pairs(values.define ?? []);
  if (!sets || !defines) {
    process.stderr.write("boot-test: --set and --define take name=value\n");
    return 2;
  }
  const platform = values.uefi ? "efi" : "pcbios";
  const target = values.uefi ? "debian-efi" : "debian-pcbios";

  let script = "";
  try {
    return await BootSession.run(
      {
        name: "boot-test",
        firmware: lookup.firmware,
        platform,
        artifactsDir: values.artifacts ?? ".boot-test",
        script: (base) => {
          script = compileIpxm({ entry: positionals[0]!, target, defines: withStub(defines, base) }).script;
          return script;
        },
        presets: (base) => ({ ...withStub(sets, base), ...(values.menu ? { ipxm_menu: values.menu } : {}) }),
      },
      async (session) => {
        const base = session.server.guestUrl;
        const previewOptions = {
          ...(values.menu ? { menu: values.menu } : {}),
          settings: { ...withStub(sets, base), "netX/ip": "10.0.2.15" },
        };
        const preview = previewMenu(script, previewOptions);
        if (!preview.ok) throw new Error(`preview: ${preview.message}`);
        let matched = true;
        if (platform === "pcbios") {
          const title = preview.screen.rows[1]!;
          const screen = await session.waitForScreen((s) => s.rows[1] === title, {
            description: `the menu titled "${title.trim()}"`,
          });
          const comparison = compareWithPreview(screen, script, previewOptions);
          matched = comparison.ok && comparison.matched;
          process.stdout.write(`${screenText(screen)}\n\n${highlighted(screen)}`);
          process.stdout.write(matched ? "matches ipxm preview\n" : "DIFFERS from ipxm preview:\n");
          if (comparison.ok && !matched) process.stdout.write(`${comparison.difference}\n`);
        } else {
          await session.waitForSerial(preview.built.title, { timeoutMs: 60_000 });
          process.stdout.write(`menu "${preview.menu}" shown (UEFI: compared by title only, from the serial log)\n`);
        }
        if (keys.length > 0) {
          await session.press(...keys);
          await Promise.race([session.vm.exited, delay(3000)]);
          if (!session.vm.hasExited && platform === "pcbios") {
            const after = await session.screen();
            process.stdout.write(`\nafter ${keys.join(",")}:\n${screenText(after)}\n\n${highlighted(after)}`);
          }
        }
        if (values.screenshot && !session.vm.hasExited) await session.screenshot(path.resolve(values.screenshot));
        const requests = session.requests();
        process.stdout.write(
          `\nrequests:\n${requests.map((request) => `  ${request.status} ${request.target}`).join("\n") || "  (none)"}\n`,
        );
        return matched ? 0 : 1;
      },
    );
  } catch (error) {
    if (error instanceof CompileFailure) {
      process.stderr.write(`boot-test: ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`boot-test: ${(error as Error).message}\n`);
    return 1;
  }
}

/** Plain text cannot show the selection bar: name the highlighted row. */
function highlighted(screen: TextScreen): string {
  const rows = redBackgroundRows(screen);
  return rows.length === 0
    ? ""
    : `highlighted: ${rows.map((y) => JSON.stringify(screen.rows[y]!.trim())).join(", ")}\n`;
}

function pairs(list: readonly string[]): Record<string, string> | undefined {
  const result: Record<string, string> = {};
  for (const item of list) {
    const equals = item.indexOf("=");
    if (equals <= 0) return undefined;
    result[item.slice(0, equals)] = item.slice(equals + 1);
  }
  return result;
}

function withStub(values: Record<string, string>, base: string): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value.replaceAll("{stub}", base)]));
}

process.exitCode = await run(process.argv.slice(2));
