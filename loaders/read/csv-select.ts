/**
 * The SQL over DuckDB's `read_csv` for one file: the scan with its options, and
 * the SELECT that turns records with a wrong number of fields into rows carrying
 * a message, so that no such record is lost or shifts its values.
 */
import { MAX_WERT } from "./finding-text.ts";
import type { HeaderFound } from "./detect.ts";
import { sqlString } from "./sql-text.ts";
import type { LineBreak } from "./types.ts";

/** DuckDB's `new_line` option takes escape sequences, not the characters. */
const NEW_LINE_OPTION: Record<LineBreak, string> = { "\n": "\\n", "\r\n": "\\r\\n", "\r": "\\r" };

/**
 * What DuckDB reads for a missing field (null padding): no cell holds it, so an
 * empty cell (`''`) and a field that is not there (NULL) can be told apart.
 */
const NOT_THERE = "\u0001pik:fehlt\u0001";

/**
 * The SELECT list over `read_csv` with `w + 1` columns: the n named cells (NULL
 * when empty) and the FIELD_COLUMNS. DuckDB drops empty fields after the last
 * column it was given, even in strict mode, so `1;2;3;` fitted a 3-column
 * header and a row with one field too many shifted its values unnoticed
 * (issue 12). Hence one column more than the header has fields (`c{w}`): with
 * null padding, a record of w fields leaves it NULL, one more field – empty or
 * not – fills it. Records shorter than n fields are padded rather than
 * rejected, so they are caught here too.
 * @param n named header cells; @param w the header's fields as written (≥ n:
 *   `a;b;c;;` has 5, and rows may carry those empty fields or not)
 */
export function fieldCountSelect(n: number, w: number, delimiter: string, personalData: boolean): string {
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
  const cells = range(0, n).map((i) => `nullif(c${i}, '') AS c${i}`);
  const filled = (i: number) => `coalesce(c${i}, '') <> ''`;
  const beyondNamed = range(n, w);
  const lastValue = `greatest(${beyondNamed.map((i) => `CASE WHEN ${filled(i)} THEN ${i + 1} ELSE 0 END`).join(", ")})`;
  const present = range(0, n).map((i) => `(c${i} IS NOT NULL)::INTEGER`).join(" + ");
  const message = `CASE
      WHEN c${w} = '' THEN ${sqlString(`Zeile hat mehr als ${w} Felder (ein leeres Feld am Zeilenende zählt mit).`)}
      WHEN c${w} IS NOT NULL THEN ${sqlString(`Zeile hat ${w + 1} statt ${w} Felder.`)}
      ${beyondNamed.length ? `WHEN ${beyondNamed.map(filled).join(" OR ")} THEN 'Zeile hat ' || ${lastValue} || ${sqlString(` statt ${n} Felder.`)}` : ""}
      WHEN c${n - 1} IS NULL THEN 'Zeile hat ' || (${present}) || ${sqlString(` statt ${n} Felder.`)}
    END`;
  // Padding is a suffix, so the fields that are there are the non-NULL cells.
  const text = `left(array_to_string(list_filter([${range(0, w + 1).map((i) => `c${i}`).join(", ")}], x -> x IS NOT NULL), ${sqlString(delimiter)}), ${MAX_WERT})`;
  return `${cells.join(", ")}, ${message} AS felder_meldung, ` +
    `${personalData ? "NULL::VARCHAR" : `CASE WHEN ${message} IS NOT NULL THEN ${text} END`} AS felder_wert`;
}

/** Where DuckDB reads and how; see csvRows for the fields. */
export interface CsvScan {
  utf8Path: string;
  lineBreak: LineBreak;
  skip: number;
  header: HeaderFound;
  /** A quote after the header: a quoted line break is possible. */
  quotes: boolean;
  /** Read with null padding and a sentinel column (see fieldCountSelect). */
  padding: boolean;
  personalData: boolean;
  /** Names of DuckDB's reject tables for this scan. */
  rejectsTable: string;
  rejectsScan: string;
}

/** The relation of the file's data records: cells `c0…` plus the FIELD_COLUMNS. */
export function csvRelation(s: CsvScan): string {
  const { header } = s;
  const n = header.cells.length;
  const w = Math.max(n, header.fields);
  const columns = Array.from({ length: s.padding ? w + 1 : n }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  // DuckDB cannot pad in parallel where a quoted cell may hold a line break; files without quotes keep parallel reading.
  const options = s.padding
    ? `null_padding=true, nullstr=${sqlString(NOT_THERE)}, parallel=${s.quotes ? "false" : "true"}`
    : "null_padding=false";
  const scan =
    `read_csv(${sqlString(s.utf8Path)}, delim=${sqlString(header.delimiter)}, quote='"', escape='"', ` +
    `header=false, skip=${s.skip}, all_varchar=true, auto_detect=false, columns={${columns}}, ` +
    `store_rejects=true, rejects_table=${sqlString(s.rejectsTable)}, rejects_scan=${sqlString(s.rejectsScan)}, ` +
    `${options}, new_line=${sqlString(NEW_LINE_OPTION[s.lineBreak])})`;
  // Without padding (a file with a quote that never closes, refused anyway): empty cells are NULL
  // already (DuckDB's default nullstr ''), short and long records are rejects.
  return s.padding
    ? `(SELECT ${fieldCountSelect(n, w, header.delimiter, s.personalData)} FROM ${scan})`
    : `(SELECT *, NULL::VARCHAR AS felder_meldung, NULL::VARCHAR AS felder_wert FROM ${scan})`;
}
