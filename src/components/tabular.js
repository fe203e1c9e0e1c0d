// Tables as files, in the browser and in Node: German CSV and a minimal XLSX.
//
// This module is the one place of the export conventions that the published
// tables (loaders/export) and the per-chart downloads of the pages share:
// formula neutralisation, CSV quoting, decimal comma. It has no imports, so the
// loaders (Node) and the pages (browser) load the same file.
//
// The XLSX writer exists because exceljs, bundled for the browser, weighs about
// 940 KB: far over the page-weight budget, for writing one sheet of numbers and
// text. An XLSX file is a ZIP of a few XML parts; stored (uncompressed) entries
// keep the writer small and its output byte-for-byte deterministic.

// ---------------------------------------------------------------------------
// Formula injection
// ---------------------------------------------------------------------------

/**
 * CSV/formula injection (OWASP "CSV Injection"): a spreadsheet evaluates a cell
 * whose text starts with `=`, `+`, `-` or `@` as a formula, and Excel also does so
 * after a leading tab or carriage return. Published text (names, file names, raw
 * values of the test report) comes from the grant authority's exports, so any such
 * cell is prefixed with a single quote `'`: the cell then shows the text with a
 * visible apostrophe and is never evaluated. Numbers never pass through this rule:
 * a negative amount stays `-12,50`.
 */
export const FORMULA_TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

const TRIGGER = /^[=+\-@\t\r]/;

/** Whether a text cell would be read as a formula by a spreadsheet. */
export function needsNeutralizing(text) {
  return TRIGGER.test(text);
}

/** The text as a spreadsheet may safely show it: prefixed with `'` when it starts with a formula trigger. */
export function neutralize(text) {
  return needsNeutralizing(text) ? `'${text}` : text;
}

// ---------------------------------------------------------------------------
// CSV (UTF-8 with BOM, `;`, CRLF, decimal comma: what German Excel opens by double-click)
// ---------------------------------------------------------------------------

export const CSV_DELIMITER = ";";
export const CSV_EOL = "\r\n";
export const CSV_BOM = "\uFEFF";

