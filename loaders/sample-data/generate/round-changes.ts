/**
 * How the recipients' positions change between IM rounds, so that later rounds
 * are not copies of the first: some positions are swapped in R3 and R5, and a
 * round with a smaller volume keeps only what fits into it.
 */
import type { Runde } from "../calibration.ts";
import type { Rng } from "../random.ts";
import type { PositionPlan } from "./first-round-plan.ts";
import type { Position, Recipient } from "./model.ts";
import { newPosition, quartersOf } from "./positions.ts";

/** Changes `current` (positions per recipient) at the start of `runde`. */
export function evolveRound(rng: Rng, runde: Runde, recipients: readonly Recipient[], current: PositionPlan): void {
  if (runde.id === "R3" || runde.id === "R5") swapPositions(rng, recipients, current);
  else if (runde.umfang < 1) shrinkToVolume(runde.umfang, recipients, current);
}

/**
 * About 10 % drop their last position and about 10 % add a 0.5-VZÄ position,
 * but only as many quarters are added as were dropped: the volume stays
 * "unchanged", and the appropriation is never exceeded.
 */
function swapPositions(rng: Rng, recipients: readonly Recipient[], current: PositionPlan): void {
  let dropped = 0;
  const adders: Recipient[] = [];
  for (const r of recipients) {
    const positions = current.get(r);
    if (!positions) continue;
    const x = rng.next();
    if (x < 0.1 && positions.length > 1) {
      dropped += (positions[positions.length - 1] as Position).quarters;
      current.set(r, positions.slice(0, -1));
    } else if (x >= 0.1 && x < 0.2) {
      adders.push(r);
    }
  }
  for (const r of adders) {
    if (dropped < 2) break;
    dropped -= 2;
    const p = newPosition(rng, r, 2);
    r.positions.push(p);
    current.set(r, [...(current.get(r) ?? []), p]);
  }
}

/**
 * Every recipient keeps the positions that fit into its share of the smaller
 * volume (at least one). At small scales "at least one position each" can exceed
 * the share in total: then the largest recipients lose positions.
 */
function shrinkToVolume(umfang: number, recipients: readonly Recipient[], current: PositionPlan): void {
  let before = 0;
  let after = 0;
  for (const r of recipients) {
    const positions = current.get(r);
    if (!positions) continue;
    const limit = Math.round(umfang * quartersOf(positions));
    const out: Position[] = [];
    let q = 0;
    for (const p of positions) {
      if (out.length > 0 && q + p.quarters > limit) continue;
      out.push(p);
      q += p.quarters;
    }
    before += quartersOf(positions);
    after += q;
    current.set(r, out);
  }
  const globalLimit = Math.round(umfang * before);
  const bySize = recipients.filter((r) => current.has(r));
  while (after > globalLimit) {
    bySize.sort((a, b) => quartersOf(current.get(b) ?? []) - quartersOf(current.get(a) ?? []) || (a.ags < b.ags ? -1 : 1));
    const largest = current.get(bySize[0] as Recipient) ?? [];
    if (largest.length <= 1) break;
    after -= (largest[largest.length - 1] as Position).quarters;
    current.set(bySize[0] as Recipient, largest.slice(0, -1));
  }
}
