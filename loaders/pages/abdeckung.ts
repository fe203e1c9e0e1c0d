/**
 * Queries of the page /integrationsmanagement (Abdeckung): one function per
 * artifact the page loads. All arithmetic (sums, shares, ratios) happens here in
 * DuckDB; the page only filters and draws.
 *
 * Sources: the published table `main.abdeckung_kreis` (its columns and
 * definitions are the page's measures), `main.kreise` for names and types, and
 * for the mix of employers and qualifications the accepted staffing reports
 * `eingang.stellen` joined to the granted integration-management grants.
 *
 * Numbers leave as DOUBLE (JSON numbers) only in the final projection; ratios
 * are computed exactly with `decimalRatio` (half away from zero, 4 places),
 * like the published ratios.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import { GRANTED_GRANTS, decimalRatio } from "../tables/sql.ts";
import { columnsOf, groupSums, groupValue, metric, value } from "../queries/metrics.ts";
import { type Sperre, unterdruecken } from "../queries/suppression.ts";

/** `expr` as a JSON number (NULL stays NULL). */
const num = (expr: string): string => `CAST(${expr} AS DOUBLE)`;

/** One Kreis at one reporting date. */
export interface AbdeckungKreisRow {
  kreis_ags: string;
  kreis_name: string;
  /** kreis_name, with the type added where two Kreise share a name (Heilbronn, Karlsruhe): the label on the page. */
  kreis_label: string;
  kreis_typ: "Stadtkreis" | "Landkreis";
  regierungsbezirk: string;
  stichtag: string;
  /** false: the Kreis has no row in abdeckung_kreis at this stichtag (no report, no running grant). */
  vorhanden: boolean;
  vzae_bewilligt: number | null;
  vzae_besetzt: number | null;
  stellen_besetzt: number | null;
  stellen_gemeldet: number | null;
  zuwendungen_ohne_meldung: number | null;
  gefluechtete_au: number | null;
  gefluechtete_stichtag: string | null;
  gefluechtete_je_vzae: number | null;
  /** Metric anteil_besetzt: vzae_besetzt ÷ vzae_bewilligt, 4 places; NULL if vzae_bewilligt is 0 or vzae_besetzt is empty. */
  besetzungsquote: number | null;
}

/**
 * Every Kreis × every stichtag of `abdeckung_kreis` (44 × n rows): the published
 * columns, the Kreis's name and type, and the share of granted VZÄ that is
 * filled. Kreise without a row at a stichtag are kept with empty values and
 * `vorhanden = false`, so the page can say "keine Angabe" instead of hiding them.
 */
export async function abdeckungKreise(conn: DuckDBConnection): Promise<AbdeckungKreisRow[]> {
  return (await rows(
    conn,
    `WITH stichtage AS (SELECT DISTINCT stichtag FROM main.abdeckung_kreis)
SELECT k.kreis_ags, k.kreis_name,
  CASE WHEN count(*) OVER (PARTITION BY t.stichtag, k.kreis_name) > 1 THEN k.kreis_name || ' (' || k.kreis_typ || ')'
    ELSE k.kreis_name END AS kreis_label,
  k.kreis_typ, k.regierungsbezirk, t.stichtag,
  a.kreis_ags IS NOT NULL AS vorhanden,
  ${num("a.vzae_bewilligt")} AS vzae_bewilligt,
  ${num("a.vzae_besetzt")} AS vzae_besetzt,
  a.stellen_besetzt, a.stellen_gemeldet, a.zuwendungen_ohne_meldung,
  a.gefluechtete_au, a.gefluechtete_stichtag,
  ${num("a.gefluechtete_je_vzae")} AS gefluechtete_je_vzae,
  ${num(value(metric("anteil_besetzt"), columnsOf("a")))} AS besetzungsquote
FROM main.kreise AS k
CROSS JOIN stichtage AS t
LEFT JOIN main.abdeckung_kreis AS a ON a.kreis_ags = k.kreis_ags AND a.stichtag = t.stichtag
ORDER BY t.stichtag, k.kreis_ags`,
  )) as unknown as AbdeckungKreisRow[];
}

/** The whole Land at one reporting date. */
export interface AbdeckungLandRow {
  stichtag: string;
  /** Kreise with a row in abdeckung_kreis / with at least one reported position. */
  kreise: number;
  kreise_gemeldet: number;
  vzae_bewilligt: number;
  vzae_besetzt: number | null;
  stellen_besetzt: number | null;
  zuwendungen_ohne_meldung: number;
  /** Sum of gefluechtete_au over the Kreise that have a count. */
  gefluechtete_au: number | null;
  gefluechtete_stichtag_min: string | null;
  gefluechtete_stichtag_max: string | null;
  /** The sums behind the Land's gefluechtete_je_vzae: over the Kreise that count for it (registry: count and report). */
  gefluechtete_au_mit_vzae: number | null;
  vzae_besetzt_mit_au: number | null;
  /** gefluechtete_au_mit_vzae ÷ vzae_besetzt_mit_au, 4 places (metric gefluechtete_je_vzae, group rule). */
  gefluechtete_je_vzae: number | null;
  /** Metric anteil_besetzt, group rule: filled ÷ granted VZÄ over the Kreise with a staffing report. */
  besetzungsquote: number | null;
}

