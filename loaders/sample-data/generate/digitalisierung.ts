/**
 * Table `bewilligungen`, digitalisation 2020: one application per Kreis area,
 * the amount by the number of IM positions there; three Kreise take no part,
 * one of them applied and withdrew.
 */
import { FAKTEN } from "../calibration.ts";
import { day } from "../dates.ts";
import { splitInteger } from "../integer-split.ts";
import type { Rng } from "../random.ts";
import type { PositionPlan } from "./first-round-plan.ts";
import { addGrant, antragIn, bescheidNach, verwendung } from "./grants.ts";
import type { Grant, KreisInfo } from "./model.ts";

/** `current`: positions per recipient after the last decided IM round. */
export function digitalisierungGrants(
  rng: Rng,
  kreisInfos: readonly KreisInfo[],
  current: PositionPlan,
  scale: number,
  grants: Grant[],
): void {
  const ohne = new Set(rng.shuffle(kreisInfos).slice(0, 3));
  const zurueck = [...ohne][0];
  const budget = Math.round(FAKTEN.digitalisierung.wert * scale * 100 * rng.uniform(0.93, 0.98));
  const teilnehmer = kreisInfos.filter((k) => !ohne.has(k));
  const stellenJeKreis = (k: KreisInfo) => k.recipients.reduce((s, r) => s + (current.get(r)?.length ?? 0), 0);
  const cents = splitInteger(Math.round(budget / 100), teilnehmer.map((k) => stellenJeKreis(k) + 5)).map((e) => e * 100);
  for (const info of kreisInfos) {
    const idx = teilnehmer.indexOf(info);
    if (idx < 0 && info !== zurueck) continue;
    const antrag = antragIn(rng, day(2020, 4, 15), day(2020, 6, 15));
    addGrant(grants, {
      code: "DIG",
      runde: null,
      positions: null,
      verwendet: verwendung(rng),
      row: {
        aktenzeichen: "",
        empfaenger_ags: info.selbst.ags,
        empfaenger_name: info.selbst.name,
        foerderbereich: "digitalisierung",
        status: idx < 0 ? "zurueckgezogen" : "bewilligt",
        antrag_datum: antrag,
        bescheid_datum: idx < 0 ? null : bescheidNach(rng, info, antrag),
        beginn: day(2020, 7, 1),
        ende: day(2020, 12, 31),
        bewilligtCents: idx < 0 ? 0 : (cents[idx] as number),
        vzaeQuarters: null,
      },
    });
  }
}
