// German UI strings of the search field (src/components/suche.js), on every page.

export const SUCHE = {
  label: "Suche",
  platzhalter: "Kreis, Gemeinde, Empfänger oder Aktenzeichen",
  listeLabel: "Treffer",
  keinTreffer: "Kein Treffer.",
  anzahl: (n) => (n === 0 ? "Kein Treffer." : `${n} ${n === 1 ? "Treffer" : "Treffer"}; mit den Pfeiltasten wählen, mit Eingabe öffnen.`),
  typ: {Kreis: "Kreis", Gemeinde: "Gemeinde", "Empfänger": "Empfänger", Aktenzeichen: "Aktenzeichen"},
};
