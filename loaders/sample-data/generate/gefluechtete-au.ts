/**
 * Table `gefluechtete_au`: refugees in follow-up accommodation per Kreis and
 * year, the published state totals split by population with a stable factor per
 * Kreis. The 2017 figures also size each Kreis's share of the first IM round.
 */
import type { Kreis } from "../../reference/kreise.ts";
import { AU_LANDESWEIT } from "../calibration.ts";
import type { AuZeile } from "../dataset.ts";
import { day } from "../dates.ts";
import { splitInteger } from "../integer-split.ts";
import type { Rng } from "../random.ts";
import { cmp } from "./model.ts";

export interface GefluechteteAu {
  rows: AuZeile[];
  /** Persons per Kreis on the 2017 reference date. */
  au2017: Map<string, number>;
}

export function gefluechteteAuRows(rng: Rng, kreise: readonly Kreis[], scale: number): GefluechteteAu {
  const kreisFaktor = kreise.map((k) => rng.uniform(0.8, 1.2) * (k.kreis_typ === "Stadtkreis" ? 1.15 : 1));
  const rows: AuZeile[] = [];
  const au2017 = new Map<string, number>();
  for (const [jahrText, landesweit] of Object.entries(AU_LANDESWEIT)) {
    const jahr = Number(jahrText);
    const weights = kreise.map((k, i) => k.einwohner * (kreisFaktor[i] as number) * rng.uniform(0.97, 1.03));
    const parts = splitInteger(Math.round(landesweit * scale), weights);
    kreise.forEach((k, i) => {
      const personen = parts[i] as number;
      rows.push({ kreis_ags: k.kreis_ags, stichtag: day(jahr, 9, 15), personen });
      if (jahr === 2017) au2017.set(k.kreis_ags, personen);
    });
  }
  rows.sort((a, b) => a.stichtag - b.stichtag || cmp(a.kreis_ags, b.kreis_ags));
  return { rows, au2017 };
}
