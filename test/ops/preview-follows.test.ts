/**
 * Issue 12, item 8 (preview): after an ingest during `npm start`, the footer named the
 * new release while the pages showed the old figures – Framework kept serving its
 * cached loader outputs, as the loader files had not changed. Now the page data
 * follows the warehouse the footer names (loaders/site/cache.ts, followWarehouse).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SiteReleaseChangedError, cachedRelease, followWarehouse, invalidateSiteCache } from "../../loaders/site/cache.ts";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";
import { acquireSiteBuildLock } from "../helpers/site-build.ts";

const dirs: string[] = [];
let preview: ChildProcess | undefined;
let releaseBuildLock: (() => void) | undefined;
afterAll(async () => {
  if (preview?.pid && preview.exitCode === null) {
    const exited = new Promise((r) => preview!.once("exit", r));
    process.kill(preview.pid, "SIGTERM");
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  }
  releaseBuildLock?.();
  dirs.forEach(removeFolder);
});
const tmp = () => {
  const d = writeFolder({});
  dirs.push(d);
  return d;
};

describe("followWarehouse", () => {
  it("preview: another release drops the cached outputs; the same release keeps them", () => {
    const cache = join(tmp(), "cache");
    invalidateSiteCache("aaaaaa111111+code.0123", cache);
    writeFileSync(join(cache, "mittel.json"), "{}");
    expect(cachedRelease(cache)).toBe("aaaaaa111111");
    expect(followWarehouse("aaaaaa111111", "preview", cache)).toBe("kept");
    expect(existsSync(join(cache, "mittel.json"))).toBe(true);
    expect(followWarehouse("bbbbbb222222", "preview", cache)).toBe("cleared");
    expect(existsSync(join(cache, "mittel.json"))).toBe(false);
    expect(cachedRelease(cache)).toBe("bbbbbb222222");
  });

  it("build: another release stops the build (its files came from the old cache)", () => {
    const cache = join(tmp(), "cache");
    invalidateSiteCache("aaaaaa111111+code.0123", cache);
    expect(() => followWarehouse("bbbbbb222222", "build", cache)).toThrow(SiteReleaseChangedError);
    expect(() => followWarehouse("bbbbbb222222", "build", cache)).toThrow(/während des Builds geändert.*bisherige Website bleibt/);
    expect(followWarehouse("aaaaaa111111", "build", cache)).toBe("kept");
  });
});

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", ...args], { encoding: "utf8", env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

/**
 * A page of the preview. Under load, the preview can drop the connection of the
 * request that finds a new release (it clears the loader cache and re-runs the
 * loaders); a reader's reload then works, so a dropped connection is retried
 * twice. The content is checked by the caller.
 */
async function get(url: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await fetch(url);
      expect(r.status).toBe(200);
      return await r.text();
    } catch (e) {
      if (attempt >= 3 || !String((e as { cause?: unknown }).cause ?? e).match(/closed|ECONNRESET|socket/i)) throw e;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }
}

describe("npm start, then an ingest in another terminal", () => {
  it("the next page view shows the new release in the footer and in the page data", async () => {
    const data = validFolder();
    dirs.push(data);
    const work = tmp();
    mkdirSync(join(work, "site"));
    const env = { PIK_DATA_DIR: data, PIK_WAREHOUSE: join(work, "pik.duckdb"), PIK_SITE_OUT: join(work, "site"), OBSERVABLE_TELEMETRY_DISABLE: "1" };
    expect(cli(["ingest"], env).code).toBe(0);
    const a = JSON.parse(readFileSync(join(work, "pik.duckdb.json"), "utf8")).releaseId as string;
    // The preview writes Framework's loader cache, which every test build shares: hold the build lock.
    releaseBuildLock = acquireSiteBuildLock();
    expect(cli(["prepare-site"], env).code).toBe(0);

    const port = 41000 + (process.pid % 2000);
    preview = spawn(process.execPath, ["node_modules/.bin/observable", "preview", "--host", "127.0.0.1", "--port", String(port), "--no-open"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    preview.stdout!.on("data", (c) => (log += c));
    preview.stderr!.on("data", (c) => (log += c));
    for (let i = 0; i < 600 && !log.includes(`127.0.0.1:${port}`); i++) await new Promise((r) => setTimeout(r, 100));
    expect(log).toContain(`127.0.0.1:${port}`);
    const base = `http://127.0.0.1:${port}`;

    expect(await get(`${base}/`)).toContain(`Release ${a}`);
    expect(JSON.parse(await get(`${base}/_file/data/release.json`)).release).toBe(a);

    const p = join(data, "auszahlungen.csv");
    writeFileSync(p, readFileSync(p, "utf8").replace("Z-2;AZ-1;15.04.2019;40000,00", "Z-2;AZ-1;15.04.2019;45000,00"));
    expect(cli(["ingest"], env).code).toBe(0);
    const b = JSON.parse(readFileSync(join(work, "pik.duckdb.json"), "utf8")).releaseId as string;
    expect(b).not.toBe(a);

    const page = await get(`${base}/`);
    expect(page).toContain(`Release ${b}`);
    // The loader output follows: before, Framework served the cached release.json of A.
    expect(JSON.parse(await get(`${base}/_file/data/release.json`)).release).toBe(b);
  }, 300_000);
});