/**
 * The Land per stichtag, summed from `abdeckung_kreis`. The Land's refugees per
 * filled VZÄ is a ratio of sums over the same Kreise (those with a value of
 * gefluechtete_je_vzae), not a mean of the Kreis ratios: numerator and
 * denominator cover the same Kreise.
 */
export async function abdeckungLand(conn: DuckDBConnection): Promise<AbdeckungLandRow[]> {
  return (await rows(
    conn,
    `WITH summen AS (
  SELECT stichtag,
    count(*) AS kreise,
    count(*) FILTER (WHERE stellen_gemeldet > 0) AS kreise_gemeldet,
    sum(vzae_bewilligt) AS vzae_bewilligt,
    sum(vzae_besetzt) AS vzae_besetzt,
    sum(stellen_besetzt) AS stellen_besetzt,
    sum(zuwendungen_ohne_meldung) AS zuwendungen_ohne_meldung,
    sum(gefluechtete_au) AS gefluechtete_au,
    min(gefluechtete_stichtag) AS gefluechtete_stichtag_min,
    max(gefluechtete_stichtag) AS gefluechtete_stichtag_max,
    ${groupSums(["anteil_besetzt", "gefluechtete_je_vzae"], columnsOf("a"))}
  FROM main.abdeckung_kreis AS a
  GROUP BY stichtag
)
SELECT stichtag, CAST(kreise AS INTEGER) AS kreise, CAST(kreise_gemeldet AS INTEGER) AS kreise_gemeldet,
  ${num("vzae_bewilligt")} AS vzae_bewilligt,
  ${num("vzae_besetzt")} AS vzae_besetzt,
  CAST(stellen_besetzt AS INTEGER) AS stellen_besetzt,
  CAST(zuwendungen_ohne_meldung AS INTEGER) AS zuwendungen_ohne_meldung,
  CAST(gefluechtete_au AS INTEGER) AS gefluechtete_au,
  gefluechtete_stichtag_min, gefluechtete_stichtag_max,
  CAST(gefluechtete_je_vzae__gefluechtete_au AS INTEGER) AS gefluechtete_au_mit_vzae,
  ${num("gefluechtete_je_vzae__vzae_besetzt")} AS vzae_besetzt_mit_au,
  ${num(groupValue("gefluechtete_je_vzae", "summen"))} AS gefluechtete_je_vzae,
  ${num(groupValue("anteil_besetzt", "summen"))} AS besetzungsquote
FROM summen
ORDER BY stichtag`,
  )) as unknown as AbdeckungLandRow[];
}

/** Characteristics of filled positions shown on the page, in display order. */
export const MERKMALE = {
  anstellungstraeger: ["gemeinde", "landkreis", "freier_traeger"],
  qualifikation: ["hochschulabschluss", "nachqualifizierung"],
} as const;

/** Value used when a filled position has no qualification (the validator requires one; defensive). */
export const OHNE_ANGABE = "ohne_angabe";

/** One group of filled positions: a stichtag, the Land or a Kreis, one value of one characteristic. */
export interface StellenMixRow {
  stichtag: string;
  ebene: "land" | "kreis";
  /** NULL for the Land. */
  kreis_ags: string | null;
  merkmal: keyof typeof MERKMALE;
  auspraegung: string;
  /**
   * Number of filled positions (= persons employed) in the group. Unprotected:
   * stellenMixVeroeffentlicht is what leaves for the site.
   */
  stellen: number;
  vzae: number;
  /** Filled positions / VZÄ of the whole Land or Kreis at that stichtag (the denominator of the shares). */
  stellen_gesamt: number;
  vzae_gesamt: number;
  /** vzae ÷ vzae_gesamt and stellen ÷ stellen_gesamt, 4 places. */
  anteil_vzae: number | null;
  anteil_stellen: number | null;
}

