/**
 * Queries of the page „Gemeinden“ (src/gemeinden.md): money and integration
 * managers per recipient Gemeinde (8-digit AGS), the grants to the Kreise
 * themselves (5-digit AGS) beside them, never spread over the Gemeinden.
 *
 * Amounts leave as integer cents (the page adds the chosen years and
 * Förderbereiche without rounding error, as on /mittel); the per-year amounts
 * are the published table mittel_gemeinde_jahr. VZÄ are summed per Gemeinde and
 * Stichtag here, in SQL. Staff names (stellen.name) are never stored in the
 * warehouse, so they cannot reach the page; positions are shown as counts per
 * grant only (no employer, no qualification: no small-group characteristic).
 *
 * Rows are arrays (column names in `spalten`) to keep the page light.
 */
import { readFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import { SHIPPED_GEMEINDE_GEO } from "../reference/gemeinden.ts";
import { GRANTED_GRANTS } from "../tables/sql.ts";
import { rewind, roundGeometry, SHIPPED_QUELLE } from "./geo.ts";
import { latestCompleteYear } from "./uebersicht.ts";

type Row = Record<string, unknown>;

export interface GemeindeRef {
  ags: string;
  name: string;
  /** Stadt, Gemeinde; null for a recipient key that is not in the reference list. */
  typ: string | null;
  kreis_ags: string;
  /** From the optional input table `gemeinden`; null without it. */
  einwohner: number | null;
  einwohner_stand: string | null;
}

export interface GemeindenDaten {
  stand: string;
  /** Förderbereich keys the rows below refer to by index (in the list's order). */
  foerderbereiche: string[];
  jahr_voll: number;
  /** Years with money in mittel_gemeinde_jahr or mittel_kreis_jahr, ascending. */
  jahre: number[];
  /** Stichtage of the staffing reports (granted integration-management grants), ascending. */
  stichtage: string[];
  /** True when the input table `gemeinden` supplied at least one population. */
  einwohner_vorhanden: boolean;
  kreise: { kreis_ags: string; kreis_name: string; kreis_typ: string }[];
  /**
   * Gemeinden with a population (input table `gemeinden`) or a recipient key the
   * reference list does not know; names of all others come with the boundaries.
   */
  gemeinden: GemeindeRef[];
  spalten: {
    mittel: readonly string[];
    kreis_selbst: readonly string[];
    stellen: readonly string[];
  };
  /** mittel_gemeinde_jahr in cents; foerderbereich as index into `foerderbereiche`. */
  mittel: (string | number)[][];
  /** The same per Kreis for the grants to the Kreis itself (5-digit recipient AGS). */
  kreis_selbst: (string | number)[][];
  /** Per Gemeinde and Stichtag: VZÄ granted (running grants), VZÄ filled, positions filled and reported. */
  stellen: (string | number | null)[][];
}

/** The grants of the Gemeinden, loaded by the page only when one Gemeinde is opened. */
export interface GemeindenZuwendungen {
  spalten: { zuwendungen: readonly string[]; stellen_zuwendung: readonly string[] };
  /** Granted grants to Gemeinden (8-digit recipient AGS). */
  zuwendungen: (string | number | null)[][];
  /** Per grant and Stichtag: positions reported, filled, VZÄ filled. */
  stellen_zuwendung: (string | number)[][];
}

const SPALTEN = {
  mittel: ["gemeinde_ags", "jahr", "foerderbereich", "bewilligt_ct", "ausgezahlt_ct", "rueckforderung_ct"],
  kreis_selbst: ["kreis_ags", "jahr", "foerderbereich", "bewilligt_ct", "ausgezahlt_ct", "rueckforderung_ct"],
  stellen: ["gemeinde_ags", "stichtag", "vzae_bewilligt", "vzae_besetzt", "stellen_besetzt", "stellen_gemeldet"],
  zuwendungen: [
    "aktenzeichen", "gemeinde_ags", "empfaenger_name", "foerderbereich", "beginn", "ende",
    "bewilligt_ct", "ausgezahlt_ct", "rueckforderung_ct", "vzae_bewilligt",
  ],
  stellen_zuwendung: ["aktenzeichen", "stichtag", "stellen_gemeldet", "stellen_besetzt", "vzae_besetzt"],
} as const;

const cents = (col: string) => `CAST(CAST(${col} * 100 AS BIGINT) AS DOUBLE)`;
const iso = (col: string) => `strftime(${col}, '%Y-%m-%d')`;
const vzae = (col: string) => `CAST(${col} AS DOUBLE)`;

// Integration management of the Gemeinden: the same definitions as abdeckung_kreis, per recipient Gemeinde.
const imCte = `im AS (
  SELECT aktenzeichen, empfaenger_ags AS gemeinde_ags, beginn, ende, vzae_bewilligt
  FROM ${GRANTED_GRANTS}
  WHERE foerderbereich = 'integrationsmanagement' AND length(empfaenger_ags) = 8
),
alle_meldungen AS (
  SELECT s.stichtag FROM eingang.stellen AS s
  JOIN ${GRANTED_GRANTS} AS g ON g.aktenzeichen = s.aktenzeichen AND g.foerderbereich = 'integrationsmanagement'
),
stichtage AS (SELECT DISTINCT stichtag FROM alle_meldungen),
meldung AS (
  SELECT s.aktenzeichen, im.gemeinde_ags, s.stichtag, count(*) AS stellen_gemeldet,
    count(*) FILTER (WHERE s.besetzt) AS stellen_besetzt,
    coalesce(sum(s.vzae) FILTER (WHERE s.besetzt), 0) AS vzae_besetzt
  FROM eingang.stellen AS s JOIN im USING (aktenzeichen)
  GROUP BY ALL
)`;

const arrays = (rows: Row[], cols: readonly string[]) => rows.map((r) => cols.map((c) => r[c] as string | number | null));

/** The artifact `gemeinden.json`. `stand` is the Stand of meta (ISO date) or null. */
export async function gemeindenSeite(conn: DuckDBConnection, { stand }: { stand: string | null }): Promise<GemeindenDaten> {
  const y = await latestCompleteYear(conn, stand);
  const kreise = await rows(conn, "SELECT kreis_ags, kreis_name, kreis_typ FROM main.kreise ORDER BY kreis_ags");
  // The reference list plus any recipient key it does not know (named as mittel_gemeinde_jahr names it).
  const gemeinden = await rows(conn,
    `WITH alle AS (
  SELECT gemeinde_ags AS ags, gemeinde_name AS name, gemeinde_typ AS typ, kreis_ags FROM ref.gemeinden
  UNION ALL
  SELECT DISTINCT m.gemeinde_ags, m.gemeinde_name, NULL, m.kreis_ags
  FROM main.mittel_gemeinde_jahr AS m
  WHERE m.gemeinde_ags NOT IN (SELECT gemeinde_ags FROM ref.gemeinden)
)
SELECT a.ags, a.name, a.typ, a.kreis_ags, e.einwohner, ${iso("e.stand")} AS einwohner_stand
FROM alle AS a
LEFT JOIN eingang.gemeinden AS e ON e.gemeinde_ags = a.ags
ORDER BY a.ags`,
  );
  const mittel = await rows(conn,
    `SELECT gemeinde_ags, jahr, foerderbereich, ${cents("bewilligt_eur")} AS bewilligt_ct,
  ${cents("ausgezahlt_eur")} AS ausgezahlt_ct, ${cents("rueckforderung_eur")} AS rueckforderung_ct
FROM main.mittel_gemeinde_jahr
ORDER BY gemeinde_ags, jahr, foerderbereich`,
  );
  const kreisSelbst = await rows(conn,
    `WITH kreis_zuwendung AS (
  SELECT aktenzeichen, kreis_ags FROM ${GRANTED_GRANTS} WHERE length(empfaenger_ags) = 5
),
bewilligt AS (
  SELECT k.kreis_ags, b.jahr, b.foerderbereich, sum(b.bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr AS b JOIN kreis_zuwendung AS k USING (aktenzeichen)
  GROUP BY ALL
),
gebucht AS (
  SELECT k.kreis_ags, z.jahr, z.foerderbereich, coalesce(sum(z.betrag_eur), 0) AS ausgezahlt_eur,
    coalesce(-sum(z.betrag_eur) FILTER (WHERE z.art = 'rueckforderung'), 0) AS rueckforderung_eur
  FROM main.buchungen AS z JOIN kreis_zuwendung AS k USING (aktenzeichen)
  GROUP BY ALL
),
alle AS (
  SELECT coalesce(b.kreis_ags, z.kreis_ags) AS kreis_ags, coalesce(b.jahr, z.jahr) AS jahr,
    coalesce(b.foerderbereich, z.foerderbereich) AS foerderbereich,
    coalesce(b.bewilligt_eur, 0) AS bewilligt_eur, coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur
  FROM bewilligt AS b
  FULL OUTER JOIN gebucht AS z USING (kreis_ags, jahr, foerderbereich)
)
SELECT kreis_ags, jahr, foerderbereich, ${cents("bewilligt_eur")} AS bewilligt_ct,
  ${cents("ausgezahlt_eur")} AS ausgezahlt_ct, ${cents("rueckforderung_eur")} AS rueckforderung_ct
FROM alle
WHERE bewilligt_eur <> 0 OR ausgezahlt_eur <> 0 OR rueckforderung_eur <> 0
ORDER BY kreis_ags, jahr, foerderbereich`,
  );
  const stichtage = await rows(conn, `WITH ${imCte} SELECT ${iso("stichtag")} AS stichtag FROM stichtage ORDER BY stichtag`);
  const stellen = await rows(conn,
    `WITH ${imCte},
laufend AS (
  SELECT im.gemeinde_ags, t.stichtag, sum(im.vzae_bewilligt) AS vzae_bewilligt
  FROM im JOIN stichtage AS t ON t.stichtag BETWEEN im.beginn AND im.ende
  GROUP BY ALL
),
gemeldet AS (
  SELECT gemeinde_ags, stichtag, sum(vzae_besetzt) AS vzae_besetzt, sum(stellen_besetzt) AS stellen_besetzt,
    sum(stellen_gemeldet) AS stellen_gemeldet
  FROM meldung GROUP BY ALL
)
SELECT coalesce(l.gemeinde_ags, g.gemeinde_ags) AS gemeinde_ags, ${iso("coalesce(l.stichtag, g.stichtag)")} AS stichtag,
  ${vzae("coalesce(l.vzae_bewilligt, 0)")} AS vzae_bewilligt, ${vzae("g.vzae_besetzt")} AS vzae_besetzt,
  CAST(g.stellen_besetzt AS INTEGER) AS stellen_besetzt, CAST(coalesce(g.stellen_gemeldet, 0) AS INTEGER) AS stellen_gemeldet
FROM laufend AS l
FULL OUTER JOIN gemeldet AS g USING (gemeinde_ags, stichtag)
ORDER BY 1, 2`,
  );
  const jahre = await rows(conn,
    "SELECT jahr FROM main.mittel_gemeinde_jahr UNION SELECT jahr FROM main.mittel_kreis_jahr ORDER BY jahr",
  );
  const fbs = (await rows(conn, "SELECT foerderbereich FROM ref.foerderbereiche ORDER BY reihenfolge")).map((r) => String(r["foerderbereich"]));
  const fbIndex = (rows: Row[]) => rows.map((r) => ({ ...r, foerderbereich: fbs.indexOf(String(r["foerderbereich"])) }));
  const refs: GemeindeRef[] = gemeinden.map((r) => ({
    ags: String(r["ags"]),
    name: String(r["name"]),
    typ: r["typ"] == null ? null : String(r["typ"]),
    kreis_ags: String(r["kreis_ags"]),
    einwohner: r["einwohner"] == null ? null : Number(r["einwohner"]),
    einwohner_stand: r["einwohner_stand"] == null ? null : String(r["einwohner_stand"]),
  }));
  return {
    stand: y.stand,
    foerderbereiche: fbs,
    jahr_voll: y.jahr,
    jahre: jahre.map((r) => Number(r["jahr"])),
    stichtage: stichtage.map((r) => String(r["stichtag"])),
    einwohner_vorhanden: refs.some((g) => g.einwohner !== null),
    kreise: kreise.map((r) => ({ kreis_ags: String(r["kreis_ags"]), kreis_name: String(r["kreis_name"]), kreis_typ: String(r["kreis_typ"]) })),
    gemeinden: refs.filter((g) => g.einwohner !== null || g.typ === null),
    spalten: SPALTEN,
    mittel: arrays(fbIndex(mittel), SPALTEN.mittel) as (string | number)[][],
    kreis_selbst: arrays(fbIndex(kreisSelbst), SPALTEN.kreis_selbst) as (string | number)[][],
    stellen: arrays(stellen, SPALTEN.stellen),
  };
}

/** The artifact `gemeinden-zuwendungen.json`: the grants to Gemeinden with their staffing reports. */
export async function gemeindenZuwendungen(conn: DuckDBConnection): Promise<GemeindenZuwendungen> {
  const zuwendungen = await rows(conn,
    `SELECT aktenzeichen, empfaenger_ags AS gemeinde_ags, empfaenger_name, foerderbereich, ${iso("beginn")} AS beginn,
  ${iso("ende")} AS ende, ${cents("bewilligt_eur")} AS bewilligt_ct, ${cents("ausgezahlt_eur")} AS ausgezahlt_ct,
  ${cents("rueckforderung_eur")} AS rueckforderung_ct, ${vzae("vzae_bewilligt")} AS vzae_bewilligt
FROM main.zuwendungen
WHERE length(empfaenger_ags) = 8
ORDER BY empfaenger_ags, beginn, aktenzeichen`,
  );
  const stellenZuwendung = await rows(conn,
    `WITH ${imCte}
SELECT aktenzeichen, ${iso("stichtag")} AS stichtag, CAST(stellen_gemeldet AS INTEGER) AS stellen_gemeldet,
  CAST(stellen_besetzt AS INTEGER) AS stellen_besetzt, ${vzae("vzae_besetzt")} AS vzae_besetzt
FROM meldung ORDER BY aktenzeichen, stichtag`,
  );
  return {
    spalten: { zuwendungen: SPALTEN.zuwendungen, stellen_zuwendung: SPALTEN.stellen_zuwendung },
    zuwendungen: arrays(zuwendungen, SPALTEN.zuwendungen),
    stellen_zuwendung: arrays(stellenZuwendung, SPALTEN.stellen_zuwendung) as (string | number)[][],
  };
}

/* ------------------------------------------------------------------ */
/* Boundaries of the Gemeinden (for /gemeinden only)                    */
/* ------------------------------------------------------------------ */

export interface GemeindeGeo {
  type: "FeatureCollection";
  quelle: string;
  features: {
    type: "Feature";
    properties: { ags: string; name: string; bez: string };
    geometry: unknown;
  }[];
}

/**
 * The shipped Gemeinde boundaries (BKG VG5000, 1,101 Gemeinden and 2
 * gemeindefreie Gebiete), coordinates rounded to 3 decimals (about 100 m) for
 * the browser, with AGS, name and designation (Stadt, Gemeinde, Gemeindefreies
 * Gebiet).
 */
export function gemeindeGeo(path = SHIPPED_GEMEINDE_GEO): GemeindeGeo {
  const fc = JSON.parse(readFileSync(path, "utf8")) as {
    features: { properties: Record<string, unknown> | null; geometry: Parameters<typeof rewind>[0] | null }[];
  };
  const features: GemeindeGeo["features"] = [];
  for (const f of fc.features) {
    const p = f.properties ?? {};
    if (!f.geometry || typeof p["AGS"] !== "string") continue;
    features.push({
      type: "Feature",
      properties: { ags: p["AGS"], name: String(p["GEN"] ?? p["AGS"]), bez: String(p["BEZ"] ?? "") },
      geometry: roundGeometry(rewind(f.geometry)),
    });
  }
  return { type: "FeatureCollection", quelle: SHIPPED_QUELLE, features };
}
