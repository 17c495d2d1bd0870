/**
 * A QMP client over a unix socket: QEMU's JSON machine protocol, one command at a time. QMP is used
 * rather than the human monitor because HMP echoes every character with terminal escapes and reads
 * `pmemsave 0xb8000 4000 /tmp/x` as a division.
 */
import * as net from "node:net";

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class QmpError extends Error {
  constructor(
    readonly command: string,
    readonly description: string,
  ) {
    super(`QMP ${command}: ${description}`);
    this.name = "QmpError";
  }
}

export class QmpClient {
  private buffer = "";
  private readonly queue: { command: string; pending: Pending }[] = [];
  private closed = false;
  private greeting: Pending | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => this.receive(chunk));
    const fail = (error: Error) => this.failAll(error);
    socket.on("error", fail);
    socket.on("close", () => fail(new Error("QMP connection closed")));
  }

  /**
   * Connects to the socket QEMU listens on (`-qmp unix:PATH,server=on,wait=off`), retrying while QEMU
   * is still creating it, and leaves command mode negotiated.
   */
  static async connect(path: string, timeoutMs: number, signal?: AbortSignal): Promise<QmpClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      signal?.throwIfAborted();
      try {
        const socket = await openSocket(path);
        const client = new QmpClient(socket);
        await client.handshake();
        return client;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`cannot connect to QMP at ${path}: ${(error as Error).message}`, { cause: error });
        }
        await delay(25);
      }
    }
  }

  /** Runs one command and resolves to its `return` value. */
  execute<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T> {
    if (this.closed) return Promise.reject(new Error(`QMP ${command}: connection closed`));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ command, pending: { resolve: resolve as (value: unknown) => void, reject } });
      this.socket.write(`${JSON.stringify(args ? { execute: command, arguments: args } : { execute: command })}\n`);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private handshake(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.greeting = {
        resolve: () => {
          this.execute("qmp_capabilities").then(() => resolve(), reject);
        },
        reject,
      };
    });
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    for (let newline = this.buffer.indexOf("\n"); newline >= 0; newline = this.buffer.indexOf("\n")) {
      const line = this.buffer.slice(0, newline).trim();
      this.buffer = this.buffer.slice(newline + 1);
      if (line !== "") this.dispatch(JSON.parse(line) as Record<string, unknown>);
    }
  }

  private dispatch(message: Record<string, unknown>): void {
    if ("QMP" in message) {
      const greeting = this.greeting;
      this.greeting = undefined;
      greeting?.resolve(undefined);
      return;
    }
    // Asynchronous events (RESET, SHUTDOWN, …) carry no reply; the process exit tells us enough.
    if ("event" in message) return;
    const next = this.queue.shift();
    if (!next) return;
    if ("error" in message) {
      const error = message["error"] as { desc?: string };
      next.pending.reject(new QmpError(next.command, error.desc ?? "failed"));
    } else {
      next.pending.resolve(message["return"]);
    }
  }

  private failAll(error: Error): void {
    this.closed = true;
    this.greeting?.reject(error);
    this.greeting = undefined;
    for (const { pending } of this.queue.splice(0)) pending.reject(error);
  }
}

function openSocket(path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection(path);
    socket.once("connect", () => {
      socket.removeListener("error", reject);
      resolve(socket);
    });
    socket.once("error", reject);
  });
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
