/**
 * The figures the sample data is calibrated on, each with its source: a published
 * figure names the seed file or page of /work/shared/spec/programme-facts.md; a
 * figure we had to choose says "Annahme" and why. The generator reads its numbers
 * from here only, and `manifest.json` lists all of them (field `annahmen`).
 *
 * Nothing per Kreis or per municipality has been published: every such figure in
 * the sample data is synthetic.
 */
import type { Foerderbereich } from "../schema/input-tables.ts";
import { germanInt } from "./format.ts";

export interface Kennwert<T extends number | string = number | string> {
  wert: T;
  beschreibung: string;
  /** Published source, or text starting with "Annahme". */
  quelle: string;
}

const k = <T extends number | string>(wert: T, beschreibung: string, quelle: string): Kennwert<T> => ({
  wert,
  beschreibung,
  quelle,
});

/** Sources as programme-facts.md names them (seed files in /work/shared/seeds/). */
export const QUELLEN = {
  seed000: "„Pakt für Integration: Land unterstützt Kommunen bei Integrationsarbeit“ (Seed 000)",
  seed001: "Regierungspräsidium Stuttgart, Seite zu den Förderverfahren Integrationsmanagement und Digitalisierung (Seed 001)",
  seed002: "GAR-Rundbrief „Land und Kommunen schließen Pakt für Integration“ (Seed 002)",
  seed003: "„Pakt für Integration: Land unterstützt Kommunen bei Integrationsarbeit“, Fassung mit Aufgaben und Qualifikation (Seed 003)",
  rpSeite: "rp.baden-wuerttemberg.de, Pakt für Integration",
  rpFaq: "rp.baden-wuerttemberg.de, FAQ Integrationsmanagement",
  smIm: "sozialministerium.baden-wuerttemberg.de, Förderbereich Integrationsmanagement",
  erneuerung: "Pressemitteilung des Ministeriums für Soziales, Gesundheit und Integration vom 11.12.2025 „Baden-Württemberg erneuert Pakt für Integration“ (baden-wuerttemberg.de)",
  destatis: "Destatis GV-ISys, Einwohner 31.12.2018, CC BY 4.0 (npm-Paket landkreise-deutschland)",
} as const;

const ANNAHME = "Annahme";

/** Data date of the sample: payments and staffing reports only up to this day. */
export const STAND = k("2026-11-30", "Datenstand der Beispieldaten: Buchungen und Stellenmeldungen bis zu diesem Tag", ANNAHME);

/** Default seed: the day the cabinet approved the pact (04.04.2017). */
export const DEFAULT_SEED = 20170404;

// ---------------------------------------------------------------------------
// Published programme figures
// ---------------------------------------------------------------------------

