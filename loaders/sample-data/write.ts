/**
 * Writes a generated dataset as the input folder the loaders read, in the forms
 * real exports take (see the data contract §1):
 *
 * - `haushalt.xlsx`: title rows above the header, header spelled `Förderbereich`;
 * - `bewilligungen.xlsx`: title rows, dates as real Excel dates, amounts as numbers,
 *   header `empfänger_name` with an umlaut;
 * - `auszahlungen.csv`: Windows-1252, `;`, CRLF, `1.234,56 €`, `31.12.2018`;
 * - `stellen.csv`: UTF-8 with BOM, `;`, CRLF, `0,75`, `ja`/`nein`, `30.06.2018`;
 * - `gefluechtete_au.csv`: UTF-8, `,`, LF, ISO dates;
 * - `manifest.json`: marks the folder as synthetic, lists every calibration figure
 *   with its source, the files with their checksums, and control totals.
 *
 * Output is byte-identical for the same seed and scale: the XLSX files get fixed
 * document dates and fixed ZIP entry times, and the manifest holds no timestamp.
 */
import { createHash } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import type { Foerderbereich } from "../schema/input-tables.ts";
import { loadDefaultFoerderbereiche } from "../reference/foerderbereiche.ts";

const FOERDERBEREICHE = loadDefaultFoerderbereiche().map((f) => f.foerderbereich);
import { alleKennwerte, STAND, type Kennwert } from "./calibration.ts";
import { fromIso, german, iso, parts, toUtcDate, type Day } from "./dates.ts";
import { csvLine, germanCents, germanQuarters } from "./format.ts";
import type { Auffaelligkeit, Dataset, GenerateOptions } from "./dataset.ts";
import { generate } from "./generate.ts";
import { proRataByYear } from "./integer-split.ts";

export interface DateiInfo {
  datei: string;
  tabelle: string;
  format: "csv" | "xlsx";
  zeilen: number;
  bytes: number;
  sha256: string;
  form: string;
}

export interface JahresSumme {
  jahr: number;
  foerderbereich: Foerderbereich;
  ansatz_eur: number | null;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
}

export interface StichtagSumme {
  stichtag: string;
  vzae_bewilligt: number;
  vzae_besetzt: number;
  stellen: number;
  stellen_besetzt: number;
}

export interface Manifest {
  synthetisch: true;
  beschreibung: string;
  seed: number | string;
  scale: number;
  stand: string;
  erzeugt_mit: string;
  annahmen: Kennwert[];
  bewusste_auffaelligkeiten: Auffaelligkeit[];
  dateien: DateiInfo[];
  kontrollsummen: {
    hinweis: string;
    jahre: JahresSumme[];
    stichtage: StichtagSumme[];
    gefluechtete_au: { stichtag: string; personen: number }[];
  };
}

/** The five input tables written here (both forms of a table in one folder would be an error). */
export const SAMPLE_TABLES = ["haushalt", "bewilligungen", "auszahlungen", "stellen", "gefluechtete_au"] as const;

/** Fixed date for XLSX document properties and ZIP entries: the data date. */
const FIXED_DATE = toUtcDate(fromIso(STAND.wert));

const CRLF = "\r\n";

/** Generates and writes the sample data to `dir`; returns the manifest. */
export async function writeSampleData(dir: string, options: GenerateOptions = {}): Promise<Manifest> {
  return writeDataset(dir, generate(options));
}

