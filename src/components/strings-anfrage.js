// German UI strings of the page /anfrage (Anfrage-Assistent). Labels, units and
// definitions of the measures come from data/anfrage.json (built from the
// published table definitions), not from here.

export const ANFRAGE = {
  steuerung: "Auswahl für die Anfrage",
  umfang: "Kreise",
  umfangAlle: "alle 44 Kreise",
  umfangRb: (rb) => `Regierungsbezirk ${rb}`,
  umfangAuswahl: "einzelne Kreise (Liste)",
  kreiseListe: "Einzelne Kreise (Strg/⌘ + Klick für mehrere)",
  bereich: "Förderbereich (Beträge)",
  bereichAlle: "alle Förderbereiche",
  von: "von",
  bis: "bis",
  kennzahlen: "Kennzahlen",
  tabelleTitel: "Tabelle für die Anfrage",
  tabelleUntertitel: (n, bereich, von, bis, stand) =>
    `${n} ${n === 1 ? "Kreis" : "Kreise"}, Beträge: ${bereich}, ${von === bis ? von : `${von} bis ${bis}`}; Einheiten in den Spaltenköpfen; Stand ${stand}`,
  kreis: "Kreis",
  ags: "AGS",
  keineKennzahl: "Bitte mindestens eine Kennzahl wählen.",
  keinKreis: "Bitte mindestens einen Kreis wählen.",
  fussnoten: "Fußnoten",
  csv: "CSV herunterladen",
  xlsx: "Excel (XLSX) herunterladen",
  kopieren: "Tabelle kopieren",
  kopiert: "Tabelle kopiert – in Word oder Excel einfügen.",
  kopierenFehler: "Kopieren nicht möglich; bitte die Tabelle markieren und mit Strg+C kopieren.",
  permalink: "Link zu dieser Auswahl",
  dateiname: (von, bis, bereich) => `anfrage_pik_${bereich === "alle" ? "" : `${bereich}_`}${von}-${bis}`,
  summary: (n, kz, von, bis) => `Die Tabelle zeigt ${kz} ${kz === 1 ? "Kennzahl" : "Kennzahlen"} für ${n} ${n === 1 ? "Kreis" : "Kreise"} in den Jahren ${von} bis ${bis}, dazu die Summe der Auswahl und den Landeswert.`,
};

// The level „Gemeinden“ (footnotes and the reasons for omitted measures come from data/anfrage-gemeinden.json).
export const ANFRAGE_GEMEINDEN = {
  ebene: "Zeilen",
  ebeneKreise: "nach Kreisen",
  ebeneGemeinden: "nach Gemeinden",
  kreis: "Kreis der Gemeinden",
  gemeindenListe: "Gemeinden (keine Auswahl: alle Gemeinden des Kreises; Strg/⌘ + Klick für mehrere)",
  gemeinde: "Gemeinde",
  laden: "Gemeindedaten werden geladen …",
  keineGemeinde: "Der Kreis hat keine Gemeinde.",
  nichtAngeboten: (namen, grund) => `Für Gemeinden nicht verfügbar: ${namen}. ${grund}`,
  ohneZuwendung: (n, von, bis) =>
    `Keine Zuwendung ${von === bis ? `im Jahr ${von}` : `in den Jahren ${von} bis ${bis}`}: ${n} der ausgewählten Gemeinden (Beträge 0,00).`,
  tabelleUntertitel: (n, kreis, bereich, von, bis, stand) =>
    `${n} ${n === 1 ? "Gemeinde" : "Gemeinden"} (${kreis}), Beträge: ${bereich}, ${von === bis ? von : `${von} bis ${bis}`}; Einheiten in den Spaltenköpfen; Stand ${stand}`,
  summary: (n, kz, von, bis) =>
    `Die Tabelle zeigt ${kz} ${kz === 1 ? "Kennzahl" : "Kennzahlen"} für ${n} ${n === 1 ? "Gemeinde" : "Gemeinden"} in den Jahren ${von} bis ${bis}, dazu die Summe der Auswahl, den Kreis und den Landeswert (Kreis und Land einschließlich der Zuwendungen an den Kreis selbst).`,
  dateiname: (kreis, von, bis, bereich) => `anfrage_pik_gemeinden_${kreis}_${bereich === "alle" ? "" : `${bereich}_`}${von}-${bis}`,
};
