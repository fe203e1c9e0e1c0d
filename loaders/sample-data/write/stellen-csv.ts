/** `stellen.csv`: UTF-8 with BOM, `;`, CRLF, `0,75`, `ja`/`nein`, `30.06.2018` — export forms the readers must accept (data contract §1). */
import type { Dataset } from "../dataset.ts";
import { german } from "../dates.ts";
import { csvLine, germanQuarters } from "../format.ts";
import { outputFile, type OutputFile } from "./output-file.ts";

const CRLF = "\r\n";

export function stellenCsv(data: Dataset): OutputFile {
  const lines = [
    csvLine(["aktenzeichen", "stichtag", "stelle_nr", "vzae", "besetzt", "anstellungstraeger", "qualifikation", "name"], ";"),
  ];
  for (const s of data.stellen) {
    lines.push(
      csvLine(
        [
          s.aktenzeichen,
          german(s.stichtag),
          s.stelle_nr,
          germanQuarters(s.vzaeQuarters),
          s.besetzt ? "ja" : "nein",
          s.anstellungstraeger,
          s.qualifikation ?? "",
          s.name ?? "",
        ],
        ";",
      ),
    );
  }
  const bytes = Buffer.from(`\uFEFF${lines.join(CRLF)}${CRLF}`, "utf8");
  return outputFile(
    "stellen.csv",
    "stellen",
    data.stellen.length,
    new Uint8Array(bytes),
    "CSV UTF-8 mit BOM, Trennzeichen „;“, CRLF, Dezimalkomma „0,75“, „ja/nein“, Datum „30.06.2018“; Spalte name enthält Platzhalternamen (personenbezogen in echten Exporten)",
  );
}
