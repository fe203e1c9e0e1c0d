/**
 * Writes every published table (contract §3) as CSV, XLSX and Parquet, plus a
 * small manifest with row counts and SHA-256 of each file, so a recipient can
 * check that what arrived is what was published. The manifest also names the
 * release and Stand the tables come from, so a later release can say what
 * changed since this one (`npm run diff`, PIK_PREVIOUS_EXPORT).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { PUBLISHED_TABLES, publishedColumns } from "../queries/published.ts";
import { sha256File } from "../warehouse/fingerprint.ts";
import { exportTable } from "./index.ts";

export interface WrittenTable {
  table: string;
  rows: number;
  files: string[];
}

export async function exportPublished(conn: DuckDBConnection, outDir: string): Promise<WrittenTable[]> {
  const written: WrittenTable[] = [];
  const manifest: { tabelle: string; zeilen: number; dateien: { datei: string; sha256: string }[] }[] = [];
  for (const t of PUBLISHED_TABLES) {
    const columnUnits = Object.fromEntries(
      publishedColumns(t)
        .filter((c) => c.unit)
        .map((c) => [c.name, c.unit!]),
    );
    const r = await exportTable(conn, `main.${t.name}`, outDir, t.name, { sheetTitle: t.title, columnUnits });
    const files = [r.csv, r.xlsx, r.parquet];
    written.push({ table: t.name, rows: r.rows, files: files.map((f) => basename(f)) });
    manifest.push({
      tabelle: t.name,
      zeilen: r.rows,
      dateien: await Promise.all(files.map(async (f) => ({ datei: basename(f), sha256: await sha256File(f) }))),
    });
  }
  // A warehouse always has meta.build; a bare database of published tables (tests, tools) may not.
  const hasBuild = (await conn.runAndReadAll("SELECT 1 FROM duckdb_tables() WHERE schema_name = 'meta' AND table_name = 'build'")).getRows().length > 0;
  const build: Record<string, string> = hasBuild
    ? Object.fromEntries(((await conn.runAndReadAll("SELECT schluessel, wert FROM meta.build")).getRows() as [string, string][]).map(([k, v]) => [k, v]))
    : {};
  const release = { release: build["releaseId"] ?? null, stand: build["stand"] && build["stand"] !== "null" ? build["stand"] : null };
  writeFileSync(join(outDir, "export-manifest.json"), JSON.stringify({ ...release, tabellen: manifest }, null, 2) + "\n");
  return written;
}
