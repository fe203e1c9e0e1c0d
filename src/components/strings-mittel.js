// German UI strings of the page „Mittel je Kreis“ (src/mittel.md). Labels and
// definitions of the measures themselves come from data/definitions.json.

export const MITTEL = {
  titel: "Mittel je Kreis",
  steuerung: "Auswahl",
  mass: "Kennzahl",
  bezug: "Bezug",
  von: "Von",
  bis: "Bis",
  fb: "Förderbereich",
  alleFb: "Alle Förderbereiche",
  bezugLabel: {
    absolut: "Euro (absolut)",
    einwohner: "€ je 1.000 Einwohner",
    gefluechtete: "€ je Geflüchtete/n in der Anschlussunterbringung",
  },
  /** Unit line of chart and axis per reference. */
  einheit: {
    absolut: "in Euro",
    einwohner: "in Euro je 1.000 Einwohner",
    gefluechtete: "in Euro je Geflüchtete/n in der Anschlussunterbringung",
  },
  kurzEinheit: {absolut: "€", einwohner: "€ je 1.000 EW", gefluechtete: "€ je Geflüchtete/n"},
  jahrUnvollstaendig: (jahr, stand) => `${jahr} (bis ${stand})`,
  jahre: (von, bis) => (von === bis ? `${von}` : `${von}–${bis}`),
  getauscht: "„Von“ liegt nach „Bis“: Der Zeitraum wurde umgedreht.",
  unvollstaendig: (jahr, stand) => `Das Jahr ${jahr} ist noch nicht abgeschlossen; es enthält die Daten bis ${stand}.`,
  kreis: "Kreis",
  kreisTyp: "Kreistyp",
  rang: "Rang",
  einwohner: "Einwohner",
  gefluechtete: "Geflüchtete in der AU",
  betrag: "Betrag (€)",
  jeEinwohner: "€ je 1.000 Einwohner",
  jeGefluechtete: "€ je Geflüchtete/n",
  wert: "Wert",
  /** Name of the Land value on the rule of the bar chart, per reference. */
  landName: {
    absolut: "Durchschnitt je Kreis",
    einwohner: "Landeswert",
    gefluechtete: "Landeswert",
  },
  /** How the Land value is computed, per reference. */
  landDefinition: {
    absolut: (n) => `Durchschnitt je Kreis = Summe aller ${n} Kreise ÷ ${n}.`,
    einwohner: () =>
      "Landeswert (gewichtet) = Summe aller Kreise ÷ Einwohner aller Kreise × 1.000 – nicht der Mittelwert der Kreiswerte.",
    gefluechtete: () =>
      "Landeswert (gewichtet) = Summe der Kreise mit Zählung ÷ Geflüchtete dieser Kreise – nicht der Mittelwert der Kreiswerte.",
  },
  gefluechteteDefinition: (bis, stichtage) =>
    `Geflüchtete in der Anschlussunterbringung: je Kreis die letzte Zählung (§ 29d FAG) mit Stichtag bis zum 31.12.${bis}` +
    (stichtage.length ? ` – hier ${stichtage.join(", ")}.` : " – für diese Auswahl gibt es keine Zählung."),
  zusammenfassung: ({mass, fb, jahre, hoch, tief, land, landName}) =>
    `${mass}, ${fb}, ${jahre}: am höchsten ${hoch}, am niedrigsten ${tief}; ${landName} ${land}.`,
  rangZusammenfassung: ({mass, jahre, n, hoch, tief, land, landName}) =>
    `${mass}, ${jahre}: ${n} Kreise absteigend sortiert, vorn ${hoch}, hinten ${tief}; gestrichelte Linie: ${landName} ${land}.`,
  keineWerte: "Für diese Auswahl gibt es keine Werte.",
  ariaKarte: (mass, einheit, jahre) => `Karte der 44 Kreise: ${mass} ${einheit}, ${jahre}`,
  ariaBalken: (mass, einheit, jahre) => `Balkendiagramm der 44 Kreise, absteigend sortiert: ${mass} ${einheit}, ${jahre}`,
};
