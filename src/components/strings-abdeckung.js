// German UI strings of the page /integrationsmanagement (Abdeckung). Labels and
// definitions of the published columns come from data/definitions.json
// (table abdeckung_kreis); only what the page derives itself is defined here.

export const ABDECKUNG = {

  // Controls
  stichtag: "Stichtag",
  kreis: "Kreis",
  keinKreis: "– kein Kreis gewählt –",
  sortierung: "Sortierung",
  sortNachQuote: "nach Besetzungsquote",
  sortNachBewilligt: "nach VZÄ bewilligt",
  sortNachName: "nach Name",

  land: "Baden-Württemberg",
  landKurz: "Land",
  stadtkreis: "Stadtkreis",
  landkreis: "Landkreis",

  // Key figures
  kennzahlenTitel: (datum) => `Baden-Württemberg am ${datum}`,
  zaehlungVom: (datum) => `Zählung vom ${datum}`,
  zaehlungenVonBis: (von, bis) => `Zählungen vom ${von} bis ${bis}`,

  // Chart 1: granted vs filled
  vzaeUntertitel: (datum) =>
    `Vollzeitäquivalente (VZÄ) am ${datum}; heller Balken mit Rand: bewilligt, dunkler Balken: besetzt; Zahl rechts: Besetzungsquote`,
  vzaeEinheit: "VZÄ",
  vzaeAria: (datum) => `Balkendiagramm: bewilligte und besetzte VZÄ je Kreis am ${datum}`,
  vzaeSummary: (datum, besetzt, bewilligt, quote, maxKreis, maxQuote, minKreis, minQuote) =>
    `Am ${datum} waren landesweit ${besetzt} von ${bewilligt} bewilligten VZÄ besetzt (${quote}). Die höchste Besetzungsquote hatte ${maxKreis} (${maxQuote}), die niedrigste ${minKreis} (${minQuote}).`,

  // Chart 2: tile map
  karteUntertitel: (datum) =>
    `Personen in der Anschlussunterbringung je besetzter VZÄ am ${datum}; Kachel anklicken öffnet das Kreisprofil; grau: keine Angabe`,
  karteAria: (datum) => `Kachelkarte der 44 Kreise: Geflüchtete je besetzter VZÄ am ${datum}`,

  // Chart 3: ranking
  rangUntertitel: (datum) =>
    `Personen je besetzter VZÄ am ${datum}, absteigend; Farbe: Stadtkreis oder Landkreis; gestrichelte Linie: Landeswert`,
  rangAria: (datum) => `Rangfolge der Kreise nach Geflüchteten je besetzter VZÄ am ${datum}, mit Landeswert`,
  rangSummary: (datum, land, maxKreis, maxWert, minKreis, minWert) =>
    `Am ${datum} kamen landesweit ${land} Geflüchtete auf eine besetzte VZÄ. Am meisten waren es in ${maxKreis} (${maxWert}), am wenigsten in ${minKreis} (${minWert}).`,

  // Chart 4: mix
  mixTitel: {
    anstellungstraeger: "Wer beschäftigt die Integrationsmanager?",
    qualifikation: "Qualifikation der Integrationsmanager",
  },
  mixUntertitel: {
    anstellungstraeger: (datum) => `Anteil an den besetzten VZÄ nach Anstellungsträger am ${datum}; oben das Land, darunter die Kreise`,
    qualifikation: (datum) => `Anteil an den besetzten VZÄ nach Qualifikation am ${datum}; oben das Land, darunter die Kreise`,
  },
  mixAria: {
    anstellungstraeger: (datum) => `Gestapelte Balken: Anteile der Anstellungsträger an den besetzten VZÄ je Kreis am ${datum}`,
    qualifikation: (datum) => `Gestapelte Balken: Anteile der Qualifikationen an den besetzten VZÄ je Kreis am ${datum}`,
  },
  mixSummary: (wer, datum, teile) => `${wer} am ${datum}: ${teile}.`,
  mixSortiert: (kategorie) => `Kreise sortiert nach dem Anteil „${kategorie}“.`,
  /** Destatis sign for „Zahlenwert unbekannt oder geheim zu halten“: the same for every suppressed group. */
  geheim: ".",
  geheimText: "geheim gehalten",
  mixGeheimFussnote: (n) =>
    `„.“ = geheim gehalten (Zeichen nach Destatis), im Balken grau: Gruppen mit weniger als ${n} Personen (besetzten Stellen) werden nicht veröffentlicht, weder Zahl noch VZÄ noch Anteil. Damit sie sich nicht aus den veröffentlichten Summen (Stellen und VZÄ je Kreis, Landeswerte) errechnen lassen, wird in jeder Zeile und jeder Spalte mit einer solchen Gruppe mindestens eine weitere Gruppe geheim gehalten. Eine 0 wird gezeigt.`,
  auspraegung: "Ausprägung",
  ebene: "Land / Kreis",

  // Chart 5/6: trend
  trendVzaeUntertitel: (wer) => `${wer}: Vollzeitäquivalente (VZÄ) an den Stichtagen der Stellenmeldungen`,
  trendVzaeAria: (wer) => `Liniendiagramm: bewilligte und besetzte VZÄ im Verlauf, ${wer}`,
  trendVzaeSummary: (wer, erster, letzter, bewilligtA, bewilligtE, besetztA, besetztE) =>
    `${wer}: Vom ${erster} bis zum ${letzter} änderten sich die bewilligten VZÄ von ${bewilligtA} auf ${bewilligtE} und die besetzten VZÄ von ${besetztA} auf ${besetztE}.`,
  trendJeVzaeUntertitel: (mitKreis) =>
    `Personen in der Anschlussunterbringung je besetzter VZÄ an den Stichtagen${mitKreis ? "; Land und gewählter Kreis" : "; einen Kreis oben wählen, um ihn zu vergleichen"}`,
  trendJeVzaeAria: "Liniendiagramm: Geflüchtete je besetzter VZÄ im Verlauf",
  trendJeVzaeSummary: (wer, erster, letzter, a, e) => `${wer}: ${a} am ${erster}, ${e} am ${letzter}.`,

  // Kreis panel
  kreisTitel: (name, typ) => `${name} (${typ})`,
  kreisUntertitel: (datum) => `Werte am ${datum} aus der Tabelle abdeckung_kreis`,
  kreisProfil: "Zum Kreisprofil",
  kreisKeinWert: "Für diesen Kreis liegt zum Stichtag keine Zeile vor (keine Stellenmeldung und keine laufende Zuwendung).",
  kreisOhneMeldung: (n) =>
    `${n} laufende Zuwendung${n === 1 ? "" : "en"} ohne Stellenmeldung zum Stichtag: deren Stellen fehlen in den besetzten VZÄ.`,
  wert: "Wert",
  kennzahl: "Kennzahl",
  kreisSpalte: "Kreis",
  kreisTyp: "Typ",

  // Derived measures: definitions the page adds to those of abdeckung_kreis
  ueberHundert: "Über 100 % heißt: mehr VZÄ besetzt als bewilligt (eine Warnung im Prüfbericht).",
  mixDefinition:
    "Anstellungsträger und Qualifikation: gezählt werden die zum Stichtag als besetzt gemeldeten Stellen (Tabelle stellen der Eingabe) zu bewilligten Zuwendungen im Integrationsmanagement – dieselben Meldungen, aus denen VZÄ besetzt und Stellen besetzt entstehen. Anteil: VZÄ der Ausprägung geteilt durch alle besetzten VZÄ des Landes bzw. Kreises am Stichtag (auf 4 Nachkommastellen gerundet). Eine besetzte Stelle ist eine beschäftigte Person; kleine Gruppen werden geheim gehalten („.“, siehe die Fußnote unter der Grafik und die Methodik).",
};

/** Long German compounds with soft hyphens, so narrow table headers can break them. */
const WEICH = {
  Anschlussunterbringung: "Anschluss\u00ADunter\u00ADbringung",
  Hochschulabschluss: "Hochschul\u00ADabschluss",
  Nachqualifizierung: "Nach\u00ADquali\u00ADfizierung",
  Besetzungsquote: "Besetzungs\u00ADquote",
  Zuwendungen: "Zuwen\u00ADdungen",
};
export const weich = (text) => String(text).replace(/[A-Za-zÄÖÜäöüß]+/g, (w) => WEICH[w] ?? w);

