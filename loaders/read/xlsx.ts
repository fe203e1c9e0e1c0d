/**
 * XLSX reader: the first worksheet, cells turned into the text a user would
 * have typed, staged into a DuckDB temporary table so that the validator sees
 * XLSX and CSV through the same kind of relation.
 *
 * Excel limits a sheet to about a million rows, and exceljs holds the workbook
 * in memory anyway, so rows are collected in JavaScript and then appended.
 */
import { open } from "node:fs/promises";
import ExcelJS from "exceljs";
import { fileFinding, type Finding } from "../base/finding.ts";
import { truncate } from "./finding-text.ts";
import { sqlIdent, uniqueName } from "./sql-text.ts";
import { tooManyColumnsMessage } from "./guards.ts";
import { MAX_COLUMNS } from "./limits.ts";
import type { RawRows, ReadRequest, ReadResult } from "./types.ts";
import { xlsxTooLarge } from "./zip-guard.ts";
import { columnLetter } from "../../src/components/export-rules.js";

type CellValue = ExcelJS.CellValue;

/**
 * The text of one cell as the contract wants it: numbers in their shortest
 * round-trip form with a decimal comma (a numeric cell 2.125 must not read as
 * the German thousands notation "2.125" = 2125), dates as `YYYY-MM-DD`, formulas as their cached
 * result (never the formula), rich text and hyperlinks as their text, errors as
 * `#DIV/0!` etc. `null` for an empty cell.
 *
 * A number is taken at Excel's precision, 15 significant digits, because that is
 * what the person sees in the cell: `=12000-12345,67` stores -345.6700000000001
 * and shows -345,67. Text cells are not rounded (what a person typed stays strict).
 */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? excelNumber(value).replace(".", ",") : null;
  if (typeof value === "boolean") return value ? "true" : "false";
  if (value instanceof Date) return isoDate(value);
  if (typeof value !== "object") return null;
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result);
  if ("error" in value) return value.error;
  if ("richText" in value) return richText(value.richText);
  if ("text" in value) {
    // A hyperlink; its text may itself be rich text.
    const text: unknown = value.text;
    if (typeof text === "string") return text === "" ? null : text;
    if (text && typeof text === "object" && "richText" in text && Array.isArray(text.richText)) {
      return richText(text.richText as ExcelJS.RichText[]);
    }
    return null;
  }
  return null;
}

/** A double as Excel displays it: at most 15 significant digits, shortest form. */
export function excelNumber(n: number): string {
  return String(Number(n.toPrecision(15)));
}

/**
 * The value of a cell with a formula replaced by its cached result. exceljs's
 * `cell.value` drops a falsy result (`{ formula }` without `result` for 0 or
 * FALSE), while `cell.result` keeps it; an empty-string result stays empty.
 */
function cellValue(cell: ExcelJS.Cell): CellValue | undefined {
  if (cell.type === ExcelJS.ValueType.Formula) return cell.result as CellValue | undefined;
  return cell.value;
}

const richText = (parts: readonly ExcelJS.RichText[]): string | null => parts.map((p) => p.text).join("") || null;

/**
 * Excel stores dates as day numbers, and exceljs turns them into UTC instants;
 * a value like 43465.99999999 is midnight of the next day, so round to the
 * second before taking the calendar date.
 */
