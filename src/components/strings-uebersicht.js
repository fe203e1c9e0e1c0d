// German UI strings of the page „Übersicht“ (src/index.md). Labels and
// definitions of the published measures come from data/definitions.json.

export const UEBERSICHT = {
  titel: "PIK-Monitor",
  einleitung: (jahr, vorjahr, stand) =>
    `Der Pakt für Integration Baden-Württemberg auf einen Blick: Kennzahlen des Landes für ${jahr}, das letzte vollständige Kalenderjahr vor dem Datenstand ${stand}, im Vergleich mit ${vorjahr}.`,
  jahrDefinition: (jahr, stand) =>
    `Letztes vollständiges Jahr: das letzte Kalenderjahr, das am oder vor dem Datenstand (${stand}) endet – hier ${jahr}.`,
  mittelTitel: (jahr) => `Mittel des Landes ${jahr}`,
  mittelUntertitel: "Alle Förderbereiche und alle Kreise, in Euro",
  gegenueber: (vorjahr, wert) => `gegenüber ${vorjahr}: ${wert}`,
  keinVorjahr: (vorjahr) => `kein Wert für ${vorjahr}`,
  keinWert: "kein Wert",
  ohneAnsatz: (liste) => `Ohne Haushaltsansatz, aber mit Mitteln: ${liste}. Der Ansatz des Landes ist daher unvollständig.`,
  anteilAnsatz: (quote) => `${quote} des Ansatzes`,
  trichterTitel: (jahr) => `Vom Ansatz zur Auszahlung ${jahr}`,
  trichterUntertitel: (vorjahr) => `Land, alle Förderbereiche, in Euro; Strich: ${vorjahr}`,
  trichterStufe: "Stufe",
  trichterAnteil: "Anteil am Ansatz",
  trichterZusammenfassung: (jahr, bindung, abfluss) =>
    `${jahr} waren ${bindung} des Ansatzes bewilligt (Bindungsquote) und ${abfluss} ausgezahlt (Abflussquote).`,
  trichterAria: (jahr) => `Balkendiagramm: Haushaltsansatz, bewilligte und ausgezahlte Mittel des Landes ${jahr}`,
  imTitel: (stichtag) => `Integrationsmanagement am ${stichtag}`,
  vzaeBesetzt: "Besetzte VZÄ",
  vzaeDefinition: (n) => `Summe der als besetzt gemeldeten Vollzeitäquivalente über die ${n} Kreise mit Stellenmeldung zum Stichtag.`,
  jeVzae: "Geflüchtete je besetzter VZÄ",
  jeVzaeDefinition: (personen, vzae, n, zaehlung) =>
    `Landeswert (gewichtet): ${personen} Geflüchtete in der Anschlussunterbringung ÷ ${vzae} besetzte VZÄ, summiert über die ${n} Kreise mit Stellenmeldung und Zählung (Zählung vom ${zaehlung}) – nicht der Mittelwert der Kreiswerte. Je höher, desto weniger Abdeckung.`,
  jeVzaeRechnung: (personen, vzae, n) => `${personen} Geflüchtete ÷ ${vzae} VZÄ (${n} Kreise)`,
  vzaeKreise: (n) => `Summe über ${n} Kreise mit Stellenmeldung`,
  dauerBescheide: (n) => `über ${n} Bescheide`,
  vorjahrStichtag: (stichtag, wert) => `am ${stichtag}: ${wert}`,
  ohneMeldung: (n) => `${n} laufende Zuwendungen ohne Stellenmeldung zum Stichtag: Deren Stellen fehlen in der Summe.`,
  nutzungTitel: "Inanspruchnahme",
  empfaenger: (jahr) => `Zuwendungsempfänger ${jahr}`,
  empfaengerDefinition: (jahr) =>
    `Empfänger (je Gemeindeschlüssel) mit mindestens einer bewilligten Zuwendung, deren Förderzeitraum in das Jahr ${jahr} reicht.`,
  kreiseMitIm: "Kreise mit Integrationsmanagement",
  kreiseMitImWert: (n, gesamt) => `${n} von ${gesamt}`,
  kreiseMitImDefinition: (stichtag) =>
    `Kreise mit einer bewilligten Zuwendung im Integrationsmanagement, deren Förderzeitraum den ${stichtag} einschließt.`,
  offen: "Offene Anträge",
  offenDefinition: (seit) => `Anträge mit Status „beantragt“ zum Datenstand${seit ? `; ältester Antrag vom ${seit}` : ""}.`,
  dauer: (jahr) => `Bearbeitungsdauer ${jahr}`,
  dauerWert: (tage) => `${tage} Tage`,
  dauerDefinition: (jahr, n) =>
    `Median der Tage vom Antragseingang bis zum Bescheid über die ${n} im Jahr ${jahr} beschiedenen Anträge (bewilligt oder abgelehnt) mit Antrags- und Bescheiddatum.`,
  antragslageTitel: "Antragslage (interne Ausgabe)",
  nichtBewilligt: "Abgelehnte und zurückgezogene Anträge",
  nichtBewilligtWert: (abgelehnt, zurueckgezogen) => `${abgelehnt} / ${zurueckgezogen}`,
  nichtBewilligtZeile: (abgelehnt, zurueckgezogen) => `${abgelehnt} abgelehnt, ${zurueckgezogen} zurückgezogen`,
  nichtBewilligtDefinition:
    "Alle Anträge mit Status „abgelehnt“ bzw. „zurückgezogen“ in den Eingabedaten, gleich aus welchem Jahr.",
  nurIntern:
    "Offene, abgelehnte und zurückgezogene Anträge und die Bearbeitungsdauer enthält nur die interne Ausgabe; diese Ausgabe veröffentlicht bewilligte Zuwendungen und Summen.",
  abdeckungUntertitel: (stichtag) => `Die 5 Kreise mit den meisten Geflüchteten je besetzter VZÄ am ${stichtag}`,
  abdeckungZeile: (personen, vzae) => `${personen} Geflüchtete ÷ ${vzae} VZÄ`,
  keineVzae: "keine besetzte VZÄ",
  abflussTitel: (jahr) => `Langsamster Mittelabfluss ${jahr}`,
  abflussUntertitel: (jahr) => `Die 5 Kreise mit der niedrigsten Auszahlungsquote ${jahr}`,
  abflussZeile: (ausgezahlt, bewilligt) => `${ausgezahlt} ausgezahlt von ${bewilligt} bewilligt`,
  abflussDefinition: (jahr, land) =>
    `Auszahlungsquote = im Jahr ${jahr} ausgezahlt (netto) ÷ auf ${jahr} entfallender Teil der Bewilligungen, alle Förderbereiche; nur Kreise mit Bewilligungen ${jahr}. Land: ${land}.`,
  rang: "Rang",
  kreis: "Kreis",
  wert: "Wert",
  jeVzaeKurz: "Geflüchtete je VZÄ",
  auszahlungsquote: "Auszahlungsquote",
  keineKreise: "Keine Kreise mit Werten.",
  keineStellen: "Es liegen keine Stellenmeldungen vor.",
  links: [
    ["./mittel", "Mittel je Kreis"],
    ["./integrationsmanagement", "Abdeckung"],
    ["./haushalt", "Haushaltsvollzug"],
  ],
};
