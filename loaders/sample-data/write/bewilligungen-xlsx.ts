/**
 * `bewilligungen.xlsx`: title rows, dates as real Excel dates, amounts as
 * numbers, header `empfänger_name` with an umlaut — export forms the readers
 * must accept (data contract §1).
 */
import type { Dataset } from "../dataset.ts";
import { german, toUtcDate } from "../dates.ts";
import { outputFile, type OutputFile } from "./output-file.ts";
import { titleRows, workbook, xlsxBytes } from "./xlsx.ts";

const HEADER = [
  "aktenzeichen",
  "empfaenger_ags",
  "empfänger_name",
  "foerderbereich",
  "status",
  "antrag_datum",
  "bescheid_datum",
  "beginn",
  "ende",
  "bewilligt_eur",
  "vzae_bewilligt",
];
const WIDTHS = [26, 12, 30, 24, 15, 12, 12, 12, 12, 16, 14];

export async function bewilligungenXlsx(data: Dataset): Promise<OutputFile> {
  const wb = workbook();
  const ws = wb.addWorksheet("Bewilligungen");
  titleRows(
    ws,
    `Pakt für Integration – Bewilligungen (Stand ${german(data.stand)})`,
    "SYNTHETISCHE BEISPIELDATEN: alle Beträge, Zuwendungen und Stellen sind erfunden; Kreis- und Gemeindenamen und -schlüssel aus den amtlichen Verzeichnissen",
  );
  const header = ws.addRow(HEADER);
  header.font = { bold: true };
  for (const b of data.bewilligungen) {
    ws.addRow([
      b.aktenzeichen,
      b.empfaenger_ags,
      b.empfaenger_name,
      b.foerderbereich,
      b.status,
      toUtcDate(b.antrag_datum),
      b.bescheid_datum === null ? null : toUtcDate(b.bescheid_datum),
      toUtcDate(b.beginn),
      toUtcDate(b.ende),
      b.bewilligtCents / 100,
      b.vzaeQuarters === null ? null : b.vzaeQuarters / 4,
    ]);
  }
  WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(2).numFmt = "@";
  for (const c of [6, 7, 8, 9]) ws.getColumn(c).numFmt = "dd.mm.yyyy";
  ws.getColumn(10).numFmt = "#,##0.00";
  ws.getColumn(11).numFmt = "0.00";
  return outputFile(
    "bewilligungen.xlsx",
    "bewilligungen",
    data.bewilligungen.length,
    await xlsxBytes(wb),
    "XLSX, erstes Blatt; Titelzeilen über der Kopfzeile; Datumswerte als Excel-Datum, Beträge als Zahl; Kopfzeile „empfänger_name“ mit Umlaut",
  );
}