export async function writeDataset(dir: string, data: Dataset): Promise<Manifest> {
  await mkdir(dir, { recursive: true });
  await removeTableFiles(dir);
  const files: [DateiInfo, Uint8Array][] = [
    await haushaltXlsx(data),
    await bewilligungenXlsx(data),
    auszahlungenCsv(data),
    stellenCsv(data),
    gefluechteteAuCsv(data),
  ];
  for (const [info, bytes] of files) await writeFile(join(dir, info.datei), bytes);
  const manifest = buildManifest(data, files.map(([info]) => info));
  await writeFile(join(dir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`, "utf8");
  return manifest;
}

/** Removes `NAME.csv` / `NAME.xlsx` of the five tables (and nothing else). */
export async function removeTableFiles(dir: string): Promise<void> {
  for (const t of SAMPLE_TABLES) {
    for (const ext of ["csv", "xlsx"]) await rm(join(dir, `${t}.${ext}`), { force: true });
  }
}

function info(datei: string, tabelle: string, zeilen: number, bytes: Uint8Array, form: string): [DateiInfo, Uint8Array] {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const format = datei.endsWith(".xlsx") ? "xlsx" : "csv";
  return [{ datei, tabelle, format, zeilen, bytes: bytes.byteLength, sha256, form }, bytes];
}

// ---------------------------------------------------------------------------
// XLSX
// ---------------------------------------------------------------------------

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "PIK-Monitor (npm run sample-data)";
  wb.lastModifiedBy = "PIK-Monitor (npm run sample-data)";
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimestamps(buffer, FIXED_DATE);
}

function titleRows(ws: ExcelJS.Worksheet, title: string, note: string): void {
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([note]).font = { italic: true };
  ws.addRow([]);
}

async function haushaltXlsx(data: Dataset): Promise<[DateiInfo, Uint8Array]> {
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
  return info("haushalt.xlsx", "haushalt", data.haushalt.length, await xlsxBytes(wb), "XLSX, erstes Blatt; Titelzeilen über der Kopfzeile; Kopfzeile „Förderbereich“ mit Umlaut");
}

async function bewilligungenXlsx(data: Dataset): Promise<[DateiInfo, Uint8Array]> {
  const wb = workbook();
  const ws = wb.addWorksheet("Bewilligungen");
  titleRows(
    ws,
    `Pakt für Integration – Bewilligungen (Stand ${german(data.stand)})`,
    "SYNTHETISCHE BEISPIELDATEN: alle Beträge, Zuwendungen und Stellen sind erfunden; Kreis- und Gemeindenamen und -schlüssel aus den amtlichen Verzeichnissen",
  );
  const header = ws.addRow([
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
  ]);
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
  const widths = [26, 12, 30, 24, 15, 12, 12, 12, 12, 16, 14];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getColumn(2).numFmt = "@";
  for (const c of [6, 7, 8, 9]) ws.getColumn(c).numFmt = "dd.mm.yyyy";
  ws.getColumn(10).numFmt = "#,##0.00";
  ws.getColumn(11).numFmt = "0.00";
  return info(
    "bewilligungen.xlsx",
    "bewilligungen",
    data.bewilligungen.length,
    await xlsxBytes(wb),
    "XLSX, erstes Blatt; Titelzeilen über der Kopfzeile; Datumswerte als Excel-Datum, Beträge als Zahl; Kopfzeile „empfänger_name“ mit Umlaut",
  );
}

/**
 * JSZip stamps every ZIP entry with the current time. The time fields are not
 * covered by the CRC, so they are overwritten in place (central directory and
 * local headers) to make the file byte-stable.
 */
export function fixZipTimestamps(buf: Buffer, date: Date): Buffer {
  const dosDate = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  const dosTime = 0;
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("XLSX: Ende des ZIP-Verzeichnisses nicht gefunden");
  const count = buf.readUInt16LE(eocd + 10);
  let off = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(off) !== 0x02014b50) throw new Error("XLSX: unerwarteter ZIP-Verzeichniseintrag");
    buf.writeUInt16LE(dosTime, off + 12);
    buf.writeUInt16LE(dosDate, off + 14);
    const local = buf.readUInt32LE(off + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error("XLSX: unerwarteter lokaler ZIP-Kopf");
    buf.writeUInt16LE(dosTime, local + 10);
    buf.writeUInt16LE(dosDate, local + 12);
    off += 46 + buf.readUInt16LE(off + 28) + buf.readUInt16LE(off + 30) + buf.readUInt16LE(off + 32);
  }
  return buf;
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

function auszahlungenCsv(data: Dataset): [DateiInfo, Uint8Array] {
  const lines = [csvLine(["zahlung_id", "aktenzeichen", "buchungsdatum", "betrag_eur", "art"], ";")];
  for (const z of data.auszahlungen) {
    lines.push(csvLine([z.zahlung_id, z.aktenzeichen, german(z.buchungsdatum), `${germanCents(z.betragCents)} €`, z.art], ";"));
  }
  const bytes = iconv.encode(lines.join(CRLF) + CRLF, "windows-1252");
  return info(
    "auszahlungen.csv",
    "auszahlungen",
    data.auszahlungen.length,
    new Uint8Array(bytes),
    "CSV Windows-1252, Trennzeichen „;“, CRLF, Beträge „1.234,56 €“, Datum „31.12.2018“",
  );
}

function stellenCsv(data: Dataset): [DateiInfo, Uint8Array] {
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
  return info(
    "stellen.csv",
    "stellen",
    data.stellen.length,
    new Uint8Array(bytes),
    "CSV UTF-8 mit BOM, Trennzeichen „;“, CRLF, Dezimalkomma „0,75“, „ja/nein“, Datum „30.06.2018“; Spalte name enthält Platzhalternamen (personenbezogen in echten Exporten)",
  );
}

function gefluechteteAuCsv(data: Dataset): [DateiInfo, Uint8Array] {
  const lines = [csvLine(["kreis_ags", "stichtag", "personen"], ",")];
  for (const a of data.gefluechteteAu) lines.push(csvLine([a.kreis_ags, iso(a.stichtag), String(a.personen)], ","));
  const bytes = Buffer.from(`${lines.join("\n")}\n`, "utf8");
  return info(
    "gefluechtete_au.csv",
    "gefluechtete_au",
    data.gefluechteteAu.length,
    new Uint8Array(bytes),
    "CSV UTF-8 ohne BOM, Trennzeichen „,“, LF, Datum ISO „2017-09-15“",
  );
}

// ---------------------------------------------------------------------------
// Manifest
// ---------------------------------------------------------------------------

const eur = (cents: number) => cents / 100;

/** Control totals computed from the generated rows with the contract's definitions. */
export function controlTotals(data: Dataset): Manifest["kontrollsummen"] {
  const key = (jahr: number, fb: string) => `${jahr}|${fb}`;
  const sums = new Map<string, { bew: number; aus: number; rf: number }>();
  const get = (k: string) => {
    let e = sums.get(k);
    if (!e) sums.set(k, (e = { bew: 0, aus: 0, rf: 0 }));
    return e;
  };
  const fbOf = new Map<string, Foerderbereich>();
  for (const b of data.bewilligungen) {
    fbOf.set(b.aktenzeichen, b.foerderbereich);
    if (b.status !== "bewilligt") continue;
    for (const [y, c] of proRataByYear(b.bewilligtCents, b.beginn, b.ende)) get(key(y, b.foerderbereich)).bew += c;
  }
  for (const z of data.auszahlungen) {
    const e = get(key(parts(z.buchungsdatum).y, fbOf.get(z.aktenzeichen) ?? "?"));
    e.aus += z.betragCents;
    if (z.betragCents < 0) e.rf -= z.betragCents;
  }
  const ansatz = new Map(data.haushalt.map((h) => [key(h.haushaltsjahr, h.foerderbereich), h.ansatzCents]));
  const keys = new Set([...sums.keys(), ...ansatz.keys()]);
  const jahre: JahresSumme[] = [...keys]
    .map((k) => {
      const [j, fb] = k.split("|") as [string, Foerderbereich];
      const e = sums.get(k) ?? { bew: 0, aus: 0, rf: 0 };
      const a = ansatz.get(k);
      return {
        jahr: Number(j),
        foerderbereich: fb,
        ansatz_eur: a === undefined ? null : eur(a),
        bewilligt_eur: eur(e.bew),
        ausgezahlt_eur: eur(e.aus),
        rueckforderung_eur: eur(e.rf),
      };
    })
    .sort((a, b) => a.jahr - b.jahr || FOERDERBEREICHE.indexOf(a.foerderbereich) - FOERDERBEREICHE.indexOf(b.foerderbereich));

  const perStichtag = new Map<Day, { q: number; n: number; nb: number }>();
  for (const s of data.stellen) {
    let e = perStichtag.get(s.stichtag);
    if (!e) perStichtag.set(s.stichtag, (e = { q: 0, n: 0, nb: 0 }));
    e.n++;
    if (s.besetzt) {
      e.q += s.vzaeQuarters;
      e.nb++;
    }
  }
  const imBewilligt = data.bewilligungen.filter(
    (b) => b.status === "bewilligt" && b.foerderbereich === "integrationsmanagement",
  );
  const stichtage: StichtagSumme[] = [...perStichtag.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, e]) => ({
      stichtag: iso(s),
      vzae_bewilligt: imBewilligt.filter((b) => b.beginn <= s && b.ende >= s).reduce((x, b) => x + (b.vzaeQuarters ?? 0), 0) / 4,
      vzae_besetzt: e.q / 4,
      stellen: e.n,
      stellen_besetzt: e.nb,
    }));

  const auSum = new Map<Day, number>();
  for (const a of data.gefluechteteAu) auSum.set(a.stichtag, (auSum.get(a.stichtag) ?? 0) + a.personen);
  return {
    hinweis:
      "Landesweite Summen aus den erzeugten Zeilen, nach den Definitionen des Datenvertrags (bewilligt_eur je Jahr: Betrag nach Kalendertagen verteilt, Cent je Zuwendung kumulativ gerundet – andere Rundungsverfahren können je Jahr um wenige Cent abweichen). Zum Abgleich mit den veröffentlichten Tabellen.",
    jahre,
    stichtage,
    gefluechtete_au: [...auSum.entries()].sort((a, b) => a[0] - b[0]).map(([s, personen]) => ({ stichtag: iso(s), personen })),
  };
}

function buildManifest(data: Dataset, dateien: DateiInfo[]): Manifest {
  return {
    synthetisch: true,
    beschreibung:
      "Synthetische Beispieldaten für den PIK-Monitor (Pakt für Integration Baden-Württemberg), erzeugt mit einem festen Zufalls-Startwert. " +
      "Landesweite Summen sind auf veröffentlichte Programmzahlen kalibriert (Liste „annahmen“, jeweils mit Quelle oder als Annahme gekennzeichnet). " +
      "Alle Zahlen je Kreis, Gemeinde, Zuwendung und Stelle sind erfunden; Personennamen sind Platzhalter. " +
      "Die geförderten Gemeinden sind echte Gemeinden (amtlicher Schlüssel und Name aus BKG VG5000, Stand 01.01.2021, dl-de/by-2-0), zufällig ausgewählt: " +
      "Dass eine Gemeinde hier eine Zuwendung erhält, und jeder Betrag sind erfunden. " +
      "Kreisnamen und Einwohnerzahlen stammen aus dem amtlichen Gemeindeverzeichnis (Destatis GV-ISys, 31.12.2018, CC BY 4.0). " +
      "Diese Daten dürfen nicht als amtliche Angaben dargestellt werden.",
    seed: data.seed,
    scale: data.scale,
    stand: STAND.wert,
    erzeugt_mit: "npm run sample-data",
    annahmen: alleKennwerte().map((k) =>
      data.scale === 1 || typeof k.wert !== "number" || !/€/.test(k.beschreibung)
        ? k
        : { ...k, beschreibung: `${k.beschreibung} – in diesen Daten ×${data.scale} skaliert` },
    ),
    bewusste_auffaelligkeiten: data.auffaelligkeiten,
    dateien,
    kontrollsummen: controlTotals(data),
  };
}
