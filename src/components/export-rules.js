// The export conventions of PIK-Monitor, in one place for both sides: the
// published tables written by `npm run export` and the data loaders (Node,
// loaders/export, loaders/pages) and the per-chart and /anfrage downloads of the
// pages (browser, tabular.js). Formula neutralisation, CSV format, worksheet
// names, cell text and column letters follow one rule each, so a file from the
// site and the same table from the export read alike. No imports: Node and the
// browser load this very file.

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


// ---------------------------------------------------------------------------
// XLSX: worksheet names, cell text, column letters, Excel's limits
// ---------------------------------------------------------------------------

/** Excel's limit on the rows of a worksheet (header included). */
export const XLSX_MAX_ROWS = 1_048_576;
/** Excel's limit on the characters of one cell. */
export const XLSX_MAX_CELL_CHARS = 32767;

/**
 * A worksheet name Excel accepts: `\ / ? * [ ] :` become `_`, control characters
 * are dropped, no `'` at either end, at most 31 characters; an empty result
 * becomes `Tabelle<position>` as in a new German workbook.
 */
export function sheetName(name, position = 1) {
  const cleaned = String(name)
    // eslint-disable-next-line no-control-regex
    .replace(/[\x00-\x1F\x7F]/g, "")
    .replace(/[\\/?*[\]:]/g, "_")
    .replace(/^'+|'+$/g, "")
    .slice(0, 31)
    .trim();
  return cleaned === "" ? `Tabelle${position}` : cleaned;
}

/** The names of a workbook's sheets: each by `sheetName`, made unique (Excel compares them case-insensitively). */
export function sheetNames(names) {
  const seen = new Set();
  return names.map((name, i) => {
    const base = sheetName(name, i + 1);
    let unique = base;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${base.slice(0, 31 - String(n).length - 3)} (${n})`;
    seen.add(unique.toLowerCase());
    return unique;
  });
}

const LITERAL_ESCAPE = /_x[0-9A-Fa-f]{4}_/g;
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[\x00-\x08\x0B-\x1F\x7F]/g;

/**
 * A string as stored in a workbook cell so that Excel (and exceljs) read back
 * exactly that string. XML cannot carry most control characters and turns CR into
 * LF, so they are written as OOXML escapes `_xHHHH_`; a literal `_xHHHH_` in the
 * text is itself escaped (`_x005F_xHHHH_`). Tab and LF are kept. Text beyond
 * Excel's 32,767 characters per cell is cut and ends with `…` (the CSV keeps it whole).
 */
export function cellString(text) {
  let s = text;
  if (s.length > XLSX_MAX_CELL_CHARS) {
    s = s.slice(0, XLSX_MAX_CELL_CHARS - 1);
    if (/[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    s += "…";
  }
  return s
    .replace(LITERAL_ESCAPE, (m) => `_x005F${m}`)
    .replace(XML_UNSAFE, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** A text cell: neutralised (never a formula), then encoded for the workbook. */
export function cellText(text) {
  return cellString(neutralize(text));
}

/** Spreadsheet column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column) {
  let s = "";
  for (let k = column; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
