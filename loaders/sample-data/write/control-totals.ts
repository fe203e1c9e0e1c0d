/**
 * Control totals for the manifest, computed from the generated rows with the
 * data contract's definitions, so that a user can check the published tables
 * (and the warehouse) against the input without running the pipeline.
 */
import type { Foerderbereich } from "../../schema/input-tables.ts";
import { loadDefaultFoerderbereiche } from "../../reference/foerderbereiche.ts";
import type { Dataset } from "../dataset.ts";
import { iso, parts, type Day } from "../dates.ts";
import { proRataByYear } from "../integer-split.ts";

export interface JahresSumme {
  jahr: number;
  foerderbereich: Foerderbereich;
  ansatz_eur: number | null;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
}

export interface StichtagSumme {
  stichtag: string;
  vzae_bewilligt: number;
  vzae_besetzt: number;
  stellen: number;
  stellen_besetzt: number;
}

export interface Kontrollsummen {
  hinweis: string;
  jahre: JahresSumme[];
  stichtage: StichtagSumme[];
  gefluechtete_au: { stichtag: string; personen: number }[];
}

const FOERDERBEREICHE = loadDefaultFoerderbereiche().map((f) => f.foerderbereich);

const eur = (cents: number) => cents / 100;

export function controlTotals(data: Dataset): Kontrollsummen {
  return {
    hinweis:
      "Landesweite Summen aus den erzeugten Zeilen, nach den Definitionen des Datenvertrags (bewilligt_eur je Jahr: Betrag nach Kalendertagen verteilt, Cent je Zuwendung kumulativ gerundet – andere Rundungsverfahren können je Jahr um wenige Cent abweichen). Zum Abgleich mit den veröffentlichten Tabellen.",
    jahre: yearTotals(data),
    stichtage: stichtagTotals(data),
    gefluechtete_au: auTotals(data),
  };
}

/** Per year and area: appropriation, granted (pro rata by calendar days), paid and recovered. */
function yearTotals(data: Dataset): JahresSumme[] {
  const key = (jahr: number, fb: string) => `${jahr}|${fb}`;
  const sums = new Map<string, { bew: number; aus: number; rf: number }>();
  const get = (k: string) => {
    let e = sums.get(k);
    if (!e) sums.set(k, (e = { bew: 0, aus: 0, rf: 0 }));
    return e;
  };
  const fbOf = new Map<string, Foerderbereich>();
  for (const b of data.bewilligungen) {
    fbOf.set(b.aktenzeichen, b.foerderbereich);
    if (b.status !== "bewilligt") continue;
    for (const [y, c] of proRataByYear(b.bewilligtCents, b.beginn, b.ende)) get(key(y, b.foerderbereich)).bew += c;
  }
  for (const z of data.auszahlungen) {
    const e = get(key(parts(z.buchungsdatum).y, fbOf.get(z.aktenzeichen) ?? "?"));
    e.aus += z.betragCents;
    if (z.betragCents < 0) e.rf -= z.betragCents;
  }
  const ansatz = new Map(data.haushalt.map((h) => [key(h.haushaltsjahr, h.foerderbereich), h.ansatzCents]));
  const keys = new Set([...sums.keys(), ...ansatz.keys()]);
  return [...keys]
    .map((k) => {
      const [j, fb] = k.split("|") as [string, Foerderbereich];
      const e = sums.get(k) ?? { bew: 0, aus: 0, rf: 0 };
      const a = ansatz.get(k);
      return {
        jahr: Number(j),
        foerderbereich: fb,
        ansatz_eur: a === undefined ? null : eur(a),
        bewilligt_eur: eur(e.bew),
        ausgezahlt_eur: eur(e.aus),
        rueckforderung_eur: eur(e.rf),
      };
    })
    .sort((a, b) => a.jahr - b.jahr || FOERDERBEREICHE.indexOf(a.foerderbereich) - FOERDERBEREICHE.indexOf(b.foerderbereich));
}

/** Per reporting date: VZÄ granted by IM grants running then, VZÄ and positions filled. */
function stichtagTotals(data: Dataset): StichtagSumme[] {
  const perStichtag = new Map<Day, { q: number; n: number; nb: number }>();
  for (const s of data.stellen) {
    let e = perStichtag.get(s.stichtag);
    if (!e) perStichtag.set(s.stichtag, (e = { q: 0, n: 0, nb: 0 }));
    e.n++;
    if (s.besetzt) {
      e.q += s.vzaeQuarters;
      e.nb++;
    }
  }
  const imBewilligt = data.bewilligungen.filter(
    (b) => b.status === "bewilligt" && b.foerderbereich === "integrationsmanagement",
  );
  return [...perStichtag.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([s, e]) => ({
      stichtag: iso(s),
      vzae_bewilligt: imBewilligt.filter((b) => b.beginn <= s && b.ende >= s).reduce((x, b) => x + (b.vzaeQuarters ?? 0), 0) / 4,
      vzae_besetzt: e.q / 4,
      stellen: e.n,
      stellen_besetzt: e.nb,
    }));
}

function auTotals(data: Dataset): Kontrollsummen["gefluechtete_au"] {
  const auSum = new Map<Day, number>();
  for (const a of data.gefluechteteAu) auSum.set(a.stichtag, (auSum.get(a.stichtag) ?? 0) + a.personen);
  return [...auSum.entries()].sort((a, b) => a[0] - b[0]).map(([s, personen]) => ({ stichtag: iso(s), personen }));
}
