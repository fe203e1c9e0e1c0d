/**
 * Queries of the page /daten (Daten & Downloads): one function per artifact.
 *
 * The downloads are exactly the files `npm run export` writes (`exportPublished`:
 * every published table as CSV, XLSX and Parquet); this module adds what the page
 * lists next to each file – row count, size and SHA-256 – and the per-file counts
 * of the input (`meta.dateien`) for the release manifest.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { exportPublished } from "../../export/published.ts";
import { exportTable } from "../../export/index.ts";
import type { Edition } from "../edition.ts";
import { createInternalViews, internalTables, internalView } from "../intern.ts";
import { sha256File } from "../../warehouse/fingerprint.ts";
import { PUBLISHED_TABLES, publishedColumns, type PublishedTable } from "../published.ts";
import { rows } from "../site.ts";

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
