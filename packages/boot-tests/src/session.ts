/**
 * One boot case: a stub server, a VM running the wrapper that chains the script under test, and the
 * ways to watch and drive it (read the screen, press keys, wait for callbacks). On failure the
 * screen text, a PNG, the serial log, the request log and the script are saved for the case.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { Firmware } from "./firmware.js";
import { qcodesOf } from "./keys.js";
import { delay } from "./qmp.js";
import { acquireSlot, type Slot } from "./slots.js";
import { StubServer, type RequestRecord } from "./stub-server.js";
import { decodeVgaText, screenText, vgaTextAddress, type TextScreen } from "./vga-text.js";
import { Vm, type Platform, type VmExit } from "./vm.js";
import { wrapperScript } from "./wrapper.js";

export interface SessionOptions {
  /** Names the case in failure artifacts; letters, digits, `-`, `_`, `.`. */
  readonly name: string;
  readonly firmware: Firmware;
  readonly platform?: Platform;
  /**
   * The script under test, or a function of the stub server's guest base URL
   * (`http://10.0.2.2:PORT`), for scripts whose URLs must point at the stub server.
   */
  readonly script: string | ((baseUrl: string) => string);
  /** Settings the wrapper sets before chaining (as a site does), possibly using the base URL. */
  readonly presets?: Readonly<Record<string, string>> | ((baseUrl: string) => Readonly<Record<string, string>>);
  /** Hard kill of the VM (default 30 s on BIOS, 90 s on UEFI). */
  readonly hardTimeoutMs?: number;
  /** Where failure artifacts go (default: packages/boot-tests/.failures). */
  readonly artifactsDir?: string;
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  /** Said in the error when the wait times out. */
  readonly description?: string;
}

const defaultArtifactsDir = fileURLToPath(new URL("../.failures/", import.meta.url));

export class BootSession {
  private constructor(
    readonly name: string,
    readonly server: StubServer,
    readonly vm: Vm,
    readonly script: string,
    private readonly slot: Slot,
    private readonly artifactsDir: string,
    readonly startedAt: number,
  ) {}

