/**
 * Parquet writer for the published tables: DuckDB's own COPY, zstd-compressed.
 * Types are kept as they are in the warehouse (DECIMAL stays DECIMAL, DATE stays
 * DATE), and text is written unchanged: Parquet is read by analysis tools, not
 * opened by spreadsheets, so formula neutralisation does not apply.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { quoteTableName, writeAtomically } from "./csv.ts";

/** A string as a SQL string literal. */
function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

/**
 * Write a table as Parquet to `file` (replaced atomically). Returns the number of rows.
 */
export async function writeParquet(conn: DuckDBConnection, table: string, file: string): Promise<{ path: string; rows: number }> {
  const rows = await writeAtomically(file, async (tmp) => {
    const result = await conn.run(
      `COPY (SELECT * FROM ${quoteTableName(table)}) TO ${sqlString(tmp)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    return result.rowsChanged;
  });
  return { path: file, rows };
}
