// Tables as files in the browser: German CSV and a minimal XLSX, for the
// per-chart and /anfrage downloads (and the CSV parts the /daten loader writes).
// The conventions themselves (neutralising, CSV fields, sheet names, cell text,
// column letters) are in export-rules.js, shared with the Node exports.
//
// The XLSX writer exists because exceljs, bundled for the browser, weighs about
// 940 KB: far over the page-weight budget, for writing one sheet of numbers and
// text. An XLSX file is a ZIP of a few XML parts; stored (uncompressed) entries
// keep the writer small and its output byte-for-byte deterministic.

import {CSV_BOM, CSV_DELIMITER, CSV_EOL, cellText, columnLetter, csvText, csvValue, scaleOf, sheetNames} from "./export-rules.js";

export {
  CSV_BOM,
  CSV_DELIMITER,
  CSV_EOL,
  FORMULA_TRIGGERS,
  csvNumber,
  csvText,
  csvValue,
  needsNeutralizing,
  neutralize,
  quoteCsv,
  scaleOf,
} from "./export-rules.js";

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

// Markup escaping only: control characters are already OOXML escapes (cellString);
// U+FFFE and U+FFFF are not XML characters at all and are dropped.
const escapeXml = (s) => s.replace(/[\uFFFE\uFFFF]/g, "").replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]);

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export const columnName = (index) => columnLetter(index + 1);

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
  const text = escapeXml(cellText(String(v)));
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

/**
 * An XLSX workbook as bytes.
 * @param {XlsxSheet[]} sheets
 * @returns {Uint8Array}
 */
export function toXlsx(sheets) {
  const names = sheetNames(sheets.map((s) => s.name));
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
