/**
 * Queries of the page /daten (Daten & Downloads): one function per artifact.
 *
 * The downloads are exactly the files `npm run export` writes (`exportPublished`:
 * every published table as CSV, XLSX and Parquet); this module adds what the page
 * lists next to each file – row count, size and SHA-256 – and the per-file counts
 * of the input (`meta.dateien`) for the release manifest.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { existsSync, readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { CSV_BOM, CSV_DELIMITER, CSV_EOL, csvValue, toCsv } from "../../src/components/tabular.js";
import { diffExports, type DiffChange, type DiffResult, type DiffRow } from "../diff/index.ts";
import { exportPublished } from "../export/published.ts";
import { exportTable } from "../export/index.ts";
import type { Edition } from "../queries/edition.ts";
import { createInternalViews, internalTables, internalView } from "../queries/intern.ts";
import { sha256File } from "../warehouse/fingerprint.ts";
import { PUBLISHED_TABLES, publishedColumns, type PublishedTable } from "../tables/index.ts";
import { rows } from "../queries/site.ts";

/** The three download formats, in the order the page lists them. */
export const FORMATS = ["csv", "xlsx", "parquet"] as const;
export type DownloadFormat = (typeof FORMATS)[number];

export interface DownloadFile {
  /** File name as written by the export, e.g. `zuwendungen.csv`. */
  datei: string;
  format: DownloadFormat;
  bytes: number;
  sha256: string;
}

export interface DownloadTable {
  /** Name of the published table (`main.NAME`) and base name of its files. */
  tabelle: string;
  titel: string;
  zeilen: number;
  dateien: DownloadFile[];
  /** Only in the intern edition (antraege, buchungen); linked from /daten by path, not by FileAttachment. */
  intern?: true;
}

async function describeFiles(outDir: string, table: string, files: readonly string[]): Promise<DownloadFile[]> {
  const dateien: DownloadFile[] = [];
  for (const format of FORMATS) {
    const datei = `${table}.${format}`;
    if (!files.includes(datei)) throw new Error(`Export von ${table}: ${datei} fehlt`);
    const path = join(outDir, datei);
    dateien.push({ datei, format, bytes: (await stat(path)).size, sha256: await sha256File(path) });
  }
  return dateien;
}

/**
 * Writes every published table as CSV, XLSX and Parquet into `outDir` (the same
 * writer as `npm run export`) and describes each file: rows, bytes, SHA-256. The
 * intern edition adds the intern tables (loaders/queries/intern.ts), written by
 * the same writers; the public edition does not even compute them.
 */
export async function writeDownloads(
  conn: DuckDBConnection,
  outDir: string,
  edition: Edition = "oeffentlich",
): Promise<DownloadTable[]> {
  const written = await exportPublished(conn, outDir);
  const out: DownloadTable[] = [];
  for (const w of written) {
    const def = PUBLISHED_TABLES.find((t) => t.name === w.table);
    out.push({ tabelle: w.table, titel: def?.title ?? w.table, zeilen: w.rows, dateien: await describeFiles(outDir, w.table, w.files) });
  }
  const intern = internalTables(edition);
  if (intern.length > 0) await createInternalViews(conn);
  for (const t of intern) out.push(await exportInternal(conn, outDir, t));
  return out;
}

async function exportInternal(conn: DuckDBConnection, outDir: string, t: PublishedTable): Promise<DownloadTable> {
  const columnUnits = Object.fromEntries(publishedColumns(t).filter((c) => c.unit).map((c) => [c.name, c.unit!]));
  const r = await exportTable(conn, internalView(t), outDir, t.name, { sheetTitle: t.title, columnUnits });
  const files = [r.csv, r.xlsx, r.parquet].map((f) => basename(f));
  return { tabelle: t.name, titel: t.title, zeilen: r.rows, dateien: await describeFiles(outDir, t.name, files), intern: true };
}

/** Per input file: what was read, accepted and rejected (meta.dateien, written by the validator). */
export interface InputFileCounts {
  datei: string;
  tabelle: string | null;
  format: string | null;
  kodierung: string | null;
  gelesen: number;
  akzeptiert: number;
  abgelehnt: number;
  warnungen: number;
}

export async function inputFileCounts(conn: DuckDBConnection): Promise<InputFileCounts[]> {
  const r = await rows(
    conn,
    `SELECT datei, tabelle, format, kodierung,
       CAST(coalesce(gelesen, 0) AS INTEGER) AS gelesen,
       CAST(coalesce(akzeptiert, 0) AS INTEGER) AS akzeptiert,
       CAST(coalesce(abgelehnt, 0) AS INTEGER) AS abgelehnt,
       CAST(coalesce(warnungen, 0) AS INTEGER) AS warnungen
     FROM meta.dateien ORDER BY datei`,
  );
  return r as unknown as InputFileCounts[];
}

