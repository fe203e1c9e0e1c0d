// German UI strings of the page /pruefbericht (Prüfbericht). Column labels of
// the findings come from data/definitions.json (table pruefbericht).

export const PRUEF = {

  dateienTitel: "Eingabedateien",
  dateienUntertitel: (stand) => `Zeilen je Datei; gelesen = übernommen + abgelehnt; Stand ${stand}`,
  dateienSummary: (n, gelesen, abgelehnt, warnungen) =>
    `${n} Dateien mit zusammen ${gelesen} Zeilen; ${abgelehnt} Zeilen abgelehnt, ${warnungen} Warnungen.`,
  datei: "Datei",
  tabelle: "Tabelle",
  format: "Format",
  kodierung: "Kodierung",
  kopfzeile: "Kopfzeile",
  gelesen: "gelesen",
  akzeptiert: "übernommen",
  abgelehnt: "abgelehnt",
  warnungen: "Warnungen",
  fehler: "Fehler",
  leerzeilen: "Leerzeilen",
  summe: "Summe",

  befundeTitel: "Befunde",
  befundeUntertitel: (stand) => `Eine Zeile je Befund; Fehler: Zeile oder Datei abgelehnt, Warnung: übernommen, aber auffällig; Stand ${stand}`,
  suche: "Suche",
  treffer: (n) => `${n} Treffer`,
  suchePlatzhalter: "Datei, Regel, Wert oder Meldung …",
  schwere: "Schwere",
  regel: "Regel",
  alle: "alle",
  alleDateien: "alle Dateien",
  alleRegeln: "alle Regeln",
  schwereLabel: {fehler: "Fehler", warnung: "Warnung"},
  befundeAnzahl: (n, gesamt) => `${n} von ${gesamt} Befunden angezeigt.`,
  befundeGekappt: (n, gesamt) => `Die Seite enthält die ersten ${n} von ${gesamt} Befunden; alle stehen in der Tabelle pruefbericht (CSV, XLSX).`,
  befundeMehr: (n) => `Die ersten ${n} Treffer sind aufgeführt; die Suche grenzt weiter ein.`,
  keineBefunde: "Keine Befunde für diese Auswahl.",

  querRegeln: {
    auszahlung_ueber_bewilligung: "Auszahlungen (netto) über dem bewilligten Betrag einer Zuwendung",
    vzae_ueber_bewilligung: "Mehr besetzte als bewilligte VZÄ zu einem Stichtag",
    bindung_ueber_ansatz: "Bewilligungen eines Jahres über dem Haushaltsansatz",
    ausserhalb_laufzeit: "Ansatz oder Bewilligungszeitraum außerhalb der Laufzeit des Förderbereichs",
  },
  anzahl: "Anzahl",
  bedeutung: "Bedeutung",

  kreiseTitel: "Vollständigkeit je Kreis",
  kreiseUntertitel: (zaehlung) =>
    `Stellenmeldungen zu jedem Stichtag mit laufender Zuwendung im Integrationsmanagement, Zählung der Geflüchteten zum ${zaehlung}, Zuwendungen mit Auszahlungen über der Bewilligung`,
  kreiseSummary: (lueckeStellen, ohneZaehlung, ueber, zaehlung) =>
    `${lueckeStellen} Kreise mit fehlenden Stellenmeldungen, ${ohneZaehlung} Kreise ohne Zählung zum ${zaehlung}, ${ueber} Kreise mit Auszahlungen über der Bewilligung.`,
  nurAuffaellige: "Nur auffällige Kreise",
  kreis: "Kreis",
  ags: "AGS",
  stellenmeldungen: "Stellenmeldungen",
  stellenWert: (voll, alle) => `${voll} von ${alle} Stichtagen`,
  keineLaufende: "keine laufende Zuwendung",
  fehlend: "fehlt am",
  zaehlung: "Zählung Geflüchtete",
  zaehlungJa: "vorhanden",
  zaehlungNein: (letzte) => (letzte ? `fehlt (letzte: ${letzte})` : "fehlt (keine Zählung)"),
  ueberBewilligung: "Auszahlung über Bewilligung",
  ueberWert: (n, alle) => `${n} von ${alle} Zuwendungen`,
  bewertung: "Bewertung",
  ok: "vollständig",
  pruefen: "prüfen",
};
