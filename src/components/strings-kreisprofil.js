// German UI strings of the Kreisprofil (src/kreise/[ags].md). Labels and
// definitions of published columns come from data/definitions.json; only the
// Kennzahlen derived for the profile are defined here.

export const PROFIL = {
  seitentitel: "Kreisprofil",
  ags: "AGS",
  regierungsbezirk: "Regierungsbezirk",
  einwohner: "Einwohner",
  flaeche: "Fläche",
  rang: "Rang",
  von: "von",
  stadtkreisenDativ: "Stadtkreisen",
  landkreisenDativ: "Landkreisen",
  kreisenDativ: "Kreisen",
  stadtkreiseGenitiv: "Stadtkreise",
  landkreiseGenitiv: "Landkreise",
  keinRang: "kein Wert",
  land: "Land Baden-Württemberg",
  landKurz: "Land",
  landSumme: "Summe aller Kreise",
  landQuote: "Landeswert (gewichtet)",
  rangErklaerung:
    "Rang 1 = höchster Wert. Gleiche Werte teilen sich einen Rang; gezählt werden die Kreise mit einem Wert. Landeswerte von Quoten sind aus den Landessummen berechnet (Summe geteilt durch Summe), nicht als Mittel der Kreiswerte.",
  kennzahl: "Kennzahl",
  rangGleicherTyp: (typ) => `Rang unter den ${typ === "Stadtkreis" ? "Stadtkreisen" : "Landkreisen"}`,
  rangLand: "Rang im Land",
  gruppeMittel: (jahr) => `Mittel im Jahr ${jahr} (letztes vollständiges Jahr)`,
  gruppeAbdeckung: (stichtag) => `Integrationsmanagement am Stichtag ${stichtag}`,
  zaehlung: (datum) => `Zählung vom ${datum}`,
  definitionen: "Definitionen der Kennzahlen",
  ohneMeldung: (n, stichtag) =>
    `Zum Stichtag ${stichtag} fehlen Stellenmeldungen zu ${n} laufenden Zuwendung${n === 1 ? "" : "en"}; deren Stellen sind in „VZÄ besetzt“ nicht enthalten.`,

  kurzfassung: "Kurzfassung",
  navigation: "Weiter",
  zurueckMittel: "Mittel je Kreis",
  zurueckAbdeckung: "Abdeckung im Integrationsmanagement",
  weitereKreise: (rb) => `Weitere Kreise im Regierungsbezirk ${rb}`,

  kennzahlenTitel: "Kennzahlen im Vergleich",
  kennzahlenUntertitel: (jahr, stichtag) =>
    `Mittel ${jahr} in Euro, Integrationsmanagement am ${stichtag} in VZÄ; neben dem Landeswert und dem Rang unter den Kreisen gleichen Typs`,

  rangTitel: "Einordnung unter den Kreisen gleichen Typs",
  rangUntertitel: (label, einheit, bezug, typ) => `${label}${einheit ? ` in ${einheit}` : ""}, ${bezug}, alle ${typ === "Stadtkreis" ? "Stadtkreise" : "Landkreise"}; Linie: Landeswert`,
  rangAuswahl: "Kennzahl",

  mittelTitel: "Mittel je Jahr und Förderbereich",
  mittelUntertitel: (betrag) => `${betrag} in Euro je Kalenderjahr, gestapelt nach Förderbereich`,
  betragAuswahl: "Betrag",
  unvollstaendig: (jahr, stand) => `* ${jahr}: Jahr unvollständig (Stand ${stand}).`,

  jeEwTitel: "Mittel je 1.000 Einwohner: Kreis und Land",
  jeEwUntertitel: (betrag) => `${betrag} in Euro je 1.000 Einwohner und Kalenderjahr`,

  vzaeTitel: "Stellen im Integrationsmanagement",
  vzaeUntertitel: "Bewilligte und besetzte Vollzeitäquivalente (VZÄ) je Stichtag",
  vzaeBewilligt: "VZÄ bewilligt",
  vzaeBesetzt: "VZÄ besetzt",

  betreuungTitel: "Geflüchtete je besetzter VZÄ: Kreis und Land",
  betreuungUntertitel: "Personen in der Anschlussunterbringung je besetztem Vollzeitäquivalent, je Stichtag",

  empfaengerTitel: "Zuwendungsempfänger",
  empfaengerUntertitel: "Bewilligte Zuwendungen je Empfänger, alle Jahre, in Euro (Stand der Buchungen)",
  zuwendungenTitel: "Bewilligte Zuwendungen",
  zuwendungenUntertitel: "Eine Zeile je Zuwendung, alle Jahre, in Euro; sortiert nach Empfänger und Beginn",
  summe: "Summe",
  anzahlZuwendungen: "Zuwendungen",
  zeitraum: "Zeitraum",
  keineZuwendungen: "Für diesen Kreis liegen keine bewilligten Zuwendungen vor.",
  antraegeTitel: "Offene, abgelehnte und zurückgezogene Anträge (interne Ausgabe)",
  antraegeUntertitel: "Eine Zeile je Antrag ohne Bewilligung; offene zuerst, dann abgelehnte und zurückgezogene, jeweils neueste zuerst",
  keineAntraege: "Für diesen Kreis liegen keine offenen, abgelehnten oder zurückgezogenen Anträge vor.",
  aktenzeichen: "Aktenzeichen",
  status: "Status",
  antragDatum: "Antrag vom",
  bescheidDatum: "Bescheid vom",
  statusText: {beantragt: "offen (beantragt)", abgelehnt: "abgelehnt", zurueckgezogen: "zurückgezogen"},

  jahr: "Jahr",
  stichtag: "Stichtag",
  reihe: "Reihe",
  wert: "Wert",
  kreis: "Kreis",
  foerderbereich: "Förderbereich",
};