// ---------------------------------------------------------------------------
// Changes against the previous release (PIK_PREVIOUS_EXPORT)
// ---------------------------------------------------------------------------

/** Changes listed on the page; the complete list is always in aenderungen.csv. */
export const CHANGES_SHOWN = 500;

export interface ReleaseChanges {
  /** The previous release, from its export-manifest.json; null: no previous export given. */
  vorherig: { release: string | null; stand: string | null } | null;
  /** Per published table: changed values, added and removed rows. */
  tabellen: { tabelle: string; titel: string; geaendert: number; hinzugefuegt: number; entfernt: number }[];
  /** The first CHANGES_SHOWN changed values (table, key, column, old, new as exact text). */
  aenderungen: DiffChange[];
  /** The first CHANGES_SHOWN added/removed rows. */
  zeilen: DiffRow[];
  gesamt: { aenderungen: number; zeilen: number };
  /** Tables missing in one of the two exports (not compared). */
  fehlend: DiffResult["missing"];
}

/** The folder named by PIK_PREVIOUS_EXPORT, checked: a wrong path must fail the build, not drop the comparison. */
export function previousExportFromEnv(env = process.env): string | null {
  const dir = env["PIK_PREVIOUS_EXPORT"];
  if (!dir) return null;
  if (!existsSync(join(dir, "export-manifest.json")))
    throw new Error(
      `PIK_PREVIOUS_EXPORT: „${dir}“ ist kein Exportordner (export-manifest.json fehlt). Erwartet wird ein Ordner, den „npm run export -- --out ORDNER“ geschrieben hat.`,
    );
  return resolve(dir);
}

/**
 * Which published figures changed between the previous release's export and the
 * current one (the files of `writeDownloads` in `currentDir`), by the same
 * comparison as `npm run diff`.
 */
export async function releaseChanges(currentDir: string, previousDir: string | null): Promise<{ summary: ReleaseChanges; csv: string }> {
  if (previousDir === null) {
    return {
      summary: { vorherig: null, tabellen: [], aenderungen: [], zeilen: [], gesamt: { aenderungen: 0, zeilen: 0 }, fehlend: [] },
      csv: toCsv(CHANGES_CSV_HEADER, []),
    };
  }
  const manifest = JSON.parse(readFileSync(join(previousDir, "export-manifest.json"), "utf8")) as { release?: string; stand?: string };
  const d = await diffExports(previousDir, currentDir);
  const count = (table: string) => ({
    geaendert: d.changes.filter((c) => c.table === table).length,
    hinzugefuegt: d.rows.filter((r) => r.table === table && r.kind === "hinzugefuegt").length,
    entfernt: d.rows.filter((r) => r.table === table && r.kind === "entfernt").length,
  });
  const summary: ReleaseChanges = {
    vorherig: { release: manifest.release ?? null, stand: manifest.stand ?? null },
    tabellen: PUBLISHED_TABLES.map((t) => ({ tabelle: t.name, titel: t.title, ...count(t.name) })),
    aenderungen: d.changes.slice(0, CHANGES_SHOWN),
    zeilen: d.rows.slice(0, CHANGES_SHOWN),
    gesamt: { aenderungen: d.changes.length, zeilen: d.rows.length },
    fehlend: d.missing,
  };
  const body = [
    ...d.changes.map((c) => [c.table, c.key, c.column, c.old, c.new, "geändert"]),
    ...d.rows.map((r) => [r.table, r.key, null, null, null, r.kind === "hinzugefuegt" ? "hinzugefügt" : "entfernt"]),
  ];
  return { summary, csv: toCsvExact(body) };
}

const CHANGES_CSV_HEADER = ["Tabelle", "Schlüssel", "Spalte", "Alt", "Neu", "Art"];

/**
 * The change list as German CSV. The diff's values are DuckDB's exact text; a
 * number keeps its own digits with a decimal comma (`1234,50`, values of one
 * column have different scales), anything else is neutralised text.
 */
function toCsvExact(body: (string | null)[][]): string {
  const field = (v: string | null) => (v === null ? "" : /^-?\d+(\.\d+)?$/.test(v) ? v.replace(".", ",") : csvValue(v));
  const lines = [CHANGES_CSV_HEADER.map(field).join(CSV_DELIMITER), ...body.map((r) => r.map(field).join(CSV_DELIMITER))];
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}
