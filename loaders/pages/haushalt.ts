/**
 * Queries of the page /haushalt (Haushaltsvollzug): one function per artifact.
 * All sums and ratios are computed here in DuckDB, exactly (DECIMAL, ratios with
 * `decimalRatio`: half away from zero, 4 places, like the published quotas).
 *
 * Sources: the published tables `main.haushalt_jahr` and `main.zahlungen_monat`.
 * Besides one row set per Förderbereich (the list is data), every artifact has rows for
 * foerderbereich = 'alle': the sums over all Förderbereiche.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import { metric, value } from "../queries/metrics.ts";
import { ownColumns } from "../tables/formulas.ts";
import { decimalRatio } from "../tables/sql.ts";

/** The key of the rows that sum all Förderbereiche. */
export const ALLE = "alle";

/** `expr` as a JSON number (NULL stays NULL). */
const num = (expr: string): string => `CAST(${expr} AS DOUBLE)`;

/**
 * haushalt_jahr plus one row per year for all Förderbereiche together. In the
 * sum, `ansatz_eur` adds up the appropriations that exist (NULL if none does);
 * the amounts include Förderbereiche without an appropriation in that year,
 * which `bereiche_ohne_ansatz` names, so the page can say so.
 */
const BEREICHE_SQL = `WITH einzeln AS (
  SELECT jahr, foerderbereich, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur,
    bindungsquote, abflussquote,
    CASE WHEN ansatz_eur IS NULL THEN [foerderbereich] ELSE CAST([] AS VARCHAR[]) END AS bereiche_ohne_ansatz
  FROM main.haushalt_jahr
),
summe AS (
  SELECT jahr, '${ALLE}' AS foerderbereich,
    sum(ansatz_eur) AS ansatz_eur,
    sum(bewilligt_eur) AS bewilligt_eur,
    sum(ausgezahlt_eur) AS ausgezahlt_eur,
    sum(rueckforderung_eur) AS rueckforderung_eur,
    coalesce(list(foerderbereich ORDER BY foerderbereich) FILTER (WHERE ansatz_eur IS NULL), CAST([] AS VARCHAR[]))
      AS bereiche_ohne_ansatz
  FROM main.haushalt_jahr
  GROUP BY jahr
)
SELECT jahr, foerderbereich, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur,
  bindungsquote, abflussquote, bereiche_ohne_ansatz
FROM einzeln
UNION ALL
SELECT jahr, foerderbereich, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur,
  ${value(metric("bindungsquote"), ownColumns)} AS bindungsquote,
  ${value(metric("abflussquote"), ownColumns)} AS abflussquote,
  bereiche_ohne_ansatz
FROM summe`;

export interface HaushaltBereichRow {
  jahr: number;
  /** A Förderbereich key, or 'alle'. */
  foerderbereich: string;
  ansatz_eur: number | null;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
  bindungsquote: number | null;
  abflussquote: number | null;
  /** Förderbereiche counted in the amounts that have no appropriation in that year. */
  bereiche_ohne_ansatz: string[];
}

/** Budget execution per year and Förderbereich, and per year for all Förderbereiche. */
export async function haushaltBereiche(conn: DuckDBConnection): Promise<HaushaltBereichRow[]> {
  return (await rows(
    conn,
    `SELECT jahr, foerderbereich,
  ${num("ansatz_eur")} AS ansatz_eur, ${num("bewilligt_eur")} AS bewilligt_eur,
  ${num("ausgezahlt_eur")} AS ausgezahlt_eur, ${num("rueckforderung_eur")} AS rueckforderung_eur,
  ${num("bindungsquote")} AS bindungsquote, ${num("abflussquote")} AS abflussquote,
  bereiche_ohne_ansatz
FROM (${BEREICHE_SQL})
ORDER BY foerderbereich, jahr`,
  )) as unknown as HaushaltBereichRow[];
}

/**
 * zahlungen_monat plus the months of all Förderbereiche together, with the
 * year's appropriation: the cumulative payments as a share of it.
 */
const KURVEN_SQL = `WITH monate AS (
  SELECT jahr, monat, foerderbereich, ausgezahlt_eur, kumuliert_eur FROM main.zahlungen_monat
  UNION ALL
  SELECT jahr, monat, '${ALLE}' AS foerderbereich, sum(ausgezahlt_eur), sum(kumuliert_eur)
  FROM main.zahlungen_monat
  GROUP BY jahr, monat
),
ansatz AS (
  SELECT jahr, foerderbereich, ansatz_eur FROM (${BEREICHE_SQL})
)
SELECT m.jahr, m.monat, m.foerderbereich, m.ausgezahlt_eur, m.kumuliert_eur, a.ansatz_eur,
  ${decimalRatio("m.kumuliert_eur", 2, "a.ansatz_eur", 2, 4)} AS anteil_ansatz,
  m.jahr = max(m.jahr) OVER (PARTITION BY m.foerderbereich) AS letztes_jahr
FROM monate AS m
LEFT JOIN ansatz AS a ON a.jahr = m.jahr AND a.foerderbereich = m.foerderbereich`;

