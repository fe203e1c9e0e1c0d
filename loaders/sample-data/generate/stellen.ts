/**
 * Table `stellen`: staffing reports of the granted IM positions on every
 * half-year end of the grant period up to the data date. Positions carry their
 * occupant across grants, so a person stays on a position over the rounds. The
 * reports also fix the share of each IM grant the proof of use shows as spent.
 */
import type { StellenZeile } from "../dataset.ts";
import { halfYearEnds, type Day } from "../dates.ts";
import type { Rng } from "../random.ts";
import { cmp, type Grant, type Position } from "./model.ts";
import { quartersOf } from "./positions.ts";

/** Placeholder names only: real exports hold personal data in this column. */
const VORNAMEN = [
  "Anna", "Jonas", "Lena", "Jürgen", "Özlem", "Max", "Erika", "Lukas", "Sophie", "Björn",
  "Mia", "Elias", "Hanna", "Jörg", "Lea", "Paul", "Emilia", "Ali", "Nora", "Felix",
] as const;
const NACHNAMEN = [
  "Mustermann", "Musterfrau", "Beispiel", "Platzhalter", "Fiktiv", "Exempel", "Testmann",
  "Probe", "Vorlage", "Schablone", "Muster-Müller", "Beispielhaft", "Erfunden", "Attrappe",
] as const;

/** Reports in the order the grants began; sets `verwendet` of every reported grant. */
export function staffingReports(rng: Rng, grants: readonly Grant[], stand: Day): StellenZeile[] {
  const stellen: StellenZeile[] = [];
  const imGrants = grants
    .filter((g) => g.positions !== null && g.row.status === "bewilligt")
    .sort((a, b) => a.row.beginn - b.row.beginn || a.seq - b.seq);
  for (const g of imGrants) reportGrant(rng, g, stand, stellen);
  return stellen.sort(
    (a, b) =>
      a.stichtag - b.stichtag ||
      cmp(a.aktenzeichen, b.aktenzeichen) ||
      cmp(a.stelle_nr, b.stelle_nr),
  );
}

function reportGrant(rng: Rng, g: Grant, stand: Day, into: StellenZeile[]): void {
  const positions = g.positions as Position[];
  const stichtage = halfYearEnds(g.row.beginn, Math.min(g.row.ende, stand));
  let filledQ = 0;
  for (const s of stichtage) {
    for (const p of positions) {
      updateOccupant(rng, p, g.code === "IMZ" ? 0.7 : 0.78);
      const besetzt = p.occupant !== null;
      if (besetzt) filledQ += p.quarters;
      into.push({
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
  const totalQ = quartersOf(positions) * Math.max(1, stichtage.length);
  g.verwendet = Math.min(1, filledQ / totalQ + rng.uniform(0.02, 0.06));
}

/** First report: filled with `anfangsQuote`; later an occupant may leave or change, a vacancy may be filled. */
function updateOccupant(rng: Rng, p: Position, anfangsQuote: number): void {
  if (!p.seen) {
    p.seen = true;
    p.occupant = rng.chance(anfangsQuote) ? personName(rng) : null;
  } else if (p.occupant !== null) {
    const r = rng.next();
    if (r < 0.04) p.occupant = null;
    else if (r < 0.06) p.occupant = personName(rng);
  } else if (rng.chance(0.6)) {
    p.occupant = personName(rng);
  }
}

const personName = (rng: Rng) => `${rng.pick(VORNAMEN)} ${rng.pick(NACHNAMEN)}`;
