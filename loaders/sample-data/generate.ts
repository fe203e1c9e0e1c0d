/**
 * Deterministic synthetic input data for PIK-Monitor (all five input tables),
 * calibrated on the published programme figures in `calibration.ts`.
 *
 * One step per table in `generate/`, called here in the order their shared
 * state requires. Every step draws from its own random stream (`root.fork`),
 * so a step's figures do not depend on how many numbers another step drew;
 * within a stream the order of draws is the output, so reordering calls inside
 * a step changes the data. Every figure per Kreis or municipality is synthetic;
 * the recipient municipalities are real Gemeinden (official AGS and name from
 * the shipped boundaries, `reference/geo/bw-gemeinden.geojson`), chosen at random.
 */
import { loadKreise } from "../reference/kreise.ts";
import { DEFAULT_SEED, STAND } from "./calibration.ts";
import type { Dataset, GenerateOptions } from "./dataset.ts";
import { fromIso } from "./dates.ts";
import { auszahlungenRows } from "./generate/auszahlungen.ts";
import { bewilligungenRows, drawGrants } from "./generate/bewilligungen.ts";
import { planFirstRound } from "./generate/first-round-plan.ts";
import { gefluechteteAuRows } from "./generate/gefluechtete-au.ts";
import { ansatzLookup, haushaltRows } from "./generate/haushalt.ts";
import { drawRecipients } from "./generate/recipients.ts";
import { staffingReports } from "./generate/stellen.ts";
import { Rng } from "./random.ts";

export type * from "./dataset.ts";

export function generate(options: GenerateOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`Ungültiger Maßstab: ${scale}`);
  const stand = fromIso(STAND.wert);
  const root = new Rng(String(seed), "pik-monitor-sample-data");
  const kreise = loadKreise();

  const haushalt = haushaltRows(scale);
  const ansatz = ansatzLookup(haushalt);
  const au = gefluechteteAuRows(root.fork("gefluechtete_au"), kreise, scale);
  const kreisInfos = drawRecipients(root.fork("empfaenger"), root.fork("gemeinden"), kreise, scale);
  const plan = planFirstRound(root.fork("stellen-plan"), kreisInfos, au.au2017, ansatz(2018, "integrationsmanagement") / 100);
  const grants = drawGrants(root, { kreisInfos, plan, ansatz, scale, stand });
  const stellen = staffingReports(root.fork("stellenmeldungen"), grants, stand);
  const { auszahlungen, auffaelligkeiten } = auszahlungenRows(root.fork("auszahlungen"), grants, stand);

  return {
    seed,
    scale,
    stand,
    haushalt,
    bewilligungen: bewilligungenRows(grants),
    auszahlungen,
    stellen,
    gefluechteteAu: au.rows,
    auffaelligkeiten,
  };
}