/** The two amounts of the year charts (values of the control; labels from the definitions). */
export const BETRAEGE = ["bewilligt_eur", "ausgezahlt_eur"];

/**
 * The summary sentences at the top of the profile, from formatted values.
 * @param v formatted pieces (strings), see the page
 */
export function kurzfassungText(v) {
  const saetze = [
    `Im Jahr ${v.jahr} wurden dem ${v.typ} ${v.name} anteilig ${v.bewilligt} bewilligt und ${v.ausgezahlt} ausgezahlt (netto).`,
    `Je 1.000 Einwohner sind das ${v.bewilligtJeEw} bewilligt (Landeswert ${v.landBewilligtJeEw}; ${v.rangBewilligtJeEw}).`,
  ];
  if (v.besetzt != null)
    saetze.push(
      `Am ${v.stichtag} waren ${v.besetzt} von ${v.bewilligtVzae} bewilligten VZÄ im Integrationsmanagement besetzt (${v.anteil}; Land ${v.landAnteil}); auf eine besetzte VZÄ kamen ${v.jeVzae} Geflüchtete in der Anschlussunterbringung (Land ${v.landJeVzae}).`,
    );
  else saetze.push(`Für den Stichtag ${v.stichtag} liegt keine Stellenmeldung des Kreises vor.`);
  return saetze.join(" ");
}

/**
 * One-sentence summaries next to the charts (what they show, the extremes),
 * for readers who cannot see the chart; the extremes are those of the rows the
 * chart draws.
 */
export const ZUSAMMENFASSUNG = {
  mittel: (v) =>
    `${v.betrag} je Jahr, alle Förderbereiche: am höchsten ${v.maxJahr} mit ${v.maxWert}, am niedrigsten ${v.minJahr} mit ${v.minWert} (vollständige Jahre).`,
  jeEw: (v) =>
    `${v.betrag} je 1.000 Einwohner ${v.jahr}: ${v.wert}, ${v.vergleich} dem Landeswert von ${v.land}; am höchsten ${v.maxJahr} mit ${v.maxWert}, am niedrigsten ${v.minJahr} mit ${v.minWert} (vollständige Jahre).`,
  vzae: (v) =>
    `Am ${v.stichtag} waren ${v.besetzt} von ${v.bewilligt} bewilligten VZÄ besetzt; die meisten besetzten VZÄ meldete der Kreis am ${v.maxStichtag} (${v.maxBesetzt}), die wenigsten am ${v.minStichtag} (${v.minBesetzt}).`,
  betreuung: (v) =>
    `Am ${v.stichtag} kamen ${v.wert} Geflüchtete auf eine besetzte VZÄ (Land ${v.land}); der höchste Wert war ${v.maxWert} am ${v.maxStichtag}, der niedrigste ${v.minWert} am ${v.minStichtag}.`,
  rang: (v) =>
    `${v.name}: ${v.wert}, ${v.rang}. Höchster Wert: ${v.maxName} (${v.maxWert}), niedrigster: ${v.minName} (${v.minWert}).`,
  keineDaten: "Für diesen Kreis liegen hierzu keine Daten vor.",
};

/** "über" / "unter" / "gleich" relative to the Land value. */
export const vergleichWort = (wert, land) => (wert > land ? "über" : wert < land ? "unter" : "gleich");
