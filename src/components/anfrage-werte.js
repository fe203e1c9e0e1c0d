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
