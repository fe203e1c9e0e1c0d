// German UI strings of the page /methodik (Methodik & Quellen). The definitions
// themselves come from data/methodik.json (the published table definitions and
// the input rules of the loaders), not from here.

export const METHODIK = {

  // Metric registry
  kzKennzahl: "Kennzahl",
  kzGruppe: "Mehrere Kreise und Land",

  // Definitions
  schluessel: "Schlüssel",
  keinSchluessel: "kein Schlüssel",
  spalteSpalte: "Spalte",
  spalteBezeichnung: "Bezeichnung",
  spalteTyp: "Typ",
  spalteEinheit: "Einheit",
  spalteDefinition: "Definition",
  spaltenAnzeigen: (n) => `${n} Spalten anzeigen`,
  kannLeer: "kann leer sein",

  // Input
  optional: "optional",
  pflicht: "Pflicht",
  ja: "ja",
  nein: "nein",
  weitereRegeln: "Weitere Regeln",
  personenbezogen: "personenbezogen: wird nur geprüft, nie gespeichert oder veröffentlicht",

  // Förderbereiche
  fbSchluessel: "Schlüssel",
  fbName: "Name",
  fbKurz: "Kurzname",
  fbJahre: "Jahre",
  fbFarbe: "Farbe in Grafiken",
  fbLaeuft: (ab) => (ab ? `ab ${ab}` : "laufend"),

  // Sources
  spalteWas: "Was",
  spalteWert: "Wert",
  spalteQuelle: "Quelle",

  // Sample data
  keinManifest: "Der Eingabeordner enthält keine manifest.json: Es handelt sich um Exporte der Bewilligungsstelle, nicht um Beispieldaten.",
  nichtSynthetisch: "Laut manifest.json sind die Eingabedaten nicht synthetisch.",
  seed: "Zufalls-Startwert (Seed)",
  scale: "Skalierung",
  stand: "Datenstand",
  erzeugtMit: "Erzeugt mit",
  reproduzierbar: "Mit demselben Startwert erzeugt das Programm dieselben Dateien Byte für Byte.",
  annahmenTitel: (n) => `Annahmen (${n})`,
  spalteAnnahme: "Annahme",
  spalteAnnahmeWert: "Wert",
  spalteAnnahmeQuelle: "Quelle bzw. Begründung",

  // Limits
  grenzen: [
    "Synthetische Beispieldaten: Solange die Beispieldaten verwendet werden, ist jede Zahl je Kreis, Gemeinde, Zuwendung und Stelle erfunden. Nur Landessummen sind an veröffentlichten Zahlen ausgerichtet, und auch diese sind keine amtlichen Angaben.",
    "Einwohnerzahlen: Stand 31.12.2018 (Destatis, Gemeindeverzeichnis), sofern die Eingabetabelle kreise keine neueren Zahlen liefert. Werte je 1.000 Einwohner späterer Jahre beziehen sich auf diesen Stand.",
    "Aufteilung auf Kalenderjahre: Bewilligte Beträge werden gleichmäßig auf die Kalendertage des Förderzeitraums verteilt (Beginn und Ende eingeschlossen), in Cent kumulativ gerundet. Die tatsächliche zeitliche Verteilung der Ausgaben kann davon abweichen.",
    "Quoten (Bindungs-, Abflussquote, Anteile) sind exakt berechnet und auf 4 Nachkommastellen gerundet (0,2500 = 25,00 %), kaufmännisch ab 0,00005; Summen gerundeter Quoten können von 100 % abweichen.",
    "Auszahlungen sind Buchungen netto: Rückforderungen werden als negative Beträge abgezogen. Ein Jahr ist erst mit dem Datenstand vollständig; das laufende Jahr reicht nur bis zum Monat der jüngsten Buchung.",
    "Geflüchtete in der Anschlussunterbringung: Zählung zum Stichtag 15. September (§ 29d FAG). Kennzahlen je Geflüchteten beziehen sich auf eine Zählung zu einem Stichtag, nicht auf einen Jahresdurchschnitt.",
    "Stellen: gezählt werden Stellenmeldungen zu bewilligten Zuwendungen im Integrationsmanagement zu ihren Stichtagen. Kreise ohne Meldung zum Stichtag haben leere Werte (nicht 0).",
    "Datenstand: Jede Seite nennt Datenstand und Release. Spätere Buchungen, Bescheide oder Korrekturen sind erst im nächsten Release enthalten.",
  ],
  geheimhaltung: (n) =>
    `Geheimhaltung kleiner Gruppen: Zahlen von Personen, aufgeteilt nach einem Merkmal (besetzte Stellen nach Anstellungsträger und nach Qualifikation, Seite Abdeckung), werden nur für Gruppen mit mindestens ${n} Personen gezeigt; Gruppen mit 1 bis ${n - 1} Personen werden geheim gehalten (primäre Geheimhaltung), mit Zahl, VZÄ und Anteil. Weil die Stellen und VZÄ je Kreis und die Landeswerte veröffentlicht sind, wird außerdem in jeder Zeile (Land oder Kreis) und jeder Spalte (Ausprägung über die Kreise und das Land) mit einer geheim gehaltenen Gruppe mindestens eine weitere geheim gehalten, die kleinste noch offene, so lange, bis keine Gruppe mehr aus einer Summe errechnet werden kann (sekundäre Geheimhaltung). Eine 0 wird gezeigt: Sie sagt über keine Person etwas. Geheim gehaltene Werte stehen als „.“ (Zeichen nach Destatis: Zahlenwert geheim zu halten) – in Grafik, Tabelle und Download gleich, primär wie sekundär.`,
};
