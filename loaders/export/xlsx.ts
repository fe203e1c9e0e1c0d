/**
 * XLSX writer for the published tables (exceljs, streaming workbook writer).
 *
 * One worksheet named after the table; header row bold, frozen and with an
 * autofilter over the data. Numbers are numeric cells with a number format
 * (DECIMAL scale 2 → `#,##0.00`; other scales → `0.0` plus optional places, e.g.
 * scale 4 → `0.0###`; integers `#,##0`, or `0` for years, months, line numbers and
 * codes), dates are real Excel dates shown as `dd.mm.yyyy`, booleans the text
 * `ja`/`nein`, everything else text. No cell ever holds a formula: text is always
 * a string value, and text that a spreadsheet would read as a formula once edited
 * is neutralised with a leading `'` (neutralize.ts), as in the CSV.
 *
 * Output is byte-for-byte reproducible: fixed workbook properties (creator,
 * created/modified from the options, else SOURCE_DATE_EPOCH, else 1970-01-01) and
 * fixed timestamps of the zip entries.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { open } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { XLSX_MAX_ROWS, cellString as xlsxString, cellText as xlsxText, columnLetter, sheetName } from "../../src/components/export-rules.js";
import {
  describeTable,
  quoteIdent,
  quoteTableName,
  readTableChunks,
  writeAtomically,
  type ExportColumn,
} from "./csv.ts";

export interface XlsxOptions {
  /**
   * Title of the table (e.g. „Mittel je Kreis, Jahr und Förderbereich“): the workbook's
   * title property and the header of printed pages. The worksheet itself is always
   * named after the table (without schema, at most 31 characters).
   */
  sheetTitle?: string;
  /** Unit per column name (e.g. `EUR`, `VZÄ`): shown as a note on the header cell. */
  columnUnits?: Record<string, string>;
  /** Number format per column name, overriding the default for its type. */
  numFmts?: Record<string, string>;
  /** Created/modified date of the workbook (default: SOURCE_DATE_EPOCH, else 1970-01-01T00:00:00Z). */
  created?: Date;
}

export const XLSX_CREATOR = "PIK-Monitor";
export const FMT_AMOUNT = "#,##0.00";
export const FMT_INT = "#,##0";
export const FMT_INT_PLAIN = "0";
export const FMT_DATE = "dd.mm.yyyy";
/** Integer columns that are identifiers or calendar parts, not counts: no thousands separator (2.018 would be wrong). */
const PLAIN_INT_NAME = /(jahr|monat|quartal|tag|zeile|spalte|nr|nummer|id|ags|code|schluessel)$/i;

/** Number format of a column (undefined: Excel's General). */
export function numFmtFor(col: ExportColumn): string | undefined {
  switch (col.kind) {
    case "decimal":
      if (col.scale === 2) return FMT_AMOUNT;
      if (col.scale === 0) return PLAIN_INT_NAME.test(col.name) ? FMT_INT_PLAIN : FMT_INT;
      return `0.0${"#".repeat(col.scale - 1)}`;
    case "integer":
      return PLAIN_INT_NAME.test(col.name) ? FMT_INT_PLAIN : FMT_INT;
    case "date":
      return FMT_DATE;
    default:
      return undefined;
  }
}

/** The shared rules (export-rules.js), under the names this module's callers and tests use. */
export { XLSX_MAX_CELL_CHARS, XLSX_MAX_ROWS, sheetName, cellString as xlsxString, cellText as xlsxText } from "../../src/components/export-rules.js";

/** Whether a number's decimal text fits Excel's 15 significant digits, so the numeric cell is exact. */
function fitsExcelPrecision(raw: string): boolean {
  const digits = raw.replace(/^-/, "").replace(".", "").replace(/^0+/, "").replace(/0+$/, "");
  return digits.length <= 15;
}

/** ISO date → Excel date (UTC midnight; exceljs converts it to the serial). Before 1900-03-01 Excel's calendar is off, so those stay text. */
function excelDate(raw: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m || raw < "1900-03-01") return undefined;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/** One value of a column as a cell value. */
export function xlsxValue(col: ExportColumn, raw: string | null): ExcelJS.CellValue {
  if (raw === null) return null;
  switch (col.kind) {
    case "decimal":
    case "integer":
    case "float": {
      const n = Number(raw);
      // Beyond 15 significant digits (or NaN/±inf) Excel cannot hold the number exactly: keep the exact text.
      return Number.isFinite(n) && fitsExcelPrecision(raw) ? n : xlsxString(raw);
    }
    case "date":
      return excelDate(raw) ?? xlsxText(raw);
    case "boolean":
      return raw === "true" ? "ja" : "nein";
    case "text":
      return xlsxText(raw);
  }
}

/** Default created/modified date: SOURCE_DATE_EPOCH (reproducible-builds convention) or the Unix epoch. */
export function defaultCreated(): Date {
  const epoch = Number(process.env["SOURCE_DATE_EPOCH"]);
  return new Date(Number.isFinite(epoch) && epoch > 0 ? epoch * 1000 : 0);
}

/**
 * Row count and column widths (in characters, from the longest value of each
 * column), read by one aggregate query before the rows are streamed: the streaming
 * writer needs the widths before the first row.
 */