function isoDate(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const r = new Date(Math.round(t / 1000) * 1000);
  const y = r.getUTCFullYear();
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(y, 4)}-${pad(r.getUTCMonth() + 1)}-${pad(r.getUTCDate())}`;
}

/** Findings name columns by the letters the user sees in the spreadsheet (the export's rule, too). */
export { columnLetter };

/** Cells of a row as text, index 0 = column A, up to the last non-empty cell. */
function rowTexts(row: ExcelJS.Row): (string | null)[] {
  const out: (string | null)[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    // Only the top-left cell of a merged range holds the value (as in a CSV export of the sheet).
    if (cell.type === ExcelJS.ValueType.Merge) return;
    const text = cellText(cellValue(cell));
    if (text !== null) out[col - 1] = text;
  });
  for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
  return out;
}

export async function readXlsx(req: ReadRequest): Promise<ReadResult> {
  const { datei } = req;
  const unreadable = (meldung: string): ReadResult => ({
    datei,
    finding: fileFinding(datei, "datei_unlesbar", `${datei}: ${meldung}`),
  });

  // Before exceljs inflates anything: a zip bomb would take minutes and gigabytes.
  const tooLarge = await xlsxTooLarge(req.path);
  if (tooLarge) return { datei, finding: fileFinding(datei, "datei_zu_gross", `${datei}: ${tooLarge}`) };

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(req.path);
  } catch {
    return unreadable(`Die Datei ist keine gültige XLSX-Datei (${await whatItIs(req.path)}).`);
  }
  if (workbook.worksheets.length === 0) return unreadable("Die Datei enthält kein Tabellenblatt.");

  // Hidden and very hidden sheets are never read: a person does not see them in the workbook.
  const scans = workbook.worksheets.map((sheet) => ({
    sheet,
    scan: sheet.state === "visible" ? scanSheet(sheet, req) : null,
  }));
  const withHeader = scans.filter((s) => s.scan?.header);
  if (withHeader.length !== 1) {
    const regel = withHeader.length === 0 ? "kopfzeile_fehlt" : "kopfzeile_mehrfach";
    return { datei, finding: fileFinding(datei, regel, `${datei}: ${sheetReport(scans, withHeader.length)}`) };
  }
  const chosen = withHeader[0]!;
  const { header: found, headerLine, zeilen, data, malformed } = chosen.scan!;
  if (!found) throw new Error("unreachable: a sheet with header has a header");

  if (found.length > MAX_COLUMNS) {
    return {
      datei,
      finding: {
        ...fileFinding(datei, "spalten_zu_viele", tooManyColumnsMessage(datei, found.length, `Zeile ${headerLine}`)),
        zeile: headerLine,
      },
    };
  }

  const table = uniqueName(req.stageName, "xlsx");
  await stage(req, table, found.length, zeilen, data);
  const qualified = `temp.main.${sqlIdent(table)}`;
  const cols = found.map((_, i) => `c${i}`).join(", ");

  const rows: RawRows = {
    datei,
    format: "xlsx",
    blatt: chosen.sheet.name,
    header: found,
    headerLine,
    // Cells beyond the header are refused above (zeile_spaltenzahl): every row here fits.
    relation: `(SELECT ${cols}, NULL::VARCHAR AS felder_meldung, NULL::VARCHAR AS felder_wert FROM ${qualified} ORDER BY zeile)`,
    async lineOf(ordinals) {
      const out = new Map<number, number>();
      for (const o of ordinals) {
        const z = zeilen[o];
        if (z !== undefined) out.set(o, z);
      }
      return out;
    },
    async malformed() {
      return malformed;
    },
    async dispose() {
      await req.connection.run(`DROP TABLE IF EXISTS ${qualified}`);
    },
  };
  return rows;
}

/** One worksheet read up to its end: the header (if any) and the rows after it. */
interface SheetScan {
  header: string[] | null;
  headerLine: number;
  /** The first non-empty rows before a header was found, for the message when none is. */
  preview: string[];
  zeilen: number[];
  data: (string | null)[][];
  malformed: Finding[];
}

function scanSheet(sheet: ExcelJS.Worksheet, req: ReadRequest): SheetScan {
  const out: SheetScan = { header: null, headerLine: 0, preview: [], zeilen: [], data: [], malformed: [] };
  const blatt = sheet.name;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const texts = rowTexts(row);
    if (texts.every((t) => t === null || t.trim() === "")) return;
    if (!out.header) {
      const cells = texts.map((t) => (t ?? "").trim());
      if (out.preview.length < 3 && !req.personalData) out.preview.push(cells.filter((c) => c !== "").join(" | "));
      if (req.isHeader(cells)) {
        out.header = cells;
        out.headerLine = rowNumber;
      }
      return;
    }
    const n = out.header.length;
    const beyond = texts.findIndex((t, i) => i >= n && t !== null);
    if (beyond !== -1) {
      out.malformed.push({
        datei: req.datei,
        zeile: rowNumber,
        spalte: columnLetter(beyond + 1),
        wert: req.personalData ? null : truncate(texts[beyond] ?? "", 200),
        regel: "zeile_spaltenzahl",
        meldung: `Blatt „${blatt}“: Wert außerhalb der Kopfzeile in Spalte ${columnLetter(beyond + 1)} (die Kopfzeile reicht bis Spalte ${columnLetter(n)}). Die Zeile wird nicht gelesen.`,
        schwere: "fehler",
      });
      return;
    }
    out.zeilen.push(rowNumber);
    out.data.push(texts);
  });
  return out;
}

/**
 * Why no single sheet could be taken: each sheet by name with what was found
 * on it, so that the user knows which sheet to fix, delete or hide.
 */
function sheetReport(scans: readonly { sheet: ExcelJS.Worksheet; scan: SheetScan | null }[], found: number): string {
  const parts = scans.map(({ sheet, scan }) => {
    const name = `Blatt „${sheet.name}“`;
    if (!scan) return `${name}: ausgeblendet, nicht gelesen`;
    if (scan.header) return `${name}: Kopfzeile in Zeile ${scan.headerLine}`;
    const shown = scan.preview.map((p) => `„${truncate(p, 80)}“`).join(", ");
    return `${name}: keine Kopfzeile (erste Zeilen: ${shown || "keine"})`;
  });
  const lead =
    found === 0
      ? "Keine Kopfzeile mit den erforderlichen Spalten gefunden, auf keinem sichtbaren Tabellenblatt."
      : "Die Kopfzeile der Tabelle steht auf mehreren sichtbaren Tabellenblättern; es ist nicht klar, welches gilt. Bitte nur ein Blatt mit der Tabelle behalten (oder die anderen ausblenden).";
  return `${lead} ${parts.join("; ")}.`;
}

/** Creates the temporary table and appends the rows (the Appender is DuckDB's fast path). */
async function stage(
  req: ReadRequest,
  table: string,
  n: number,
  zeilen: readonly number[],
  data: readonly (readonly (string | null)[])[],
): Promise<void> {
  const con = req.connection;
  const defs = Array.from({ length: n }, (_, i) => `c${i} VARCHAR`).join(", ");
  await con.run(`CREATE TEMP TABLE ${sqlIdent(table)} (zeile INTEGER, ${defs})`);
  const appender = await con.createAppender(table, "main", "temp");
  try {
    for (let r = 0; r < data.length; r++) {
      appender.appendInteger(zeilen[r]!);
      const cells = data[r]!;
      for (let i = 0; i < n; i++) {
        const v = cells[i];
        if (v === null || v === undefined) appender.appendNull();
        else appender.appendVarchar(v);
      }
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** A short German guess at what a file that is not an XLSX really is, from its first bytes. */
async function whatItIs(path: string): Promise<string> {
  const fh = await open(path, "r");
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (bytesRead === 0) return "die Datei ist leer";
    if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
      return "altes Excel-Format .xls oder mit Kennwort geschützt; bitte als .xlsx ohne Kennwort speichern";
    }
    if (head[0] === 0x50 && head[1] === 0x4b) return "ZIP-Archiv beschädigt, unvollständig oder keine Excel-Arbeitsmappe";
    if (!head.includes(0)) return "scheint eine Textdatei (CSV?) mit der Endung .xlsx zu sein";
    return "unbekanntes Binärformat";
  } finally {
    await fh.close();
  }
}
