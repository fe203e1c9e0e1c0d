/**
 * What a reader hands to the validator: the file's data rows as text columns in a
 * DuckDB relation, plus what is needed to name a line in a finding.
 *
 * Readers know nothing of the tables' meaning: they get a predicate that says
 * whether a row of cells is the header, and return raw text. Parsing numbers,
 * dates and enums is the validator's job (in SQL, in bulk).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { Finding } from "../base/finding.ts";

export type FileFormat = "csv" | "xlsx";

/**
 * Columns of every relation besides the cells: for a record whose number of
 * fields differs from the header's, a German message saying so (`felder_meldung`)
 * and the record as text (`felder_wert`, NULL for personal data); both NULL for a
 * record that fits. Such a record is a row of the relation, so that row ordinals
 * and lines stay in step; the validator rejects it (issue 12: a trailing empty
 * field too many shifted the values into the next columns unnoticed).
 */
export const FIELD_COLUMNS = ["felder_meldung", "felder_wert"] as const;
export type TextEncoding = "utf-8" | "windows-1252" | "utf-16le" | "utf-16be";

/** A kind of line break ending the records of a CSV file. */
export type LineBreak = "\n" | "\r\n" | "\r";

export interface ReadRequest {
  /** Absolute path of the file. */
  path: string;
  /** Name used in findings (relative to the input folder), e.g. `auszahlungen.csv`. */
  datei: string;
  /** True for the first row whose cells hold the table's required column names. */
  isHeader: (cells: readonly string[]) => boolean;
  /** Connection on which to stage the rows (a temporary table may be created). */
  connection: DuckDBConnection;
  /** Unique identifier to name temporary tables, e.g. `auszahlungen`. */
  stageName: string;
  /**
   * The file holds personal data (stellen: the staff's names). Then no finding
   * carries cell contents the reader could not attribute to a column – raw lines
   * of malformed rows, the first lines when no header is found – since a name
   * may sit anywhere in them (issue 12).
   */
  personalData?: boolean;
}

export interface RawRows {
  datei: string;
  format: FileFormat;
  /** Detected encoding (CSV only). */
  encoding?: TextEncoding;
  /** Detected delimiter (CSV only). */
  delimiter?: ";" | "," | "\t";
  /** The worksheet the table was read from (XLSX only); findings name it. */
  blatt?: string;
  /** Header cells as written in the file (trimmed). */
  header: string[];
  /** 1-based line (CSV) or sheet row (XLSX) of the header. */
  headerLine: number;
  /**
   * SQL table expression (usable after FROM) yielding one row per data record in
   * file order, with VARCHAR columns `c0` … `c{n-1}` (n = header.length), NULL for
   * empty cells, and `felder_meldung`, `felder_wert` (see FIELD_COLUMNS). Lines that
   * are completely empty are not included. Records the reader could not read at
   * all (broken quoting, invalid characters, far too many fields) are not included
   * either: they are in `malformed` instead.
   */
  relation: string;
  /**
   * After the relation has been materialized in file order (e.g. by CREATE TABLE
   * … AS SELECT … FROM relation), maps 0-based ordinals of its rows to 1-based
   * lines (CSV: the physical line where the record starts) or sheet rows (XLSX).
   * May scan the file: call it only for the rows that need a line.
   */
  lineOf(ordinals: readonly number[]): Promise<Map<number, number>>;
  /**
   * Records the reader rejected itself (wrong number of cells, broken quoting,
   * invalid characters), one finding each with its line. Call after the relation
   * has been materialized (DuckDB fills its reject tables while scanning).
   */
  malformed(): Promise<Finding[]>;
  /** Drops temporary tables and files. */
  dispose(): Promise<void>;
}

/** A file that could not be read at all: one file-level finding, no rows. */
export interface Unreadable {
  datei: string;
  finding: Finding;
}

export type ReadResult = RawRows | Unreadable;

export const isUnreadable = (r: ReadResult): r is Unreadable => "finding" in r;
