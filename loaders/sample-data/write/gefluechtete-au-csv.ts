/** `gefluechtete_au.csv`: UTF-8 without BOM, `,`, LF, ISO dates — the plain form next to the German ones (data contract §1). */
import type { Dataset } from "../dataset.ts";
import { iso } from "../dates.ts";
import { csvLine } from "../format.ts";
import { outputFile, type OutputFile } from "./output-file.ts";

export function gefluechteteAuCsv(data: Dataset): OutputFile {
  const lines = [csvLine(["kreis_ags", "stichtag", "personen"], ",")];
  for (const a of data.gefluechteteAu) lines.push(csvLine([a.kreis_ags, iso(a.stichtag), String(a.personen)], ","));
  const bytes = Buffer.from(`${lines.join("\n")}\n`, "utf8");
  return outputFile(
    "gefluechtete_au.csv",
    "gefluechtete_au",
    data.gefluechteteAu.length,
    new Uint8Array(bytes),
    "CSV UTF-8 ohne BOM, Trennzeichen „,“, LF, Datum ISO „2017-09-15“",
  );
}
