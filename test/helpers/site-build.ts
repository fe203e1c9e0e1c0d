/**
 * Site builds in tests, one at a time across vitest's workers. Every build of
 * this checkout writes Framework's loader cache (src/.observablehq/cache), and a
 * build stops when another build changes that cache under it (loaders/site/cache.ts,
 * followWarehouse): two test files building at once would fail each other. The
 * writer lock of the warehouse module, on a lock file of its own, makes the
 * second wait its turn.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import { acquireWriterLock, WarehouseLockedError } from "../../loaders/warehouse/lock.ts";

const LOCK = resolve(".cache/site-build");
const WAIT_MS = 1_000;
const MAX_WAIT_MS = 30 * 60_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Takes the site-build lock, waiting while another worker builds. Returns the release function. */
export function acquireSiteBuildLock(): () => void {
  const until = Date.now() + MAX_WAIT_MS;
  for (;;) {
    try {
      return acquireWriterLock(LOCK);
    } catch (e) {
      if (!(e instanceof WarehouseLockedError) || Date.now() > until) throw e;
      sleep(WAIT_MS);
    }
  }
}

/** Runs `fn` holding the site-build lock. */
export function withSiteBuildLock<T>(fn: () => T): T {
  const release = acquireSiteBuildLock();
  try {
    return fn();
  } finally {
    release();
  }
}

/** `npm run build` with `env`, holding the site-build lock. */
export function buildSite(env: Record<string, string>, { timeout = 600_000 } = {}): void {
  withSiteBuildLock(() =>
    execFileSync("npm", ["run", "--silent", "build"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env, OBSERVABLE_TELEMETRY_DISABLE: "1" },
      timeout,
    }),
  );
}
