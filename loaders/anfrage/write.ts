/**
 * Writes an inquiry table (see index.ts) as CSV or XLSX with the conventions of
 * the export writers: German headers, text neutralised against formula
 * injection, numbers as numbers (CSV: decimal comma, no thousands separator;
 * XLSX: numeric cells with a number format), footnotes below the table after an
 * empty line.
 */
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import { CSV_BOM, CSV_DELIMITER, CSV_EOL, csvText, formatDecimalComma, writeAtomically } from "../export/csv.ts";
import { defaultCreated, setZipTimestamps, XLSX_CREATOR, xlsxText } from "../export/xlsx.ts";
import type { AnfrageTabelle } from "./index.ts";

export const HEADER_KREIS = "Kreis";
export const HEADER_GEMEINDE = "Gemeinde";
export const HEADER_AGS = "AGS";

/** The header of the name column: Kreis, or Gemeinde for a Gemeinde table (whose rows end with Kreis and Land totals). */
const nameHeader = (t: AnfrageTabelle) => (t.ebene === "gemeinden" ? HEADER_GEMEINDE : HEADER_KREIS);
/** Rows of single Kreise or Gemeinden are plain; sums and context totals bold. */
const einzeln = (t: AnfrageTabelle, z: AnfrageTabelle["zeilen"][number]) => z.art === (t.ebene === "gemeinden" ? "gemeinde" : "kreis");

/** The CSV text of an inquiry table (with BOM). */
export function anfrageCsv(t: AnfrageTabelle): string {
  const lines: string[] = [];
  lines.push([nameHeader(t), HEADER_AGS, ...t.spalten.map((s) => s.header)].map(csvText).join(CSV_DELIMITER));
  for (const z of t.zeilen) {
    const cells = [csvText(z.kreis_name), z.kreis_ags === null ? "" : csvText(z.kreis_ags)];
    for (const s of t.spalten) {
      const v = z.werte[s.key];
      cells.push(v === null || v === undefined ? "" : formatDecimalComma(v, s.scale));
    }
    lines.push(cells.join(CSV_DELIMITER));
  }
  lines.push("");
  for (const f of t.fussnoten) lines.push(csvText(f));
  return CSV_BOM + lines.join(CSV_EOL) + CSV_EOL;
}

/** Number format of a column with `scale` places, German Excel shows 1.234,50. */
const numFmt = (scale: number) => (scale === 0 ? "#,##0" : `#,##0.${"0".repeat(scale)}`);

/** The XLSX workbook of an inquiry table. */
export function anfrageWorkbook(t: AnfrageTabelle, title = "Anfrage"): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const created = defaultCreated();
  wb.creator = XLSX_CREATOR;
  wb.lastModifiedBy = XLSX_CREATOR;
  wb.created = created;
  wb.modified = created;
  wb.title = title;
  const ws = wb.addWorksheet("Anfrage", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  ws.columns = [
    { width: Math.max(12, ...t.zeilen.map((z) => z.kreis_name.length + 2)) },
    { width: 8 },
    ...t.spalten.map((s) => ({ width: Math.min(40, Math.max(14, s.header.length / 2)), style: { numFmt: numFmt(s.scale) } })),
  ];
  const header = ws.addRow([nameHeader(t), HEADER_AGS, ...t.spalten.map((s) => s.header)].map(xlsxText));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "bottom" };
  for (const z of t.zeilen) {
    const row = ws.addRow([
      xlsxText(z.kreis_name),
      z.kreis_ags === null ? null : xlsxText(z.kreis_ags),
      ...t.spalten.map((s) => {
        const v = z.werte[s.key];
        return v === null || v === undefined ? null : Number(v);
      }),
    ]);
    if (!einzeln(t, z)) row.font = { bold: true };
  }
  ws.addRow([]);
  for (const f of t.fussnoten) ws.addRow([xlsxText(f)]);
  return wb;
}

/** Writes the table to `file` (.csv or .xlsx), replacing it atomically. */
export async function writeAnfrage(t: AnfrageTabelle, file: string): Promise<void> {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv")) {
    await writeAtomically(file, (tmp) => writeFile(tmp, anfrageCsv(t), "utf8"));
  } else if (lower.endsWith(".xlsx")) {
    await writeAtomically(file, async (tmp) => {
      await anfrageWorkbook(t).xlsx.writeFile(tmp);
      await setZipTimestamps(tmp, defaultCreated());
    });
  } else {
    throw new Error(`Dateiendung von „${file}“: .csv oder .xlsx erwartet`);
  }
}

/** A plain-text rendering for the terminal (when no --out is given). */
export function anfrageText(t: AnfrageTabelle): string {
  const header = [nameHeader(t), HEADER_AGS, ...t.spalten.map((s) => s.header)];
  const body = t.zeilen.map((z) => [
    z.kreis_name,
    z.kreis_ags ?? "",
    ...t.spalten.map((s) => {
      const v = z.werte[s.key];
      return v === null || v === undefined ? "–" : formatDecimalComma(v, s.scale);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ");
  return [line(header), ...body.map(line), "", ...t.fussnoten].join("\n");
}
