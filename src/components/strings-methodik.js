// German UI strings of the page /methodik (Methodik & Quellen). The definitions
// themselves come from data/methodik.json (the published table definitions and
// the input rules of the loaders), not from here.

export const METHODIK = {
  titel: "Methodik & Quellen",
  einleitung:
    "Wie die Zahlen des PIK-Monitors entstehen: aus welchen Eingabedaten, nach welchen Regeln sie geprüft werden, wie jede veröffentlichte Kennzahl definiert ist, auf welche veröffentlichten Programmzahlen sie sich stützen und wo ihre Grenzen liegen.",

  // Metric registry
  kennzahlenTitel: "Kennzahlen und Landeswerte",
  kennzahlenUntertitel: "Jede Kennzahl einmal definiert: für einen Kreis, für mehrere Kreise und das Land",
  kennzahlenText:
    "Alle Seiten, die Downloads und der Anfrage-Assistent berechnen eine Kennzahl nach derselben Regel. Quoten für mehrere Kreise und das Land sind Summe geteilt durch Summe über die Kreise, die dafür zählen, nie der Mittelwert der Kreiswerte. Rangfolgen: Rang 1 ist der höchste Wert (auf der Übersicht bei der Auszahlungsquote der niedrigste); gleiche Werte teilen sich einen Rang, der nächste Rang wird übersprungen (1, 1, 3).",
  kzKennzahl: "Kennzahl",
  kzGruppe: "Mehrere Kreise und Land",

  // Definitions
  definitionenTitel: "Definitionen der veröffentlichten Tabellen",
  definitionenUntertitel:
    "Jede Tabelle mit dem, was eine Zeile ist, Hinweisen zur Abgrenzung und den Definitionen aller Spalten – dieselben Definitionen, nach denen die Zahlen berechnet werden",
  hilfssichtenTitel: "Hilfssichten",
  hilfssichtenText:
    "Zwei Zwischenschritte, auf die sich mehrere Tabellen stützen. Sie werden nicht als Datei veröffentlicht; ihre Regeln gelten für die Tabellen oben.",
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
  eingabeTitel: "Eingabedaten und Prüfregeln",
  eingabeUntertitel:
    "Die Exporte der Bewilligungsstelle: je Tabelle die Spalten, Pflichtangaben und Regeln, nach denen jede Zeile übernommen oder abgelehnt wird",
  eingabeText:
    "Jede Zeile wird übernommen oder abgelehnt – keine geht still verloren; je Datei gilt: gelesen = übernommen + abgelehnt. Abgelehnte Zeilen und Warnungen stehen mit Datei, Zeile, Spalte und Regel im Prüfbericht. Tabellenübergreifend gilt: Schlüssel sind eindeutig, Auszahlungen und Stellenmeldungen verweisen auf eine bewilligte Zuwendung, und der Kreisteil jedes Gemeindeschlüssels ist einer der 44 Kreise.",
  optional: "optional",
  pflicht: "Pflicht",
  ja: "ja",
  nein: "nein",
  weitereRegeln: "Weitere Regeln",
  personenbezogen: "personenbezogen: wird nur geprüft, nie gespeichert oder veröffentlicht",

  // Förderbereiche
  fbTitel: "Förderbereiche",
  fbUntertitel: "Die Maßnahmen des Pakts, wie sie dieser Datenstand kennt: Standardliste oder Eingabetabelle foerderbereiche",
  fbSchluessel: "Schlüssel",
  fbName: "Name",
  fbKurz: "Kurzname",
  fbJahre: "Jahre",
  fbFarbe: "Farbe in Grafiken",
  fbLaeuft: (ab) => (ab ? `ab ${ab}` : "laufend"),

  // Sources
  quellenTitel: "Veröffentlichte Programmzahlen",
  quellenUntertitel: "Zahlen, die das Land zum Pakt für Integration veröffentlicht hat, mit Quelle; an ihnen sind die Beispieldaten ausgerichtet",
  spalteWas: "Was",
  spalteWert: "Wert",
  spalteQuelle: "Quelle",
  quellenHinweis:
    "Zahlen je Kreis oder Gemeinde hat das Land in keiner dieser Quellen veröffentlicht. Die Verweise führen auf die Internetauftritte der Herausgeber; die Seiten können sich seit der Auswertung geändert haben.",

  // Sample data
  beispielTitel: "Wie die synthetischen Beispieldaten entstanden sind",
  beispielUntertitel: "Erzeugungsverfahren, Startwert und alle Annahmen mit Quelle (aus manifest.json des Eingabeordners)",
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
  grenzenTitel: "Grenzen und Hinweise",
  grenzenUntertitel: "Was die Zahlen nicht leisten und worauf beim Zitieren zu achten ist",
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
