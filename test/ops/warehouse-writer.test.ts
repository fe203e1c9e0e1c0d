/**
 * Issue 12, item 7: one writer at a time, and warehouse and sidecar never disagree.
 *
 * - A kill between the warehouse's rename and the sidecar's used to leave warehouse B
 *   with sidecar A: the next run said "aktuell" for release A while B was published.
 * - A 0-byte sidecar (full disk) made every later command fail with "Unexpected end of
 *   JSON input".
 * - Two ingests at once both exited 0; the last rename won silently.
 *
 * Kills use the PIK_TEST_KILL_AT hook (loaders/ops/kill-point.ts).
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readBuildInfo } from "../../loaders/warehouse/build-info.ts";
import { acquireWriterLock } from "../../loaders/warehouse/lock.ts";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));
const tmp = () => {
  const d = writeFolder({});
  dirs.push(d);
  return d;
};

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

/** What the warehouse itself says: its release (meta.build) and the sum of all payments. */
async function warehouseFacts(warehouse: string): Promise<{ release: string; paid: string }> {
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const release = (await conn.runAndReadAll("SELECT wert FROM meta.build WHERE schluessel = 'releaseId'")).getRows()[0]![0];
  const paid = (await conn.runAndReadAll("SELECT CAST(sum(betrag_eur) AS VARCHAR) FROM eingang.auszahlungen")).getRows()[0]![0];
  conn.closeSync();
  db.closeSync();
  return { release: String(release), paid: String(paid) };
}

/** Changes payment Z-2 from 40,000 to 45,000: 142,500.00 paid in all instead of 137,500.00 (by hand). */
function changePayment(dir: string): void {
  const p = join(dir, "auszahlungen.csv");
  writeFileSync(p, readFileSync(p, "utf8").replace("Z-2;AZ-1;15.04.2019;40000,00", "Z-2;AZ-1;15.04.2019;45000,00"));
}

