/**
 * Deterministic synthetic input data for PIK-Monitor (all five input tables),
 * calibrated on the published programme figures in `calibration.ts`.
 *
 * Money is held in integer cents, VZÄ in integer quarters (0.25 VZÄ) and dates as
 * integer days, so that nothing depends on floating-point rounding or time zones.
 * Every figure per Kreis or municipality is synthetic; the recipient
 * municipalities are real Gemeinden (official AGS and name from the shipped
 * boundaries, `reference/geo/bw-gemeinden.geojson`), chosen at random.
 */
import type { Foerderbereich } from "../schema/input-tables.ts";
import { loadGemeinden, type Gemeinde } from "../reference/gemeinden.ts";
import { loadKreise, type Kreis } from "../reference/kreise.ts";
import {
  ANNAHMEN,
  AU_LANDESWEIT,
  DEFAULT_SEED,
  FAKTEN,
  HAUSHALT,
  RUNDEN,
  STAND,
  type Runde,
} from "./calibration.ts";
import {
  addMonths,
  day,
  firstOfNextMonth,
  fromIso,
  german,
  halfYearEnds,
  monthsInclusive,
  workday,
  yearOf,
  type Day,
} from "./dates.ts";
import { germanCents } from "./format.ts";
import { Rng } from "./random.ts";

export type Status = "beantragt" | "bewilligt" | "abgelehnt" | "zurueckgezogen";
export type Zahlungsart = "abschlag" | "schlusszahlung" | "rueckforderung";
export type Traeger = "gemeinde" | "landkreis" | "freier_traeger";
export type Qualifikation = "hochschulabschluss" | "nachqualifizierung";

export interface HaushaltZeile {
  haushaltsjahr: number;
  foerderbereich: Foerderbereich;
  ansatzCents: number;
}

export interface Bewilligung {
  aktenzeichen: string;
  empfaenger_ags: string;
  empfaenger_name: string;
  foerderbereich: Foerderbereich;
  status: Status;
  antrag_datum: Day;
  bescheid_datum: Day | null;
  beginn: Day;
  ende: Day;
  bewilligtCents: number;
  /** Quarters of a VZÄ; null outside integration management. */
  vzaeQuarters: number | null;
}

export interface Auszahlung {
  zahlung_id: string;
  aktenzeichen: string;
  buchungsdatum: Day;
  betragCents: number;
  art: Zahlungsart;
}

export interface StellenZeile {
  aktenzeichen: string;
  stichtag: Day;
  stelle_nr: string;
  vzaeQuarters: number;
  besetzt: boolean;
  anstellungstraeger: Traeger;
  qualifikation: Qualifikation | null;
  name: string | null;
}

export interface AuZeile {
  kreis_ags: string;
  stichtag: Day;
  personen: number;
}

export interface Auffaelligkeit {
  tabelle: string;
  aktenzeichen: string;
  beschreibung: string;
}

export interface Dataset {
  seed: number | string;
  scale: number;
  stand: Day;
  haushalt: HaushaltZeile[];
  bewilligungen: Bewilligung[];
  auszahlungen: Auszahlung[];
  stellen: StellenZeile[];
  gefluechteteAu: AuZeile[];
  /** Deliberate oddities that the checks should report as warnings. */
  auffaelligkeiten: Auffaelligkeit[];
}

export interface GenerateOptions {
  seed?: number | string;
  /** Multiplies amounts and counts (recipients, grants, positions, payments). Default 1. */
  scale?: number;
}

// ---------------------------------------------------------------------------
// Internal model
// ---------------------------------------------------------------------------

type RecipientKind = "stadtkreis" | "landkreis" | "gemeinde";

interface Recipient {
  ags: string;
  name: string;
  kind: RecipientKind;
  kreis: KreisInfo;
  /** Joins the first round late (beginn 01.10.2017 or 01.01.2018), null = on time. */
  spaetBeginn: Day | null;
  positions: Position[];
}

interface KreisInfo {
  kreis: Kreis;
  /** Mean days from application to decision (varies by Kreis). */
  bearbeitung: number;
  recipients: Recipient[];
  /** Real Gemeinden of the Kreis that are no recipients (for applicants that were not funded). */
  freieGemeinden: Gemeinde[];
  /** Kreis itself as recipient. */
  selbst: Recipient;
}

interface Position {
  nr: string;
  quarters: number;
  qualifikation: Qualifikation;
  traeger: Traeger;
  occupant: string | null;
  seen: boolean;
}

type Code = "IM" | "IMZ" | "DIG" | "SB" | "SE" | "EA" | "TR" | "SR" | "QG";

interface Grant {
  code: Code;
  row: Bewilligung;
  positions: Position[] | null;
  /** Share of the grant the proof of use will show as spent (1 = all). */
  verwendet: number;
  /** Index in creation order, the last tie-breaker for numbering. */
  seq: number;
  runde: string | null;
}

