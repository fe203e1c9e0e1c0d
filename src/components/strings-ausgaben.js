// German texts about the two editions (PIK_EDITION), for /methodik. What exactly the
// intern edition adds is listed once, in loaders/queries/edition.ts (INTERNAL_ONLY),
// and reaches the page through data/ausgaben.json.
export const AUSGABEN = {
  titel: "Ausgaben",
  untertitel: "Öffentliche und interne Ausgabe: was jede enthält",
  oeffentlich:
    "Öffentliche Ausgabe (Standard): bewilligte Zuwendungen und daraus berechnete Summen und Kennzahlen, die veröffentlichten Tabellen (kreise, zuwendungen, mittel_kreis_jahr, abdeckung_kreis, haushalt_jahr, zahlungen_monat, mittel_gemeinde_jahr, pruefbericht) und der Prüfbericht. Offene, abgelehnte und zurückgezogene Anträge, einzelne Buchungen und Bearbeitungszeiten enthält sie nicht – auch nicht in ihren Dateien.",
  intern: "Interne Ausgabe (nicht zur Veröffentlichung, jede Seite trägt einen entsprechenden Hinweis) enthält zusätzlich:",
  diese: (name) => `Diese Website ist die ${name}.`,
  personen: "Namen von Beschäftigten (Spalte name der Stellenmeldungen) enthält keine Ausgabe.",
};
