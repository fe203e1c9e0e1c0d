// The selection of the page „Mittel je Kreis“: filters the pre-aggregated rows
// of mittel.json (Kreis × year × Förderbereich, amounts in integer cents) to the
// chosen years and Förderbereich, adds them per Kreis (exact, in cents) and
// relates them to the chosen reference. No DuckDB here: the sums run over at most
// 44 × years × 5 rows that the warehouse has already aggregated.

export const MASSE = ["bewilligt", "ausgezahlt"];
export const BEZUEGE = ["absolut", "einwohner", "gefluechtete"];
export const ALLE = "alle";

/** `value` if it is one of `allowed` (compared as strings), else `fallback`. */
export function pick(value, allowed, fallback) {
  const hit = allowed.find((a) => String(a) === String(value));
  return hit === undefined ? fallback : hit;
}

/**
 * Display names: a name two Kreise share (Heilbronn, Karlsruhe: Stadtkreis and
 * Landkreis) gets the Kreistyp appended, so every bar and row is unambiguous.
 */
export function kreisLabels(kreise) {
  const count = new Map();
  for (const k of kreise) count.set(k.kreis_name, (count.get(k.kreis_name) ?? 0) + 1);
  return new Map(kreise.map((k) => [k.kreis_ags, count.get(k.kreis_name) > 1 ? `${k.kreis_name} (${k.kreis_typ})` : k.kreis_name]));
}

/**
 * Per Kreis for the selection {mass, bezug, von, bis, fb}:
 *   betrag_ct       Σ of the measure over the selected years and Förderbereich(e), cents
 *   betrag_eur      betrag_ct / 100
 *   einwohner       population (main.kreise)
 *   gefluechtete    refugees in follow-up housing: the Kreis's latest count with a
 *                   stichtag on or before 31.12. of `bis` (the 15.09 count of the
 *                   last selected year when there is one); null if none
 *   je_einwohner    € per 1.000 inhabitants = betrag_eur / einwohner × 1.000
 *   je_gefluechtete € per refugee = betrag_eur / gefluechtete (null without a count)
 *   wert            the value for the chosen reference; rang 1 = highest
 *
 * The Land value is weighted: Σ betrag over all Kreise ÷ Σ reference over the
 * same Kreise (× 1.000 for inhabitants); for absolute € it is the mean per Kreis
 * (Σ betrag ÷ number of Kreise).
 */
export function auswahl(daten, {mass, bezug, von, bis, fb}) {
  const [a, b] = von <= bis ? [von, bis] : [bis, von];
  const feld = mass === "ausgezahlt" ? "ausgezahlt_ct" : "bewilligt_ct";
  const summe = new Map();
  for (const r of daten.mittel) {
    if (r.jahr < a || r.jahr > b) continue;
    if (fb !== ALLE && r.foerderbereich !== fb) continue;
    summe.set(r.kreis_ags, (summe.get(r.kreis_ags) ?? 0) + r[feld]);
  }
  const grenze = `${b}-12-31`;
  const zaehlung = new Map();
  for (const z of daten.gefluechtete) {
    if (z.stichtag > grenze) continue;
    const bisher = zaehlung.get(z.kreis_ags);
    if (!bisher || z.stichtag > bisher.stichtag) zaehlung.set(z.kreis_ags, z);
  }
  const labels = kreisLabels(daten.kreise);
  const rows = daten.kreise.map((k) => {
    const betrag_ct = summe.get(k.kreis_ags) ?? 0;
    const betrag_eur = betrag_ct / 100;
    const z = zaehlung.get(k.kreis_ags);
    const gefluechtete = z ? z.personen : null;
    const je_einwohner = k.einwohner > 0 ? (betrag_ct * 10) / k.einwohner : null;
    const je_gefluechtete = gefluechtete > 0 ? betrag_eur / gefluechtete : null;
    const wert = bezug === "einwohner" ? je_einwohner : bezug === "gefluechtete" ? je_gefluechtete : betrag_eur;
    return {
      kreis_ags: k.kreis_ags,
      kreis_name: labels.get(k.kreis_ags),
      kreis_typ: k.kreis_typ,
      betrag_ct,
      betrag_eur,
      einwohner: k.einwohner,
      gefluechtete,
      gefluechtete_stichtag: z ? z.stichtag : null,
      je_einwohner,
      je_gefluechtete,
      wert,
    };
  });
  const ranked = rows.filter((r) => r.wert != null).sort((x, y) => y.wert - x.wert || x.kreis_ags.localeCompare(y.kreis_ags));
  ranked.forEach((r, i) => (r.rang = i + 1));
  for (const r of rows) if (r.rang === undefined) r.rang = null;

  const gesamt_ct = rows.reduce((s, r) => s + r.betrag_ct, 0);
  const einwohner = rows.reduce((s, r) => s + r.einwohner, 0);
  const mitZaehlung = rows.filter((r) => r.gefluechtete != null);
  const gefluechtete = mitZaehlung.reduce((s, r) => s + r.gefluechtete, 0);
  const gefluechtete_ct = mitZaehlung.reduce((s, r) => s + r.betrag_ct, 0);
  const land = {
    betrag_eur: gesamt_ct / 100,
    einwohner,
    gefluechtete,
    kreise: rows.length,
    kreise_mit_zaehlung: mitZaehlung.length,
    je_kreis: rows.length ? gesamt_ct / 100 / rows.length : null,
    je_einwohner: einwohner > 0 ? (gesamt_ct * 10) / einwohner : null,
    je_gefluechtete: gefluechtete > 0 ? gefluechtete_ct / 100 / gefluechtete : null,
  };
  land.wert = bezug === "einwohner" ? land.je_einwohner : bezug === "gefluechtete" ? land.je_gefluechtete : land.je_kreis;
  const stichtage = [...new Set(mitZaehlung.map((r) => r.gefluechtete_stichtag))].sort();
  return {rows, land, von: a, bis: b, getauscht: von > bis, stichtage};
}
