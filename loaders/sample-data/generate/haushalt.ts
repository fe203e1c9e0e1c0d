/**
 * Table `haushalt`: the published appropriations, scaled. Drawn first because
 * the budgets bound what the grant steps may commit.
 */
import type { Foerderbereich } from "../../schema/input-tables.ts";
import { HAUSHALT } from "../calibration.ts";
import type { HaushaltZeile } from "../dataset.ts";

export function haushaltRows(scale: number): HaushaltZeile[] {
  return HAUSHALT.map((a) => ({
    haushaltsjahr: a.jahr,
    foerderbereich: a.foerderbereich,
    ansatzCents: Math.round(a.eur * scale * 100),
  }));
}

/** Appropriation of a year and area in cents; 0 where the area had none that year. */
export type AnsatzLookup = (jahr: number, fb: Foerderbereich) => number;

export function ansatzLookup(haushalt: readonly HaushaltZeile[]): AnsatzLookup {
  return (jahr, fb) => haushalt.find((h) => h.haushaltsjahr === jahr && h.foerderbereich === fb)?.ansatzCents ?? 0;
}
