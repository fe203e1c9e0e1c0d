/**
 * CSV writer for the published tables, plus the table reading shared by the
 * CSV and XLSX writers.
 *
 * The format is what German Excel opens correctly by double-click (data contract §3):
 * UTF-8 with BOM, `;` as delimiter, CRLF line ends, decimal comma without thousands
 * separator and with exactly the column's scale (`1234567,89`), integers plain, dates
 * ISO (`2018-12-31`), booleans `ja`/`nein`, NULL as an empty field. Fields are quoted
 * as in RFC 4180 (`"` doubled). Text cells are neutralised against formula injection
 * (see neutralize.ts); numbers never are.
 *
 * Rows are read from DuckDB as a streaming result, one data chunk (≈2,048 rows) at a
 * time, so a table of any size is written with bounded memory. Every value is read as
 * `CAST(… AS VARCHAR)`: DECIMALs stay exact strings and never pass through a JS float.
 */
import { createWriteStream } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { DuckDBConnection } from "@duckdb/node-api";
import { registerTemp, releaseTemp } from "../ops/temp.ts";
import { CSV_BOM, CSV_DELIMITER, CSV_EOL, csvText, quoteCsv } from "../../src/components/export-rules.js";

// ---------------------------------------------------------------------------
// Reading a table (shared by the CSV and XLSX writers)
// ---------------------------------------------------------------------------

/** How a column is formatted; derived from its DuckDB type. */
export type ExportKind = "decimal" | "integer" | "float" | "date" | "boolean" | "text";

export interface ExportColumn {
  name: string;
  /** DuckDB type as `DESCRIBE` reports it, e.g. `DECIMAL(18,2)`. */
  sqlType: string;
  kind: ExportKind;
  /** Decimal places (DECIMAL only; 0 otherwise). */
  scale: number;
}

/** A row as read for export: every value as DuckDB's text form, or null. */
export type RawRow = (string | null)[];

const INTEGER_TYPES = new Set([
  "TINYINT",
  "SMALLINT",
  "INTEGER",
  "BIGINT",
  "HUGEINT",
  "UTINYINT",
  "USMALLINT",
  "UINTEGER",
  "UBIGINT",
  "UHUGEINT",
]);
const FLOAT_TYPES = new Set(["FLOAT", "DOUBLE", "REAL"]);

