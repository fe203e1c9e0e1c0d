// The values of the Anfrage-Assistent's table in the browser: the registry's
// formulas (metrics.js) over the basis rows of data/anfrage.json (integer cents
// and ten-thousandths), for all Förderbereiche or one.
import {groupSums, metricValue, roundHalfAway} from "./metrics.js";

/** A basis row's inputs in integer units; amounts of all areas, or of area `bereich` (absent: no money there). */
export function eingaben(z, bereich) {
  const [bew, aus, rueck] = bereich === "alle" ? [z.bewilligt_ct, z.ausgezahlt_ct, z.rueckforderung_ct] : z.bereiche[bereich] ?? [0, 0, 0];
  return {
    bewilligt_eur: bew,
    ausgezahlt_eur: aus,
    rueckforderung_eur: rueck,
    einwohner: z.einwohner,
    gefluechtete_au: z.gefluechtete_au,
    vzae_bewilligt: z.vzae_bewilligt_e4,
    vzae_besetzt: z.vzae_besetzt_e4,
  };
}

/** A measure's value over a group of basis rows, rounded to the table's places. */
export function wert(k, zeilen, bereich) {
  return roundHalfAway(metricValue(k, groupSums(k, zeilen.map((z) => eingaben(z, bereich)))), k.wertScale, k.scale);
}

/**
 * The Gemeinden's basis rows (data/anfrage-gemeinden.json) by AGS and year, in the
 * shape of the Kreis basis: amounts of all areas and per area in cents, the
 * Gemeinde's population (null without the input table `gemeinden`); no staffing.
 * A Gemeinde without money in a year gets a row of zeros (`gemeindeZeile`).
 */
export function gemeindeBasis(gd) {
  const einwohner = new Map(gd.gemeinden.map(([ags, , , ew]) => [ags, ew]));
  const rows = new Map();
  for (const [ags, jahr, fb, b, a, r] of gd.mittel) {
    const key = `${ags}|${jahr}`;
    if (!rows.has(key)) rows.set(key, leer(ags, jahr, einwohner.get(ags) ?? null));
    const z = rows.get(key);
    z.bewilligt_ct += b;
    z.ausgezahlt_ct += a;
    z.rueckforderung_ct += r;
    const name = gd.foerderbereiche[fb];
    const alt = z.bereiche[name] ?? [0, 0, 0];
    z.bereiche[name] = [alt[0] + b, alt[1] + a, alt[2] + r];
  }
  return {
    zeile: (ags, jahr) => rows.get(`${ags}|${jahr}`) ?? leer(ags, jahr, einwohner.get(ags) ?? null),
    /** Has the Gemeinde money in one of the years (in area `bereich`, or any)? */
    mitGeld: (ags, jahre, bereich) =>
      jahre.some((j) => {
        const z = rows.get(`${ags}|${j}`);
        return z !== undefined && (bereich === "alle" || z.bereiche[bereich] !== undefined);
      }),
  };
}

const leer = (ags, jahr, einwohner) => ({
  gemeinde_ags: ags,
  jahr,
  einwohner,
  bewilligt_ct: 0,
  ausgezahlt_ct: 0,
  rueckforderung_ct: 0,
  vzae_bewilligt_e4: null,
  vzae_besetzt_e4: null,
  gefluechtete_au: null,
  bereiche: {},
});

/** A measure's value over Gemeinde rows: as `wert`, but nothing per inhabitant when a Gemeinde's population is unknown. */
export function wertGemeinden(k, zeilen, bereich) {
  if (k.formel.nenner === "einwohner" && zeilen.some((z) => z.einwohner == null)) return null;
  return wert(k, zeilen, bereich);
}
