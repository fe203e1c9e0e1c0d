/**
 * Issue 12, item 8 (export): an export interrupted over an earlier export left the old
 * `export-manifest.json` next to new files whose SHA-256 it did not list. Now the
 * manifest is removed first (after the mark EXPORT-UNVOLLSTAENDIG.txt is written) and
 * written last; the next export into the folder completes it.
 */
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeFolder, validFolder, writeFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

function cli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, signal: r.signal, out: r.stdout + r.stderr };
}

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

interface Manifest {
  release: string;
  tabellen: { tabelle: string; dateien: { datei: string; sha256: string }[] }[];
}

/** Every file the manifest lists, with the SHA-256 it lists and the one on disk. */
function checkManifest(dir: string): { datei: string; listed: string; actual: string }[] {
  const m = JSON.parse(readFileSync(join(dir, "export-manifest.json"), "utf8")) as Manifest;
  return m.tabellen.flatMap((t) => t.dateien.map((d) => ({ datei: d.datei, listed: d.sha256, actual: sha(join(dir, d.datei)) })));
}

describe("export interrupted over an earlier export", () => {
  it("never leaves a manifest whose SHA-256 do not match; the next export completes the folder", () => {
    const data = validFolder();
    dirs.push(data);
    const work = writeFolder({});
    dirs.push(work);
    const out = join(work, "export");
    const env = { PIK_WAREHOUSE: join(work, "pik.duckdb") };
    expect(cli(["export", "--data", data, "--out", out], env).code).toBe(0);
    const first = checkManifest(out);
    expect(first.length).toBeGreaterThan(20);
    expect(first.every((f) => f.listed === f.actual)).toBe(true);
    expect(existsSync(join(out, "EXPORT-UNVOLLSTAENDIG.txt"))).toBe(false);
    const oldZuwendungen = sha(join(out, "zuwendungen.csv"));

    // New input: Z-2 45,000 instead of 40,000 → AZ-1 paid 95,000.00 (by hand). Killed right after zuwendungen.*.
    const p = join(data, "auszahlungen.csv");
    writeFileSync(p, readFileSync(p, "utf8").replace("Z-2;AZ-1;15.04.2019;40000,00", "Z-2;AZ-1;15.04.2019;45000,00"));
    const killed = cli(["export", "--data", data, "--out", out], { ...env, PIK_TEST_KILL_AT: "export-written:zuwendungen" });
    expect(killed.signal).toBe("SIGKILL");
    expect(sha(join(out, "zuwendungen.csv"))).not.toBe(oldZuwendungen);
    // The old manifest would now list a wrong SHA-256 for zuwendungen.csv: it is gone, the mark says why.
    expect(existsSync(join(out, "export-manifest.json"))).toBe(false);
    expect(readFileSync(join(out, "EXPORT-UNVOLLSTAENDIG.txt"), "utf8")).toContain("nicht vollständig");

    // The folder is accepted as an export target again, and the run completes it.
    const next = cli(["export", "--data", data, "--out", out], env);
    expect(next.code).toBe(0);
    expect(existsSync(join(out, "EXPORT-UNVOLLSTAENDIG.txt"))).toBe(false);
    const second = checkManifest(out);
    expect(second.every((f) => f.listed === f.actual)).toBe(true);
    expect(second.find((f) => f.datei === "zuwendungen.csv")!.actual).toBe(sha(join(out, "zuwendungen.csv")));
    expect(readFileSync(join(out, "zuwendungen.csv"), "utf8")).toContain(";100000,00;95000,00;");
  });
});
