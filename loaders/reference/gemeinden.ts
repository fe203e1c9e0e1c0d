/**
 * Reference list of Baden-Württemberg's Gemeinden: official keys (AGS, 8 digits)
 * and names from the shipped boundaries (BKG VG5000, Stand 01.01.2021, layer
 * VG5000_GEM, dl-de/by-2-0; `reference/geo/bw-gemeinden.geojson`). The two
 * gemeindefreie Gebiete of the file are no Gemeinden and are left out here
 * (the map draws them as such).
 *
 * Used for: `ref.gemeinden` (names in `mittel_gemeinde_jahr`, the check of the
 * optional input table `gemeinden`) and the sample data (real keys and names,
 * synthetic figures).
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The shipped Gemeinde boundaries (also read by the map loader). */
export const SHIPPED_GEMEINDE_GEO = resolve(dirname(fileURLToPath(import.meta.url)), "../../reference/geo/bw-gemeinden.geojson");

export const GEMEINDEN_QUELLE = "BKG, Verwaltungsgebiete 1:5 000 000 (VG5000), Stand 01.01.2021, Lizenz dl-de/by-2-0";

export type GemeindeTyp = "Stadt" | "Gemeinde";

export interface Gemeinde {
  gemeinde_ags: string;
  gemeinde_name: string;
  /** `BEZ` of the source: Stadt or Gemeinde. */
  gemeinde_typ: GemeindeTyp;
  kreis_ags: string;
}

interface SourceFeature {
  properties: { AGS?: unknown; GEN?: unknown; BEZ?: unknown } | null;
}

let cache: Gemeinde[] | null = null;

/** The Gemeinden sorted by AGS (1,101 in the shipped file). */
export function loadGemeinden(path = SHIPPED_GEMEINDE_GEO): Gemeinde[] {
  if (path === SHIPPED_GEMEINDE_GEO && cache) return cache;
  const fc = JSON.parse(readFileSync(path, "utf8")) as { features: SourceFeature[] };
  const out: Gemeinde[] = [];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    const ags = String(p.AGS ?? "");
    const bez = String(p.BEZ ?? "");
    if (!/^08\d{6}$/.test(ags)) throw new Error(`Gemeindegrenzen: ungültiger AGS ${ags}`);
    if (bez !== "Stadt" && bez !== "Gemeinde") continue; // gemeindefreies Gebiet
    out.push({ gemeinde_ags: ags, gemeinde_name: String(p.GEN ?? ""), gemeinde_typ: bez, kreis_ags: ags.slice(0, 5) });
  }
  out.sort((a, b) => (a.gemeinde_ags < b.gemeinde_ags ? -1 : 1));
  if (path === SHIPPED_GEMEINDE_GEO) cache = out;
  return out;
}

/** DDL of the reference table in the warehouse. */
export const REF_GEMEINDEN_DDL = `CREATE TABLE ref.gemeinden (
  gemeinde_ags VARCHAR PRIMARY KEY,
  gemeinde_name VARCHAR NOT NULL,
  gemeinde_typ VARCHAR NOT NULL,
  kreis_ags VARCHAR NOT NULL
)`;
