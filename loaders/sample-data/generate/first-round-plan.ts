/**
 * The positions of the first IM round: enough VZÄ to commit the planned share
 * of the 2018 appropriation, split over the Kreise by refugees in follow-up
 * accommodation and within a Landkreis between the Kreis and its Gemeinden.
 * Later rounds start from this plan.
 */
import { ANNAHMEN } from "../calibration.ts";
import { splitInteger } from "../integer-split.ts";
import type { Rng } from "../random.ts";
import { MITTLERER_SATZ } from "./funding-rates.ts";
import type { KreisInfo, Position, Recipient } from "./model.ts";
import { fillPositions } from "./positions.ts";

export type PositionPlan = Map<Recipient, Position[]>;

export function planFirstRound(
  rng: Rng,
  kreisInfos: readonly KreisInfo[],
  au2017: ReadonlyMap<string, number>,
  imAnsatzEur: number,
): PositionPlan {
  const totalQuarters = Math.floor(((ANNAHMEN.bindungsziel.wert * imAnsatzEur) / MITTLERER_SATZ) * 4);
  const kreisQuarters = splitInteger(
    totalQuarters,
    kreisInfos.map((k) => au2017.get(k.kreis.kreis_ags) ?? 0),
  );
  const plan: PositionPlan = new Map();
  kreisInfos.forEach((info, i) => planKreis(rng, info, kreisQuarters[i] as number, plan));
  return plan;
}

function planKreis(rng: Rng, info: KreisInfo, q: number, plan: PositionPlan): void {
  const gemeinden = info.recipients.filter((r) => r.kind === "gemeinde");
  if (gemeinden.length === 0) {
    // Stadtkreis (or a Landkreis without municipal recipients at a small scale).
    const list: Position[] = [];
    fillPositions(rng, info.selbst, Math.max(2, q), list);
    plan.set(info.selbst, list);
    return;
  }
  const selbstQ = Math.max(2, Math.round(q * rng.uniform(0.25, 0.6)));
  const restQ = Math.max(2 * gemeinden.length, q - selbstQ);
  const shares = splitInteger(
    restQ - 2 * gemeinden.length,
    gemeinden.map(() => rng.uniform(0.4, 1.6)),
  );
  const selbstList: Position[] = [];
  fillPositions(rng, info.selbst, selbstQ, selbstList);
  plan.set(info.selbst, selbstList);
  gemeinden.forEach((g, j) => {
    const list: Position[] = [];
    fillPositions(rng, g, 2 + (shares[j] as number), list);
    plan.set(g, list);
  });
}