async function sheetLayout(
  conn: DuckDBConnection,
  table: string,
  columns: readonly ExportColumn[],
): Promise<{ rows: number; widths: number[] }> {
  const lengths = columns.map((c) => `max(length(CAST(${quoteIdent(c.name)} AS VARCHAR)))`);
  const reader = await conn.runAndReadAll(`SELECT count(*), ${lengths.join(", ")} FROM ${quoteTableName(table)}`);
  const [rows, ...maxLens] = reader.getRowsJS()[0] ?? [];
  const widths = columns.map((c, i) => {
    const len = Number(maxLens[i] ?? 0);
    let value: number;
    switch (c.kind) {
      case "date":
        value = 10;
        break;
      case "boolean":
        value = 4;
        break;
      case "decimal":
      case "integer":
      case "float":
        value = len + Math.floor(len / 3); // thousands separators
        break;
      case "text":
        value = len;
        break;
    }
    // Header plus room for the autofilter button; at most 60 characters.
    return Math.min(60, Math.max(8, c.name.length + 4, value + 2));
  });
  return { rows: Number(rows ?? 0), widths };
}

/**
 * Write a table as XLSX to `file` (replaced atomically). Returns the number of data rows.
 */
export async function writeXlsx(
  conn: DuckDBConnection,
  table: string,
  file: string,
  opts: XlsxOptions = {},
): Promise<{ path: string; rows: number }> {
  const columns = await describeTable(conn, table);
  const { rows: expected, widths } = await sheetLayout(conn, table, columns);
  if (expected + 1 > XLSX_MAX_ROWS) {
    throw new Error(
      `Tabelle ${table} hat ${expected} Zeilen; ein Excel-Arbeitsblatt fasst höchstens ${XLSX_MAX_ROWS - 1} Datenzeilen`,
    );
  }
  const created = opts.created ?? defaultCreated();
  const tableName = table.split(".").pop() ?? table;
  const title = opts.sheetTitle ?? tableName;
  const fmts = columns.map((c) => opts.numFmts?.[c.name] ?? numFmtFor(c));

  const rows = await writeAtomically(file, async (tmp) => {
    const out = createWriteStream(tmp);
    let streamError: unknown;
    const failed = new Promise<never>((_, reject) =>
      out.on("error", (err) => {
        streamError ??= err;
        reject(err);
      }),
    );
    failed.catch(() => undefined); // observed below; never an unhandled rejection
    // Shared strings: cells of type `s`, the form Excel itself writes for text.
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    wb.creator = XLSX_CREATOR;
    wb.lastModifiedBy = XLSX_CREATOR;
    wb.created = created;
    wb.modified = created;
    wb.title = title;

    const ws = wb.addWorksheet(sheetName(tableName), {
      views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
      // Printed pages: title on top, page numbers below (`&` is the code character there).
      headerFooter: { oddHeader: `&C${title.replaceAll("&", "&&")}`, oddFooter: "&CSeite &P von &N" },
    });
    // Cells take the number format from their column's style (one style entry per column).
    ws.columns = columns.map((c, i) => {
      const fmt = fmts[i];
      return fmt ? { key: c.name, width: widths[i], style: { numFmt: fmt } } : { key: c.name, width: widths[i] };
    });

    const header = ws.addRow(columns.map((c) => xlsxText(c.name)));
    columns.forEach((c, i) => {
      const cell = header.getCell(i + 1);
      cell.font = { bold: true };
      cell.numFmt = "@";
      const unit = opts.columnUnits?.[c.name];
      if (unit) cell.note = `Einheit: ${unit}`;
    });
    header.commit();

    let count = 0;
    for await (const chunk of readTableChunks(conn, table, columns)) {
      if (streamError) throw streamError;
      for (const raw of chunk) {
        const row = ws.addRow(columns.map((c, i) => xlsxValue(c, raw[i] ?? null)));
        row.commit();
      }
      count += chunk.length;
    }

    ws.autoFilter = `A1:${columnLetter(columns.length)}${count + 1}`;
    ws.commit();
    await Promise.race([wb.commit(), failed]);
    if (!out.closed) await Promise.race([once(out, "close"), failed]);
    await setZipTimestamps(tmp, created);
    return count;
  });
  return { path: file, rows };
}

// ---------------------------------------------------------------------------
// Reproducible zip
// ---------------------------------------------------------------------------

/** MS-DOS time and date of a moment (UTC; DOS dates start in 1980). */
function dosDateTime(d: Date): { time: number; date: number } {
  const t = d.getTime() < Date.UTC(1980, 0, 1) ? new Date(Date.UTC(1980, 0, 1)) : d;
  return {
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | Math.floor(t.getUTCSeconds() / 2),
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/**
 * Set the modification time of every entry of a zip file (in its local header and
 * in the central directory) to `when`, in place. The zip libraries stamp entries
 * with the current time, which would make every export differ from the last.
 */
export async function setZipTimestamps(file: string, when: Date): Promise<void> {
  const { time, date } = dosDateTime(when);
  const stamp = Buffer.alloc(4);
  stamp.writeUInt16LE(time, 0);
  stamp.writeUInt16LE(date, 2);

  const fh = await open(file, "r+");
  try {
    const { size } = await fh.stat();
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await fh.read(tail, 0, tailLen, size - tailLen);
    let eocd = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error(`${file}: kein Zip-Verzeichnis gefunden`);
    const entries = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (entries === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      throw new Error(`${file}: Zip64 wird nicht unterstützt`);
    }
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const sig = Buffer.alloc(4);
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (cd.readUInt32LE(p) !== SIG_CENTRAL) throw new Error(`${file}: Zip-Verzeichnis beschädigt`);
      stamp.copy(cd, p + 12);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const local = cd.readUInt32LE(p + 42);
      await fh.read(sig, 0, 4, local);
      if (sig.readUInt32LE(0) !== SIG_LOCAL) throw new Error(`${file}: Zip-Eintrag beschädigt`);
      await fh.write(stamp, 0, 4, local + 10);
      p += 46 + nameLen + extraLen + commentLen;
    }
    await fh.write(cd, 0, cdSize, cdOffset);
  } finally {
    await fh.close();
  }
}
