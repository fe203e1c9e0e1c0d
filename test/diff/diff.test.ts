/**
 * `npm run diff -- OLD NEW`: two exports of the small valid fixture, the second
 * with one payment changed (Z-3, AZ-2 Böblingen, 15.04.2018: 50.000,00 → 45.000,00 €).
 * The expected changes are worked out by hand from the data contract:
 *
 * - zuwendungen AZ-2: ausgezahlt_eur 50.000 − 2.500 = 47.500 → 45.000 − 2.500 = 42.500
 * - mittel_kreis_jahr 08115/2018/IM: ausgezahlt_eur 50.000 → 45.000
 * - haushalt_jahr 2018/IM: ausgezahlt_eur 50.000 + 50.000 = 100.000 → 95.000;
 *   abflussquote 100.000 / 1.000.000 = 0,1 → 0,095
 * - zahlungen_monat 2018/IM: April ausgezahlt 100.000 → 95.000; kumuliert April–Dezember
 *   (9 months) 100.000 → 95.000
 * Nothing else changes, no row is added or removed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffExports, formatDiff, type DiffResult } from "../../loaders/diff/index.ts";
import { removeFolder, validFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
let oldOut: string;
let newOut: string;
let result: DiffResult;

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

function exportOf(change?: Parameters<typeof validFolder>[0]): string {
  const dir = validFolder(change);
  dirs.push(dir);
  // Output and warehouse outside the input folder: files there would be findings of the Prüfbericht.
  const work = mkdtempSync(join(tmpdir(), "pik-diff-"));
  dirs.push(work);
  const out = join(work, "out");
  const r = cli(["export", "--data", dir, "--out", out], { PIK_WAREHOUSE: join(work, "wh.duckdb") });
  if (r.code !== 0) throw new Error(r.out);
  return out;
}

beforeAll(async () => {
  oldOut = exportOf();
  newOut = exportOf((t) => {
    const z3 = t.auszahlungen.find((r) => r[0] === "Z-3")!;
    z3[3] = "45000,00";
  });
  result = await diffExports(oldOut, newOut);
}, 120_000);
afterAll(() => dirs.forEach(removeFolder));

const IM = "foerderbereich=integrationsmanagement";

describe("diffExports", () => {
  it("lists exactly the hand-computed changes", () => {
    const got = result.changes.map((c) => [c.table, c.key, c.column, c.old, c.new]);
    const monate = [4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => [
      "zahlungen_monat",
      `jahr=2018, monat=${m}, ${IM}`,
      "kumuliert_eur",
      "100000.00",
      "95000.00",
    ]);
    expect(got).toEqual([
      ["zuwendungen", "aktenzeichen=AZ-2", "ausgezahlt_eur", "47500.00", "42500.00"],
      ["mittel_kreis_jahr", `kreis_ags=08115, jahr=2018, ${IM}`, "ausgezahlt_eur", "50000.00", "45000.00"],
      ["haushalt_jahr", `jahr=2018, ${IM}`, "ausgezahlt_eur", "100000.00", "95000.00"],
      ["haushalt_jahr", `jahr=2018, ${IM}`, "abflussquote", "0.1000", "0.0950"],
      ["zahlungen_monat", `jahr=2018, monat=4, ${IM}`, "ausgezahlt_eur", "100000.00", "95000.00"],
      ...monate,
    ]);
    expect(result.rows).toEqual([]);
    expect(result.missing).toEqual([]);
  });

  it("reports added and removed rows (old and new swapped with a new grant)", async () => {
    const more = exportOf((t) => {
      t.bewilligungen.push(["AZ-9", "08111", "Stadt Stuttgart", "ehrenamt", "bewilligt", "", "01.01.2019", "01.01.2019", "31.12.2019", "1000,00", ""]);
    });
    const d = await diffExports(oldOut, more);
    const added = d.rows.filter((r) => r.kind === "hinzugefuegt").map((r) => `${r.table}: ${r.key}`);
    expect(added).toContain("zuwendungen: aktenzeichen=AZ-9");
    expect(added).toContain("mittel_kreis_jahr: kreis_ags=08111, jahr=2019, foerderbereich=ehrenamt");
    expect(added).toContain("haushalt_jahr: jahr=2019, foerderbereich=ehrenamt");
    const back = await diffExports(more, oldOut);
    expect(back.rows.filter((r) => r.kind === "entfernt").map((r) => `${r.table}: ${r.key}`)).toEqual(added);
  }, 120_000);

  it("a folder compared with itself has no changes", async () => {
    const d = await diffExports(oldOut, oldOut);
    expect(d.changes).toEqual([]);
    expect(d.rows).toEqual([]);
    expect(formatDiff(d)).toContain("Keine Änderungen");
  });
});

describe("npm run diff", () => {
  it("prints a German table of the changes and exits 0", () => {
    const r = cli(["diff", oldOut, newOut]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tabelle\s+Schlüssel\s+Spalte\s+Alt\s+Neu/);
    expect(r.out).toMatch(/zuwendungen\s+aktenzeichen=AZ-2\s+ausgezahlt_eur\s+47500,00\s+42500,00/);
    expect(r.out).toContain("Geänderte Werte: 14");
    expect(r.out).toContain("Zeilen hinzugefügt: 0");
    expect(r.out).toContain("Zeilen entfernt: 0");
  });
  it("exit 2 when a folder is missing", () => {
    const r = cli(["diff", oldOut, "/nonexistent/x"]);
    expect(r.code).toBe(2);
  });
});