/** Export kind of a DuckDB type. Anything that is not a number, date or boolean is written as text. */
export function kindOf(sqlType: string): { kind: ExportKind; scale: number } {
  const t = sqlType.trim().toUpperCase();
  const dec = /^DECIMAL\(\s*\d+\s*,\s*(\d+)\s*\)$/.exec(t);
  if (dec) return { kind: "decimal", scale: Number(dec[1]) };
  if (INTEGER_TYPES.has(t)) return { kind: "integer", scale: 0 };
  if (FLOAT_TYPES.has(t)) return { kind: "float", scale: 0 };
  if (t === "DATE") return { kind: "date", scale: 0 };
  if (t === "BOOLEAN") return { kind: "boolean", scale: 0 };
  return { kind: "text", scale: 0 };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `main.zuwendungen` → `"main"."zuwendungen"` (catalog.schema.table, schema.table or table). */
export function quoteTableName(table: string): string {
  const parts = table.split(".");
  if (parts.length > 3 || parts.some((p) => p.trim() === "")) {
    throw new Error(`Ungültiger Tabellenname für den Export: ${JSON.stringify(table)}`);
  }
  return parts.map((p) => quoteIdent(p.trim())).join(".");
}

/** The table's columns with their types, in table order. */
export async function describeTable(conn: DuckDBConnection, table: string): Promise<ExportColumn[]> {
  const reader = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${quoteTableName(table)}`);
  return reader.getRowObjectsJS().map((r) => {
    const name = String(r["column_name"]);
    const sqlType = String(r["column_type"]);
    return { name, sqlType, ...kindOf(sqlType) };
  });
}

/**
 * The table's rows, chunk by chunk, as a DuckDB streaming result: each value as its
 * exact text form (`CAST(… AS VARCHAR)`: DECIMAL `-12.50`, DATE `2018-12-31`,
 * BOOLEAN `true`), NULL as null.
 */
export async function* readTableChunks(
  conn: DuckDBConnection,
  table: string,
  columns: readonly ExportColumn[],
): AsyncGenerator<RawRow[]> {
  if (columns.length === 0) throw new Error(`Tabelle ${table} hat keine Spalten`);
  const select = columns.map((c) => `CAST(${quoteIdent(c.name)} AS VARCHAR)`).join(", ");
  const result = await conn.stream(`SELECT ${select} FROM ${quoteTableName(table)}`);
  for await (const rows of result.yieldRows()) {
    // Every selected column is VARCHAR, so every value is a string or null.
    yield rows as RawRow[];
  }
}

/**
 * Write a file under a temporary name next to it and rename it into place once
 * complete, so a reader never sees half a file and a failed export leaves the
 * previous one intact.
 */
export async function writeAtomically<T>(file: string, write: (tmp: string) => Promise<T>): Promise<T> {
  // Registered: removed on any exit, also Ctrl+C; after a SIGKILL the next export removes it.
  const tmp = registerTemp(`${file}.${process.pid}.tmp`);
  try {
    // Creating the file first turns a missing folder or a permission problem into a
    // rejection here rather than an error event of a stream opened later.
    await writeFile(tmp, "");
    const result = await write(tmp);
    await rename(tmp, file);
    releaseTemp(tmp);
    return result;
  } catch (err) {
    await rm(tmp, { force: true });
    releaseTemp(tmp);
    throw err;
  }
}

// ---------------------------------------------------------------------------
// CSV formatting
// ---------------------------------------------------------------------------

// CSV conventions (BOM, `;`, CRLF, quoting, neutralised text) are shared with the pages: src/components/tabular.js.
export { CSV_BOM, CSV_DELIMITER, CSV_EOL, csvText, quoteCsv };

/**
 * DuckDB's text of a DECIMAL (`-1234567.8`, `0.0001`) with a decimal comma, no
 * thousands separator and exactly `scale` places: `-1234567,80`. Pure string work.
 */
export function formatDecimalComma(raw: string, scale: number): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(raw);
  if (!m) throw new Error(`Kein Dezimalwert: ${JSON.stringify(raw)}`);
  const [, sign = "", int = "", frac = ""] = m;
  if (frac.length > scale) throw new Error(`Dezimalwert ${raw} hat mehr als ${scale} Nachkommastellen`);
  return scale === 0 ? `${sign}${int}` : `${sign}${int},${frac.padEnd(scale, "0")}`;
}

/** One value of a column as a CSV field. */
export function csvField(col: ExportColumn, raw: string | null): string {
  if (raw === null) return "";
  switch (col.kind) {
    case "decimal":
      return formatDecimalComma(raw, col.scale);
    case "integer":
      return raw;
    case "float":
      // Shortest round-trip text from DuckDB (`0.1`, `-1.5e-10`), with a decimal comma.
      return raw.replace(".", ",");
    case "boolean":
      return raw === "true" ? "ja" : "nein";
    case "date": // ISO `2018-12-31`; neutralising only matters for `-infinity`.
    case "text":
      return csvText(raw);
  }
}

/** One CSV line including its CRLF. */
export function csvLine(columns: readonly ExportColumn[], row: RawRow): string {
  let line = "";
  for (let i = 0; i < columns.length; i++) {
    if (i > 0) line += CSV_DELIMITER;
    line += csvField(columns[i]!, row[i] ?? null);
  }
  return line + CSV_EOL;
}

/** The header line: column names as given (treated as text). */
export function csvHeader(columns: readonly ExportColumn[]): string {
  return columns.map((c) => csvText(c.name)).join(CSV_DELIMITER) + CSV_EOL;
}

/**
 * Write a table as CSV to `file` (replaced atomically). Returns the number of data rows.
 */
export async function writeCsv(conn: DuckDBConnection, table: string, file: string): Promise<{ path: string; rows: number }> {
  const columns = await describeTable(conn, table);
  const rows = await writeAtomically(file, async (tmp) => {
    const out = createWriteStream(tmp, { encoding: "utf8" });
    let streamError: unknown;
    out.on("error", (err) => (streamError ??= err));
    const write = async (text: string): Promise<void> => {
      if (streamError) throw streamError;
      if (!out.write(text)) await once(out, "drain");
    };
    let count = 0;
    try {
      await write(CSV_BOM + csvHeader(columns));
      for await (const chunk of readTableChunks(conn, table, columns)) {
        let text = "";
        for (const row of chunk) text += csvLine(columns, row);
        count += chunk.length;
        await write(text);
      }
      out.end();
      await finished(out);
    } catch (err) {
      out.destroy();
      throw err;
    }
    return count;
  });
  return { path: file, rows };
}
