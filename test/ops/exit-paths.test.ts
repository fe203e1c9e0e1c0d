/**
 * Issue 12, item 14: operating-system errors, forged report lines and temp files.
 *
 * - Disk full, permission denied, a dangling symlink and a missing option value came
 *   out as „Interner Fehler (bitte melden)“ with English text.
 * - A file name with a line break forged a line of the report.
 * - A kill or an error left `pik.duckdb.tmp-PID*` and `/tmp/pik-read-*` (the latter
 *   with UTF-8 copies of the input) behind.
 *
 * Kills use the PIK_TEST_KILL_AT hook; the disk-full case a small tmpfs (skipped
 * where mounting is not permitted); permission denied runs the CLI as user nobody.
 */
import { DuckDBInstance } from "@duckdb/node-api";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeOsError } from "../../loaders/ops/os-errors.ts";
import { escapeControl } from "../../loaders/ops/names.ts";
import { csv, removeFolder, validFolder, validTables, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
const mounts: string[] = [];
afterAll(() => {
  for (const m of mounts) spawnSync("umount", [m]);
  dirs.forEach(removeFolder);
});
const tmp = () => {
  const d = writeFolder({});
  dirs.push(d);
  return d;
};

function cli(args: string[], env: Record<string, string>, opts: { uid?: number; gid?: number } = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
    ...opts,
  });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

const release = async (warehouse: string) => {
  const db = await DuckDBInstance.create(warehouse, { access_mode: "READ_ONLY" });
  const conn = await db.connect();
  const r = (await conn.runAndReadAll("SELECT wert FROM meta.build WHERE schluessel = 'releaseId'")).getRows()[0]![0];
  conn.closeSync();
  db.closeSync();
  return String(r);
};

/** Can the user nobody (uid 65534) run node in this checkout? Only root can switch to it at all. */
function readableByNobody(): boolean {
  if (process.getuid?.() !== 0) return false;
  return spawnSync(process.execPath, ["-e", "require('fs').accessSync('package.json')"], { uid: 65534, gid: 65534 }).status === 0;
}

