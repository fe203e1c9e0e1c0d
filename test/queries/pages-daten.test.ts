/**
 * /daten and /methodik: the downloads (same files as `npm run export`, each with
 * rows, bytes and SHA-256 that the test recomputes), the release manifest, the
 * footer line and the methodology content, on a tiny hand-made warehouse.
 */
import { spawnSync } from "node:child_process";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureWarehouse } from "../helpers/fixture-warehouse.ts";
import { inputFileCounts, writeDownloads } from "../../loaders/pages/daten.ts";
import { inputRules, PROGRAMMZAHLEN, publishedDefinitions, QUELLEN, sampleData } from "../../loaders/pages/methodik.ts";
import { PUBLISHED_TABLES } from "../../loaders/tables/index.ts";
import { INPUT_TABLES } from "../../loaders/schema/input-tables.ts";
import { buildReleaseManifest, footerHtml, softwareVersion } from "../../loaders/site/release.ts";
import type { BuildInfo } from "../../loaders/warehouse/build.ts";

const FIXTURE = `
INSERT INTO ref.kreise VALUES
  ('08111', 'Stuttgart', 'Stadtkreis', 'Stuttgart', 600000, DATE '2018-12-31', 'Testdaten', 207.33),
  ('08212', 'Karlsruhe', 'Stadtkreis', 'Karlsruhe', 300000, DATE '2018-12-31', 'Testdaten', 173.46);
INSERT INTO eingang.bewilligungen
  (aktenzeichen, empfaenger_ags, empfaenger_name, foerderbereich, status, antrag_datum, bescheid_datum, beginn, ende, bewilligt_eur, vzae_bewilligt)
VALUES
  ('IM-S', '08111', 'Stadt Stuttgart', 'integrationsmanagement', 'bewilligt', NULL, DATE '2017-12-01', DATE '2018-01-01', DATE '2019-12-31', 730.00, 2.0),
  ('EA-1', '08212', '=Verein; "Karlsruhe"', 'ehrenamt', 'bewilligt', NULL, DATE '2017-12-01', DATE '2018-01-01', DATE '2018-12-31', 365.00, NULL);
INSERT INTO eingang.auszahlungen (zahlung_id, aktenzeichen, buchungsdatum, betrag_eur, art) VALUES
  ('P1', 'IM-S', DATE '2018-01-15', 300.00, 'abschlag');
INSERT INTO eingang.haushalt (haushaltsjahr, foerderbereich, ansatz_eur) VALUES (2018, 'integrationsmanagement', 3000.00);
CREATE TABLE meta.dateien (datei VARCHAR, tabelle VARCHAR, format VARCHAR, kodierung VARCHAR, trennzeichen VARCHAR,
  kopfzeile INTEGER, gelesen BIGINT, akzeptiert BIGINT, abgelehnt BIGINT, warnungen BIGINT, leerzeilen BIGINT);
INSERT INTO meta.dateien VALUES
  ('bewilligungen.xlsx', 'bewilligungen', 'xlsx', NULL, NULL, 4, 3, 2, 1, 0, 0),
  ('auszahlungen.csv', 'auszahlungen', 'csv', 'utf-8', ';', 1, 1, 1, 0, 1, 0);
`;

let instance: DuckDBInstance;
let conn: DuckDBConnection;
let dir: string;

beforeAll(async () => {
  ({ instance, conn } = await fixtureWarehouse(FIXTURE));
  dir = mkdtempSync(join(tmpdir(), "pik-daten-test-"));
});

afterAll(() => {
  conn?.closeSync();
  instance?.closeSync();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("writeDownloads", () => {
  it("writes every published table as CSV, XLSX and Parquet with the right rows, bytes and SHA-256", async () => {
    const tables = await writeDownloads(conn, dir);
    expect(tables.map((t) => t.tabelle)).toEqual(PUBLISHED_TABLES.map((t) => t.name));
    // Hand-counted: 2 Kreise, 2 granted grants, 1 appropriation year row + years with money.
    expect(tables.find((t) => t.tabelle === "kreise")?.zeilen).toBe(2);
    expect(tables.find((t) => t.tabelle === "zuwendungen")?.zeilen).toBe(2);
    for (const t of tables) {
      expect(t.dateien.map((f) => f.datei)).toEqual([`${t.tabelle}.csv`, `${t.tabelle}.xlsx`, `${t.tabelle}.parquet`]);
      const count = await conn.runAndReadAll(`SELECT count(*)::INTEGER FROM main.${t.tabelle}`);
      expect(t.zeilen).toBe(count.getRows()[0]?.[0]);
      for (const f of t.dateien) {
        const path = join(dir, f.datei);
        expect(f.sha256).toBe(sha256(path));
        expect(f.bytes).toBe(statSync(path).size);
      }
    }
  });

  it("the CSV is the export format: BOM, semicolon, decimal comma, neutralised text", async () => {
    const csv = readFileSync(join(dir, "zuwendungen.csv"), "utf8");
    expect(csv.startsWith("\uFEFFaktenzeichen;")).toBe(true);
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith("EA-1;"))).toContain(`"'=Verein; ""Karlsruhe"""`);
    expect(lines.find((l) => l.startsWith("IM-S;"))).toContain(";730,00;");
  });

  it("reads the per-file counts of meta.dateien", async () => {
    expect(await inputFileCounts(conn)).toEqual([
      { datei: "auszahlungen.csv", tabelle: "auszahlungen", format: "csv", kodierung: "utf-8", gelesen: 1, akzeptiert: 1, abgelehnt: 0, warnungen: 1 },
      { datei: "bewilligungen.xlsx", tabelle: "bewilligungen", format: "xlsx", kodierung: null, gelesen: 3, akzeptiert: 2, abgelehnt: 1, warnungen: 0 },
    ]);
  });
});