export const FAKTEN = {
  imJahr20172018: k(58_000_000, "Mittel für das Integrationsmanagement 2017 und 2018, je Jahr (€)", `${QUELLEN.seed000}; ${QUELLEN.seed001}`),
  weitereFoerderbereiche20172018: k(
    24_000_000,
    "Schule/Übergang Beruf, Spracherwerb, bürgerschaftliches Engagement 2017 und 2018 zusammen (€)",
    QUELLEN.seed000,
  ),
  programme20172018: k(70_000_000, "Konkrete Förderprogramme 2017 und 2018, je Jahr (€)", QUELLEN.seed002),
  pakt2019: k(70_000_000, "Fortsetzung des Pakts 2019, Integrationsmanagement für weitere 12 Monate (€)", QUELLEN.seed001),
  pakt20202021: k(70_000_000, "Fortführung des Pakts 2020 und 2021, je Jahr (€)", QUELLEN.seed001),
  digitalisierung: k(2_200_000, "Förderprogramm digitale Lösungen im Integrationsmanagement, einmalig (€)", QUELLEN.seed001),
  imZusatz2022: k(
    8_000_000,
    "Zusätzliche Mittel 2022 für das Integrationsmanagement (Geflüchtete aus der Ukraine), nach Einwohneranteil auf die 44 Kreise verteilt (€)",
    QUELLEN.rpSeite,
  ),
  zusatzAntragsfrist: k("2022-07-22", "Antragsfrist der Zusatzmittel 2022", QUELLEN.rpSeite),
  paktAb2025: k(43_300_000, "Pakt ab 2025 mindestens, je Jahr (€)", QUELLEN.smIm),
  imAb2025: k(40_000_000, "davon Integrationsmanagement ab 2025 mindestens, je Jahr (€)", QUELLEN.smIm),
  pakt20252026: k(62_000_000, "Erneuerter Pakt 2025 und 2026: freiwillige Integrationsleistungen in sechs Maßnahmen, je Jahr (rund, €)", QUELLEN.erneuerung),
  im20252026: k(58_000_000, "davon Integrationsmanagement 2025 und 2026, je Jahr (€), rund 1.200 Integrationsmanagerinnen und -manager", QUELLEN.erneuerung),
  spracherwerb20252026: k(2_000_000, "davon Spracherwerb 2025 und 2026, je Jahr (€)", QUELLEN.erneuerung),
  trauma20252026: k(1_500_000, "davon Traumarehabilitation „BW schützt!“ 2025 und 2026, je Jahr (€)", QUELLEN.erneuerung),
  sintiRoma20252026: k(200_000, "davon Inklusion und Teilhabe von Sinti und Roma (INTURO) 2025 und 2026, je Jahr (€)", QUELLEN.erneuerung),
  managerGeplant: k(1_000, "Geplante Zahl der Integrationsmanagerinnen und -manager (rund)", `${QUELLEN.seed000}; ${QUELLEN.seed003}`),
  managerDez2018: k(1_200, "Beschäftigte Integrationsmanagerinnen und -manager im Dezember 2018 und 2023 (rund)", `${QUELLEN.seed003}; ${QUELLEN.smIm}`),
  laufzeitErsteRunde: k(24, "Laufzeit einer Bewilligung der ersten Runde (Monate)", QUELLEN.rpFaq),
  fortfuehrung2019: k(12, "Fortführung des Integrationsmanagements 2019 (Monate)", QUELLEN.seed001),
  mindestTeilstelle: k(0.25, "Mindestumfang eines Stellenanteils (VZÄ)", QUELLEN.rpFaq),
  verwendungsnachweisFrist: k(3, "Verwendungsnachweis innerhalb von Monaten nach Ende der Förderung", QUELLEN.rpFaq),
  auStichtag: k("15.09.", "Stichtag der Zählung Geflüchteter in der Anschlussunterbringung (§ 29d FAG)", QUELLEN.rpFaq),
} as const;

// ---------------------------------------------------------------------------
// Appropriations (haushalt)
// ---------------------------------------------------------------------------

export interface Ansatz {
  jahr: number;
  foerderbereich: Foerderbereich;
  eur: number;
  quelle: string;
}

const SPLIT_12M =
  "Annahme: 12 Mio. € je Jahr für die drei weiteren Förderbereiche (24 Mio. € für 2017/2018 laut Seed 000), aufgeteilt 5 / 4 / 3 Mio. € auf Schule/Beruf, Spracherwerb, Ehrenamt";
const SPLIT_12M_FORT = "Annahme: weitere Förderbereiche im Umfang von 2017/2018 fortgeführt (5 / 4 / 3 Mio. €)";

function rows(jahr: number, im: [number, string], weitere: [number, number, number, string], dig?: [number, string]): Ansatz[] {
  const out: Ansatz[] = [{ jahr, foerderbereich: "integrationsmanagement", eur: im[0], quelle: im[1] }];
  if (dig) out.push({ jahr, foerderbereich: "digitalisierung", eur: dig[0], quelle: dig[1] });
  out.push({ jahr, foerderbereich: "schule_beruf", eur: weitere[0], quelle: weitere[3] });
  out.push({ jahr, foerderbereich: "spracherwerb", eur: weitere[1], quelle: weitere[3] });
  out.push({ jahr, foerderbereich: "ehrenamt", eur: weitere[2], quelle: weitere[3] });
  return out;
}

const IM_58 = `${QUELLEN.seed000}; ${QUELLEN.seed001}`;
const IM_FORT = (jahr: number, extra = "") =>
  `Annahme: Integrationsmanagement ${jahr} im Umfang von 2017/2018 (58 Mio. €)${extra}`;

