/**
 * A machine-wide limit on running VMs. Each emulated CPU wants a core of its own, and vitest runs
 * test files in parallel worker processes, so the limit must hold across processes: a slot is a
 * directory created with `mkdir` (atomic) holding the owner's pid; a slot whose owner is gone is
 * taken over.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { delay } from "./qmp.js";

const slotRoot = path.join(os.tmpdir(), "ipxm-boot-slots");

/** How many VMs may run at once: `IPXM_BOOT_PARALLEL`, else 2 (as many as a 2-core CI runner has). */
export function slotCount(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const configured = Number(env["IPXM_BOOT_PARALLEL"]);
  return Number.isInteger(configured) && configured > 0 ? configured : 2;
}

export interface Slot {
  release(): void;
}

export async function acquireSlot(count = slotCount(), signal?: AbortSignal): Promise<Slot> {
  fs.mkdirSync(slotRoot, { recursive: true });
  for (;;) {
    signal?.throwIfAborted();
    for (let index = 0; index < count; index++) {
      const slot = path.join(slotRoot, `slot-${index}`);
      if (tryTake(slot)) {
        let released = false;
        return {
          release: () => {
            if (released) return;
            released = true;
            fs.rmSync(slot, { recursive: true, force: true });
          },
        };
      }
    }
    await delay(50);
  }
}

function tryTake(slot: string): boolean {
  try {
    fs.mkdirSync(slot);
  } catch {
    if (!isStale(slot)) return false;
    fs.rmSync(slot, { recursive: true, force: true });
    try {
      fs.mkdirSync(slot);
    } catch {
      return false;
    }
  }
  fs.writeFileSync(path.join(slot, "pid"), String(process.pid));
  return true;
}

/** A slot whose owner process no longer exists (a test run that was killed). */
function isStale(slot: string): boolean {
  let text: string;
  try {
    text = fs.readFileSync(path.join(slot, "pid"), "utf8");
  } catch {
    // Just created by another process, which has not written its pid yet; unless it is old.
    try {
      return Date.now() - fs.statSync(slot).mtimeMs > 5_000;
    } catch {
      return false;
    }
  }
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