const INFO: BuildInfo = {
  inputHash: "a".repeat(64),
  codeHash: "b".repeat(64),
  releaseId: "aaaaaabbbbbb",
  builtAt: "2026-11-21T15:00:19.644Z",
  dataDir: "/nirgends",
  files: { "bewilligungen.xlsx": "1".repeat(64), "auszahlungen.csv": "2".repeat(64), "manifest.json": "3".repeat(64) },
  synthetic: true,
  stand: "2025-11-30",
  errors: 1,
  warnings: 1,
};

describe("release manifest", () => {
  it("lists every input file with its hash and counts; non-table files without counts", async () => {
    const m = buildReleaseManifest(INFO, await inputFileCounts(conn), { version: "0.1.0", commit: "unbekannt" });
    expect(m.release).toBe("aaaaaabbbbbb");
    expect(m.datenstand).toBe("2025-11-30");
    expect(m.befunde).toEqual({ fehler: 1, warnungen: 1 });
    expect(m.eingabedateien.map((f) => [f.datei, f.sha256, f.gelesen, f.akzeptiert, f.abgelehnt])).toEqual([
      ["auszahlungen.csv", "2".repeat(64), 1, 1, 0],
      ["bewilligungen.xlsx", "1".repeat(64), 3, 2, 1],
      ["manifest.json", "3".repeat(64), null, null, null],
    ]);
  });

  it("refuses counts of a file the build did not fingerprint", () => {
    const counts = [{ datei: "fremd.csv", tabelle: "x", format: "csv", kodierung: null, gelesen: 1, akzeptiert: 1, abgelehnt: 0, warnungen: 0 }];
    expect(() => buildReleaseManifest(INFO, counts, { version: "0.1.0", commit: "unbekannt" })).toThrow(/fremd\.csv/);
  });

  it("software version: package.json version, commit „unbekannt“ outside git", () => {
    const d = mkdtempSync(join(tmpdir(), "pik-nogit-"));
    try {
      writeFileSync(join(d, "package.json"), JSON.stringify({ version: "9.8.7" }));
      expect(softwareVersion(d)).toEqual({ version: "9.8.7", commit: "unbekannt" });
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
    // In this checkout: the commit git itself names (CI runs on a clone, so there is one).
    const head = spawnSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" });
    expect(softwareVersion().commit).toBe(head.status === 0 ? head.stdout.trim() : "unbekannt");
  });

  it("footer: Datenstand in German, release, escaped", () => {
    expect(footerHtml(INFO)).toContain("Datenstand 30.11.2025 · Release aaaaaabbbbbb");
    expect(footerHtml({ ...INFO, releaseId: "<b>x</b>" })).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(footerHtml(null)).toContain("Datenstand unbekannt");
  });
});

describe("methodik content", () => {
  it("has every published table with its notes and every column definition", () => {
    const defs = publishedDefinitions();
    for (const t of PUBLISHED_TABLES) {
      const d = defs.find((x) => x.name === t.name && !x.hilfssicht);
      expect(d?.notes).toBe(t.notes ?? null);
      expect(d?.columns.map((c) => c.name)).toEqual(Object.keys(t.columns.shape));
    }
    expect(defs.filter((d) => d.hilfssicht).map((d) => d.name)).toEqual(["bewilligt_jahr", "buchungen"]);
  });

  it("has every input table with its rules", () => {
    const rules = inputRules();
    expect(rules.map((r) => r.name)).toEqual(INPUT_TABLES.map((t) => t.name));
    expect(rules.find((r) => r.name === "bewilligungen")?.regeln).toContain("Das Ende des Förderzeitraums liegt nicht vor dessen Beginn.");
  });

  it("every programme figure names known sources", () => {
    for (const z of PROGRAMMZAHLEN) {
      expect(z.quellen.length).toBeGreaterThan(0);
      for (const q of z.quellen) expect(QUELLEN[q], q).toBeDefined();
    }
  });

  it("sample data from the manifest, none without one", () => {
    expect(sampleData(dir)).toBeNull();
    const s = sampleData("data");
    expect(s?.synthetisch).toBe(true);
    expect(s?.seed).toBe(JSON.parse(readFileSync("data/manifest.json", "utf8")).seed);
    expect(s?.annahmen.length).toBeGreaterThan(10);
  });
});
