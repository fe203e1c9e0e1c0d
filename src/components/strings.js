// German UI strings of the site, in one place. Labels and definitions of the
// measures come from the table definitions (data/definitions.json), not from here.

export const SITE = {
  titel: "PIK-Monitor",
  untertitel: "Pakt für Integration Baden-Württemberg",
  synthetischTitel: "Synthetische Beispieldaten",
  synthetischText:
    "Alle Zahlen dieser Seite beruhen auf erfundenen, deterministisch erzeugten Daten, kalibriert auf die veröffentlichten Landeswerte. Zahlen je Kreis hat das Land nicht veröffentlicht: Diese Zahlen sind keine amtlichen Angaben und dürfen nicht zitiert werden.",
  stand: "Stand",
  quelle: "Quelle",
  release: "Release",
  tabelleAnzeigen: "Tabelle anzeigen",
  synthetischKurz: "erfundene Zahlen, keine amtlichen Angaben, nicht zitieren.",
  herunterladen: "Herunterladen",
  daten: "Daten",
  datenAls: "Daten der Grafik herunterladen als",
  // CSV cannot carry a column type: Excel turns the AGS 08111 into the number 8111.
  csvAgsHinweis: "Für Excel die XLSX-Datei verwenden; beim CSV-Import die Spalten *_ags als Text einlesen.",
  grafik: "Grafik",
  grafikAls: "Grafik herunterladen als",
  heruntergeladen: "Heruntergeladen von",
  blattDaten: "Daten",
  blattHinweise: "Hinweise",
  ags: "AGS",
  farbskala: (label, von, bis) => `${label}: Farbskala von ${von} bis ${bis}`,
  keineDaten: "Keine Daten für diese Auswahl.",
  landDurchschnitt: "Landesdurchschnitt",
  stadtkreis: "Stadtkreis",
  landkreis: "Landkreis",
  einwohnerQuelle: "Einwohner: Destatis, Gemeindeverzeichnis GV-ISys, Stand 31.12.2018, Lizenz CC BY 4.0",
};

/** The maps of the Kreise: real boundaries or equal tiles (src/components/karte.js). */
export const KARTE = {
  ansicht: "Ansicht",
  ansichten: {grenzen: "Karte", kacheln: "Kacheln"},
  grenzenHinweis: "Kreisgrenzen in ihrer wirklichen Form; die neun Stadtkreise sind zusätzlich als Punkt markiert, damit auch die kleinen zu sehen und anzuklicken sind.",
  kachelHinweis: "Kacheln: Jeder Kreis ist ein gleich großes Feld, angeordnet nach seiner Lage im Land – so fallen kleine Stadtkreise so stark ins Auge wie große Landkreise.",
  /** The licence of the shipped boundaries (dl-de/by-2-0) asks for this text, linked to the BKG. */
  bkgVermerk: "© GeoBasis-DE / BKG 2021 (Daten verändert)",
  bkgUrl: "https://www.bkg.bund.de",
  bkgLizenz: "Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021, Lizenz dl-de/by-2-0; auf Baden-Württemberg zugeschnitten und vereinfacht.",
  eigeneGrenzen: (quelle) => `Kreisgrenzen aus ${quelle} (vom Nutzer bereitgestellt).`,
  lage: (name) => `Lage von ${name} in Baden-Württemberg`,
};

export const QUELLEN = {
  bewilligungen: "Bewilligungsstelle (RP Stuttgart): Bewilligungen",
  auszahlungen: "Bewilligungsstelle (RP Stuttgart): Auszahlungen",
  stellen: "Bewilligungsstelle (RP Stuttgart): Stellenmeldungen",
  haushalt: "Staatshaushaltsplan: Haushaltsansätze",
  gefluechtete: "Zählung der Geflüchteten in der Anschlussunterbringung (§ 29d FAG)",
};

// The Förderbereiche are data (data/foerderbereiche.json, components/foerderbereiche.js), not strings here.

export const ANSTELLUNGSTRAEGER = {gemeinde: "Gemeinde", landkreis: "Landkreis", freier_traeger: "Freier Träger"};
export const QUALIFIKATIONEN = {hochschulabschluss: "Hochschulabschluss", nachqualifizierung: "Nachqualifizierung"};