/**
 * The mix of filled positions by employer (anstellungstraeger) and by
 * qualification, per stichtag, for the Land and for every Kreis: the one query
 * that produces counts of persons split by a characteristic.
 *
 * Counted: reports in `eingang.stellen` with besetzt = true whose grant is a
 * granted (status „bewilligt“) grant in Integrationsmanagement – the same
 * reports that make up vzae_besetzt and stellen_besetzt of abdeckung_kreis, so
 * per Kreis and stichtag, `vzae_gesamt` = vzae_besetzt and `stellen_gesamt` =
 * stellen_besetzt. Groups with no position are absent (read: 0).
 */
export async function stellenMix(conn: DuckDBConnection): Promise<StellenMixRow[]> {
  return (await rows(conn, stellenMixSql())) as unknown as StellenMixRow[];
}

/** The SQL of stellenMix, also the input of stellenMixVeroeffentlicht. */
function stellenMixSql(): string {
  return `WITH im AS (
  SELECT aktenzeichen, kreis_ags FROM ${GRANTED_GRANTS} WHERE foerderbereich = 'integrationsmanagement'
),
besetzt AS (
  SELECT s.stichtag, im.kreis_ags, s.vzae, s.anstellungstraeger,
    coalesce(s.qualifikation, '${OHNE_ANGABE}') AS qualifikation
  FROM eingang.stellen AS s
  JOIN im ON im.aktenzeichen = s.aktenzeichen
  WHERE s.besetzt
),
merkmale AS (
  SELECT stichtag, kreis_ags, 'anstellungstraeger' AS merkmal, anstellungstraeger AS auspraegung, vzae FROM besetzt
  UNION ALL
  SELECT stichtag, kreis_ags, 'qualifikation' AS merkmal, qualifikation AS auspraegung, vzae FROM besetzt
),
gruppen AS (
  SELECT stichtag,
    CASE WHEN grouping(kreis_ags) = 1 THEN 'land' ELSE 'kreis' END AS ebene,
    kreis_ags, merkmal, auspraegung,
    count(*) AS stellen,
    sum(vzae) AS vzae
  FROM merkmale
  GROUP BY GROUPING SETS ((stichtag, kreis_ags, merkmal, auspraegung), (stichtag, merkmal, auspraegung))
),
mit_summe AS (
  SELECT gruppen.*,
    sum(stellen) OVER (PARTITION BY stichtag, ebene, kreis_ags, merkmal) AS stellen_gesamt,
    sum(vzae) OVER (PARTITION BY stichtag, ebene, kreis_ags, merkmal) AS vzae_gesamt
  FROM gruppen
)
SELECT stichtag, ebene, kreis_ags, merkmal, auspraegung,
  CAST(stellen AS INTEGER) AS stellen,
  ${num("vzae")} AS vzae,
  CAST(stellen_gesamt AS INTEGER) AS stellen_gesamt,
  ${num("vzae_gesamt")} AS vzae_gesamt,
  ${num(decimalRatio("vzae", 4, "vzae_gesamt", 4, 4))} AS anteil_vzae,
  ${num(decimalRatio("stellen", 0, "stellen_gesamt", 0, 4))} AS anteil_stellen
FROM mit_summe
ORDER BY stichtag, ebene DESC, kreis_ags NULLS FIRST, merkmal, auspraegung`;
}

/**
 * One cell of the mix as published on the page: the Land or one Kreis, one
 * category, with small groups suppressed. A suppressed cell carries null in
 * every value derived from its persons (count, VZÄ, share) and never its real
 * value; the row totals are those published in abdeckung_kreis anyway.
 */
export interface StellenMixCell {
  stichtag: string;
  /** NULL for the Land. */
  kreis_ags: string | null;
  merkmal: keyof typeof MERKMALE;
  auspraegung: string;
  stellen: number | null;
  vzae: number | null;
  /** vzae ÷ vzae_gesamt, 4 places; 0 for an empty group. */
  anteil_vzae: number | null;
  stellen_gesamt: number;
  vzae_gesamt: number;
  unterdrueckt: boolean;
  /** Why: fewer than MIN_PERSONEN persons (primär), or to protect such a cell from subtraction (sekundär). */
  sperre: Sperre | null;
}

/**
 * The mix of filled positions as the page publishes it: every category of
 * every Land/Kreis row that has filled positions (empty groups as 0, because a
 * 0 discloses nothing about a person and a full grid is what the secondary
 * suppression has to reason about), with groups of 1–2 persons suppressed and
 * enough complementary groups suppressed per Kreis, per category column and
 * in the Land row that no suppressed value follows from the published totals
 * (see suppression.ts). The same cells hide the VZÄ, because vzae_besetzt is
 * published per Kreis just like stellen_besetzt.
 */
