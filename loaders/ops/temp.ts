/**
 * Temporary files and folders: removed on every exit path, stale ones at the next start.
 *
 * Why (issue 12, item 14): a kill or an error used to leave `pik.duckdb.tmp-PID`,
 * `*.PID.tmp` next to exported files and `/tmp/pik-read-*` folders, some holding
 * UTF-8 copies of the input (personal data of the `stellen` table among them).
 * Every temp name carries the writer's process id, so a later run can tell a
 * leftover of a dead process (removed) from the work of a running one (kept).
 *
 * - `registerTemp` records a path; `installExitCleanup` (the CLI calls it once)
 *   removes every recorded path on exit, after an error, and on SIGINT/SIGTERM/SIGHUP.
 * - SIGKILL or a power cut cannot be handled: `removeStaleTemps` clears such
 *   leftovers when the next command starts.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { processAlive } from "./process.ts";

const registered = new Set<string>();
const onExit = new Set<() => void>();

/** Remember a temp path: it is removed when the process ends, however it ends. */
export function registerTemp(path: string): string {
  registered.add(path);
  return path;
}

/** The path was renamed into place or removed: nothing to clean up any more. */
export function releaseTemp(path: string): void {
  registered.delete(path);
}

/** Run `fn` when the process ends (e.g. to release the writer lock). */
export function atExit(fn: () => void): () => void {
  onExit.add(fn);
  return () => onExit.delete(fn);
}

/** Removes every registered temp path now (synchronously: also from an exit handler). */
export function cleanupNow(): void {
  for (const fn of [...onExit]) {
    try {
      fn();
    } catch {
      /* best effort on the way out */
    }
  }
  onExit.clear();
  for (const path of registered) {
    try {
      rmSync(path, { recursive: true, force: true });
    } catch {
      /* best effort on the way out */
    }
  }
  registered.clear();
}

const SIGNALS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
let installed = false;

/** Clean up on exit and on the usual kill signals (exit code 128 + signal number, as a shell reports it). */
export function installExitCleanup(): void {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupNow);
  for (const [signal, n] of Object.entries(SIGNALS)) {
    process.on(signal as NodeJS.Signals, () => {
      cleanupNow();
      process.exit(128 + n!);
    });
  }
}

/** Prefix of the read stage's temp folders in the system temp folder: `pik-read-PID-xxxxxx`. */
export const READ_TEMP_PREFIX = "pik-read-";

/** A fresh temp folder `<tmpdir>/<prefix>PID-xxxxxx`, registered for clean-up. */
export function makeTempDir(prefix = READ_TEMP_PREFIX): string {
  return registerTemp(mkdtempSync(join(tmpdir(), `${prefix}${process.pid}-`)));
}

/**
 * Removes the entries of `dir` whose name matches `pattern` (group 1 = the writer's
 * process id) and whose writer no longer runs. Returns the removed names.
 */
export function removeStaleIn(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = pattern.exec(name);
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed.push(name);
    } catch {
      /* not ours to remove (other user): left alone */
    }
  }
  return removed;
}

/** Read-stage folders older than this without a process id in the name (earlier versions) are removed too. */
const LEGACY_AGE_MS = 24 * 3600 * 1000;

/** Stale `/tmp/pik-read-*` folders: of a dead process, or (old naming, no PID) older than a day. */
export function removeStaleReadTemps(dir = tmpdir()): string[] {
  const removed = removeStaleIn(dir, /^pik-read-(\d+)-[A-Za-z0-9]{6}$/);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!/^pik-read-[A-Za-z0-9]{6}$/.test(name)) continue;
    try {
      const path = join(dir, name);
      if (Date.now() - statSync(path).mtimeMs < LEGACY_AGE_MS) continue;
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch {
      /* not ours: left alone */
    }
  }
  return removed;
}
