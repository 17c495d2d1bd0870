/**
 * One QEMU virtual machine running iPXE, with a hard kill.
 *
 * - Software emulation always (`accel=tcg`): KVM inside this kind of VM fails with an emulation
 *   error and then hangs instead of exiting.
 * - `-no-reboot`: the `reboot` a callback answers with makes QEMU exit, so a case ends by itself.
 * - BIOS: iPXE as a Linux kernel (`ipxe.lkrn`) with the wrapper script as its initrd; the NIC's own
 *   option ROM is switched off (`romfile=`), `ipxe.lkrn` brings its own driver.
 *   `reboot-timeout=0` makes SeaBIOS reboot (and so QEMU exit) at once if iPXE gives up.
 * - UEFI: OVMF, whose virtio NIC ROM is a full iPXE that gets an address by DHCP and fetches the
 *   wrapper by TFTP. Its console is mirrored to the serial port, which is logged to a file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Firmware } from "./firmware.js";
import { QmpClient } from "./qmp.js";

export type Platform = "pcbios" | "efi";

export interface VmOptions {
  readonly firmware: Firmware;
  readonly platform: Platform;
  /** The wrapper script's text (see wrapper.ts). */
  readonly wrapper: string;
  /** A fresh directory for this VM's files (socket, wrapper, serial log). */
  readonly workDir: string;
  /** SIGKILL after this long, whatever happens. */
  readonly hardTimeoutMs: number;
}

export interface VmExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  /** True when the hard timeout killed it. */
  readonly killed: boolean;
}

/** What the process did, shared between the launcher and the Vm object. */
interface ProcessState {
  exit?: VmExit;
  killedByTimeout: boolean;
  stderr: string;
}

export class Vm {
  private readonly timer: NodeJS.Timeout;

  private constructor(
    private readonly child: ChildProcess,
    private readonly state: ProcessState,
    readonly exited: Promise<VmExit>,
    readonly qmp: QmpClient,
    readonly workDir: string,
    readonly platform: Platform,
    hardTimeoutMs: number,
  ) {
    this.timer = setTimeout(() => {
      state.killedByTimeout = true;
      void this.kill();
    }, hardTimeoutMs);
    void exited.then(() => clearTimeout(this.timer));
  }

  static async launch(options: VmOptions): Promise<Vm> {
    fs.mkdirSync(options.workDir, { recursive: true });
    const socket = path.join(options.workDir, "qmp.sock");
    const args = qemuArguments(options, socket);
    const child = spawn(options.firmware.qemu, args, { stdio: ["ignore", "ignore", "pipe"] });
    const state: ProcessState = { killedByTimeout: false, stderr: "" };
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      state.stderr += chunk;
    });
    const exited = new Promise<VmExit>((resolve) => {
      const done = (code: number | null, signal: NodeJS.Signals | null) => {
        state.exit ??= { code, signal, killed: state.killedByTimeout };
        resolve(state.exit);
      };
      child.once("exit", done);
      child.once("error", (error) => {
        state.stderr += `${error.message}\n`;
        done(null, null);
      });
    });
    let qmp: QmpClient;
    try {
      qmp = await Promise.race([
        QmpClient.connect(socket, 10_000),
        exited.then((exit): never => {
          throw new Error(`QEMU exited at start (code ${exit.code}): ${state.stderr.trim()}`);
        }),
      ]);
    } catch (error) {
      child.kill("SIGKILL");
      await exited;
      throw error;
    }
    return new Vm(child, state, exited, qmp, options.workDir, options.platform, options.hardTimeoutMs);
  }

  get hasExited(): boolean {
    return this.state.exit !== undefined;
  }

  /** What QEMU printed on stderr (warnings, errors). */
  get stderr(): string {
    return this.state.stderr;
  }

  /** The serial console so far (UEFI mirrors iPXE's console there; BIOS builds write nothing). */
  serialLog(): string {
    try {
      return fs.readFileSync(path.join(this.workDir, "serial.txt"), "latin1");
    } catch {
      return "";
    }
  }

  /** Ends the VM now; resolves when the process is gone. */
  async kill(): Promise<VmExit> {
    if (this.state.exit === undefined) {
      this.qmp.close();
      this.child.kill("SIGKILL");
    }
    return this.exited;
  }
}

function qemuArguments(options: VmOptions, socket: string): string[] {
  const common = [
    "-m",
    options.platform === "efi" ? "512" : "256",
    "-no-reboot",
    "-nodefaults",
    "-display",
    "none",
    "-vga",
    "std",
    "-qmp",
    `unix:${socket},server=on,wait=off`,
    "-serial",
    `file:${path.join(options.workDir, "serial.txt")}`,
  ];
  if (options.platform === "pcbios") {
    const wrapperFile = path.join(options.workDir, "wrapper.ipxe");
    fs.writeFileSync(wrapperFile, options.wrapper);
    return [
      "-machine",
      "pc,accel=tcg",
      ...common,
      "-boot",
      "reboot-timeout=0",
      "-kernel",
      options.firmware.ipxeLkrn,
      "-initrd",
      wrapperFile,
      "-netdev",
      "user,id=n0",
      "-device",
      "virtio-net-pci,netdev=n0,romfile=",
    ];
  }
  if (options.firmware.ovmf === undefined) throw new Error("UEFI cases need OVMF (apt-get install ovmf)");
  const tftp = path.join(options.workDir, "tftp");
  fs.mkdirSync(tftp, { recursive: true });
  fs.writeFileSync(path.join(tftp, "wrapper.ipxe"), options.wrapper);
  return [
    "-machine",
    "q35,accel=tcg",
    ...common,
    "-bios",
    options.firmware.ovmf,
    "-boot",
    "n",
    "-netdev",
    `user,id=n0,tftp=${tftp},bootfile=wrapper.ipxe`,
    "-device",
    "virtio-net-pci,netdev=n0",
  ];
}