export interface ZahlungenKurveRow {
  jahr: number;
  monat: number;
  foerderbereich: string;
  ausgezahlt_eur: number;
  kumuliert_eur: number;
  /** Appropriation of that year and Förderbereich (sum for 'alle'); NULL if none. */
  ansatz_eur: number | null;
  /** kumuliert_eur ÷ ansatz_eur, 4 places; NULL if there is no appropriation or it is 0. */
  anteil_ansatz: number | null;
  /** The Förderbereich's latest year with bookings (the year the page highlights). */
  letztes_jahr: boolean;
}

/** Cumulative payments per month, year and Förderbereich (and 'alle'). */
export async function zahlungenKurven(conn: DuckDBConnection): Promise<ZahlungenKurveRow[]> {
  return (await rows(
    conn,
    `SELECT jahr, monat, foerderbereich,
  ${num("ausgezahlt_eur")} AS ausgezahlt_eur, ${num("kumuliert_eur")} AS kumuliert_eur,
  ${num("ansatz_eur")} AS ansatz_eur, ${num("anteil_ansatz")} AS anteil_ansatz, letztes_jahr
FROM (${KURVEN_SQL})
ORDER BY foerderbereich, jahr, monat`,
  )) as unknown as ZahlungenKurveRow[];
}

export interface ZahlungenVergleichRow {
  foerderbereich: string;
  /** The latest year with bookings and its latest month in zahlungen_monat (the data's Stand). */
  jahr: number;
  monat: number;
  kumuliert_eur: number;
  anteil_ansatz: number | null;
  /** Earlier years with a value for the same month. */
  vorjahre: number;
  vorjahre_min_eur: number | null;
  vorjahre_max_eur: number | null;
  /** Mean of the earlier years' cumulative payments up to the same month, to the cent. */
  vorjahre_mittel_eur: number | null;
  /** The same for the share of the appropriation (over the earlier years that have one). */
  vorjahre_min_anteil: number | null;
  vorjahre_max_anteil: number | null;
  vorjahre_mittel_anteil: number | null;
  /** 1 + number of earlier years that had paid more by the same month. */
  rang_eur: number;
}

/**
 * The latest year against the earlier ones, per Förderbereich: cumulative
 * payments up to the latest month of the latest year, and the same month of
 * each earlier year (minimum, maximum, mean, rank).
 */
export async function zahlungenVergleich(conn: DuckDBConnection): Promise<ZahlungenVergleichRow[]> {
  return (await rows(
    conn,
    `WITH kurven AS (${KURVEN_SQL}),
aktuell AS (
  SELECT * FROM kurven AS k
  WHERE letztes_jahr AND monat = (SELECT max(monat) FROM kurven AS x WHERE x.foerderbereich = k.foerderbereich AND x.letztes_jahr)
),
vorjahre AS (
  SELECT a.foerderbereich,
    count(*) AS vorjahre,
    min(k.kumuliert_eur) AS min_eur,
    max(k.kumuliert_eur) AS max_eur,
    ${decimalRatio("sum(k.kumuliert_eur)", 2, "count(*)", 0, 2)} AS mittel_eur,
    min(k.anteil_ansatz) AS min_anteil,
    max(k.anteil_ansatz) AS max_anteil,
    ${decimalRatio("sum(k.anteil_ansatz)", 4, "count(k.anteil_ansatz)", 0, 4)} AS mittel_anteil,
    count(*) FILTER (WHERE k.kumuliert_eur > a.kumuliert_eur) AS hoeher
  FROM aktuell AS a
  JOIN kurven AS k ON k.foerderbereich = a.foerderbereich AND k.monat = a.monat AND k.jahr < a.jahr
  GROUP BY a.foerderbereich
)
SELECT a.foerderbereich, a.jahr, a.monat,
  ${num("a.kumuliert_eur")} AS kumuliert_eur, ${num("a.anteil_ansatz")} AS anteil_ansatz,
  CAST(coalesce(v.vorjahre, 0) AS INTEGER) AS vorjahre,
  ${num("v.min_eur")} AS vorjahre_min_eur, ${num("v.max_eur")} AS vorjahre_max_eur,
  ${num("v.mittel_eur")} AS vorjahre_mittel_eur,
  ${num("v.min_anteil")} AS vorjahre_min_anteil, ${num("v.max_anteil")} AS vorjahre_max_anteil,
  ${num("v.mittel_anteil")} AS vorjahre_mittel_anteil,
  CAST(1 + coalesce(v.hoeher, 0) AS INTEGER) AS rang_eur
FROM aktuell AS a
LEFT JOIN vorjahre AS v ON v.foerderbereich = a.foerderbereich
ORDER BY a.foerderbereich`,
  )) as unknown as ZahlungenVergleichRow[];
}
