/**
 * Export of a published table as CSV, XLSX and Parquet (data contract §3).
 *
 *   await exportTable(conn, "main.zuwendungen", "out", "zuwendungen", { columnUnits: { bewilligt_eur: "EUR" } })
 *   → out/zuwendungen.csv, out/zuwendungen.xlsx, out/zuwendungen.parquet
 *
 * Each file is written under a temporary name and renamed into place when complete.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { writeCsv } from "./csv.ts";
import { writeXlsx, type XlsxOptions } from "./xlsx.ts";
import { writeParquet } from "./parquet.ts";

export { writeCsv, csvField, csvLine, csvHeader, csvText, formatDecimalComma, describeTable, kindOf } from "./csv.ts";
export type { ExportColumn, ExportKind } from "./csv.ts";
export { writeXlsx, xlsxValue, xlsxText, numFmtFor, sheetName, setZipTimestamps } from "./xlsx.ts";
export type { XlsxOptions } from "./xlsx.ts";
export { writeParquet } from "./parquet.ts";
export { neutralize, needsNeutralizing, FORMULA_TRIGGERS } from "./neutralize.ts";

export type ExportOptions = XlsxOptions;

export interface ExportResult {
  csv: string;
  xlsx: string;
  parquet: string;
  rows: number;
}

export async function exportTable(
  conn: DuckDBConnection,
  table: string,
  outDir: string,
  baseName: string,
  opts: ExportOptions = {},
): Promise<ExportResult> {
  if (baseName === "" || /[\\/]/.test(baseName) || baseName === "." || baseName === "..") {
    throw new Error(`Ungültiger Dateiname für den Export: ${JSON.stringify(baseName)}`);
  }
  await mkdir(outDir, { recursive: true });
  const base = path.join(outDir, baseName);
  // One connection: the writers run one after the other (a new query ends a streaming result).
  const csv = await writeCsv(conn, table, `${base}.csv`);
  const xlsx = await writeXlsx(conn, table, `${base}.xlsx`, opts);
  const parquet = await writeParquet(conn, table, `${base}.parquet`);
  if (xlsx.rows !== csv.rows || parquet.rows !== csv.rows) {
    throw new Error(
      `Export von ${table}: Zeilenzahl uneinheitlich (CSV ${csv.rows}, XLSX ${xlsx.rows}, Parquet ${parquet.rows})`,
    );
  }
  return { csv: csv.path, xlsx: xlsx.path, parquet: parquet.path, rows: csv.rows };
}
