/**
 * What a VZÄ of integration management costs per year: the funding rate depends
 * on the qualification, so grant amounts and planned volumes both go through here.
 */
import { ANNAHMEN } from "../calibration.ts";
import type { Qualifikation } from "../dataset.ts";
import type { Position } from "./model.ts";

const RATE_HOCHSCHULE = ANNAHMEN.foerdersatzHochschule.wert;
const RATE_NACHQUALI = ANNAHMEN.foerdersatzNachqualifizierung.wert;
export const ANTEIL_HOCHSCHULE = ANNAHMEN.anteilHochschule.wert;

/** Euros per VZÄ and year with the expected mix of qualifications (to turn budgets into positions). */
export const MITTLERER_SATZ = ANTEIL_HOCHSCHULE * RATE_HOCHSCHULE + (1 - ANTEIL_HOCHSCHULE) * RATE_NACHQUALI;

const rateOf = (q: Qualifikation) => (q === "hochschulabschluss" ? RATE_HOCHSCHULE : RATE_NACHQUALI);

/** Grant amount for the positions over `months` months, at each position's own rate. */
export const centsFor = (positions: readonly Position[], months: number): number =>
  Math.round((positions.reduce((s, p) => s + (p.quarters / 4) * rateOf(p.qualifikation), 0) / 12) * months * 100);
