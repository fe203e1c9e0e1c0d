/**
 * Table `bewilligungen`, the project areas (every area but integration
 * management and digitalisation): grants of typical project sizes until about
 * 90 % of each year's appropriation is committed, some refused or withdrawn
 * applications, and pending applications for the year after the last budget.
 */
import type { Foerderbereich } from "../../schema/input-tables.ts";
import { HAUSHALT } from "../calibration.ts";
import type { Status } from "../dataset.ts";
import { addMonths, day, firstOfNextMonth, type Day } from "../dates.ts";
import type { Rng } from "../random.ts";
import type { AnsatzLookup } from "./haushalt.ts";
import { addGrant, antragIn, bescheidNach, verwendung } from "./grants.ts";
import type { Code, Grant, KreisInfo, Recipient } from "./model.ts";

/** Aktenzeichen codes of the project areas. */
const FB_CODE: Record<string, Code> = {
  schule_beruf: "SB",
  spracherwerb: "SE",
  ehrenamt: "EA",
  traumarehabilitation: "TR",
  sinti_roma: "SR",
  queere_gefluechtete: "QG",
};
const PROJEKT_BEREICHE = Object.keys(FB_CODE);

const projectCode = (fb: Foerderbereich): Code => {
  const c = FB_CODE[fb];
  if (!c) throw new Error(`Kein Aktenzeichen-Kürzel für Förderbereich ${fb}`);
  return c;
};

/** What every project draw needs: one stream, the recipients weighted by population, the grant list. */
interface ProjectDraw {
  rng: Rng;
  kreisInfos: readonly KreisInfo[];
  kreisGewicht: number[];
  grants: Grant[];
}

export function projectGrants(rng: Rng, kreisInfos: readonly KreisInfo[], ansatz: AnsatzLookup, scale: number, grants: Grant[]): void {
  const d: ProjectDraw = { rng, kreisInfos, kreisGewicht: kreisInfos.map((k) => k.kreis.einwohner), grants };
  const letztesJahr = Math.max(...HAUSHALT.map((a) => a.jahr));
  for (let jahr = 2017; jahr <= letztesJahr; jahr++) {
    for (const fb of PROJEKT_BEREICHE) {
      const cents = ansatz(jahr, fb);
      if (cents > 0) areaYearGrants(d, fb, jahr, cents);
    }
  }
  pendingProjects(d, ansatz, letztesJahr, scale);
}

/** The Kreis itself in 40 % of the cases, else any recipient of a Kreis picked by population. */
function pickRecipient(d: ProjectDraw): Recipient {
  const info = d.rng.weighted(d.kreisInfos, d.kreisGewicht);
  return d.rng.chance(0.4) ? info.selbst : d.rng.pick(info.recipients);
}

/** Grants of one area and year until the rest of the target is below the smallest project. */
function areaYearGrants(d: ProjectDraw, fb: Foerderbereich, jahr: number, ansatzCents: number): void {
  const von = jahr === 2017 ? day(2017, 4, 18) : day(jahr - 1, 11, 2);
  const bis = jahr === 2017 ? day(2017, 9, 29) : day(jahr, 6, 30);
  const ziel = Math.round(ansatzCents * d.rng.uniform(0.86, 0.96));
  let summe = 0;
  while (ziel - summe >= 1_200_000) {
    let cents = drawProjectCents(d.rng);
    if (summe + cents > ziel) cents = ziel - summe;
    summe += cents;
    addProject(d, fb, jahr, "bewilligt", cents, antragIn(d.rng, von, bis), pickRecipient(d));
    // Not every application is funded.
    if (d.rng.chance(0.1)) {
      addProject(d, fb, jahr, d.rng.chance(0.6) ? "abgelehnt" : "zurueckgezogen", 0, antragIn(d.rng, von, bis), pickRecipient(d));
    }
  }
}

/** A project of the budget year: starts the month after the application, ends within the year. */
function addProject(d: ProjectDraw, fb: Foerderbereich, jahr: number, status: Status, cents: number, antrag: Day, r: Recipient): void {
  const jahresEnde = day(jahr, 12, 31);
  let beginn = Math.max(day(jahr, 1, 1), firstOfNextMonth(antrag));
  if (beginn > day(jahr, 10, 1)) beginn = day(jahr, 10, 1);
  // beginn is always the first of a month, so this ends on a month's last day.
  const ende = d.rng.chance(0.6) ? jahresEnde : Math.min(jahresEnde, addMonths(beginn, d.rng.int(3, 9)) - 1);
  const bescheid = status === "bewilligt" || status === "abgelehnt" ? bescheidNach(d.rng, r.kreis, antrag) : null;
  addGrant(d.grants, {
    code: projectCode(fb),
    runde: null,
    positions: null,
    verwendet: verwendung(d.rng),
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
}

/** Pending applications for next year's projects (recent only), in the areas that run now. */
function pendingProjects(d: ProjectDraw, ansatz: AnsatzLookup, letztesJahr: number, scale: number): void {
  const offen = Math.max(1, Math.round(8 * scale));
  const laufend = PROJEKT_BEREICHE.filter((fb) => ansatz(letztesJahr, fb) > 0);
  const naechstes = letztesJahr + 1;
  for (let i = 0; i < offen; i++) {
    const fb = d.rng.pick(laufend);
    const r = pickRecipient(d);
    const antrag = antragIn(d.rng, day(letztesJahr, 9, 15), day(letztesJahr, 11, 27));
    addGrant(d.grants, {
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
}

/** Amount of a project grant: 12,000–220,000 €, mostly round. */
function drawProjectCents(rng: Rng): number {
  const euros = Math.exp(rng.uniform(Math.log(12_000), Math.log(220_000)));
  const x = rng.next();
  if (x < 0.5) return Math.round(euros / 100) * 10_000;
  if (x < 0.8) return Math.round(euros) * 100;
  return Math.round(euros * 100);
}