/** A process id that certainly no longer runs: one that just exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

describe("kill between the warehouse's rename and the sidecar", () => {
  it("the stale sidecar is ignored and restored from meta.build: the next run names release B, not A", async () => {
    const data = validFolder();
    dirs.push(data);
    const warehouse = join(tmp(), "pik.duckdb");
    const env = { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse };
    expect(cli(["ingest"], env).code).toBe(0);
    const a = await warehouseFacts(warehouse);
    expect(a.paid).toBe("137500.00");
    expect(readBuildInfo(warehouse)?.releaseId).toBe(a.release);

    changePayment(data);
    const killed = cli(["ingest"], { ...env, PIK_TEST_KILL_AT: "warehouse-renamed" });
    expect(killed.signal).toBe("SIGKILL");
    const b = await warehouseFacts(warehouse);
    expect(b.paid).toBe("142500.00");
    expect(b.release).not.toBe(a.release);
    // The sidecar on disk still says A (the reproduction) …
    expect(JSON.parse(readFileSync(`${warehouse}.json`, "utf8")).releaseId).toBe(a.release);
    // … but no reader takes it for warehouse B.
    expect(readBuildInfo(warehouse)).toBeNull();

    const next = cli(["ingest"], env);
    expect(next.code).toBe(0);
    expect(next.out).toContain("aus dem Data Warehouse wiederhergestellt");
    expect(next.out).toContain(`Data Warehouse ist aktuell (Release ${b.release})`);
    expect(next.out).not.toContain(a.release);
    expect(readBuildInfo(warehouse)?.releaseId).toBe(b.release);
    expect(readBuildInfo(warehouse)?.files["auszahlungen.csv"]).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a 0-byte sidecar (disk full while it was written)", () => {
  it("is restored from meta.build instead of stopping every later command", async () => {
    const data = validFolder();
    dirs.push(data);
    const warehouse = join(tmp(), "pik.duckdb");
    const env = { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse };
    expect(cli(["ingest"], env).code).toBe(0);
    const { release } = await warehouseFacts(warehouse);
    const original = JSON.parse(readFileSync(`${warehouse}.json`, "utf8"));
    writeFileSync(`${warehouse}.json`, "");

    const r = cli(["ingest"], env);
    expect(r.out).not.toContain("Unexpected end of JSON input");
    expect(r.out).not.toContain("Interner Fehler");
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Data Warehouse ist aktuell (Release ${release})`);
    const restored = JSON.parse(readFileSync(`${warehouse}.json`, "utf8"));
    expect(restored).toEqual(original);
  });
});

describe("one writer at a time", () => {
  it("a second ingest while one writes stops with exit 2 naming the holder; the first completes", async () => {
    const data = validFolder();
    dirs.push(data);
    const warehouse = join(tmp(), "pik.duckdb");
    const env = { ...process.env, PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse };
    // The first ingest pauses (SIGSTOP) just before its rename, holding the lock.
    const first = spawn(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", "ingest"], {
      env: { ...env, PIK_TEST_KILL_AT: "warehouse-built", PIK_TEST_KILL_SIGNAL: "SIGSTOP" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let firstOut = "";
    first.stdout.on("data", (c) => (firstOut += c));
    first.stderr.on("data", (c) => (firstOut += c));
    const firstExit = new Promise<number | null>((res) => first.on("exit", (code) => res(code)));
    const state = () => (existsSync(`/proc/${first.pid}/stat`) ? readFileSync(`/proc/${first.pid}/stat`, "utf8").split(") ")[1]![0] : "gone");
    for (let i = 0; i < 600 && state() !== "T"; i++) await new Promise((r) => setTimeout(r, 100));
    expect(state()).toBe("T");
    expect(JSON.parse(readFileSync(`${warehouse}.lock`, "utf8")).pid).toBe(first.pid);

    const second = cli(["ingest", "--force"], { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse });
    expect(second.code).toBe(2);
    expect(second.out).toContain("wird gerade von einem anderen Vorgang geschrieben");
    expect(second.out).toContain(`Prozess ${first.pid}`);
    expect(second.out).not.toContain("Interner Fehler");
    expect(existsSync(warehouse)).toBe(false);

    process.kill(first.pid!, "SIGCONT");
    expect(await firstExit).toBe(0);
    expect(firstOut).toContain("Data Warehouse gebaut");
    expect((await warehouseFacts(warehouse)).paid).toBe("137500.00");
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
  });

  it("a stale lock (its process is gone) is taken over; an empty one from a kill too", () => {
    const data = validFolder();
    dirs.push(data);
    const folder = tmp();
    const warehouse = join(folder, "pik.duckdb");
    const pid = deadPid();
    writeFileSync(`${warehouse}.lock`, JSON.stringify({ pid, host: hostname(), since: "2026-01-01T00:00:00Z" }));
    const r = cli(["ingest"], { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse });
    expect(r.code).toBe(0);
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
    expect(readdirSync(folder).sort()).toEqual(["pik.duckdb", "pik.duckdb.json"]);

    // Killed while the lock was being written: empty, and older than a moment.
    writeFileSync(`${warehouse}.lock`, "");
    utimesSync(`${warehouse}.lock`, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    const again = cli(["ingest", "--force"], { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse });
    expect(again.code).toBe(0);
    expect(again.out).toContain("Data Warehouse gebaut");
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
  });

  it("a live lock of another process is respected: nothing written", () => {
    const data = validFolder();
    dirs.push(data);
    const folder = tmp();
    const warehouse = join(folder, "pik.duckdb");
    // This test process runs: its PID is a live holder.
    writeFileSync(`${warehouse}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), since: "jetzt" }));
    const r = cli(["export", "--data", data, "--out", join(folder, "export")], { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse });
    expect(r.code).toBe(2);
    expect(r.out).toContain(`Prozess ${process.pid}`);
    expect(readdirSync(folder)).toEqual(["pik.duckdb.lock"]);
  });

  it("in process: the lock creates a missing warehouse folder, holds our PID, nests, and is removed on release", () => {
    const warehouse = join(tmp(), "neu", "pik.duckdb");
    const release = acquireWriterLock(warehouse);
    expect(JSON.parse(readFileSync(`${warehouse}.lock`, "utf8")).pid).toBe(process.pid);
    const inner = acquireWriterLock(warehouse);
    inner();
    expect(existsSync(`${warehouse}.lock`)).toBe(true);
    release();
    expect(existsSync(`${warehouse}.lock`)).toBe(false);
  });
});