describe("temp files of the warehouse build", () => {
  it("SIGKILL leaves pik.duckdb.tmp-PID; the next ingest removes it", () => {
    const data = validFolder();
    dirs.push(data);
    const folder = tmp();
    const env = { PIK_DATA_DIR: data, PIK_WAREHOUSE: join(folder, "pik.duckdb") };
    const killed = cli(["ingest"], { ...env, PIK_TEST_KILL_AT: "warehouse-built" });
    expect(killed.signal).toBe("SIGKILL");
    const left = readdirSync(folder);
    expect(left.some((n) => /^pik\.duckdb\.tmp-\d+$/.test(n))).toBe(true);
    expect(left).toContain("pik.duckdb.lock");

    const next = cli(["ingest"], env);
    expect(next.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["pik.duckdb", "pik.duckdb.json"]);
  }, 180_000);

  it("SIGTERM (Ctrl+C, a service stop): exit 143, no temp file, no lock, no warehouse", () => {
    const data = validFolder();
    dirs.push(data);
    const folder = tmp();
    const r = cli(["ingest"], {
      PIK_DATA_DIR: data,
      PIK_WAREHOUSE: join(folder, "pik.duckdb"),
      PIK_TEST_KILL_AT: "warehouse-built",
      PIK_TEST_KILL_SIGNAL: "SIGTERM",
    });
    expect(r.code).toBe(143);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe("temp copies of the input (/tmp/pik-read-*)", () => {
  // A Windows-1252 file is read through a UTF-8 copy in the temp folder.
  const latin1Folder = () => {
    const d = writeFolder({ "bewilligungen.csv": Buffer.from(csv(validTables().bewilligungen), "latin1") });
    dirs.push(d);
    return d;
  };

  it("SIGKILL leaves the UTF-8 copy; the next command removes it", () => {
    const data = latin1Folder();
    const temp = tmp();
    const killed = cli(["validate", data], { TMPDIR: temp, PIK_TEST_KILL_AT: "read-temp-written" });
    expect(killed.signal).toBe("SIGKILL");
    const left = readdirSync(temp).filter((n) => n.startsWith("pik-read-"));
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^pik-read-\d+-\w{6}$/);
    const copies = readdirSync(join(temp, left[0]!));
    expect(copies.map((f) => readFileSync(join(temp, left[0]!, f), "utf8")).join("")).toContain("Landkreis Böblingen");
    // A folder of a running process (this one) is left alone.
    mkdirSync(join(temp, `pik-read-${process.pid}-abcdef`));

    const next = cli(["validate", data], { TMPDIR: temp });
    expect(next.code).toBe(1);
    expect(readdirSync(temp).filter((n) => n.startsWith("pik-read-"))).toEqual([`pik-read-${process.pid}-abcdef`]);
  });

  it("SIGTERM while the copy exists: exit 143, the copy removed", () => {
    const temp = tmp();
    const r = cli(["validate", latin1Folder()], { TMPDIR: temp, PIK_TEST_KILL_AT: "read-temp-written", PIK_TEST_KILL_SIGNAL: "SIGTERM" });
    expect(r.code).toBe(143);
    // (tsx keeps its compile cache there too: tsx-UID)
    expect(readdirSync(temp).filter((n) => n.startsWith("pik-read-"))).toEqual([]);
  });
});

describe("operating-system errors in German", () => {
  const canMount = (() => {
    const probe = writeFolder({});
    const ok = spawnSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", probe]).status === 0;
    if (ok) spawnSync("umount", [probe]);
    rmSync(probe, { recursive: true, force: true });
    return ok;
  })();

  it.skipIf(!canMount)("disk full during an ingest: exit 2, German message, previous warehouse kept, no temp file", async () => {
    const data = validFolder();
    dirs.push(data);
    const disk = tmp();
    expect(spawnSync("mount", ["-t", "tmpfs", "-o", "size=8m", "tmpfs", disk]).status).toBe(0);
    mounts.push(disk);
    const warehouse = join(disk, "pik.duckdb");
    const env = { PIK_DATA_DIR: data, PIK_WAREHOUSE: warehouse };
    expect(cli(["ingest"], env).code).toBe(0);
    const before = await release(warehouse);
    const free = Number(spawnSync("df", ["--output=avail", "-B1", disk], { encoding: "utf8" }).stdout.split("\n")[1]);
    // Leave 64 KiB: far less than a warehouse.
    writeFileSync(join(disk, "fueller"), Buffer.alloc(Math.max(0, free - 64 * 1024)));

    const r = cli(["ingest", "--force"], env);
    expect(r.code).toBe(2);
    expect(r.out).toContain("Kein Speicherplatz mehr frei");
    expect(r.out).not.toContain("Interner Fehler");
    expect(r.out).not.toMatch(/no space left/i);
    expect(readdirSync(disk).sort()).toEqual(["fueller", "pik.duckdb", "pik.duckdb.json"]);
    expect(await release(warehouse)).toBe(before);
  });

  // Needs a checkout that the user nobody may read (a clone inside a 0700 folder from mktemp is not): then skipped.
  it.skipIf(!readableByNobody())("permission denied on the warehouse folder (run as nobody): exit 2, German message naming the file", () => {
    const data = validFolder();
    dirs.push(data);
    chmodSync(data, 0o755);
    const folder = tmp();
    chmodSync(folder, 0o755);
    const r = cli(["ingest"], { PIK_DATA_DIR: data, PIK_WAREHOUSE: join(folder, "pik.duckdb"), HOME: folder }, { uid: 65534, gid: 65534 });
    expect(r.out).toContain(`Keine Berechtigung für „${join(folder, "pik.duckdb.lock")}“`);
    expect(r.out).not.toContain("Interner Fehler");
    expect(r.out).not.toContain("EACCES");
    expect(r.code).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("a dangling symlink in the input folder: exit 2, German message naming it", () => {
    const data = validFolder();
    dirs.push(data);
    symlinkSync(join(data, "gibt-es-nicht.csv"), join(data, "kreise.csv"));
    const r = cli(["ingest"], { PIK_DATA_DIR: data, PIK_WAREHOUSE: join(tmp(), "pik.duckdb") });
    expect(r.code).toBe(2);
    expect(r.out).toContain(`„${join(data, "kreise.csv")}“ fehlt (oder ist ein symbolischer Link, dessen Ziel fehlt)`);
    expect(r.out).not.toContain("Interner Fehler");
  });

  it("a missing option value and an unknown option: exit 2, German", () => {
    const missing = cli(["export", "--data", "data", "--out"], {});
    expect(missing.code).toBe(2);
    expect(missing.out).toContain("Aufruf: Die Option --out braucht einen Wert, z. B. --out ORDNER.");
    expect(missing.out).not.toContain("argument missing");
    const flag = cli(["ingest", "--force=ja"], {});
    expect(flag.code).toBe(2);
    expect(flag.out).toContain("Aufruf: Die Option --force nimmt keinen Wert.");
    const unknown = cli(["ingest", "--forse"], {});
    expect(unknown.code).toBe(2);
    expect(unknown.out).toContain("Aufruf: Unbekannte Option --forse.");
  });

  it("describeOsError: codes and DuckDB's texts; null for other errors", () => {
    const e = (code: string, path?: string) => Object.assign(new Error(`${code}: x`), { code, path });
    expect(describeOsError(e("ENOSPC", "/a/b"))).toMatch(/^Kein Speicherplatz mehr frei \(beim Schreiben von „\/a\/b“\)/);
    expect(describeOsError(e("EACCES", "/a/b"))).toMatch(/^Keine Berechtigung für „\/a\/b“/);
    expect(describeOsError(e("EROFS"))).toMatch(/^Der Datenträger ist schreibgeschützt/);
    expect(describeOsError(new Error('IO Error: Could not write file "/w/pik.duckdb.tmp-7": No space left on device'))).toContain(
      "„/w/pik.duckdb.tmp-7“",
    );
    expect(describeOsError(e("ENOENT", "/x\ny"))).toContain("„/x\\ny“");
    expect(describeOsError(new Error("Binder Error: column x"))).toBeNull();
  });
});

describe("names are printed escaped", () => {
  it("a file name with a line break cannot forge a line of the report", () => {
    const data = validFolder();
    dirs.push(data);
    writeFileSync(join(data, "notiz\nKeine Fehler.txt"), "x");
    const r = cli(["validate", data], {});
    const lines = r.out.split("\n");
    expect(lines.some((l) => l.startsWith("Keine Fehler.txt"))).toBe(false);
    expect(r.out).toContain("notiz\\nKeine Fehler.txt");
  });

  it("escapeControl: C0, DEL, C1, separators and bidi overrides escaped; umlauts kept", () => {
    expect(escapeControl("a\nb\tc\r")).toBe("a\\nb\\tc\\r");
    expect(escapeControl("x\u001b[31my\u007f\u0085\u2028\u202e")).toBe("x\\u{1b}[31my\\u{7f}\\u{85}\\u{2028}\\u{202e}");
    expect(escapeControl("Böblingen – Straße")).toBe("Böblingen – Straße");
  });
});

describe("export temp files", () => {
  it("a killed export's <file>.PID.tmp is removed by the next export into that folder", () => {
    const data = validFolder();
    dirs.push(data);
    const folder = tmp();
    const out = join(folder, "export");
    const env = { PIK_WAREHOUSE: join(folder, "pik.duckdb") };
    const killed = cli(["export", "--data", data, "--out", out], { ...env, PIK_TEST_KILL_AT: "export-written:kreise" });
    expect(killed.signal).toBe("SIGKILL");
    // The first table's files were renamed into place; plant the leftover a kill mid-write leaves
    // (a dead writer's PID), and a file of the user's that merely looks alike.
    const dead = Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
    writeFileSync(join(out, `zuwendungen.csv.${dead}.tmp`), "halb");
    writeFileSync(join(out, `notizen.${dead}.tmp`), "meins");
    const next = cli(["export", "--data", data, "--out", out], env);
    expect(next.code).toBe(0);
    expect(readdirSync(out).filter((n) => n.endsWith(".tmp"))).toEqual([`notizen.${dead}.tmp`]);
  });
});