/** Appropriations per year and Förderbereich, in euros (scale 1). */
export const HAUSHALT: readonly Ansatz[] = [
  ...rows(2017, [58_000_000, IM_58], [5_000_000, 4_000_000, 3_000_000, SPLIT_12M]),
  ...rows(2018, [58_000_000, IM_58], [5_000_000, 4_000_000, 3_000_000, SPLIT_12M]),
  ...rows(
    2019,
    [58_000_000, `${IM_FORT(2019)}; Pakt 2019 insgesamt 70 Mio. € (${QUELLEN.seed001})`],
    [5_000_000, 4_000_000, 3_000_000, `${SPLIT_12M_FORT}; Summe 70 Mio. € laut Seed 001`],
  ),
  ...rows(
    2020,
    [58_000_000, `${IM_FORT(2020)}; Pakt 2020 insgesamt 70 Mio. € (${QUELLEN.seed001})`],
    [4_100_000, 3_300_000, 2_400_000, "Annahme: 70 Mio. € (Seed 001) abzüglich 58 Mio. € IM und 2,2 Mio. € Digitalisierung, Rest 9,8 Mio. € aufgeteilt 4,1 / 3,3 / 2,4 Mio. €"],
    [2_200_000, `${QUELLEN.seed001} (Betrag); Annahme: im Haushaltsjahr 2020 veranschlagt`],
  ),
  ...rows(
    2021,
    [58_000_000, `${IM_FORT(2021)}; Pakt 2021 insgesamt 70 Mio. € (${QUELLEN.seed001})`],
    [5_000_000, 4_000_000, 3_000_000, `${SPLIT_12M_FORT}; Summe 70 Mio. € laut Seed 001`],
  ),
  ...rows(
    2022,
    [66_000_000, `${IM_FORT(2022)} zuzüglich 8,0 Mio. € Zusatzmittel (${QUELLEN.rpSeite})`],
    [5_000_000, 4_000_000, 3_000_000, `${SPLIT_12M_FORT} (für 2022 kein Betrag veröffentlicht)`],
  ),
  ...rows(
    2023,
    [58_000_000, `${IM_FORT(2023, " – „unveränderter Umfang“")} (${QUELLEN.smIm})`],
    [5_000_000, 4_000_000, 3_000_000, `${SPLIT_12M_FORT} (für 2023 kein Betrag veröffentlicht)`],
  ),
  ...rows(
    2024,
    [58_000_000, `${IM_FORT(2024, " – „unveränderter Umfang“")} (${QUELLEN.smIm})`],
    [5_000_000, 4_000_000, 3_000_000, `${SPLIT_12M_FORT} (für 2024 kein Betrag veröffentlicht)`],
  ),
  ...erneuerung(2025),
  ...erneuerung(2026),
];

/**
 * The renewed pact of December 2025 for 2025 and 2026: the measures named in the
 * release with their amounts; the queer-refugees measure has no published amount,
 * so the sample sets the rest up to about 62 Mio. € (Annahme).
 */
function erneuerung(jahr: number): Ansatz[] {
  return [
    { jahr, foerderbereich: "integrationsmanagement", eur: 58_000_000, quelle: QUELLEN.erneuerung },
    { jahr, foerderbereich: "spracherwerb", eur: 2_000_000, quelle: QUELLEN.erneuerung },
    { jahr, foerderbereich: "traumarehabilitation", eur: 1_500_000, quelle: QUELLEN.erneuerung },
    { jahr, foerderbereich: "sinti_roma", eur: 200_000, quelle: QUELLEN.erneuerung },
    {
      jahr,
      foerderbereich: "queere_gefluechtete",
      eur: 300_000,
      quelle: `Annahme: Betrag nicht veröffentlicht; Rest bis rund 62 Mio. € (${QUELLEN.erneuerung})`,
    },
  ];
}

// ---------------------------------------------------------------------------
// Integration management: rounds, rates, staffing
// ---------------------------------------------------------------------------

export interface Runde {
  id: string;
  beginn: string;
  ende: string;
  /** Applications arrive between these days (ISO). */
  antragVon: string;
  antragBis: string;
  /** Volume relative to the first round's positions. */
  umfang: number;
  /** Status of all applications of the round: decided normally, or still pending at the data date. */
  offen?: boolean;
  quelle: string;
}