/** Aktenzeichen codes of the project areas (every area but integration management and the digital programme). */
const FB_CODE: Record<string, Code> = {
  schule_beruf: "SB",
  spracherwerb: "SE",
  ehrenamt: "EA",
  traumarehabilitation: "TR",
  sinti_roma: "SR",
  queere_gefluechtete: "QG",
};
const projectCode = (fb: Foerderbereich): Code => {
  const c = FB_CODE[fb];
  if (!c) throw new Error(`Kein Aktenzeichen-Kürzel für Förderbereich ${fb}`);
  return c;
};

const VORNAMEN = [
  "Anna", "Jonas", "Lena", "Jürgen", "Özlem", "Max", "Erika", "Lukas", "Sophie", "Björn",
  "Mia", "Elias", "Hanna", "Jörg", "Lea", "Paul", "Emilia", "Ali", "Nora", "Felix",
] as const;
const NACHNAMEN = [
  "Mustermann", "Musterfrau", "Beispiel", "Platzhalter", "Fiktiv", "Exempel", "Testmann",
  "Probe", "Vorlage", "Schablone", "Muster-Müller", "Beispielhaft", "Erfunden", "Attrappe",
] as const;

const RATE_HOCHSCHULE = ANNAHMEN.foerdersatzHochschule.wert;
const RATE_NACHQUALI = ANNAHMEN.foerdersatzNachqualifizierung.wert;
const ANTEIL_HOCHSCHULE = ANNAHMEN.anteilHochschule.wert;
const MITTLERER_SATZ = ANTEIL_HOCHSCHULE * RATE_HOCHSCHULE + (1 - ANTEIL_HOCHSCHULE) * RATE_NACHQUALI;

const rateOf = (q: Qualifikation) => (q === "hochschulabschluss" ? RATE_HOCHSCHULE : RATE_NACHQUALI);

/** Splits `total` (integer) by weights so that the parts add up exactly (largest remainder). */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new Error("splitInteger: weights sum to 0");
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map((x) => Math.floor(x));
  let rest = total - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) {
    const idx = (order[j] as { i: number }).i;
    out[idx] = (out[idx] as number) + 1;
  }
  return out;
}

/**
 * A grant's amount spread over the calendar days of its period (both ends
 * inclusive), per calendar year; cents rounded cumulatively so that the years add
 * up exactly to the amount (the contract's definition of `bewilligt_eur` per year).
 */
