/**
 * The command line as staff use it: exit codes, German output, no stack traces
 * for bad input, and an export that refuses to write when the input has errors.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeFolder, validFolder } from "../helpers/folder.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeFolder));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli/main.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe("npm run validate", () => {
  it("exit 0 and a per-file summary for valid input", () => {
    const dir = validFolder();
    dirs.push(dir);
    const r = cli(["validate", dir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("auszahlungen.csv");
    expect(r.out).toMatch(/auszahlungen\.csv\s+4\s+4\s+0\s+0/);
    expect(r.out).toContain("Keine Fehler.");
  });
  it("exit 1 with file, line, column and German message for a bad row", () => {
    const dir = validFolder((t) => {
      t.auszahlungen[2]![3] = "vierzig";
    });
    dirs.push(dir);
    const r = cli(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("auszahlungen.csv, Zeile 3, Spalte betrag_eur: Fehler: „vierzig“ ist keine Zahl");
    expect(r.out).toMatch(/auszahlungen\.csv\s+4\s+3\s+1\s+0/);
  });
  it("a binary file is a finding, never a stack trace", () => {
    const dir = validFolder();
    dirs.push(dir);
    writeFileSync(join(dir, "haushalt.csv"), Buffer.from([0, 159, 146, 150, 255, 0, 1, 2, 3, 0x50, 0x4b, 3, 4]));
    const r = cli(["validate", dir]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("haushalt.csv");
    expect(r.out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    expect(r.out).not.toContain("Interner Fehler");
  });
  it("exit 2 for a folder that does not exist", () => {
    const r = cli(["validate", "/nonexistent/folder"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("ist kein Verzeichnis");
  });
});

describe("npm run export", () => {
  it("writes every published table as CSV, XLSX and Parquet", () => {
    const dir = validFolder();
    dirs.push(dir);
    const out = join(dir, "out");
    const r = cli(["export", "--data", dir, "--out", out], { PIK_WAREHOUSE: join(dir, "wh.duckdb") });
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    for (const t of ["kreise", "zuwendungen", "mittel_kreis_jahr", "abdeckung_kreis", "haushalt_jahr", "zahlungen_monat", "mittel_gemeinde_jahr", "pruefbericht"])
      for (const ext of ["csv", "xlsx", "parquet"]) expect(files).toContain(`${t}.${ext}`);
    const zuw = readFileSync(join(out, "zuwendungen.csv"), "utf8");
    expect(zuw.startsWith("\uFEFFaktenzeichen;kreis_ags;")).toBe(true);
    // AZ-1: 100.000,00 granted, 90.000,00 paid (by hand from the fixture)
    expect(zuw).toContain("\r\nAZ-1;08111;08111000;Stadt Stuttgart;integrationsmanagement;Integrationsmanagement;2018-03-01;2018-04-01;2019-03-31;100000,00;90000,00;0,00;2,0000\r\n");
    expect(zuw).not.toContain("Erika Mustermann");
  });
  it("refuses and writes nothing when the input has errors, unless --allow-rejects", () => {
    const dir = validFolder((t) => {
      t.auszahlungen[2]![3] = "vierzig";
    });
    dirs.push(dir);
    const out = join(dir, "out");
    const env = { PIK_WAREHOUSE: join(dir, "wh.duckdb") };
    const refused = cli(["export", "--data", dir, "--out", out], env);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain("Nichts veröffentlicht");
    expect(existsSync(out)).toBe(false);
    const allowed = cli(["export", "--data", dir, "--out", out, "--allow-rejects"], env);
    expect(allowed.code).toBe(0);
    const report = readFileSync(join(out, "pruefbericht.csv"), "utf8");
    expect(report).toContain("auszahlungen.csv;3;betrag_eur;vierzig;typ;");
  });
});
