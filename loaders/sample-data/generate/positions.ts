/**
 * Creating funded IM positions. A position belongs to its recipient for good
 * (its number counts up per recipient), so later rounds keep and report the same
 * positions instead of inventing new ones.
 */
import type { Traeger } from "../dataset.ts";
import type { Rng } from "../random.ts";
import { ANTEIL_HOCHSCHULE } from "./funding-rates.ts";
import type { Position, Recipient, RecipientKind } from "./model.ts";

export const quartersOf = (positions: readonly Position[]): number => positions.reduce((s, p) => s + p.quarters, 0);

const drawQuarters = (rng: Rng): number => rng.weighted([4, 3, 2, 1], [0.45, 0.2, 0.3, 0.05]);

const traegerFor = (rng: Rng, kind: RecipientKind): Traeger =>
  rng.chance(0.3) ? "freier_traeger" : kind === "landkreis" ? "landkreis" : "gemeinde";

/** A new position of `r` (not yet added to `r.positions`). */
export const newPosition = (rng: Rng, r: Recipient, quarters: number): Position => ({
  nr: String(r.positions.length + 1).padStart(3, "0"),
  quarters,
  qualifikation: rng.chance(ANTEIL_HOCHSCHULE) ? "hochschulabschluss" : "nachqualifizierung",
  traeger: traegerFor(rng, r.kind),
  occupant: null,
  seen: false,
});

/** Adds positions of random size to `r` (and to `into`) until they hold `quarters`. */
export function fillPositions(rng: Rng, r: Recipient, quarters: number, into: Position[]): void {
  let rest = quarters;
  while (rest > 0) {
    const q = Math.min(rest, drawQuarters(rng));
    const p = newPosition(rng, r, q);
    r.positions.push(p);
    into.push(p);
    rest -= q;
  }
}
