/**
 * CSV reader: detects encoding, delimiter and header in JavaScript (cheap, the
 * header region only plus one streaming pass for the encoding), then leaves the
 * data rows to DuckDB's `read_csv`, which is what makes a 10-million-row file
 * load in seconds. Records DuckDB cannot split into the header's cell count end
 * up in its reject table and come back here as findings with editor lines.
 */
import { open, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
// Temp folders carry the PID and are removed on every exit path; stale ones at the next start (ops/temp.ts).
import { makeTempDir } from "../ops/temp.ts";
import { killPoint } from "../ops/kill-point.ts";
import { fileFinding, type Finding } from "../base/finding.ts";
import { firstOverlongLine, overlongLineMessage, tooManyColumnsMessage } from "./guards.ts";
import { MAX_COLUMNS } from "./limits.ts";
import {
  HEAD_BYTES,
  ByteFacts,
  decoderFor,
  findHeader,
  headEncoding,
  scanUtf8,
  sniffNotText,
  splitRecordText,
  transcodeToUtf8,
  transcodeUtf16ToUtf8,
  utf16Bom,
  type Delimiter,
  type HeaderFound,
} from "./detect.ts";
import { hasUtf8Bom } from "./bytes.ts";
import { copyRecords } from "./copy-records.ts";
import { endsInQuote } from "./file-scan.ts";
import { linesAtPositions, locateRecordsQuoteFree } from "./quote-free-lines.ts";
import { RecordIndex, recordBreakStyle, type RowLayout } from "./record-index.ts";
import type { LineBreak, RawRows, ReadRequest, ReadResult, TextEncoding } from "./types.ts";

/** DuckDB's `new_line` option takes escape sequences, not the characters. */
const NEW_LINE_OPTION: Record<LineBreak, string> = { "\n": "\\n", "\r\n": "\\r\\n", "\r": "\\r" };

/** Longest raw value a finding carries. */
const MAX_WERT = 200;

let sequence = 0;

/** A name for temporary objects that no other reader on the connection uses. */
export function uniqueName(stageName: string, suffix: string): string {
  const safe = stageName.replace(/[^A-Za-z0-9_]/g, "_").slice(0, 40) || "datei";
  return `pik_read_${safe}_${suffix}_${process.pid}_${++sequence}`;
}

export const sqlString = (s: string): string => `'${s.replaceAll("'", "''")}'`;
export const sqlIdent = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** How a message names a delimiter and an encoding (German, for users). */
const DELIMITER_NAMES: Record<Delimiter, string> = { ";": "„;“ (Semikolon)", ",": "„,“ (Komma)", "\t": "Tabulator (⇥)" };
const ENCODING_NAMES: Record<TextEncoding, string> = {
  "utf-8": "UTF-8",
  "windows-1252": "Windows-1252",
  "utf-16le": "UTF-16 LE",
  "utf-16be": "UTF-16 BE",
};

/** The delimiter that splits the first line of a file without a header into the most cells. */
function likelyDelimiter(preview: readonly string[]): Delimiter {
  const first = preview[0] ?? "";
  const count = (d: Delimiter) => splitRecordText(first, d).length;
  return ([";", ",", "\t"] as const).reduce((best, d) => (count(d) > count(best) ? d : best), ";" as Delimiter);
}

/**
 * Excel's "Unicode-Text" (UTF-16 with BOM, tab-separated): read a UTF-8 copy
 * like any other CSV, and say which encoding the file really had.
 */
async function readUtf16(req: ReadRequest, encoding: "utf-16le" | "utf-16be"): Promise<ReadResult> {
  const dir = makeTempDir();
  try {
    const copy = join(dir, "utf8.csv");
    await transcodeUtf16ToUtf8(req.path, copy, encoding);
    const result = await readCsv({ ...req, path: copy }, encoding);
    if ("finding" in result) {
      await rm(dir, { recursive: true, force: true });
      return result;
    }
    const dispose = result.dispose.bind(result);
    return {
      ...result,
      encoding,
      async dispose() {
        await dispose();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

/** @param encodingOverride the file's real encoding when `req.path` is a UTF-8 copy of it (UTF-16) */
export async function readCsv(req: ReadRequest, encodingOverride?: TextEncoding): Promise<ReadResult> {
  const { datei } = req;
  const unreadable = (regel: string, meldung: string): ReadResult => ({
    datei,
    finding: fileFinding(datei, regel, meldung),
  });

  const size = (await stat(req.path)).size;
  const head = await readHead(req.path);
  if (size <= HEAD_BYTES && isEmptyText(head)) {
    return unreadable("datei_unlesbar", `${datei}: Die Datei ist leer (keine Werte).`);
  }
  const utf16 = utf16Bom(head);
  if (utf16) return readUtf16(req, utf16);
  const notText = sniffNotText(head);
  if (notText) return unreadable(notText.regel, `${datei}: Die Datei ${notText.grund}.`);
  // DuckDB silently drops records past ~31 MB (issue 12): refuse the file, naming the line.
  const overlong = await firstOverlongLine(req.path);
  if (overlong !== null) return { datei, finding: { ...fileFinding(datei, "zeile_zu_lang", overlongLineMessage(datei, overlong)), zeile: overlong } };

  const whole = size <= HEAD_BYTES;
  let encoding: TextEncoding = headEncoding(head);
  let search = findHeader(head, whole, decoderFor(encoding), req.isHeader);

  // The header region decides nothing about bytes further down: check the whole file.
  let facts = search.header ? new ByteFacts(search.header.end) : undefined;
  if (encoding === "utf-8" && !(await scanUtf8(req.path, facts))) {
    encoding = "windows-1252";
    search = findHeader(head, whole, decoderFor(encoding), req.isHeader);
    facts = search.header ? new ByteFacts(search.header.end) : undefined;
  }
  const header = search.header;
  if (!header || !facts) {
    // A header too wide for the search region (e.g. 9,000 columns) is still a column-limit case.
    const wide = firstLineFields(head);
    if (wide > MAX_COLUMNS) {
      return { datei, finding: { ...fileFinding(datei, "spalten_zu_viele", tooManyColumnsMessage(datei, wide, "Zeile 1", true)), zeile: 1 } };
    }
    const assumed = likelyDelimiter(search.preview);
    // The delimiter made visible: a tab is invisible in a message, and `;` vs `,` is the usual mix-up.
    const visible = (t: string) => t.replaceAll("\t", " ⇥ ").replace(/[\r\n ]+/g, " ").trim();
    // A file with personal data (stellen) never has its lines quoted.
    const preview = (req.personalData ? [] : search.preview).map((t) => `„${truncate(visible(t), 80)}“`).join(", ");
    return unreadable(
      "kopfzeile_fehlt",
      `${datei}: Keine Kopfzeile mit den erforderlichen Spalten gefunden (angenommen: Trennzeichen ${DELIMITER_NAMES[assumed]}, ` +
        `Kodierung ${ENCODING_NAMES[encodingOverride ?? encoding]}; erste Zeilen: ${preview || (req.personalData ? "nicht angezeigt, personenbezogen" : "keine")}).`,
    );
  }

  if (header.cells.length > MAX_COLUMNS) {
    return {
      datei,
      finding: {
        ...fileFinding(datei, "spalten_zu_viele", tooManyColumnsMessage(datei, header.cells.length, `Zeile ${header.line}`)),
        zeile: header.line,
      },
    };
  }

  const tempDir = makeTempDir();
  try {
    // See prepareForDuckDB; with a BOM, even a quoted header cell ending in the delimiter loses all rows.
    const trickySkip =
      header.dataLine - 1 !== header.skip || (hasUtf8Bom(head) && head.subarray(0, header.end).includes(0x22));
    const prepared = await prepareForDuckDB(req.path, tempDir, encoding, header, facts, trickySkip);
    await killPoint("read-temp-written");
    // A quote that never closes: DuckDB with padding would lose its record silently; without, it reports it.
    const padding = !facts.quotesSeen || !(await endsInQuote(prepared.utf8Path, header.delimiter));
    return csvRows({ req, encoding, header, ...prepared, tempDir, recordsAreLines: facts.recordsAreLines, quotes: facts.quotesSeen, padding });
  } catch (err) {
    await rm(tempDir, { recursive: true, force: true });
    throw err;
  }
}

/** What DuckDB reads: which file, how its records end, and where its data starts. */
interface Prepared {
  /** The input itself, or a UTF-8 copy in the temp folder. */
  utf8Path: string;
  lineBreak: LineBreak;
  /** Records of `utf8Path` before the data (DuckDB's `skip`). */
  skip: number;
  /** Lines of the input before line 1 of `utf8Path`. */
  lineBase: number;
}

/**
 * Usually the input itself; a copy only where DuckDB cannot read the input
 * correctly. Each case below was seen to fail – several silently, returning
 * no rows at all:
 * - Windows-1252: DuckDB reads UTF-8 only (its `latin-1` lacks `€`), so transcode.
 * - Mixed record breaks (CRLF, LF, CR): DuckDB's strict parser fails, and its
 *   lenient mode silently truncates rows with too many cells, so make them LF.
 * - `trickySkip`: a title row or the header spans lines (a quoted line break),
 *   or the file has a BOM and quotes before the data. DuckDB's `skip` then
 *   miscounts or loses every row, so copy only the data records, skip nothing.
 * The line break is always passed explicitly: DuckDB otherwise takes the first
 * one in the file, even one inside a quoted cell.
 */
async function prepareForDuckDB(
  path: string,
  tempDir: string,
  encoding: TextEncoding,
  header: HeaderFound,
  facts: ByteFacts,
  trickySkip: boolean,
): Promise<Prepared> {
  let utf8Path = path;
  if (encoding === "windows-1252") {
    utf8Path = join(tempDir, "utf8.csv");
    await transcodeToUtf8(path, utf8Path, facts);
  }
  let lineBreak = facts.lineBreak;
  // Mixed somewhere, maybe only inside quoted cells (as Excel writes them): look at the record breaks.
  if (lineBreak === "mixed") lineBreak = await recordBreakStyle(utf8Path, header.delimiter);
  const cut = trickySkip;
  if (lineBreak !== "mixed" && !cut) return { utf8Path, lineBreak: lineBreak ?? "\n", skip: header.skip, lineBase: 0 };

  const copy = join(tempDir, "data.csv");
  await copyRecords(utf8Path, copy, header.delimiter, {
    skipRecords: cut ? header.skip : 0,
    uniformLF: lineBreak === "mixed",
  });
  if (utf8Path !== path) await rm(utf8Path, { force: true });
  return {
    utf8Path: copy,
    lineBreak: lineBreak === "mixed" ? "\n" : (lineBreak ?? "\n"),
    skip: cut ? 0 : header.skip,
    lineBase: cut ? header.dataLine - 1 : 0,
  };
}

/** Fields of the first line of the head (at least; by its more frequent delimiter, quotes ignored). */
function firstLineFields(head: Uint8Array): number {
  let semi = 0;
  let comma = 0;
  for (const b of head) {
    if (b === 0x0a || b === 0x0d) break;
    if (b === 0x3b) semi++;
    else if (b === 0x2c) comma++;
  }
  return Math.max(semi, comma) + 1;
}

/** Nothing but a BOM, white space, line breaks and delimiters. */
function isEmptyText(head: Uint8Array): boolean {
  const body = hasUtf8Bom(head) ? head.subarray(3) : head;
  return body.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x3b || b === 0x2c);
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    let filled = 0;
    while (filled < HEAD_BYTES) {
      const { bytesRead } = await fh.read(buf, filled, HEAD_BYTES - filled, null);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buf.subarray(0, filled);
  } finally {
    await fh.close();
  }
}

/** Rejected records located in the file (see `locate` in csvRows). */
interface Located {
  /** Reject position → line in the file DuckDB reads. */
  positionLines: ReadonlyMap<number, number>;
  lineOf(ordinals: readonly number[]): Map<number, number>;
}

interface CsvSource extends Prepared {
  req: ReadRequest;
  encoding: TextEncoding;
  header: HeaderFound;
  /** Holds copies of the file, if any were needed; removed by dispose(). */
  tempDir: string;
  /** Lines can be computed without a scan (see ByteFacts). */
  recordsAreLines: boolean;
  /** A quote after the header: a quoted line break is possible. */
  quotes: boolean;
  /** Read with null padding and a sentinel column (see fieldCountSelect); false only for a quote that never closes. */
  padding: boolean;
}

/** A DuckDB reject, one per record (the first error DuckDB noted for it). */
interface RejectRow {
  /** DuckDB's `line_byte_position`: where to find the record (see RecordIndex). */
  position: number;
  errorType: string;
  columnIdx: number | null;
  csvLine: string;
  message: string;
}

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

function csvRows(src: CsvSource): RawRows {
  const { req, header } = src;
  const { connection: con, datei } = req;
  const n = header.cells.length;
  const w = Math.max(n, header.fields);
  const rejectsTable = uniqueName(req.stageName, "rej");
  const rejectsScan = uniqueName(req.stageName, "scan");
  const columns = Array.from({ length: src.padding ? w + 1 : n }, (_, i) => `'c${i}': 'VARCHAR'`).join(", ");
  // DuckDB cannot pad in parallel where a quoted cell may hold a line break; files without quotes keep parallel reading.
  const options = src.padding
    ? `null_padding=true, nullstr=${sqlString(NOT_THERE)}, parallel=${src.quotes ? "false" : "true"}`
    : "null_padding=false";
  const scan =
    `read_csv(${sqlString(src.utf8Path)}, delim=${sqlString(header.delimiter)}, quote='"', escape='"', ` +
    `header=false, skip=${src.skip}, all_varchar=true, auto_detect=false, columns={${columns}}, ` +
    `store_rejects=true, rejects_table=${sqlString(rejectsTable)}, rejects_scan=${sqlString(rejectsScan)}, ` +
    `${options}, new_line=${sqlString(NEW_LINE_OPTION[src.lineBreak])})`;
  // Without padding (a file with a quote that never closes, refused anyway): empty cells are NULL
  // already (DuckDB's default nullstr ''), short and long records are rejects.
  const relation = src.padding
    ? `(SELECT ${fieldCountSelect(n, w, header.delimiter, req.personalData === true)} FROM ${scan})`
    : `(SELECT *, NULL::VARCHAR AS felder_meldung, NULL::VARCHAR AS felder_wert FROM ${scan})`;
  // DuckDB returns a blank line as a row of NULLs only when it reads a single column.
  const layout: RowLayout = { delimiter: header.delimiter, skip: src.skip, dropBlank: src.padding || n > 1, lineBase: src.lineBase };

  let rejects: RejectRow[] | undefined;
  /** DuckDB fills its reject table while scanning; scan once if nobody has yet. */
  const loadRejects = async (): Promise<RejectRow[]> => {
    if (rejects) return rejects;
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
    rejects = reader.getRowsJS().map((r) => ({
      position: Number(r[0]),
      errorType: String(r[1] ?? ""),
      columnIdx: r[2] === null || r[2] === undefined ? null : Number(r[2]),
      csvLine: String(r[3] ?? ""),
      message: String(r[4] ?? ""),
    }));
    return rejects;
  };

  /**
   * Where the rejected records are: their numbers (to step over them when
   * counting rows) and start lines. Without quotes and blank lines in the data,
   * counting line breaks natively suffices (and nothing at all without rejects);
   * else one scan with the state machine, kept for later calls.
   */
  let located: Promise<Located> | undefined;
  const locate = (): Promise<Located> =>
    (located ??= (async (): Promise<Located> => {
      const positions = (await loadRejects()).map((r) => r.position);
      if (src.recordsAreLines) {
        const lines = await linesAtPositions(src.utf8Path, positions, src.lineBreak);
        const rejected = [...new Set(lines.values())].sort((a, b) => a - b);
        return { positionLines: lines, lineOf: (ordinals) => locateRecordsQuoteFree(layout, rejected, ordinals) };
      }
      const index = await RecordIndex.build(src.utf8Path, header.delimiter, positions);
      return { positionLines: index.positionLines, lineOf: (ordinals) => index.lineOfOrdinals(layout, ordinals) };
    })());

  return {
    datei,
    format: "csv",
    encoding: src.encoding,
    delimiter: header.delimiter,
    header: header.cells,
    headerLine: header.line,
    relation,

    async lineOf(ordinals) {
      return (await locate()).lineOf(ordinals);
    },

    async malformed() {
      const all = await loadRejects();
      // A line of nothing but spaces and delimiters (`;;;` however many) is a blank line to the user, not a broken record.
      const real = all.filter((r) => !isBlankRecord(trimLineBreaks(r.csvLine), header.delimiter));
      if (real.length === 0) return [];
      const { positionLines } = await locate();
      return real.map((r) => {
        const line = positionLines.get(r.position);
        const finding = rejectFinding(datei, header, r, line === undefined ? null : line + src.lineBase);
        return req.personalData ? { ...finding, wert: null } : finding;
      });
    },

    async dispose() {
      await con.run(`DROP TABLE IF EXISTS ${sqlIdent(rejectsTable)}`);
      await con.run(`DROP TABLE IF EXISTS ${sqlIdent(rejectsScan)}`);
      await rm(src.tempDir, { recursive: true, force: true });
    },
  };
}

async function tempTableExists(con: DuckDBConnection, name: string): Promise<boolean> {
  const reader = await con.runAndReadAll(
    `SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = ${sqlString(name)}`,
  );
  return Number(reader.getRowsJS()[0]?.[0] ?? 0) > 0;
}

function rejectFinding(datei: string, header: HeaderFound, r: RejectRow, zeile: number | null): Finding {
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

export const truncate = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
