/** Test helper: a temporary input folder from a map of file names to contents. */
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function writeFolder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "pik-test-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export const removeFolder = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** CSV text with `;` and LF from rows of cells. */
export const csv = (rows: (string | number)[][]) => rows.map((r) => r.join(";")).join("\n") + "\n";

/**
 * A small valid input folder: two Kreise (Stuttgart 08111, Böblingen 08115),
 * three grants, a few payments and staffing reports. Each test changes one thing.
 */
type Rows = (string | number)[][];
export type Tables = { haushalt: Rows; bewilligungen: Rows; auszahlungen: Rows; stellen: Rows; gefluechtete_au: Rows };

export const validTables = (): Tables => ({
  haushalt: [
    ["haushaltsjahr", "foerderbereich", "ansatz_eur"],
    [2018, "integrationsmanagement", "1000000,00"],
    [2019, "integrationsmanagement", "1000000,00"],
  ],
  bewilligungen: [
    ["aktenzeichen", "empfaenger_ags", "empfaenger_name", "foerderbereich", "status", "antrag_datum", "bescheid_datum", "beginn", "ende", "bewilligt_eur", "vzae_bewilligt"],
    ["AZ-1", "08111000", "Stadt Stuttgart", "integrationsmanagement", "bewilligt", "01.02.2018", "01.03.2018", "01.04.2018", "31.03.2019", "100000,00", "2"],
    ["AZ-2", "08115", "Landkreis Böblingen", "integrationsmanagement", "bewilligt", "2018-02-01", "2018-03-15", "2018-04-01", "2019-03-31", "50000,00", "1"],
    ["AZ-3", "08115003", "Gemeinde X", "spracherwerb", "beantragt", "2019-05-01", "", "2019-07-01", "2019-12-31", "0", ""],
  ],
  auszahlungen: [
    ["zahlung_id", "aktenzeichen", "buchungsdatum", "betrag_eur", "art"],
    ["Z-1", "AZ-1", "15.04.2018", "50000,00", "abschlag"],
    ["Z-2", "AZ-1", "15.04.2019", "40000,00", "schlusszahlung"],
    ["Z-3", "AZ-2", "15.04.2018", "50000,00", "abschlag"],
    ["Z-4", "AZ-2", "01.08.2019", "-2500,00", "rueckforderung"],
  ],
  stellen: [
    ["aktenzeichen", "stichtag", "stelle_nr", "vzae", "besetzt", "anstellungstraeger", "qualifikation", "name"],
    ["AZ-1", "30.06.2018", "1", "1", "ja", "gemeinde", "hochschulabschluss", "Erika Mustermann"],
    ["AZ-1", "30.06.2018", "2", "0,5", "nein", "gemeinde", "", ""],
    ["AZ-2", "30.06.2018", "1", "1,0", "x", "landkreis", "nachqualifizierung", "Max Muster"],
  ],
  gefluechtete_au: [
    ["kreis_ags", "stichtag", "personen"],
    ["08111", "15.09.2017", "5000"],
    ["08115", "15.09.2017", "3000"],
  ],
});

export function validFolder(change?: (t: Tables) => void): string {
  const tables = validTables();
  change?.(tables);
  return writeFolder(Object.fromEntries(Object.entries(tables).map(([name, rows]) => [`${name}.csv`, csv(rows)])));
}
