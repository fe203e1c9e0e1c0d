// The selection of the page „Mittel je Kreis“: filters the pre-aggregated rows
// of mittel.json (Kreis × year × Förderbereich, amounts in integer cents) to the
// chosen years and Förderbereich, adds them per Kreis (exact, in cents) and
// relates them to the chosen reference with the metric registry's formulas. No
// DuckDB here: the sums run over at most 44 × years × areas rows that the
// warehouse has already aggregated.

import {groupSums, metricValue, ranksDescending} from "./metrics.js";

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
 *   je_einwohner    metric <mass>_je_1000_ew of the registry (€ per 1.000 inhabitants, to the cent)
 *   je_gefluechtete metric <mass>_je_gefluechteten (€ per refugee, to the cent; null without a count)
 *   wert            the value for the chosen reference; rang 1 = highest, equal values share a rank
 *
 * `kennzahlen` is data/kennzahlen.json: the registry's formulas, evaluated
 * exactly by metrics.js, so a Kreis's value and the Land value (the registry's
 * group rule: Σ betrag ÷ Σ reference over the Kreise that count) are those of
 * the Kreis pages and the Anfrage-Assistent. For absolute € the reference line
 * is the mean per Kreis (Σ betrag ÷ number of Kreise).
 */
export function auswahl(daten, {mass, bezug, von, bis, fb}, kennzahlen) {
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
  const jeEw = kennzahlen[`${mass}_je_1000_ew`];
  const jeGef = kennzahlen[`${mass}_je_gefluechteten`];
  const betragInput = `${mass}_eur`;
  const value = (m, members) => metricValue(m, groupSums(m, members));
  const labels = kreisLabels(daten.kreise);
  const inputs = new Map();
  const rows = daten.kreise.map((k) => {
    const betrag_ct = summe.get(k.kreis_ags) ?? 0;
    const z = zaehlung.get(k.kreis_ags);
    const gefluechtete = z ? z.personen : null;
    const eingabe = {[betragInput]: betrag_ct, einwohner: k.einwohner, gefluechtete_au: gefluechtete};
    inputs.set(k.kreis_ags, eingabe);
    const je_einwohner = value(jeEw, [eingabe]);
    const je_gefluechtete = value(jeGef, [eingabe]);
    const betrag_eur = betrag_ct / 100;
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
  const rang = ranksDescending(rows, (r) => r.wert, (r) => r.kreis_ags);
  for (const r of rows) r.rang = rang.get(r.kreis_ags) ?? null;

  const alle = [...inputs.values()];
  const gesamt_ct = rows.reduce((s, r) => s + r.betrag_ct, 0);
  const mitZaehlung = rows.filter((r) => r.gefluechtete != null);
  const land = {
    betrag_eur: gesamt_ct / 100,
    einwohner: rows.reduce((s, r) => s + r.einwohner, 0),
    gefluechtete: mitZaehlung.reduce((s, r) => s + r.gefluechtete, 0),
    kreise: rows.length,
    kreise_mit_zaehlung: mitZaehlung.length,
    je_kreis: rows.length ? gesamt_ct / 100 / rows.length : null,
    je_einwohner: value(jeEw, alle),
    je_gefluechtete: value(jeGef, alle),
  };
  land.wert = bezug === "einwohner" ? land.je_einwohner : bezug === "gefluechtete" ? land.je_gefluechtete : land.je_kreis;
  const stichtage = [...new Set(mitZaehlung.map((r) => r.gefluechtete_stichtag))].sort();
  return {rows, land, von: a, bis: b, getauscht: von > bis, stichtage};
}