export const RUNDEN: readonly Runde[] = [
  {
    id: "R1",
    beginn: "2017-07-01",
    ende: "2019-06-30",
    antragVon: "2017-04-18",
    antragBis: "2017-06-23",
    umfang: 1,
    quelle: `${QUELLEN.rpFaq} (24 Monate); Annahme: Beginn 01.07.2017, einzelne Nachzügler ab 01.10.2017 oder 01.01.2018`,
  },
  {
    id: "R2",
    beginn: "2019-07-01",
    ende: "2020-06-30",
    antragVon: "2019-03-01",
    antragBis: "2019-05-24",
    umfang: 1,
    quelle: `${QUELLEN.seed001} (weitere 12 Monate); Zeitraum Annahme`,
  },
  {
    id: "R3",
    beginn: "2020-07-01",
    ende: "2022-06-30",
    antragVon: "2020-03-02",
    antragBis: "2020-05-22",
    umfang: 1,
    quelle: "Annahme: 24-Monats-Runde aus den Mitteln 2020/2021",
  },
  {
    id: "R4",
    beginn: "2022-07-01",
    ende: "2022-12-31",
    antragVon: "2022-04-01",
    antragBis: "2022-05-20",
    umfang: 1,
    quelle: "Annahme: Überbrückung für sechs Monate bis zur VwV Integrationsmanagement 2023",
  },
  {
    id: "R5",
    beginn: "2023-01-01",
    ende: "2024-12-31",
    antragVon: "2022-10-04",
    antragBis: "2022-11-25",
    umfang: 1,
    quelle: `${QUELLEN.smIm} (2023 und 2024 unveränderter Umfang); Zeitraum Annahme`,
  },
  {
    id: "R6",
    beginn: "2025-01-01",
    ende: "2026-12-31",
    antragVon: "2024-10-01",
    antragBis: "2024-11-22",
    umfang: 1,
    quelle: `${QUELLEN.erneuerung} (2025 und 2026 je 58 Mio. € IM, rund 1.200 Managerinnen und Manager); Annahme: eine 24-Monats-Runde in unverändertem Umfang`,
  },
  {
    id: "R7",
    beginn: "2027-01-01",
    ende: "2028-12-31",
    antragVon: "2026-09-15",
    antragBis: "2026-11-27",
    umfang: 1,
    offen: true,
    quelle: "Annahme: Anträge für 2027/2028 sind am Datenstand noch nicht beschieden (Status „beantragt“)",
  },
];

export const ANNAHMEN = {
  foerdersatzHochschule: k(
    61_000,
    "Förderbetrag je VZÄ und Jahr bei Hochschulabschluss (€); laut Seed 003 und FAQ hängt die Förderhöhe von der Qualifikation ab, Beträge nicht veröffentlicht",
    "Annahme",
  ),
  foerdersatzNachqualifizierung: k(52_000, "Förderbetrag je VZÄ und Jahr bei Berufsausbildung mit Nachqualifizierung (€)", "Annahme"),
  anteilHochschule: k(0.75, "Anteil der Stellen mit Hochschulabschluss", "Annahme"),
  bindungsziel: k(
    0.975,
    "Bemessung der IM-Runden: bewilligte Förderung eines vollen Jahres ≈ 97,5 % des IM-Ansatzes (bewusst knapp unter dem Ansatz)",
    "Annahme",
  ),
  teilstellen: k(
    "1,0 VZÄ 45 %, 0,75 VZÄ 20 %, 0,5 VZÄ 30 %, 0,25 VZÄ 5 %",
    "Verteilung der Stellenanteile (Mittel ≈ 0,76 VZÄ je Person, daher ≈ 1.250 Stellen auf ≈ 960 VZÄ)",
    `Annahme (Mindestanteil 0,25 VZÄ: ${QUELLEN.rpFaq})`,
  ),
  besetzung: k(
    "erster Stichtag 78 %; danach bleibt eine besetzte Stelle mit 96 % besetzt, eine freie wird mit 60 % wiederbesetzt (Gleichgewicht ≈ 94 %)",
    "Besetzung der Stellen je Stichtag (30.06./31.12.)",
    "Annahme",
  ),
  anstellungstraeger: k(
    "Landkreis: 70 % landkreis, 30 % freier_traeger; Gemeinde/Stadtkreis: 70 % gemeinde, 30 % freier_traeger",
    "Anstellungsträger der Stellen",
    `Annahme (Möglichkeiten laut ${QUELLEN.rpFaq})`,
  ),
  empfaengerStruktur: k(
    "Stadtkreis: die Stadt selbst; Landkreis: der Landkreis (25–60 % der VZÄ) und etwa eine Gemeinde je 40.000 Einwohner",
    "Zuwendungsempfänger im Integrationsmanagement (echte Gemeinden mit amtlichem Schlüssel und Namen, BKG VG5000; welche Gemeinde gefördert wird, ist zufällig)",
    "Annahme",
  ),
  vzaeVerteilung: k(
    "nach Geflüchteten in der Anschlussunterbringung am 15.09.2017",
    "Verteilung der VZÄ der ersten Runde auf die Kreise",
    `Annahme in Anlehnung an ${QUELLEN.rpFaq} (Förderbetrag bemisst sich nach der Zählung vom 15.09.2017)`,
  ),
  zusatzZeitraum: k("2022-04-01 bis 2022-12-31", "Förderzeitraum der Zusatzmittel 2022 (Ukraine)", "Annahme"),
  zusatzSchluessel: k(
    "Einwohner 31.12.2018 (landkreise-deutschland)",
    "Verteilungsschlüssel der Zusatzmittel 2022 in den Beispieldaten; tatsächlich Einwohner am 30.11.2021 (Statistisches Landesamt)",
    `Annahme; Schlüssel laut ${QUELLEN.rpSeite}, Einwohner: ${QUELLEN.destatis}`,
  ),
  digitalZeitraum: k(
    "2020-07-01 bis 2020-12-31; ein Antrag je Kreisgebiet, Betrag nach Zahl der Stellen; 3 Kreise ohne Antrag",
    "Förderprogramm Digitalisierung (Voraussetzung laut Seed 001: Zugang für alle Integrationsmanager im Kreisgebiet)",
    `Annahme (Programm: ${QUELLEN.seed001})`,
  ),
  projektBindung: k(
    "86–96 % des Ansatzes; Projekte 12.000–220.000 € innerhalb eines Kalenderjahres",
    "Projektförderung Schule/Beruf, Spracherwerb, Ehrenamt",
    "Annahme",
  ),
  abschlaege: k(
    "IM: 90 % in Halbjahresabschlägen; Digitalisierung und Projekte: 80 % nach Bescheid; Rest als Schlusszahlung oder Rückforderung nach dem Verwendungsnachweis (95–280 Tage nach Ende)",
    "Auszahlungsweise",
    `Annahme (Verwendungsnachweis binnen drei Monaten: ${QUELLEN.rpFaq})`,
  ),
  verwendung: k(
    "IM: Kosten nach tatsächlicher Besetzung (Besetzungsquote der Stichtage + 2–6 %); Projekte: 75 % voll verwendet, sonst 1–30 % weniger",
    "Nachgewiesene Verwendung (bestimmt Schlusszahlung bzw. Rückforderung)",
    "Annahme",
  ),
  bearbeitungsdauer: k("Mittel je Kreis 20–80 Tage, je Antrag ×0,6–1,6", "Tage zwischen Antrag und Bescheid", "Annahme"),
  ablehnungen: k(
    "je IM-Runde ≈ 3 % zusätzliche Anträge abgelehnt oder zurückgezogen; Projekte ≈ 6 % abgelehnt, ≈ 4 % zurückgezogen",
    "Nicht bewilligte Anträge",
    "Annahme",
  ),
} as const;

