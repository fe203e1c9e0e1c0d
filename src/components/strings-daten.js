// German UI strings of the page /daten (Daten & Downloads). Titles, row
// descriptions and column definitions of the tables come from
// data/definitions.json (the published table definitions), not from here.

const bytes = new Intl.NumberFormat("de-DE", {maximumFractionDigits: 1, minimumFractionDigits: 1});
const integer = new Intl.NumberFormat("de-DE");

/** 9244 → "9,0 kB"; 415140 → "405,4 kB"; 1234567 → "1,2 MB" (1 kB = 1.024 Byte). */
export function formatBytes(n) {
  if (n == null) return "–";
  if (n < 1024) return `${integer.format(n)} Byte`;
  if (n < 1024 * 1024) return `${bytes.format(n / 1024)} kB`;
  return `${bytes.format(n / (1024 * 1024))} MB`;
}

/** ISO timestamp → "21.11.2026, 15:00 UTC" */
export function formatTimestamp(iso) {
  if (!iso) return "–";
  const d = new Date(iso);
  const p = (x) => String(x).padStart(2, "0");
  return `${p(d.getUTCDate())}.${p(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}, ${p(d.getUTCHours())}:${p(d.getUTCMinutes())} UTC`;
}

export const DATEN = {

  // Downloads
  downloadsTitel: "Veröffentlichte Tabellen",
  downloadsUntertitel: (stand, release) => `Dateien je Tabelle mit Zeilenzahl, Größe und SHA-256 · Datenstand ${stand} · Release ${release}`,
  spalteTabelle: "Tabelle",
  spalteZeilen: "Zeilen",
  spalteFormat: "Format",
  spalteDatei: "Datei",
  spalteGroesse: "Größe",
  spalteSha: "SHA-256",
  formate: {csv: "CSV", xlsx: "Excel (XLSX)", parquet: "Parquet"},
  formatHinweis: {
    csv: "UTF-8 mit BOM, Trennzeichen Semikolon, Dezimalkomma, Datumsangaben JJJJ-MM-TT; öffnet per Doppelklick im deutschen Excel.",
    xlsx: "Ein Tabellenblatt je Tabelle, Kopfzeile fixiert, Zahlen als Zahlen mit deutschem Format.",
    parquet: "Spaltenformat für Analysewerkzeuge (R, Python, DuckDB); Datentypen wie im Data Warehouse (DECIMAL, DATE).",
  },
  zeilen: (n) => `${integer.format(n)} ${n === 1 ? "Zeile" : "Zeilen"}`,
  fehlt: "Datei fehlt in diesem Build",
  // Changes against the previous release
  aenderungenUntertitel: (alt, altStand, neu, neuStand) =>
    alt ? `Release ${alt} (Datenstand ${altStand}) → Release ${neu} (Datenstand ${neuStand}) · jede geänderte veröffentlichte Zahl` : `Release ${neu} (Datenstand ${neuStand})`,
  keinVergleich:
    "Für diesen Stand ist kein früheres Release zum Vergleich hinterlegt. (Beim Bauen der Seite kann mit PIK_PREVIOUS_EXPORT der Export eines früheren Release angegeben werden; dann stehen hier alle Zahlen, die sich seither geändert haben.)",
  keineAenderungen: "Keine veröffentlichte Zahl hat sich geändert.",
  aenderungenSummary: (werte, tabellen, neu, weg) =>
    `${werte} ${werte === 1 ? "Wert" : "Werte"} in ${tabellen} ${tabellen === 1 ? "Tabelle" : "Tabellen"} geändert; ${neu} ${neu === 1 ? "Zeile" : "Zeilen"} hinzugekommen, ${weg} entfallen.`,
  spalteGeaendert: "Geänderte Werte",
  spalteHinzu: "Zeilen hinzu",
  spalteEntfernt: "Zeilen entfallen",
  spalteSchluessel: "Schlüssel",
  spalteAlt: "Alt",
  spalteNeu: "Neu",
  hinzugefuegt: "hinzugekommen",
  entfernt: "entfallen",
  gekuerzt: (gezeigt, gesamt) => `Gezeigt: die ersten ${gezeigt} von ${gesamt}. Die vollständige Liste enthält die CSV-Datei.`,
  aenderungenCsv: "Alle Änderungen als CSV",
  fehlendeTabelle: (t, seite) => `Tabelle ${t} fehlt im ${seite === "alt" ? "vorigen" : "aktuellen"} Export und wurde nicht verglichen.`,

  nurIntern: "nur interne Ausgabe, nicht zur Veröffentlichung",
  ausgaben: {oeffentlich: "Öffentliche Ausgabe", intern: "Interne Ausgabe – nicht zur Veröffentlichung"},

  // Dictionary
  woerterbuchAnzeigen: (titel) => `Spalten von „${titel}“ anzeigen`,
  spalteSpalte: "Spalte",
  spalteBezeichnung: "Bezeichnung",
  spalteTyp: "Typ",
  spalteEinheit: "Einheit",
  spalteDefinition: "Definition",
  kannLeer: "kann leer sein",
  schluessel: "Schlüssel",
  keinSchluessel: "kein Schlüssel",

  // Licence
  lizenz: [
    "Die Daten zu Bewilligungen, Auszahlungen, Stellen und Haushaltsansätzen sind Daten des Landes Baden-Württemberg (Ministerium für Soziales, Gesundheit und Integration; Bewilligungsstelle Regierungspräsidium Stuttgart).",
    "Einwohnerzahlen und Kreisnamen: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV-ISys, Stand 31.12.2018, Lizenz Creative Commons Namensnennung 4.0 (CC BY 4.0). Namensnennung: „Datenquelle: Statistisches Bundesamt (Destatis), GV-ISys, 31.12.2018, CC BY 4.0“.",
    "Bitte zitieren Sie mit Datenstand und Release (Zitiervorschlag unten): Das Release bezeichnet genau einen Stand der Eingabedaten und des Programmcodes.",
  ],
  lizenzSynthetisch:
    "Achtung: Dieser Build beruht auf synthetischen Beispieldaten. Alle Zahlen je Kreis, Gemeinde, Zuwendung und Stelle sind erfunden; sie dürfen nicht als amtliche Angaben zitiert oder weitergegeben werden. Nur die Kreisnamen und Einwohnerzahlen sind amtlich (Destatis).",
  zitierVorschlag: (stand, release) => `PIK-Monitor, Datenstand ${stand}, Release ${release}`,

  // Release manifest
  releaseUntertitel: (release) => `Herkunft dieses Releases ${release}: Eingabedateien mit Prüfsumme, gelesene, übernommene und abgelehnte Zeilen`,
  releaseDownload: "Release-Manifest als JSON herunterladen",
  ja: "ja",
  nein: "nein",
  softwareWert: (version, commit) => `PIK-Monitor ${version}, Commit ${commit}`,
  befundeWert: (fehler, warnungen) => `${integer.format(fehler)} Fehler, ${integer.format(warnungen)} ${warnungen === 1 ? "Warnung" : "Warnungen"}`,
  spalteEingabedatei: "Eingabedatei",
  spalteEingabetabelle: "Tabelle",
  spalteGelesen: "gelesen",
  spalteUebernommen: "übernommen",
  spalteAbgelehnt: "abgelehnt",
  spalteWarnungen: "Warnungen",
  keineTabelle: "keine Tabelle",
};