  static async start(options: SessionOptions): Promise<BootSession> {
    const platform = options.platform ?? "pcbios";
    const server = await StubServer.start();
    let slot: Slot | undefined;
    try {
      const script = typeof options.script === "function" ? options.script(server.guestUrl) : options.script;
      const scriptUrl = server.serve("under-test.ipxe", script);
      const presets = typeof options.presets === "function" ? options.presets(server.guestUrl) : options.presets;
      const wrapper = wrapperScript({ baseUrl: server.guestUrl, scriptUrl, ...(presets ? { presets } : {}) });
      slot = await acquireSlot();
      const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `ipxm-boot-${safeName(options.name)}-`));
      const vm = await Vm.launch({
        firmware: options.firmware,
        platform,
        wrapper,
        workDir,
        hardTimeoutMs: options.hardTimeoutMs ?? (platform === "efi" ? 90_000 : 30_000),
      });
      return new BootSession(
        options.name,
        server,
        vm,
        script,
        slot,
        options.artifactsDir ?? defaultArtifactsDir,
        Date.now(),
      );
    } catch (error) {
      slot?.release();
      await server.close();
      throw error;
    }
  }

  /**
   * Runs `body` with a fresh session and always cleans up; when `body` throws, the case's artifacts
   * are saved first and the error says where.
   */
  static async run<T>(options: SessionOptions, body: (session: BootSession) => Promise<T>): Promise<T> {
    const session = await BootSession.start(options);
    try {
      return await body(session);
    } catch (error) {
      const where = await session.saveArtifacts(error);
      if (error instanceof Error) error.message += `\n(screen, PNG and logs saved in ${where})`;
      throw error;
    } finally {
      await session.close();
    }
  }

  /** The 80×25 text screen, read from video memory (BIOS only: OVMF draws in graphics mode). */
  async screen(): Promise<TextScreen> {
    if (this.vm.platform !== "pcbios") throw new Error("the text screen can be read on BIOS only; use serialLog()");
    const file = path.join(this.vm.workDir, `vga-${process.hrtime.bigint()}.bin`);
    await this.vm.qmp.execute("pmemsave", { val: vgaTextAddress, size: 4000, filename: file });
    const bytes = fs.readFileSync(file);
    fs.rmSync(file, { force: true });
    return decodeVgaText(bytes);
  }

  /**
   * Polls the screen until `accept` holds on two reads 150 ms apart that are identical: iPXE draws a
   * menu row by row, and keys sent before it has finished are lost.
   */
  async waitForScreen(accept: (screen: TextScreen) => boolean, options: WaitOptions = {}): Promise<TextScreen> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const deadline = Date.now() + timeoutMs;
    let previous: TextScreen | undefined;
    let last: TextScreen | undefined;
    while (Date.now() < deadline) {
      if (this.vm.hasExited) break;
      try {
        last = await this.screen();
      } catch (error) {
        if (this.vm.hasExited) break;
        throw error;
      }
      if (accept(last) && previous !== undefined && sameScreen(previous, last)) return last;
      previous = accept(last) ? last : undefined;
      await delay(150);
    }
    const what = options.description ?? "the expected screen";
    const ended = this.vm.hasExited ? " (the VM has exited)" : "";
    throw new Error(
      `${what} did not appear within ${timeoutMs} ms${ended}; the screen was:\n${last ? screenText(last) : "(never read)"}`,
    );
  }

  /** Waits until the screen shows `text` somewhere (see waitForScreen). */
  waitForText(text: string, options: WaitOptions = {}): Promise<TextScreen> {
    return this.waitForScreen((screen) => screen.rows.some((row) => row.includes(text)), {
      description: `a screen showing ${JSON.stringify(text)}`,
      ...options,
    });
  }

  /** Presses keys one after the other, 200 ms apart (iPXE drops keys that come too fast). */
  async press(...keys: string[]): Promise<void> {
    for (const key of keys) {
      const qcodes = qcodesOf(key);
      await this.vm.qmp.execute("send-key", { keys: qcodes.map((data) => ({ type: "qcode", data })) });
      await delay(200);
    }
  }

  /** Resolves with the query of the first `/hit` callback that satisfies `match`. */
  async waitForHit(
    match: (query: URLSearchParams) => boolean = () => true,
    options: WaitOptions = {},
  ): Promise<URLSearchParams> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const request = await Promise.race([
      this.server.waitForRequest((request) => request.path === "/hit" && match(request.query), timeoutMs),
      this.vm.exited.then(async (exit) => {
        // A callback that arrived just before the exit still counts.
        await delay(50);
        const late = this.server.requests.find((request) => request.path === "/hit" && match(request.query));
        if (late) return late;
        throw new Error(`${options.description ?? "the callback"} never came: the VM exited (${describeExit(exit)})`);
      }),
    ]).catch((error: Error) => {
      throw new Error(
        `${options.description ?? "the callback"} never came: ${error.message}\nrequests: ${this.describeRequests()}`,
      );
    });
    return request.query;
  }

  /** Resolves when the VM exits by itself (a `reboot` under `-no-reboot`, or iPXE giving up). */
  async waitForExit(timeoutMs = 15_000): Promise<VmExit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the VM did not exit within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.vm.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Requests to the stub server other than the wrapper's and the script's own. */
  requests(): RequestRecord[] {
    return this.server.requests.filter((request) => !request.path.startsWith("/script/"));
  }

  /** The serial console, with ANSI control sequences removed (UEFI). */
  serialText(): string {
    return stripAnsi(this.vm.serialLog());
  }

  /** Waits until the serial console shows `text` (UEFI). */
  async waitForSerial(text: string, options: WaitOptions = {}): Promise<string> {
    const timeoutMs = options.timeoutMs ?? 45_000;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const log = this.serialText();
      if (log.includes(text)) return log;
      if (this.vm.hasExited) break;
      await delay(200);
    }
    throw new Error(
      `${options.description ?? JSON.stringify(text)} did not appear on the serial console within ${timeoutMs} ms:\n${this.serialText().slice(-2000)}`,
    );
  }

  /** A PNG of the display as it is now. */
  async screenshot(file: string): Promise<void> {
    await this.vm.qmp.execute("screendump", { filename: file, format: "png" });
  }

  /** Saves what is known about the case; returns the directory. */
  async saveArtifacts(error?: unknown): Promise<string> {
    const directory = path.join(this.artifactsDir, safeName(this.name));
    fs.rmSync(directory, { recursive: true, force: true });
    fs.mkdirSync(directory, { recursive: true });
    const write = (name: string, text: string) => fs.writeFileSync(path.join(directory, name), text);
    if (error !== undefined)
      write("error.txt", error instanceof Error ? (error.stack ?? error.message) : String(error));
    write("script.ipxe", this.script);
    write("requests.txt", this.describeRequests("\n") + "\n");
    write("serial.txt", this.serialText());
    write("qemu-stderr.txt", this.vm.stderr);
    if (!this.vm.hasExited) {
      if (this.vm.platform === "pcbios") {
        try {
          write("screen.txt", `${(await this.screen()).rows.join("\n")}\n`);
        } catch (failure) {
          write("screen.txt", `(could not read the screen: ${(failure as Error).message})\n`);
        }
      }
      try {
        await this.screenshot(path.join(directory, "screen.png"));
      } catch {
        // The VM may be gone by now; the text is what matters most.
      }
    }
    return directory;
  }

  async close(): Promise<void> {
    await this.vm.kill();
    this.slot.release();
    await this.server.close();
    fs.rmSync(this.vm.workDir, { recursive: true, force: true });
  }

  private describeRequests(separator = ", "): string {
    const list = this.server.requests.map((request) => `${request.at} ms ${request.status} ${request.target}`);
    return list.length === 0 ? "(none)" : list.join(separator);
  }
}

function sameScreen(a: TextScreen, b: TextScreen): boolean {
  return (
    a.rows.every((row, y) => row === b.rows[y]) &&
    a.attributes.every((row, y) => row.join() === b.attributes[y]!.join())
  );
}

function describeExit(exit: VmExit): string {
  if (exit.killed) return "killed by the hard timeout";
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;=?]*[A-Za-z~]/g, "").replace(/\r/g, "");
}

function safeName(name: string): string {
  return name.replace(/[^\w.-]+/g, "_").slice(0, 80) || "case";
}