// ---------------------------------------------------------------------------
// Refugees in follow-up housing (gefluechtete_au)
// ---------------------------------------------------------------------------

/** Statewide count at 15 September of each year (scale 1): synthetic. */
export const AU_LANDESWEIT: Readonly<Record<number, number>> = {
  2016: 62_000,
  2017: 98_000,
  2018: 118_000,
  2019: 124_000,
  2020: 121_000,
  2021: 117_000,
  2022: 168_000,
  2023: 196_000,
  2024: 204_000,
  2025: 199_000,
  2026: 193_000,
};

export const AU_ANNAHME = k(
  Object.entries(AU_LANDESWEIT)
    .map(([j, n]) => `${j}: ${germanInt(n)}`)
    .join("; "),
  "Geflüchtete in der Anschlussunterbringung landesweit am 15.09. (synthetisch; Sprung 2022 durch Geflüchtete aus der Ukraine); je Kreis nach Einwohnern mit fester Abweichung ±20 % je Kreis (Stadtkreise +15 %) und ±3 % je Jahr",
  "Annahme (keine veröffentlichten Zahlen in den Quellen)",
);

/** Everything the manifest lists under `annahmen`, published figures first. */
export function alleKennwerte(): Kennwert[] {
  const haushalt = HAUSHALT.map((a) =>
    k(a.eur, `Haushaltsansatz ${a.jahr}, ${a.foerderbereich} (€)`, a.quelle),
  );
  const runden = RUNDEN.map((r) => k(`${r.beginn} bis ${r.ende}`, `Integrationsmanagement, Runde ${r.id}: Förderzeitraum`, r.quelle));
  return [
    ...Object.values(FAKTEN),
    ...haushalt,
    ...runden,
    ...Object.values(ANNAHMEN),
    AU_ANNAHME,
    STAND,
  ];
}