const NEEDS_QUOTES = /[;",\r\n]/;

/** RFC 4180 quoting: the field in double quotes, inner quotes doubled. */
export function quoteCsv(field) {
  return `"${field.replaceAll('"', '""')}"`;
}

/**
 * A text field as written: neutralised, then quoted when it holds `;`, `"`, CR or LF.
 * It is also quoted when it holds `,` – harmless for any RFC 4180 reader, and it
 * keeps a text such as `x,=1+1` in one cell when a non-German Excel splits the file
 * at commas. An empty string is written as `""`, apart from NULL (an empty field).
 */
export function csvText(text) {
  const safe = neutralize(text);
  return safe === "" || NEEDS_QUOTES.test(safe) ? quoteCsv(safe) : safe;
}

/**
 * A JS number as CSV field: decimal comma, no thousands separator; with `scale`
 * exactly that many places (`24295,40`), else the shortest round-trip digits.
 */
export function csvNumber(x, scale) {
  if (!Number.isFinite(x)) return "";
  return (scale === undefined ? String(x) : x.toFixed(scale)).replace(".", ",");
}

/** Decimal places a column of numbers needs (0–4): the most any of its values has. */
export function scaleOf(values) {
  let scale = 0;
  for (const v of values) {
    if (typeof v !== "number" || !Number.isFinite(v) || Number.isInteger(v)) continue;
    const digits = /\.(\d+)/.exec(String(v))?.[1].length ?? 4; // exponent form: small → 4 places
    scale = Math.max(scale, Math.min(4, digits));
  }
  return scale;
}

/** One value of a row as CSV field: numbers with decimal comma, dates ISO, null empty, the rest as text. */
export function csvValue(value, scale) {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return csvNumber(value, scale);
  if (typeof value === "boolean") return value ? "ja" : "nein";
  if (value instanceof Date) return Number.isNaN(+value) ? "" : value.toISOString().slice(0, 10);
  return csvText(String(value));
}

/**
 * A CSV file from a header (column titles) and rows of values, as a string with BOM.
 * Every number column is written with one scale (its values' most decimal places,
 * at most 4), so amounts read 24295,40 and ratios 0,1234 as in the published tables.
 * @param {string[]} header
 * @param {unknown[][]} rows
 */
export function toCsv(header, rows) {
  const scales = header.map((_, i) => scaleOf(rows.map((r) => r[i])));
  const lines = [header.map((h) => csvText(String(h))).join(CSV_DELIMITER)];
  for (const row of rows) lines.push(row.map((v, i) => csvValue(v, scales[i])).join(CSV_DELIMITER));
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}

// ---------------------------------------------------------------------------
// XLSX (Office Open XML spreadsheet, one or more sheets, values only)
// ---------------------------------------------------------------------------

/**
 * A cell: a number (stays a number), a string (neutralised text, never a formula),
 * null (empty), or `{v, bold, scale}` for a bold cell or a number shown with
 * `scale` decimal places (0–4) and a thousands separator.
 * @typedef {number | string | null | {v: number | string | null, bold?: boolean, scale?: number}} XlsxCell
 * @typedef {{name: string, rows: XlsxCell[][], widths?: number[], freeze?: {rows?: number, cols?: number}}} XlsxSheet
 */

const MAX_SCALE = 4;
// Style index in cellXfs: 0 plain, 1 bold text, then per scale 0..4 a plain and a bold number format.
const numberStyle = (scale, bold) => 2 + Math.max(0, Math.min(MAX_SCALE, scale)) * 2 + (bold ? 1 : 0);

function stylesXml() {
  const fmts = Array.from({length: MAX_SCALE + 1}, (_, s) => `<numFmt numFmtId="${164 + s}" formatCode="${s === 0 ? "#,##0" : `#,##0.${"0".repeat(s)}`}"/>`);
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'];
  for (let s = 0; s <= MAX_SCALE; s++) {
    for (const bold of [0, 1]) xfs.push(`<xf numFmtId="${164 + s}" fontId="${bold}" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"${bold ? ' applyFont="1"' : ""}/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${fmts.length}">${fmts.join("")}</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
}

// XML 1.0 forbids most control characters even escaped; they are dropped from text cells.
// A CR is written as a character reference: XML parsers turn a literal one into LF.
const escapeXml = (s) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/[&<>"\r]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})[c]);

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index) {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(cell, ref) {
  const {v, bold = false, scale} = cell !== null && typeof cell === "object" ? cell : {v: cell};
  if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v))) {
    return bold ? `<c r="${ref}" s="1"/>` : "";
  }
  if (typeof v === "number") {
    const s = scale === undefined ? (bold ? 1 : 0) : numberStyle(scale, bold);
    return `<c r="${ref}"${s ? ` s="${s}"` : ""}><v>${v}</v></c>`;
  }
  // Inline strings: no shared-string table to keep in step; `'`-neutralised, never a formula.
  const text = escapeXml(neutralize(String(v)));
  return `<c r="${ref}" t="inlineStr"${bold ? ' s="1"' : ""}><is><t xml:space="preserve">${text}</t></is></c>`;
}

function sheetXml({rows, widths, freeze}) {
  const cols = widths?.length
    ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const fr = freeze?.rows ?? 0;
  const fc = freeze?.cols ?? 0;
  const pane =
    fr || fc
      ? `<pane${fc ? ` xSplit="${fc}"` : ""}${fr ? ` ySplit="${fr}"` : ""} topLeftCell="${columnName(fc)}${fr + 1}" activePane="${fr && fc ? "bottomRight" : fr ? "bottomLeft" : "topRight"}" state="frozen"/>`
      : "";
  const body = rows
    .map((row, r) => {
      const cells = row.map((c, i) => cellXml(c, `${columnName(i)}${r + 1}`)).join("");
      return `<row r="${r + 1}">${cells}</row>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>${cols}<sheetData>${body}</sheetData></worksheet>`;
}

/** Excel's rules for sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name, i) => (String(name).replace(/[:\\/?*[\]]/g, " ").slice(0, 31).trim() || `Tabelle${i + 1}`);

/**
 * An XLSX workbook as bytes.
 * @param {XlsxSheet[]} sheets
 * @returns {Uint8Array}
 */
export function toXlsx(sheets) {
  const names = sheets.map((s, i) => sheetName(s.name, i));
  const files = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ],
    ["xl/styles.xml", stylesXml()],
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return storedZip(files.map(([name, text]) => [name, new TextEncoder().encode(text)]));
}

// ---------------------------------------------------------------------------
// ZIP, stored entries (no compression), fixed timestamp
// ---------------------------------------------------------------------------

let crcTable;
/** CRC-32 (IEEE 802.3), as ZIP requires. */
export function crc32(bytes) {
  crcTable ??= Array.from({length: 256}, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** @param {[string, Uint8Array][]} entries */
function storedZip(entries) {
  const enc = new TextEncoder();
  const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1; // 1.1.2020: fixed, so equal content gives equal bytes
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = enc.encode(name);
    const crc = crc32(data);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true); // UTF-8 names
    local.setUint16(8, 0, true); // stored
    local.setUint16(10, 0, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    local.setUint16(28, 0, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint16(10, 0, true);
    cd.setUint16(12, 0, true);
    cd.setUint16(14, DOS_DATE, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, data.length, true);
    cd.setUint32(24, data.length, true);
    cd.setUint16(28, nameBytes.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
