// German UI strings of the page /haushalt (Haushaltsvollzug). Labels and
// definitions of the published columns come from data/definitions.json (tables
// haushalt_jahr and zahlungen_monat); only what the page adds is defined here.

export const HAUSHALT = {

  // Controls
  bereich: "Förderbereich",
  alle: "Alle Förderbereiche",
  einheit: "Kurven",
  einheitEuro: "in Euro",
  einheitProzent: "in % des Ansatzes",

  // Chart 1: amounts per year
  betraegeTitel: (bereich) => `Ansatz, Bewilligungen und Auszahlungen je Jahr: ${bereich}`,
  betraegeAria: (bereich) => `Gruppierte Balken je Jahr: Ansatz, bewilligt, ausgezahlt und zurückgefordert, ${bereich}`,
  jahrVorlaeufig: (jahr, datum) => `${jahr} (bis ${datum}, vorläufig)`,
  betraegeSummary: (bereich, jahr, ansatz, bewilligt, ausgezahlt, maxJahr, maxAusgezahlt) =>
    `${bereich}, ${jahr}: Ansatz ${ansatz}, bewilligt ${bewilligt}, ausgezahlt ${ausgezahlt}. Am meisten ausgezahlt wurde ${maxJahr} (${maxAusgezahlt}).`,

  // Chart 2: quotas
  quotenTitel: (bereich) => `Bindungs- und Abflussquote je Jahr: ${bereich}`,
  quotenAria: (bereich) => `Liniendiagramm: Bindungs- und Abflussquote je Jahr, ${bereich}`,
  quotenSummary: (bereich, minB, minBJahr, maxB, maxBJahr, minA, minAJahr, maxA, maxAJahr) =>
    `${bereich}: Die Bindungsquote lag zwischen ${minB} (${minBJahr}) und ${maxB} (${maxBJahr}), die Abflussquote zwischen ${minA} (${minAJahr}) und ${maxA} (${maxAJahr}).`,
  hundertProzent: "100 % des Ansatzes",

  // Chart 3: cumulative payments
  kurvenTitel: (bereich) => `Auszahlungen im Jahresverlauf: ${bereich}`,
  kurvenUntertitel: (prozent, jahr) =>
    `${prozent ? "Kumulierte Auszahlungen in Prozent des Ansatzes des jeweiligen Jahres" : "Kumulierte Auszahlungen in Euro"} bis zum Ende jedes Monats; ${jahr} hervorgehoben, frühere Jahre grau`,
  kurvenAria: (bereich, jahr) => `Liniendiagramm: kumulierte Auszahlungen je Monat, eine Linie je Jahr, ${jahr} hervorgehoben, ${bereich}`,
  kurvenVergleich: (jahr, monat, wert, n, mittel, min, max, rang) =>
    `Bis Ende ${monat} ${jahr} wurden ${wert} ausgezahlt. In den ${n} Vorjahren waren es bis Ende ${monat} im Mittel ${mittel} (zwischen ${min} und ${max}); ${jahr} liegt damit auf Rang ${rang} von ${n + 1}.`,
  kurvenVergleichProzent: (jahr, monat, wert, mittel, min, max) =>
    `In Prozent des Ansatzes: ${jahr} ${wert}, Vorjahre im Mittel ${mittel} (zwischen ${min} und ${max}).`,
  vorausHinterher: (voraus, prozent) =>
    `${prozent ? "Gemessen am Ansatz" : "In Euro"} ${voraus ? "läuft das Jahr damit dem Mittel der Vorjahre voraus" : "liegt das Jahr damit hinter dem Mittel der Vorjahre"}.`,
  keineVorjahre: (jahr) => `Für ${jahr} gibt es keine Vorjahre zum Vergleich.`,
  ohneAnsatzKurve: (jahre) => `Ohne Ansatz (keine Linie in Prozent): ${jahre}.`,
  monat: "Monat",
  jahr: "Jahr",
  monate: ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"],
  monateLang: ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],

  // Table
  tabelleTitel: (bereich) => `Haushaltsvollzug je Jahr: ${bereich}`,
  ohneAnsatz: (bereiche) => `ohne Ansatz: ${bereiche}`,
  hinweisAlle:
    "Alle Förderbereiche: Summen über alle Förderbereiche mit Geld im jeweiligen Jahr. Der Ansatz ist die Summe der gelieferten Ansätze; Beträge in Förderbereichen ohne Ansatz im jeweiligen Jahr sind in den Beträgen und damit in den Quoten enthalten (in der Tabelle vermerkt). Quoten exakt aus den Summen berechnet und kaufmännisch auf 4 Nachkommastellen gerundet.",
  laufzeitBeendet: (bereich, bis) =>
    `${bereich} lief nach der Liste der Förderbereiche bis ${bis}; spätere Jahre zeigen nur noch Nachzahlungen und Rückforderungen, falls es welche gab.`,
  laufzeitNeu: (bereich, ab) => `${bereich} läuft seit ${ab}: Frühere Jahre gibt es für diesen Förderbereich nicht.`,
  laufendesJahr: (jahr, datum) => `${jahr} ist bis zum Datenstand ${datum} erfasst: Die Werte dieses Jahres sind vorläufig.`,
  hinweis: "Hinweis",

  anteilAnsatz: "Ausgezahlt kumuliert in % des Ansatzes",
  anteilAnsatzDefinition:
    "Ausgezahlt kumuliert (zahlungen_monat) geteilt durch den Ansatz desselben Jahres und Förderbereichs (haushalt_jahr), kaufmännisch auf 4 Nachkommastellen gerundet; leer, wenn kein Ansatz vorliegt oder er 0 ist.",
  vergleichTitel: "Vergleich mit den Vorjahren",
  vergleichDefinition:
    "Die kumulierte Auszahlung des jüngsten Jahres bis zu dessen letztem erfassten Monat, verglichen mit der kumulierten Auszahlung früherer Jahre bis zum selben Monat (Mittelwert auf Cent gerundet, Minimum, Maximum, Rang).",
};