export function proRataByYear(cents: number, beginn: Day, ende: Day): Map<number, number> {
  const out = new Map<number, number>();
  const total = ende - beginn + 1;
  let done = 0;
  let booked = 0;
  for (let y = yearOf(beginn); y <= yearOf(ende); y++) {
    const from = Math.max(beginn, day(y, 1, 1));
    const to = Math.min(ende, day(y, 12, 31));
    done += to - from + 1;
    const cum = Math.round((cents * done) / total);
    out.set(y, cum - booked);
    booked = cum;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Generator
// ---------------------------------------------------------------------------

export function generate(options: GenerateOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`Ungültiger Maßstab: ${scale}`);
  const stand = fromIso(STAND.wert);
  const root = new Rng(String(seed), "pik-monitor-sample-data");
  const kreise = loadKreise();

  // --- haushalt -------------------------------------------------------------
  const haushalt: HaushaltZeile[] = HAUSHALT.map((a) => ({
    haushaltsjahr: a.jahr,
    foerderbereich: a.foerderbereich,
    ansatzCents: Math.round(a.eur * scale * 100),
  }));
  const ansatzCents = (jahr: number, fb: Foerderbereich): number =>
    haushalt.find((h) => h.haushaltsjahr === jahr && h.foerderbereich === fb)?.ansatzCents ?? 0;

  // --- gefluechtete_au --------------------------------------------------------
  const auRng = root.fork("gefluechtete_au");
  const kreisFaktor = kreise.map((k) => auRng.uniform(0.8, 1.2) * (k.kreis_typ === "Stadtkreis" ? 1.15 : 1));
  const gefluechteteAu: AuZeile[] = [];
  const au2017 = new Map<string, number>();
  for (const [jahrText, landesweit] of Object.entries(AU_LANDESWEIT)) {
    const jahr = Number(jahrText);
    const weights = kreise.map((k, i) => k.einwohner * (kreisFaktor[i] as number) * auRng.uniform(0.97, 1.03));
    const parts = splitInteger(Math.round(landesweit * scale), weights);
    kreise.forEach((k, i) => {
      const personen = parts[i] as number;
      gefluechteteAu.push({ kreis_ags: k.kreis_ags, stichtag: day(jahr, 9, 15), personen });
      if (jahr === 2017) au2017.set(k.kreis_ags, personen);
    });
  }

  // --- recipients ---------------------------------------------------------------
  const recRng = root.fork("empfaenger");
  // Which real Gemeinden receive grants: an own stream, so that every other draw
  // (and so every figure) is the same as with the former fictitious keys.
  const gemRng = root.fork("gemeinden");
  const gemeindenJeKreis = new Map<string, Gemeinde[]>();
  for (const g of loadGemeinden()) gemeindenJeKreis.set(g.kreis_ags, [...(gemeindenJeKreis.get(g.kreis_ags) ?? []), g]);
  const kreisInfos: KreisInfo[] = kreise.map((kreis) => {
    const selbst: Recipient = {
      ags: kreis.kreis_ags,
      name: kreis.kreis_typ === "Stadtkreis" ? `Stadt ${kreis.kreis_name}` : `Landratsamt ${kreis.kreis_name}`,
      kind: kreis.kreis_typ === "Stadtkreis" ? "stadtkreis" : "landkreis",
      kreis: undefined as unknown as KreisInfo,
      spaetBeginn: null,
      positions: [],
    };
    const info: KreisInfo = {
      kreis,
      bearbeitung: recRng.uniform(20, 80),
      recipients: [selbst],
      freieGemeinden: [],
      selbst,
    };
    selbst.kreis = info;
    if (kreis.kreis_typ === "Landkreis") {
      // At least two municipalities per Landkreis at full scale; small benchmark scales may have none;
      // never more than the Kreis has Gemeinden.
      const real = gemeindenJeKreis.get(kreis.kreis_ags) ?? [];
      const wanted = Math.min(900, Math.max(scale >= 1 ? 2 : 0, Math.round((kreis.einwohner / 40_000) * scale)));
      const count = Math.min(wanted, real.length);
      // The former draw of fictitious numbers, kept so that the random sequence stays the same.
      const upper = Math.min(999, Math.max(90, Math.ceil(wanted * 1.5)));
      recRng.shuffle(Array.from({ length: upper }, (_, i) => i + 1));
      const chosen = gemRng
        .shuffle(real)
        .slice(0, count)
        .sort((a, b) => cmp(a.gemeinde_ags, b.gemeinde_ags));
      const taken = new Set(chosen);
      info.freieGemeinden = real.filter((g) => !taken.has(g));
      for (const g of chosen) {
        const spaet = recRng.chance(0.08) ? (recRng.chance(0.6) ? day(2017, 10, 1) : day(2018, 1, 1)) : null;
        recRng.chance(0.3); // formerly „Stadt“ or „Gemeinde“ of a fictitious name; now the official designation
        info.recipients.push({
          ags: g.gemeinde_ags,
          name: `${g.gemeinde_typ} ${g.gemeinde_name}`,
          kind: "gemeinde",
          kreis: info,
          spaetBeginn: spaet,
          positions: [],
        });
      }
    }
    return info;
  });
  const allRecipients = kreisInfos.flatMap((k) => k.recipients);

  // --- positions of the first round -------------------------------------------
  const posRng = root.fork("stellen-plan");
  const drawQuarters = (rng: Rng): number => rng.weighted([4, 3, 2, 1], [0.45, 0.2, 0.3, 0.05]);
  const traegerFor = (rng: Rng, kind: RecipientKind): Traeger =>
    rng.chance(0.3) ? "freier_traeger" : kind === "landkreis" ? "landkreis" : "gemeinde";
  const newPosition = (rng: Rng, r: Recipient, quarters: number): Position => ({
    nr: String(r.positions.length + 1).padStart(3, "0"),
    quarters,
    qualifikation: rng.chance(ANTEIL_HOCHSCHULE) ? "hochschulabschluss" : "nachqualifizierung",
    traeger: traegerFor(rng, r.kind),
    occupant: null,
    seen: false,
  });
  const fillPositions = (rng: Rng, r: Recipient, quarters: number, into: Position[]) => {
    let rest = quarters;
    while (rest > 0) {
      const q = Math.min(rest, drawQuarters(rng));
      const p = newPosition(rng, r, q);
      r.positions.push(p);
      into.push(p);
      rest -= q;
    }
  };

  const imAnsatz = ansatzCents(2018, "integrationsmanagement") / 100;
  const totalQuarters = Math.floor(((ANNAHMEN.bindungsziel.wert * imAnsatz) / MITTLERER_SATZ) * 4);
  const kreisQuarters = splitInteger(
    totalQuarters,
    kreise.map((k) => au2017.get(k.kreis_ags) ?? 0),
  );
  const plan = new Map<Recipient, Position[]>();
  kreisInfos.forEach((info, i) => {
    const q = kreisQuarters[i] as number;
    const gemeinden = info.recipients.filter((r) => r.kind === "gemeinde");
    if (gemeinden.length === 0) {
      // Stadtkreis (or a Landkreis without municipal recipients at a small scale).
      const list: Position[] = [];
      fillPositions(posRng, info.selbst, Math.max(2, q), list);
      plan.set(info.selbst, list);
      return;
    }
    const selbstQ = Math.max(2, Math.round(q * posRng.uniform(0.25, 0.6)));
    const restQ = Math.max(2 * gemeinden.length, q - selbstQ);
    const shares = splitInteger(
      restQ - 2 * gemeinden.length,
      gemeinden.map(() => posRng.uniform(0.4, 1.6)),
    );
    const selbstList: Position[] = [];
    fillPositions(posRng, info.selbst, selbstQ, selbstList);
    plan.set(info.selbst, selbstList);
    gemeinden.forEach((g, j) => {
      const list: Position[] = [];
      fillPositions(posRng, g, 2 + (shares[j] as number), list);
      plan.set(g, list);
    });
  });

  // --- grants ---------------------------------------------------------------------
  const grants: Grant[] = [];
  const addGrant = (g: Omit<Grant, "seq">) => grants.push({ ...g, seq: grants.length });
  const bescheidNach = (rng: Rng, info: KreisInfo, antrag: Day, faktor = 1): Day =>
    workday(antrag + Math.max(5, Math.round(info.bearbeitung * rng.uniform(0.6, 1.6) * faktor)));
  const antragIn = (rng: Rng, von: Day, bis: Day): Day => Math.min(bis, workday(rng.int(von, bis)));
  const centsFor = (positions: readonly Position[], months: number): number =>
    Math.round((positions.reduce((s, p) => s + (p.quarters / 4) * rateOf(p.qualifikation), 0) / 12) * months * 100);
  const sumQ = (positions: readonly Position[]) => positions.reduce((s, p) => s + p.quarters, 0);

  // Integration management, regular rounds
  const imRng = root.fork("integrationsmanagement");
  const current = new Map<Recipient, Position[]>(plan);
  for (const runde of RUNDEN) {
    const beginnR = fromIso(runde.beginn);
    const endeR = fromIso(runde.ende);
    const von = fromIso(runde.antragVon);
    const bis = fromIso(runde.antragBis);
    if (runde.offen) {
      for (const r of allRecipients) {
        if (!imRng.chance(0.6)) continue;
        addGrant({
          code: "IM",
          runde: runde.id,
          positions: null,
          verwendet: 1,
          row: {
            aktenzeichen: "",
            empfaenger_ags: r.ags,
            empfaenger_name: r.name,
            foerderbereich: "integrationsmanagement",
            status: "beantragt",
            antrag_datum: antragIn(imRng, von, bis),
            bescheid_datum: null,
            beginn: beginnR,
            ende: endeR,
            bewilligtCents: 0,
            vzaeQuarters: 0,
          },
        });
      }
      continue;
    }
    evolveRound(imRng, runde, allRecipients, current);
    for (const r of allRecipients) {
      const positions = current.get(r);
      if (!positions) continue;
      const beginn = runde.id === "R1" && r.spaetBeginn !== null ? r.spaetBeginn : beginnR;
      const antrag =
        beginn === beginnR ? antragIn(imRng, von, bis) : antragIn(imRng, beginn - 80, beginn - 20);
      addGrant({
        code: "IM",
        runde: runde.id,
        positions,
        verwendet: 1,
        row: {
          aktenzeichen: "",
          empfaenger_ags: r.ags,
          empfaenger_name: r.name,
          foerderbereich: "integrationsmanagement",
          status: "bewilligt",
          antrag_datum: antrag,
          bescheid_datum: bescheidNach(imRng, r.kreis, antrag),
          beginn,
          ende: endeR,
          bewilligtCents: centsFor(positions, monthsInclusive(beginn, endeR)),
          vzaeQuarters: sumQ(positions),
        },
      });
    }
    // Applications that were not funded (other Gemeinden of the Kreis).
    const landkreise = kreisInfos.filter((k) => k.freieGemeinden.length > 0);
    const nichtGefoerdert = Math.max(1, Math.round(0.03 * allRecipients.length));
    for (let i = 0; i < nichtGefoerdert; i++) {
      const info = imRng.weighted(landkreise, landkreise.map((k) => k.kreis.einwohner));
      const gemeinde = imRng.pick(info.freieGemeinden);
      const antrag = antragIn(imRng, von, bis);
      const abgelehnt = imRng.chance(0.5);
      addGrant({
        code: "IM",
        runde: runde.id,
        positions: null,
        verwendet: 1,
        row: {
          aktenzeichen: "",
          empfaenger_ags: gemeinde.gemeinde_ags,
          empfaenger_name: `${gemeinde.gemeinde_typ} ${gemeinde.gemeinde_name}`,
          foerderbereich: "integrationsmanagement",
          status: abgelehnt ? "abgelehnt" : "zurueckgezogen",
          antrag_datum: antrag,
          bescheid_datum: abgelehnt ? bescheidNach(imRng, info, antrag, 1.5) : null,
          beginn: beginnR,
          ende: endeR,
          bewilligtCents: 0,
          vzaeQuarters: 0,
        },
      });
    }
  }

  // Integration management, extra funds 2022 (one grant per Kreis, by population).
  const zRng = root.fork("zusatz-2022");
  const zusatzCents = splitInteger(
    Math.round(FAKTEN.imZusatz2022.wert * scale * 100),
    kreise.map((k) => k.einwohner),
  );
  const zBeginn = day(2022, 4, 1);
  const zEnde = day(2022, 12, 31);
  const zFrist = fromIso(FAKTEN.zusatzAntragsfrist.wert);
  kreisInfos.forEach((info, i) => {
    const cents = zusatzCents[i] as number;
    const years = (zEnde - zBeginn + 1) / 365;
    const quarters = Math.max(1, Math.floor((cents / 100 / (MITTLERER_SATZ * years)) * 4));
    const positions: Position[] = [];
    fillPositions(zRng, info.selbst, quarters, positions);
    const antrag = antragIn(zRng, day(2022, 5, 16), zFrist);
    addGrant({
      code: "IMZ",
      runde: "Z2022",
      positions,
      verwendet: 1,
      row: {
        aktenzeichen: "",
        empfaenger_ags: info.selbst.ags,
        empfaenger_name: info.selbst.name,
        foerderbereich: "integrationsmanagement",
        status: "bewilligt",
        antrag_datum: antrag,
        bescheid_datum: bescheidNach(zRng, info, antrag),
        beginn: zBeginn,
        ende: zEnde,
        bewilligtCents: cents,
        vzaeQuarters: quarters,
      },
    });
  });

  // Digitalisation 2020: one application per Kreis area, amount by number of positions.
  const dRng = root.fork("digitalisierung");
  const ohne = new Set(dRng.shuffle(kreisInfos).slice(0, 3));
  const zurueck = [...ohne][0];
  const dBudget = Math.round(FAKTEN.digitalisierung.wert * scale * 100 * dRng.uniform(0.93, 0.98));
  const teilnehmer = kreisInfos.filter((k) => !ohne.has(k));
  const stellenJeKreis = (k: KreisInfo) => k.recipients.reduce((s, r) => s + (current.get(r)?.length ?? 0), 0);
  const dCents = splitInteger(Math.round(dBudget / 100), teilnehmer.map((k) => stellenJeKreis(k) + 5)).map((e) => e * 100);
  for (const info of kreisInfos) {
    const idx = teilnehmer.indexOf(info);
    if (idx < 0 && info !== zurueck) continue;
    const antrag = antragIn(dRng, day(2020, 4, 15), day(2020, 6, 15));
    addGrant({
      code: "DIG",
      runde: null,
      positions: null,
      verwendet: verwendung(dRng),
      row: {
        aktenzeichen: "",
        empfaenger_ags: info.selbst.ags,
        empfaenger_name: info.selbst.name,
        foerderbereich: "digitalisierung",
        status: idx < 0 ? "zurueckgezogen" : "bewilligt",
        antrag_datum: antrag,
        bescheid_datum: idx < 0 ? null : bescheidNach(dRng, info, antrag),
        beginn: day(2020, 7, 1),
        ende: day(2020, 12, 31),
        bewilligtCents: idx < 0 ? 0 : (dCents[idx] as number),
        vzaeQuarters: null,
      },
    });
  }

  // Project grants: schule_beruf, spracherwerb, ehrenamt.
  const pRng = root.fork("projekte");
  const kreisGewicht = kreisInfos.map((k) => k.kreis.einwohner);
  const pickRecipient = (): Recipient => {
    const info = pRng.weighted(kreisInfos, kreisGewicht);
    return pRng.chance(0.4) ? info.selbst : pRng.pick(info.recipients);
  };
  const projekt = (fb: Foerderbereich, jahr: number, status: Status, cents: number, antrag: Day, r: Recipient) => {
    const jahresEnde = day(jahr, 12, 31);
    let beginn = Math.max(day(jahr, 1, 1), firstOfNextMonth(antrag));
    if (beginn > day(jahr, 10, 1)) beginn = day(jahr, 10, 1);
    // beginn is always the first of a month, so this ends on a month's last day.
    const ende = pRng.chance(0.6) ? jahresEnde : Math.min(jahresEnde, addMonths(beginn, pRng.int(3, 9)) - 1);
    const bescheid = status === "bewilligt" || status === "abgelehnt" ? bescheidNach(pRng, r.kreis, antrag) : null;
    addGrant({
      code: projectCode(fb),
      runde: null,
      positions: null,
      verwendet: verwendung(pRng),
      row: {
        aktenzeichen: "",
        empfaenger_ags: r.ags,
        empfaenger_name: r.name,
        foerderbereich: fb,
        status,
        antrag_datum: antrag,
        bescheid_datum: bescheid,
        beginn,
        ende: Math.max(ende, beginn),
        bewilligtCents: status === "bewilligt" ? cents : 0,
        vzaeQuarters: null,
      },
    });
  };
  const projektBereiche = Object.keys(FB_CODE);
  const letztesJahr = Math.max(...HAUSHALT.map((a) => a.jahr));
  for (let jahr = 2017; jahr <= letztesJahr; jahr++) {
    const von = jahr === 2017 ? day(2017, 4, 18) : day(jahr - 1, 11, 2);
    const bis = jahr === 2017 ? day(2017, 9, 29) : day(jahr, 6, 30);
    for (const fb of projektBereiche) {
      const ansatz = ansatzCents(jahr, fb);
      if (ansatz <= 0) continue;
      const ziel = Math.round(ansatz * pRng.uniform(0.86, 0.96));
      let summe = 0;
      while (ziel - summe >= 1_200_000) {
        let cents = drawProjectCents(pRng);
        if (summe + cents > ziel) cents = ziel - summe;
        summe += cents;
        projekt(fb, jahr, "bewilligt", cents, antragIn(pRng, von, bis), pickRecipient());
        // Not every application is funded.
        if (pRng.chance(0.1)) {
          projekt(fb, jahr, pRng.chance(0.6) ? "abgelehnt" : "zurueckgezogen", 0, antragIn(pRng, von, bis), pickRecipient());
        }
      }
    }
  }
  // Pending applications for next year's projects (recent only), in the areas that run now.
  const offen = Math.max(1, Math.round(8 * scale));
  const laufend = projektBereiche.filter((fb) => ansatzCents(letztesJahr, fb) > 0);
  const naechstes = letztesJahr + 1;
  for (let i = 0; i < offen; i++) {
    const fb = pRng.pick(laufend);
    const r = pickRecipient();
    const antrag = antragIn(pRng, day(letztesJahr, 9, 15), day(letztesJahr, 11, 27));
    addGrant({
      code: projectCode(fb),
      runde: null,
      positions: null,
      verwendet: 1,
      row: {
        aktenzeichen: "",
        empfaenger_ags: r.ags,
        empfaenger_name: r.name,
        foerderbereich: fb,
        status: "beantragt",
        antrag_datum: antrag,
        bescheid_datum: null,
        beginn: day(naechstes, 1, 1),
        ende: day(naechstes, 12, 31),
        bewilligtCents: 0,
        vzaeQuarters: null,
      },
    });
  }

  // A decision after the data date cannot be known yet: such applications are pending.
  for (const g of grants) {
    if (g.row.bescheid_datum !== null && g.row.bescheid_datum > stand) {
      g.row.status = "beantragt";
      g.row.bescheid_datum = null;
      g.row.bewilligtCents = 0;
      if (g.row.vzaeQuarters !== null) g.row.vzaeQuarters = 0;
      g.positions = null;
    }
  }

  numberGrants(grants);

  // --- staffing reports (and the share actually spent per IM grant) ------------
  const sRng = root.fork("stellenmeldungen");
  const stellen: StellenZeile[] = [];
  const imGrants = grants
    .filter((g) => g.positions !== null && g.row.status === "bewilligt")
    .sort((a, b) => a.row.beginn - b.row.beginn || a.seq - b.seq);
  const personName = () => `${sRng.pick(VORNAMEN)} ${sRng.pick(NACHNAMEN)}`;
  for (const g of imGrants) {
    const positions = g.positions as Position[];
    const stichtage = halfYearEnds(g.row.beginn, Math.min(g.row.ende, stand));
    let filledQ = 0;
    for (const s of stichtage) {
      for (const p of positions) {
        if (!p.seen) {
          p.seen = true;
          p.occupant = sRng.chance(g.code === "IMZ" ? 0.7 : 0.78) ? personName() : null;
        } else if (p.occupant !== null) {
          const r = sRng.next();
          if (r < 0.04) p.occupant = null;
          else if (r < 0.06) p.occupant = personName();
        } else if (sRng.chance(0.6)) {
          p.occupant = personName();
        }
        const besetzt = p.occupant !== null;
        if (besetzt) filledQ += p.quarters;
        stellen.push({
          aktenzeichen: g.row.aktenzeichen,
          stichtag: s,
          stelle_nr: p.nr,
          vzaeQuarters: p.quarters,
          besetzt,
          anstellungstraeger: p.traeger,
          qualifikation: besetzt ? p.qualifikation : null,
          name: p.occupant,
        });
      }
    }
    const totalQ = sumQ(positions) * Math.max(1, stichtage.length);
    g.verwendet = Math.min(1, filledQ / totalQ + sRng.uniform(0.02, 0.06));
  }
  stellen.sort(
    (a, b) =>
      a.stichtag - b.stichtag ||
      cmp(a.aktenzeichen, b.aktenzeichen) ||
      cmp(a.stelle_nr, b.stelle_nr),
  );

  // --- payments ---------------------------------------------------------------------
  const zRng2 = root.fork("auszahlungen");
  const zahlungen: Omit<Auszahlung, "zahlung_id">[] = [];
  const bewilligt = grants.filter((g) => g.row.status === "bewilligt").sort((a, b) => cmp(a.row.aktenzeichen, b.row.aktenzeichen));
  for (const g of bewilligt) {
    zahlungen.push(...paymentsFor(zRng2, g, stand));
  }

  // One deliberate oddity: a final payment booked twice (payments above the grant).
  const auffaelligkeiten: Auffaelligkeit[] = [];
  const r3 = bewilligt.filter((g) => g.runde === "R3");
  for (const g of r3) {
    const eigene = zahlungen.filter((z) => z.aktenzeichen === g.row.aktenzeichen);
    const schluss = eigene.find((z) => z.art === "schlusszahlung");
    const netto = eigene.reduce((s, z) => s + z.betragCents, 0);
    if (!schluss || netto + schluss.betragCents <= g.row.bewilligtCents) continue;
    const doppelt = { ...schluss, buchungsdatum: workday(schluss.buchungsdatum + 3) };
    if (doppelt.buchungsdatum > stand) continue;
    zahlungen.push(doppelt);
    auffaelligkeiten.push({
      tabelle: "auszahlungen",
      aktenzeichen: g.row.aktenzeichen,
      beschreibung: `Schlusszahlung über ${germanCents(schluss.betragCents)} € am ${german(schluss.buchungsdatum)} und am ${german(doppelt.buchungsdatum)} doppelt gebucht: die Auszahlungen übersteigen die Bewilligung um ${germanCents(netto + schluss.betragCents - g.row.bewilligtCents)} € (erwartete Warnung der Prüfung).`,
    });
    break;
  }

  const artOrder: Record<Zahlungsart, number> = { abschlag: 0, schlusszahlung: 1, rueckforderung: 2 };
  zahlungen.sort(
    (a, b) =>
      a.buchungsdatum - b.buchungsdatum ||
      cmp(a.aktenzeichen, b.aktenzeichen) ||
      artOrder[a.art] - artOrder[b.art] ||
      a.betragCents - b.betragCents,
  );
  const proJahr = new Map<number, number>();
  const auszahlungen: Auszahlung[] = zahlungen.map((z) => {
    const y = yearOf(z.buchungsdatum);
    const n = (proJahr.get(y) ?? 0) + 1;
    proJahr.set(y, n);
    return { zahlung_id: `${y}-${String(n).padStart(6, "0")}`, ...z };
  });

  const bewilligungen = grants.map((g) => g.row).sort((a, b) => cmp(a.aktenzeichen, b.aktenzeichen));
  gefluechteteAu.sort((a, b) => a.stichtag - b.stichtag || cmp(a.kreis_ags, b.kreis_ags));

  return { seed, scale, stand, haushalt, bewilligungen, auszahlungen, stellen, gefluechteteAu, auffaelligkeiten };
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Changes to the recipients' positions at the start of a round: in R3 and R5 about
 * 10 % drop their last position and about 10 % add a 0.5-VZÄ position, but only as
 * many quarters are added as were dropped (the volume stays "unchanged", and the
 * appropriation is never exceeded); in a round with a smaller volume every
 * recipient keeps the positions that fit into its share.
 */
function evolveRound(rng: Rng, runde: Runde, recipients: readonly Recipient[], current: Map<Recipient, Position[]>): void {
  if (runde.id === "R3" || runde.id === "R5") {
    let dropped = 0;
    const adders: Recipient[] = [];
    for (const r of recipients) {
      const positions = current.get(r);
      if (!positions) continue;
      const x = rng.next();
      if (x < 0.1 && positions.length > 1) {
        const out = positions.slice(0, -1);
        dropped += (positions[positions.length - 1] as Position).quarters;
        current.set(r, out);
      } else if (x >= 0.1 && x < 0.2) {
        adders.push(r);
      }
    }
    for (const r of adders) {
      if (dropped < 2) break;
      dropped -= 2;
      const p: Position = {
        nr: String(r.positions.length + 1).padStart(3, "0"),
        quarters: 2,
        qualifikation: rng.chance(ANTEIL_HOCHSCHULE) ? "hochschulabschluss" : "nachqualifizierung",
        traeger: rng.chance(0.3) ? "freier_traeger" : r.kind === "landkreis" ? "landkreis" : "gemeinde",
        occupant: null,
        seen: false,
      };
      r.positions.push(p);
      current.set(r, [...(current.get(r) ?? []), p]);
    }
    return;
  }
  if (runde.umfang < 1) {
    const quarters = (ps: readonly Position[]) => ps.reduce((s, p) => s + p.quarters, 0);
    let before = 0;
    let after = 0;
    for (const r of recipients) {
      const positions = current.get(r);
      if (!positions) continue;
      const limit = Math.round(runde.umfang * quarters(positions));
      const out: Position[] = [];
      let q = 0;
      for (const p of positions) {
        if (out.length > 0 && q + p.quarters > limit) continue;
        out.push(p);
        q += p.quarters;
      }
      before += quarters(positions);
      after += q;
      current.set(r, out);
    }
    // At small scales "at least one position each" can exceed the share: trim the largest.
    const globalLimit = Math.round(runde.umfang * before);
    const bySize = recipients.filter((r) => current.has(r));
    while (after > globalLimit) {
      bySize.sort((a, b) => quarters(current.get(b) ?? []) - quarters(current.get(a) ?? []) || (a.ags < b.ags ? -1 : 1));
      const largest = current.get(bySize[0] as Recipient) ?? [];
      if (largest.length <= 1) break;
      after -= (largest[largest.length - 1] as Position).quarters;
      current.set(bySize[0] as Recipient, largest.slice(0, -1));
    }
  }
}

/** Amount of a project grant: 12,000–220,000 €, mostly round. */
function drawProjectCents(rng: Rng): number {
  const euros = Math.exp(rng.uniform(Math.log(12_000), Math.log(220_000)));
  const x = rng.next();
  if (x < 0.5) return Math.round(euros / 100) * 10_000;
  if (x < 0.8) return Math.round(euros) * 100;
  return Math.round(euros * 100);
}

/** Share of a non-IM grant shown as spent in the proof of use. */
function verwendung(rng: Rng): number {
  const x = rng.next();
  if (x < 0.75) return 1;
  if (x < 0.92) return 1 - rng.uniform(0.01, 0.08);
  return 1 - rng.uniform(0.1, 0.3);
}

function numberGrants(grants: Grant[]): void {
  const sorted = grants.slice().sort(
    (a, b) =>
      cmp(a.code, b.code) ||
      yearOf(a.row.antrag_datum) - yearOf(b.row.antrag_datum) ||
      a.row.antrag_datum - b.row.antrag_datum ||
      cmp(a.row.empfaenger_ags, b.row.empfaenger_ags) ||
      a.seq - b.seq,
  );
  const counters = new Map<string, number>();
  for (const g of sorted) {
    const key = `${g.code}-${yearOf(g.row.antrag_datum)}`;
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    g.row.aktenzeichen = `RPS15.2-${key}-${String(n).padStart(4, "0")}`;
  }
}

function paymentsFor(rng: Rng, g: Grant, stand: Day): Omit<Auszahlung, "zahlung_id">[] {
  const { row } = g;
  const out: Omit<Auszahlung, "zahlung_id">[] = [];
  const book = (d: Day, cents: number, art: Zahlungsart) => {
    if (d <= stand && cents !== 0) out.push({ aktenzeichen: row.aktenzeichen, buchungsdatum: d, betragCents: cents, art });
  };
  const bescheid = row.bescheid_datum as Day;
  const im = row.foerderbereich === "integrationsmanagement";
  const months = monthsInclusive(row.beginn, row.ende);
  const n = im && months >= 12 ? Math.ceil(months / 6) : 1;
  const abschlagTotal = Math.round(row.bewilligtCents * (im ? 0.9 : 0.8));
  const base = Math.floor(abschlagTotal / n);
  for (let k = 0; k < n; k++) {
    const due = addMonths(row.beginn, 6 * k);
    const cents = k === n - 1 ? abschlagTotal - base * (n - 1) : base;
    book(workday(Math.max(due, bescheid + 7) + rng.int(2, 20)), cents, "abschlag");
  }
  const verwendet = Math.round(row.bewilligtCents * g.verwendet);
  const pruefung = workday(row.ende + rng.int(95, 280));
  const diff = verwendet - abschlagTotal;
  if (diff > 0) book(pruefung, diff, "schlusszahlung");
  else if (diff < 0) book(workday(pruefung + rng.int(14, 60)), diff, "rueckforderung");
  return out;
}
