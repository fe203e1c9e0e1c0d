/**
 * What both XLSX files share: fixed document dates and ZIP entry times (so the
 * same seed gives the same bytes), and the title rows real exports put above
 * the header.
 */
import ExcelJS from "exceljs";
import { STAND } from "../calibration.ts";
import { fromIso, toUtcDate } from "../dates.ts";
import { fixZipTimestamps } from "./zip-timestamps.ts";

/** Fixed date for XLSX document properties and ZIP entries: the data date. */
const FIXED_DATE = toUtcDate(fromIso(STAND.wert));

export function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PIK-Monitor (npm run sample-data)";
  wb.lastModifiedBy = "PIK-Monitor (npm run sample-data)";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(buffer, FIXED_DATE);
}

export function titleRows(ws: ExcelJS.Worksheet, title: string, note: string): void {
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([note]).font = { italic: true };
  ws.addRow([]);
}
