/** `auszahlungen.csv`: Windows-1252, `;`, CRLF, `1.234,56 €`, `31.12.2018` — export forms the readers must accept (data contract §1). */
import iconv from "iconv-lite";
import type { Dataset } from "../dataset.ts";
import { german } from "../dates.ts";
import { csvLine, germanCents } from "../format.ts";
import { outputFile, type OutputFile } from "./output-file.ts";

const CRLF = "\r\n";

export function auszahlungenCsv(data: Dataset): OutputFile {
  const lines = [csvLine(["zahlung_id", "aktenzeichen", "buchungsdatum", "betrag_eur", "art"], ";")];
  for (const z of data.auszahlungen) {
    lines.push(csvLine([z.zahlung_id, z.aktenzeichen, german(z.buchungsdatum), `${germanCents(z.betragCents)} €`, z.art], ";"));
  }
  const bytes = iconv.encode(lines.join(CRLF) + CRLF, "windows-1252");
  return outputFile(
    "auszahlungen.csv",
    "auszahlungen",
    data.auszahlungen.length,
    new Uint8Array(bytes),
    "CSV Windows-1252, Trennzeichen „;“, CRLF, Beträge „1.234,56 €“, Datum „31.12.2018“",
  );
}
