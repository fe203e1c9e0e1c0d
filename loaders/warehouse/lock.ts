/**
 * One writer at a time per warehouse: the lock file `<warehouse>.lock` holds the
 * process id of the command that writes (ingest, export).
 *
 * Why (issue 12, item 7): two ingests at once both exited 0 and the last rename won
 * silently. Now the second one stops with a German message naming the holder. A
 * lock whose process no longer runs (killed, power cut) is stale and taken over.
 * Readers (site loaders, `anfrage`) need no lock: the warehouse is replaced by an
 * atomic rename, so they see the old or the new file, never half of one.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { hostname } from "node:os";
import { atExit } from "../ops/temp.ts";
import { processAlive } from "../ops/process.ts";
import { shownPath } from "../ops/names.ts";

/** The warehouse is being written by another command: German, says what to do. */
export class WarehouseLockedError extends Error {}

export const lockPath = (warehouse: string) => `${warehouse}.lock`;

interface LockContent {
  pid: number;
  host: string;
  since: string;
}

function readLock(path: string): LockContent | null {
  try {
    const c = JSON.parse(readFileSync(path, "utf8")) as Partial<LockContent>;
    return typeof c.pid === "number" ? { pid: c.pid, host: String(c.host ?? ""), since: String(c.since ?? "") } : null;
  } catch {
    return null;
  }
}

/** Locks held by this process: warehouse → depth (ingest inside export takes it again). */
const held = new Map<string, number>();

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

const sleepMs = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }) + "\n");
  } finally {
    closeSync(fd);
  }
  return true;
}

/**
 * Takes the writer lock of `warehouse`, or throws WarehouseLockedError. Returns the
 * release function; the lock is also released when the process exits.
 */
export function acquireWriterLock(warehouse: string): () => void {
  const depth = held.get(warehouse) ?? 0;
  if (depth > 0) {
    held.set(warehouse, depth + 1);
    return () => releaseOnce(warehouse);
  }
  const path = lockPath(warehouse);
  // A fresh clone has no warehouse/ folder yet: the lock comes first, so it creates it.
  mkdirSync(dirname(warehouse), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(path)) break;
    const holder = readLock(path);
    // An unreadable lock just created is being written right now; an old one is the rest of a kill.
    if (!holder && ageMs(path) < 2000 && attempt < 30) {
      sleepMs(100);
      continue;
    }
    // A lock of another host cannot be checked: it counts as held.
    const live = holder && (holder.host !== hostname() || processAlive(holder.pid));
    if (live || attempt >= 40) {
      throw new WarehouseLockedError(
        `Das Data Warehouse ${shownPath(warehouse)} wird gerade von einem anderen Vorgang geschrieben` +
          (holder ? ` (Prozess ${holder.pid}${holder.host !== hostname() ? ` auf ${holder.host}` : ""}, seit ${holder.since})` : "") +
          `. Warten, bis er fertig ist, und den Befehl dann erneut starten. Läuft sicher kein solcher Vorgang mehr, ` +
          `die Sperrdatei ${shownPath(path)} löschen.`,
      );
    }
    // Stale: move it aside under a name of our own, so two takers cannot both remove a fresh lock.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch {
      continue;
    }
    const moved = readLock(aside);
    if (moved && moved.pid !== holder?.pid && processAlive(moved.pid)) {
      // Someone else took over in between: give their lock back and try again.
      try {
        renameSync(aside, path);
      } catch {
        /* they are gone again */
      }
      continue;
    }
    rmSync(aside, { force: true });
  }
  held.set(warehouse, 1);
  const unregister = atExit(() => removeIfOurs(path));
  const release = () => {
    if (releaseOnce(warehouse)) unregister();
  };
  return release;
}

function removeIfOurs(path: string): void {
  if (readLock(path)?.pid === process.pid) rmSync(path, { force: true });
}

/** Returns true when the last hold was released (the file removed). */
function releaseOnce(warehouse: string): boolean {
  const depth = held.get(warehouse) ?? 0;
  if (depth > 1) {
    held.set(warehouse, depth - 1);
    return false;
  }
  if (depth === 1) {
    held.delete(warehouse);
    removeIfOurs(lockPath(warehouse));
    return true;
  }
  return false;
}

/** Runs `fn` holding the writer lock of `warehouse`. */
export async function withWriterLock<T>(warehouse: string, fn: () => Promise<T>): Promise<T> {
  const release = acquireWriterLock(warehouse);
  try {
    return await fn();
  } finally {
    release();
  }
}