export async function stellenMixVeroeffentlicht(conn: DuckDBConnection): Promise<StellenMixCell[]> {
  const werte = Object.entries(MERKMALE).flatMap(([m, cs]) => cs.map((c, i) => `('${m}', '${c}', ${i})`)).join(", ");
  const grid = (await rows(
    conn,
    `WITH mix AS (${stellenMixSql()}),
kategorien AS (
  SELECT merkmal, auspraegung, min(ord) AS ord FROM (
    SELECT * FROM (VALUES ${werte}) AS v(merkmal, auspraegung, ord)
    UNION ALL SELECT DISTINCT merkmal, auspraegung, 99 FROM mix
  ) GROUP BY merkmal, auspraegung
),
zeilen AS (SELECT DISTINCT stichtag, kreis_ags, merkmal, stellen_gesamt, vzae_gesamt FROM mix)
SELECT z.stichtag, z.kreis_ags, z.merkmal, k.auspraegung,
  CAST(coalesce(m.stellen, 0) AS INTEGER) AS stellen,
  ${num("coalesce(m.vzae, 0)")} AS vzae,
  ${num(`coalesce(${decimalRatio("m.vzae", 4, "z.vzae_gesamt", 4, 4)}, 0)`)} AS anteil_vzae,
  CAST(z.stellen_gesamt AS INTEGER) AS stellen_gesamt,
  ${num("z.vzae_gesamt")} AS vzae_gesamt
FROM zeilen AS z
JOIN kategorien AS k ON k.merkmal = z.merkmal
LEFT JOIN mix AS m ON m.stichtag = z.stichtag AND m.kreis_ags IS NOT DISTINCT FROM z.kreis_ags
  AND m.merkmal = z.merkmal AND m.auspraegung = k.auspraegung
ORDER BY z.stichtag, z.merkmal, z.kreis_ags NULLS FIRST, k.ord, k.auspraegung`,
  )) as unknown as Omit<StellenMixCell, "unterdrueckt" | "sperre">[];
  const tabellen = new Map<string, number[]>();
  grid.forEach((d, i) => {
    const key = `${d.stichtag}|${d.merkmal}`;
    const t = tabellen.get(key);
    if (t) t.push(i);
    else tabellen.set(key, [i]);
  });
  const sperren = new Map<number, Sperre>();
  for (const idx of tabellen.values()) {
    const zellen = idx.map((i) => grid[i]!).map((d) => ({ zeile: d.kreis_ags, spalte: d.auspraegung, personen: d.stellen ?? 0 }));
    for (const [j, grund] of unterdruecken(zellen)) sperren.set(idx[j]!, grund);
  }
  return grid.map((d, i) => {
    const grund = sperren.get(i) ?? null;
    return grund
      ? { ...d, stellen: null, vzae: null, anteil_vzae: null, unterdrueckt: true, sperre: grund }
      : { ...d, unterdrueckt: false, sperre: null };
  });
}

/** The published mix packed for the page: one table per stichtag and characteristic, one array entry per category. */
export interface StellenMixTabelle {
  stichtag: string;
  merkmal: keyof typeof MERKMALE;
  kategorien: string[];
  zeilen: {
    kreis_ags: string | null;
    stellen_gesamt: number;
    vzae_gesamt: number;
    /** Per category, in the order of `kategorien`; null where suppressed. */
    stellen: (number | null)[];
    vzae: (number | null)[];
    anteil_vzae: (number | null)[];
    /** Per category: null (shown), "primaer" or "sekundaer". */
    sperre: (Sperre | null)[];
  }[];
}

/**
 * Packs the cells of stellenMixVeroeffentlicht without repeating stichtag,
 * characteristic, category and totals in every cell: the flat form is about
 * four times as large for the same content.
 */
export function packMix(cells: readonly StellenMixCell[]): StellenMixTabelle[] {
  const tabellen = new Map<string, StellenMixTabelle>();
  for (const d of cells) {
    const key = `${d.stichtag}|${d.merkmal}`;
    let t = tabellen.get(key);
    if (!t) tabellen.set(key, (t = { stichtag: d.stichtag, merkmal: d.merkmal, kategorien: [], zeilen: [] }));
    if (!t.kategorien.includes(d.auspraegung)) t.kategorien.push(d.auspraegung);
    let z = t.zeilen.find((r) => r.kreis_ags === d.kreis_ags);
    if (!z) {
      z = { kreis_ags: d.kreis_ags, stellen_gesamt: d.stellen_gesamt, vzae_gesamt: d.vzae_gesamt, stellen: [], vzae: [], anteil_vzae: [], sperre: [] };
      t.zeilen.push(z);
    }
    const i = t.kategorien.indexOf(d.auspraegung);
    z.stellen[i] = d.stellen;
    z.vzae[i] = d.vzae;
    z.anteil_vzae[i] = d.anteil_vzae;
    z.sperre[i] = d.sperre;
  }
  return [...tabellen.values()];
}
