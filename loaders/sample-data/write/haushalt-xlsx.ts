/** `haushalt.xlsx`: title rows above the header, header spelled `Förderbereich` — export forms the readers must accept (data contract §1). */
import type { Dataset } from "../dataset.ts";
import { outputFile, type OutputFile } from "./output-file.ts";
import { titleRows, workbook, xlsxBytes } from "./xlsx.ts";

export async function haushaltXlsx(data: Dataset): Promise<OutputFile> {
  const wb = workbook();
  const ws = wb.addWorksheet("Haushalt");
  titleRows(
    ws,
    "Pakt für Integration – Haushaltsansätze je Förderbereich",
    "SYNTHETISCHE BEISPIELDATEN (npm run sample-data), kalibriert auf veröffentlichte Programmzahlen; Quellen und Annahmen: manifest.json",
  );
  const header = ws.addRow(["Haushaltsjahr", "Förderbereich", "Ansatz_EUR"]);
  header.font = { bold: true };
  for (const h of data.haushalt) ws.addRow([h.haushaltsjahr, h.foerderbereich, h.ansatzCents / 100]);
  ws.getColumn(1).width = 14;
  ws.getColumn(2).width = 26;
  ws.getColumn(3).width = 18;
  ws.getColumn(3).numFmt = "#,##0.00";
  return outputFile("haushalt.xlsx", "haushalt", data.haushalt.length, await xlsxBytes(wb), "XLSX, erstes Blatt; Titelzeilen über der Kopfzeile; Kopfzeile „Förderbereich“ mit Umlaut");
}
