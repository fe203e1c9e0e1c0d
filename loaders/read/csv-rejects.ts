/**
 * DuckDB's rejected records as findings: read from its reject table (one row
 * per record), and each turned into a German message a user can act on.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Finding } from "../base/finding.ts";
import { splitRecordText, type HeaderFound } from "./detect.ts";
import { MAX_WERT, truncate } from "./finding-text.ts";
import { sqlIdent, sqlString } from "./sql-text.ts";

/** A DuckDB reject, one per record (the first error DuckDB noted for it). */
export interface RejectRow {
  /** DuckDB's `line_byte_position`: where to find the record (see RecordIndex). */
  position: number;
  errorType: string;
  columnIdx: number | null;
  csvLine: string;
  message: string;
}

/**
 * The rejects of a scan. DuckDB fills its reject table while scanning; scan
 * `relation` once if nobody has yet.
 */
export async function queryRejects(con: DuckDBConnection, rejectsTable: string, relation: string): Promise<RejectRow[]> {
  if (!(await tempTableExists(con, rejectsTable))) {
    await con.run(`SELECT count(*) FROM ${relation}`);
  }
  // A scanned-twice relation lists a record twice; a record short of cells once per missing cell.
  const first = (col: string) => `arg_min(${col}, coalesce(column_idx, -1))`;
  const reader = await con.runAndReadAll(
    `SELECT line_byte_position::BIGINT, ${first("error_type::VARCHAR")}, min(column_idx)::BIGINT, ` +
      `${first("csv_line")}, ${first("error_message")} ` +
      `FROM ${sqlIdent(rejectsTable)} GROUP BY line_byte_position ORDER BY line_byte_position`,
  );
  return reader.getRowsJS().map((r) => ({
    position: Number(r[0]),
    errorType: String(r[1] ?? ""),
    columnIdx: r[2] === null || r[2] === undefined ? null : Number(r[2]),
    csvLine: String(r[3] ?? ""),
    message: String(r[4] ?? ""),
  }));
}

/** A line of nothing but spaces and delimiters (`;;;` however many) is a blank line to the user, not a broken record. */
export const withoutBlankRecords = (rejects: readonly RejectRow[], delimiter: string): RejectRow[] =>
  rejects.filter((r) => !isBlankRecord(trimLineBreaks(r.csvLine), delimiter));

async function tempTableExists(con: DuckDBConnection, name: string): Promise<boolean> {
  const reader = await con.runAndReadAll(
    `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = ${sqlString(name)}`,
  );
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0;
}

export function rejectFinding(datei: string, header: HeaderFound, r: RejectRow, zeile: number | null): Finding {
  const expected = header.cells.length;
  const raw = trimLineBreaks(r.csvLine);
  const base = { datei, zeile, wert: truncate(raw, MAX_WERT), schwere: "fehler" as const };
  switch (r.errorType) {
    case "MISSING COLUMNS":
    case "TOO MANY COLUMNS": {
      const found =
        Number(/Found: (\d+)/.exec(r.message)?.[1] ?? NaN) || splitRecordText(raw, header.delimiter).length;
      return {
        ...base,
        spalte: null,
        regel: "zeile_spaltenzahl",
        meldung: `Zeile hat ${found} statt ${expected} Felder.`,
      };
    }
    case "UNQUOTED VALUE":
      // DuckDB names the cell where it gave up, which for an unclosed quote is not where it opened.
      return {
        ...base,
        spalte: null,
        regel: "zeile_unlesbar",
        meldung:
          "Anführungszeichen nicht korrekt gesetzt: ein Feld in Anführungszeichen wird nicht geschlossen " +
          "oder nach dem schließenden Anführungszeichen folgt Text. Die Zeile wird nicht gelesen.",
      };
    case "LINE SIZE OVER MAXIMUM":
      return {
        ...base,
        spalte: null,
        regel: "zeile_unlesbar",
        meldung:
          "Zeile ist zu lang (über 2 MB) – meist ein nicht geschlossenes Anführungszeichen. Die Zeile wird nicht gelesen.",
      };
    case "INVALID ENCODING":
    case "INVALID UNICODE":
      return {
        ...base,
        spalte: columnName(header, r.columnIdx),
        regel: "zeile_unlesbar",
        meldung: "Zeile enthält ungültige Zeichen (Kodierung). Die Zeile wird nicht gelesen.",
      };
    default:
      return {
        ...base,
        spalte: columnName(header, r.columnIdx),
        regel: "zeile_unlesbar",
        meldung: `Zeile nicht lesbar (${r.errorType}: ${r.message}).`,
      };
  }
}

const columnName = (header: HeaderFound, idx: number | null): string | null =>
  idx === null ? null : (header.cells[idx] ?? null);

/**
 * A record whose every field is empty (or spaces, or `""`), whatever its number
 * of delimiters: spreadsheets write `;;;` for an empty row, and a row of the
 * wrong length with nothing in it hides no data. DuckDB returns such a record
 * as an all-NULL row when it has the header's field count (the validator counts
 * it as blank) and rejects it otherwise; this keeps the two alike.
 */
export function isBlankRecord(raw: string, delimiter: string): boolean {
  return splitRecordText(raw, delimiter).every((cell) => cell.trim() === "");
}

/** DuckDB's `csv_line` carries the line breaks around the record. */
const trimLineBreaks = (s: string): string => s.replace(/^[\r\n]+|[\r\n]+$/g, "");
