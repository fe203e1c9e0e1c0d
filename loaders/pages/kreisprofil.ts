/**
 * The Kreisprofil (`src/kreise/[ags].md`): one profile per Stadt- or Landkreis,
 * all 44 computed in one pass over the published tables (contract §3) and
 * written by one loader as a ZIP with one JSON per Kreis.
 *
 * All arithmetic is SQL: sums, ratios (exact DECIMAL, rounded half away from
 * zero), Land values as SUM/SUM (weighted, not the mean of
 * the Kreis ratios) and ranks among the Kreise of the same type (window
 * functions). JavaScript only groups finished rows by Kreis.
 *
 * Reference points:
 * - `stichjahr`: the latest complete calendar year, i.e. the latest year whose
 *   31 December is on or before the Stand of the data.
 * - `stichtag`: the latest stichtag of the staffing reports (abdeckung_kreis)
 *   on or before the Stand.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import { columnsOf, groupSums, groupValue, metric, value, type Col, type MetricKey } from "../queries/metrics.ts";
import { includes, type Edition } from "../queries/edition.ts";
import { nichtBewilligteAntraege, type OffenerAntrag } from "../queries/intern.ts";

/**
 * The Kennzahlen of the profile in display order, each with the group it
 * belongs to (money of the Stichjahr, or integration management at the
 * Stichtag). Formula, Land rule and rounding come from the metric registry.
 */
const PROFIL_METRICS = [
  ["bewilligt_eur", "mittel"],
  ["ausgezahlt_eur", "mittel"],
  ["bewilligt_je_1000_ew", "mittel"],
  ["ausgezahlt_je_1000_ew", "mittel"],
  ["gefluechtete_au", "mittel"],
  ["bewilligt_je_gefluechteten", "mittel"],
  ["ausgezahlt_je_gefluechteten", "mittel"],
  ["vzae_bewilligt", "abdeckung"],
  ["vzae_besetzt", "abdeckung"],
  ["anteil_besetzt", "abdeckung"],
  ["gefluechtete_je_vzae", "abdeckung"],
] as const satisfies readonly (readonly [MetricKey, "mittel" | "abdeckung"])[];

export const PROFIL_KENNZAHLEN = PROFIL_METRICS.map(([key]) => key);
export type KennzahlKey = (typeof PROFIL_METRICS)[number][0];

/**
 * Where the inputs of a group's metrics are in a `basis` row (alias b): the
 * money group counts refugees at the end of the Stichjahr, the staffing group
 * at the Stichtag.
 */
const basisColumns = (group: "mittel" | "abdeckung"): Col =>
  group === "mittel" ? (i) => (i === "gefluechtete_au" ? "b.gefluechtete_jahr" : `b.${i}`) : columnsOf("b");

/** The Stichtag of the refugee count a metric rests on, if any. */
const zaehlungOf = (key: KennzahlKey, group: "mittel" | "abdeckung"): string | null =>
  metric(key).inputs.includes("gefluechtete_au") ? (group === "mittel" ? "b.gefluechtete_jahr_stichtag" : "b.gefluechtete_stichtag") : null;

/* ------------------------------------------------------------------ */
/* Output types (one JSON per Kreis)                                   */
/* ------------------------------------------------------------------ */

export interface Bezug {
  /** Stand of the data (ISO date). */
  stand: string;
  /** Latest complete calendar year (null if the data end before one is complete). */
  stichjahr: number | null;
  /** Latest stichtag of the staffing reports on or before the Stand (ISO), or null. */
  stichtag: string | null;
}

export interface KreisInfo {
  kreis_ags: string;
  kreis_name: string;
  kreis_typ: "Stadtkreis" | "Landkreis";
  regierungsbezirk: string;
  einwohner: number;
  einwohner_stand: string;
  einwohner_quelle: string;
  flaeche_km2: number;
  /** Kreise of the same type (the peers of the ranks), this one included. */
  kreise_gleichen_typs: number;
  /** Running IM grants without any staffing report at `stichtag` (their positions are missing). */
  zuwendungen_ohne_meldung: number | null;
}

export interface ProfilKennzahl {
  kennzahl: KennzahlKey;
  gruppe: "mittel" | "abdeckung";
  wert: number | null;
  land: number | null;
  land_art: "summe" | "quote";
  /** Rank among the Kreise of the same type with a value, 1 = highest value; null without a value. */
  rang: number | null;
  von: number;
  /** Rank among all Kreise with a value. */
  rang_land: number | null;
  von_land: number;
  /** Stichtag of the refugee count behind the value (ISO), if any. */
  zaehlung: string | null;
}

export interface Vergleich {
  kennzahl: KennzahlKey;
  kreis_ags: string;
  kreis_name: string;
  wert: number | null;
  rang: number | null;
}

export interface MittelJahr {
  jahr: number;
  foerderbereich: string;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
}

export interface MittelJahrGesamt {
  jahr: number;
  /** false for the year of the Stand when it is not yet over. */
  vollstaendig: boolean;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  bewilligt_je_1000_ew: number | null;
  ausgezahlt_je_1000_ew: number | null;
  land_bewilligt_je_1000_ew: number | null;
  land_ausgezahlt_je_1000_ew: number | null;
}

export interface AbdeckungStichtag {
  stichtag: string;
  vzae_bewilligt: number;
  vzae_besetzt: number | null;
  anteil_besetzt: number | null;
  stellen_besetzt: number | null;
  stellen_gemeldet: number;
  zuwendungen_ohne_meldung: number;
  gefluechtete_au: number | null;
  gefluechtete_stichtag: string | null;
  gefluechtete_je_vzae: number | null;
  land_anteil_besetzt: number | null;
  land_gefluechtete_je_vzae: number | null;
}

export interface Empfaenger {
  empfaenger_ags: string;
  empfaenger_name: string;
  zuwendungen: number;
  beginn: string;
  ende: string;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
}

export interface Summe {
  zuwendungen: number;
  empfaenger: number;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
}

export interface Zuwendung {
  aktenzeichen: string;
  empfaenger_name: string;
  empfaenger_ags: string;
  foerderbereich: string;
  beginn: string;
  ende: string;
  bewilligt_eur: number;
  ausgezahlt_eur: number;
  rueckforderung_eur: number;
  vzae_bewilligt: number | null;
}

export interface Nachbar {
  kreis_ags: string;
  kreis_name: string;
  kreis_typ: "Stadtkreis" | "Landkreis";
}

export interface Kreisprofil {
  bezug: Bezug;
  kreis: KreisInfo;
  kennzahlen: ProfilKennzahl[];
  /** All Kreise of the same type with their values, per Kennzahl (for the ranking chart). */
  vergleich: Vergleich[];
  mittel_jahr: MittelJahr[];
  mittel_jahr_gesamt: MittelJahrGesamt[];
  abdeckung: AbdeckungStichtag[];
  empfaenger: Empfaenger[];
  summe: Summe;
  zuwendungen: Zuwendung[];
  /** Intern edition only (loaders/queries/edition.ts): pending, rejected and withdrawn applications; absent otherwise. */
  antraege?: OffenerAntrag[];
  /** The other Kreise of the same Regierungsbezirk. */
  regierungsbezirk: Nachbar[];
}

/* ------------------------------------------------------------------ */
/* SQL                                                                 */
/* ------------------------------------------------------------------ */


/**
 * The reference points as a one-row CTE `bezug(stand, stichjahr, stichtag)`.
 * Without a Stand, the day of the latest booking stands in.
 */
export function bezugCte(): string {
  const standSql = "coalesce(CAST($stand AS DATE), (SELECT max(buchungsdatum) FROM main.buchungen))";
  return `bezug AS (
  SELECT s.stand,
    CASE WHEN s.stand IS NOT NULL
      THEN year(s.stand) - CASE WHEN month(s.stand) = 12 AND day(s.stand) = 31 THEN 0 ELSE 1 END
    END AS stichjahr,
    (SELECT max(stichtag) FROM main.abdeckung_kreis WHERE stichtag <= s.stand) AS stichtag
  FROM (SELECT ${standSql} AS stand) AS s
)`;
}

/** One row per Kreis with the numerators and denominators of every Kennzahl. */
const BASIS = `basis AS (
  SELECT k.kreis_ags, k.kreis_name, k.kreis_typ, k.einwohner,
    coalesce(m.bewilligt_eur, 0) AS bewilligt_eur,
    coalesce(m.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    z.personen AS gefluechtete_jahr,
    z.stichtag AS gefluechtete_jahr_stichtag,
    a.vzae_bewilligt, a.vzae_besetzt, a.gefluechtete_au, a.gefluechtete_stichtag, a.gefluechtete_je_vzae,
    a.zuwendungen_ohne_meldung
  FROM main.kreise AS k
  CROSS JOIN bezug
  LEFT JOIN (
    SELECT kreis_ags, sum(bewilligt_eur) AS bewilligt_eur, sum(ausgezahlt_eur) AS ausgezahlt_eur
    FROM main.mittel_kreis_jahr
    WHERE jahr = (SELECT stichjahr FROM bezug)
    GROUP BY kreis_ags
  ) AS m ON m.kreis_ags = k.kreis_ags
  -- The Kreis's latest refugee count on or before the end of the Stichjahr (as in abdeckung_kreis).
  LEFT JOIN (
    SELECT kreis_ags, arg_max(personen, stichtag) AS personen, max(stichtag) AS stichtag
    FROM eingang.gefluechtete_au
    WHERE stichtag <= make_date((SELECT stichjahr FROM bezug), 12, 31)
    GROUP BY kreis_ags
  ) AS z ON z.kreis_ags = k.kreis_ags
  LEFT JOIN main.abdeckung_kreis AS a ON a.kreis_ags = k.kreis_ags AND a.stichtag = bezug.stichtag
)`;

/** The Land sums behind the Land values: each metric's inputs over the Kreise that count for it (registry). */
const LAND = `land AS (
  SELECT
    ${PROFIL_METRICS.map(([key, group]) => groupSums([key], basisColumns(group))).join(",\n    ")}
  FROM basis AS b
)`;

/**
 * Every Kennzahl of every Kreis, with Land value and ranks (1 = highest value;
 * equal values share a rank). `von` counts the Kreise of the same type that
 * have a value. Sorted by Kreis and display order.
 */
export function kennzahlenSql(): string {
  const lang = PROFIL_METRICS.map(([key, group], i) => {
    const m = metric(key);
    const zaehlung = zaehlungOf(key, group);
    return `  SELECT b.kreis_ags, b.kreis_name, b.kreis_typ, '${key}' AS kennzahl, ${i} AS pos, '${group}' AS gruppe,
    CAST(${value(m, basisColumns(group))} AS DECIMAL(38,4)) AS wert, CAST(${groupValue(key, "l")} AS DECIMAL(38,4)) AS land,
    '${m.art}' AS land_art, ${zaehlung ? `CAST(${zaehlung} AS DATE)` : "CAST(NULL AS DATE)"} AS zaehlung
  FROM basis AS b CROSS JOIN land AS l`;
  });
  return `WITH ${bezugCte()},
${BASIS},
${LAND},
lang AS (
${lang.join("\n  UNION ALL\n")}
),
rangiert AS (
  SELECT lang.*,
    CASE WHEN wert IS NOT NULL THEN rank() OVER (PARTITION BY kennzahl, kreis_typ ORDER BY wert DESC NULLS LAST) END AS rang,
    count(wert) OVER (PARTITION BY kennzahl, kreis_typ) AS von,
    CASE WHEN wert IS NOT NULL THEN rank() OVER (PARTITION BY kennzahl ORDER BY wert DESC NULLS LAST) END AS rang_land,
    count(wert) OVER (PARTITION BY kennzahl) AS von_land
  FROM lang
)
SELECT kreis_ags, kreis_name, kreis_typ, kennzahl, gruppe,
  CAST(wert AS DOUBLE) AS wert, CAST(land AS DOUBLE) AS land, land_art,
  CAST(rang AS INTEGER) AS rang, CAST(von AS INTEGER) AS von,
  CAST(rang_land AS INTEGER) AS rang_land, CAST(von_land AS INTEGER) AS von_land,
  strftime(zaehlung, '%Y-%m-%d') AS zaehlung
FROM rangiert
ORDER BY kreis_ags, pos`;
}

/** The Kreise with their reference data, the reference points and the size of their peer group. */
export function kreiseSql(): string {
  return `WITH ${bezugCte()}
SELECT k.kreis_ags, k.kreis_name, k.kreis_typ, k.regierungsbezirk, k.einwohner,
  strftime(k.einwohner_stand, '%Y-%m-%d') AS einwohner_stand, k.einwohner_quelle,
  CAST(k.flaeche_km2 AS DOUBLE) AS flaeche_km2,
  CAST(count(*) OVER (PARTITION BY k.kreis_typ) AS INTEGER) AS kreise_gleichen_typs,
  a.zuwendungen_ohne_meldung,
  strftime(bezug.stand, '%Y-%m-%d') AS stand, bezug.stichjahr, strftime(bezug.stichtag, '%Y-%m-%d') AS stichtag
FROM main.kreise AS k
CROSS JOIN bezug
LEFT JOIN main.abdeckung_kreis AS a ON a.kreis_ags = k.kreis_ags AND a.stichtag = bezug.stichtag
ORDER BY k.kreis_ags`;
}

/** Money per year and Förderbereich: the rows of mittel_kreis_jahr. */
export const MITTEL_JAHR_SQL = `SELECT kreis_ags, jahr, foerderbereich,
  CAST(bewilligt_eur AS DOUBLE) AS bewilligt_eur,
  CAST(ausgezahlt_eur AS DOUBLE) AS ausgezahlt_eur,
  CAST(rueckforderung_eur AS DOUBLE) AS rueckforderung_eur
FROM main.mittel_kreis_jahr
ORDER BY kreis_ags, jahr, foerderbereich`;

/**
 * Money per year over all Förderbereiche, per 1.000 inhabitants, beside the
 * Land value of the year (Land sum × 1.000 / Land population). Every Kreis gets
 * every year that has money anywhere in the Land (0 where it has none).
 */
const JE_EW = ["bewilligt_je_1000_ew", "ausgezahlt_je_1000_ew"] as const;

export function mittelJahrGesamtSql(): string {
  return `WITH ${bezugCte()},
jahre AS (SELECT DISTINCT jahr FROM main.mittel_kreis_jahr),
kj AS (
  SELECT k.kreis_ags, k.einwohner, j.jahr,
    coalesce(sum(m.bewilligt_eur), 0) AS bewilligt_eur,
    coalesce(sum(m.ausgezahlt_eur), 0) AS ausgezahlt_eur
  FROM main.kreise AS k
  CROSS JOIN jahre AS j
  LEFT JOIN main.mittel_kreis_jahr AS m ON m.kreis_ags = k.kreis_ags AND m.jahr = j.jahr
  GROUP BY k.kreis_ags, k.einwohner, j.jahr
),
land AS (
  SELECT kj.jahr, ${groupSums(JE_EW, columnsOf("kj"))}
  FROM kj
  GROUP BY kj.jahr
)
SELECT kj.kreis_ags, kj.jahr,
  coalesce(kj.jahr <= bezug.stichjahr, false) AS vollstaendig,
  CAST(kj.bewilligt_eur AS DOUBLE) AS bewilligt_eur,
  CAST(kj.ausgezahlt_eur AS DOUBLE) AS ausgezahlt_eur,
  ${JE_EW.map((k) => `CAST(${value(metric(k), columnsOf("kj"))} AS DOUBLE) AS ${k}`).join(",\n  ")},
  ${JE_EW.map((k) => `CAST(${groupValue(k, "l")} AS DOUBLE) AS land_${k}`).join(",\n  ")}
FROM kj
JOIN land AS l ON l.jahr = kj.jahr
CROSS JOIN bezug
ORDER BY kj.kreis_ags, kj.jahr`;
}

/**
 * The coverage of each Kreis over the stichtage (abdeckung_kreis), with the
 * share of filled VZÄ and the Land values of the stichtag (SUM/SUM over the
 * Kreise for which the Kreis value exists).
 */
export const ABDECKUNG_SQL = `WITH land AS (
  SELECT a.stichtag, ${groupSums(["anteil_besetzt", "gefluechtete_je_vzae"], columnsOf("a"))}
  FROM main.abdeckung_kreis AS a
  GROUP BY a.stichtag
)
SELECT a.kreis_ags, strftime(a.stichtag, '%Y-%m-%d') AS stichtag,
  CAST(a.vzae_bewilligt AS DOUBLE) AS vzae_bewilligt,
  CAST(a.vzae_besetzt AS DOUBLE) AS vzae_besetzt,
  CAST(${value(metric("anteil_besetzt"), columnsOf("a"))} AS DOUBLE) AS anteil_besetzt,
  a.stellen_besetzt, a.stellen_gemeldet, a.zuwendungen_ohne_meldung, a.gefluechtete_au,
  strftime(a.gefluechtete_stichtag, '%Y-%m-%d') AS gefluechtete_stichtag,
  CAST(a.gefluechtete_je_vzae AS DOUBLE) AS gefluechtete_je_vzae,
  CAST(${groupValue("anteil_besetzt", "l")} AS DOUBLE) AS land_anteil_besetzt,
  CAST(${groupValue("gefluechtete_je_vzae", "l")} AS DOUBLE) AS land_gefluechtete_je_vzae
FROM main.abdeckung_kreis AS a
JOIN land AS l ON l.stichtag = a.stichtag
ORDER BY a.kreis_ags, a.stichtag`;

/**
 * Recipients per Kreis (number of grants, amounts, first start, last end) and
 * the Kreis total (the row with `gesamt = true`), from zuwendungen. Recipients
 * sorted by amount granted, largest first.
 */
export const EMPFAENGER_SQL = `SELECT kreis_ags, grouping(empfaenger_ags, empfaenger_name) = 3 AS gesamt,
  empfaenger_ags, empfaenger_name,
  CAST(count(*) AS INTEGER) AS zuwendungen,
  CAST(count(DISTINCT (empfaenger_ags, empfaenger_name)) AS INTEGER) AS empfaenger,
  strftime(min(beginn), '%Y-%m-%d') AS beginn, strftime(max(ende), '%Y-%m-%d') AS ende,
  CAST(sum(bewilligt_eur) AS DOUBLE) AS bewilligt_eur,
  CAST(sum(ausgezahlt_eur) AS DOUBLE) AS ausgezahlt_eur,
  CAST(sum(rueckforderung_eur) AS DOUBLE) AS rueckforderung_eur
FROM main.zuwendungen
GROUP BY GROUPING SETS ((kreis_ags, empfaenger_ags, empfaenger_name), (kreis_ags))
ORDER BY kreis_ags, gesamt, sum(bewilligt_eur) DESC, empfaenger_name, empfaenger_ags`;

/** The granted grants of each Kreis, sorted by recipient, start and Aktenzeichen. */
export const ZUWENDUNGEN_SQL = `SELECT kreis_ags, aktenzeichen, empfaenger_name, empfaenger_ags, foerderbereich,
  strftime(beginn, '%Y-%m-%d') AS beginn, strftime(ende, '%Y-%m-%d') AS ende,
  CAST(bewilligt_eur AS DOUBLE) AS bewilligt_eur,
  CAST(ausgezahlt_eur AS DOUBLE) AS ausgezahlt_eur,
  CAST(rueckforderung_eur AS DOUBLE) AS rueckforderung_eur,
  CAST(vzae_bewilligt AS DOUBLE) AS vzae_bewilligt
FROM main.zuwendungen
ORDER BY kreis_ags, empfaenger_name, empfaenger_ags, beginn, foerderbereich, aktenzeichen`;

/* ------------------------------------------------------------------ */
/* Assembly                                                            */
/* ------------------------------------------------------------------ */

type Row = Record<string, unknown>;

/** Groups rows by `kreis_ags` and drops that column (the profile is per Kreis). */
function byKreis<T>(list: Row[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const { kreis_ags, ...rest } of list) {
    const key = String(kreis_ags);
    let bucket = out.get(key);
    if (!bucket) out.set(key, (bucket = []));
    bucket.push(rest as T);
  }
  return out;
}

/**
 * All 44 Kreisprofile, keyed by AGS. `stand` is the Stand of the data (ISO
 * date, from the build info); it fixes the Stichjahr and the Stichtag.
 */
export async function kreisprofile(
  conn: DuckDBConnection,
  { stand, edition = "oeffentlich" }: { stand: string | null; edition?: Edition },
): Promise<Map<string, Kreisprofil>> {
  // A bound parameter cannot change the SQL; the check gives a clear message instead of a cast error.
  if (stand !== null && !/^\d{4}-\d{2}-\d{2}$/.test(stand)) throw new Error(`Stand ist kein ISO-Datum: ${stand}`);
  const antraege = includes(edition, "kreis_antraege") ? await nichtBewilligteAntraege(conn) : null;
  const kreise = await rows(conn, kreiseSql(), { stand });
  const kennzahlen = await rows(conn, kennzahlenSql(), { stand });
  const mittel = byKreis<MittelJahr>(await rows(conn, MITTEL_JAHR_SQL));
  const mittelGesamt = byKreis<MittelJahrGesamt>(await rows(conn, mittelJahrGesamtSql(), { stand }));
  const abdeckung = byKreis<AbdeckungStichtag>(await rows(conn, ABDECKUNG_SQL));
  const empfaenger = byKreis<Empfaenger & { gesamt: boolean; empfaenger: number }>(await rows(conn, EMPFAENGER_SQL));
  const zuwendungen = byKreis<Zuwendung>(await rows(conn, ZUWENDUNGEN_SQL));

  const typOf = new Map(kreise.map((k) => [String(k["kreis_ags"]), String(k["kreis_typ"])]));
  const kennzahlenByKreis = byKreis<ProfilKennzahl & { kreis_name: string; kreis_typ: string }>(kennzahlen);

  const out = new Map<string, Kreisprofil>();
  for (const k of kreise) {
    const ags = String(k["kreis_ags"]);
    const typ = typOf.get(ags);
    const bezug: Bezug = {
      stand: String(k["stand"]),
      stichjahr: k["stichjahr"] == null ? null : Number(k["stichjahr"]),
      stichtag: k["stichtag"] == null ? null : String(k["stichtag"]),
    };
    const kreis: KreisInfo = {
      kreis_ags: ags,
      kreis_name: String(k["kreis_name"]),
      kreis_typ: k["kreis_typ"] as KreisInfo["kreis_typ"],
      regierungsbezirk: String(k["regierungsbezirk"]),
      einwohner: Number(k["einwohner"]),
      einwohner_stand: String(k["einwohner_stand"]),
      einwohner_quelle: String(k["einwohner_quelle"]),
      flaeche_km2: Number(k["flaeche_km2"]),
      kreise_gleichen_typs: Number(k["kreise_gleichen_typs"]),
      zuwendungen_ohne_meldung: k["zuwendungen_ohne_meldung"] == null ? null : Number(k["zuwendungen_ohne_meldung"]),
    };
    const eigene = (kennzahlenByKreis.get(ags) ?? []).map(
      ({ kreis_name: _n, kreis_typ: _t, ...rest }) => rest as ProfilKennzahl,
    );
    const vergleich: Vergleich[] = kennzahlen
      .filter((r) => r["kreis_typ"] === typ)
      .map((r) => ({
        kennzahl: r["kennzahl"] as KennzahlKey,
        kreis_ags: String(r["kreis_ags"]),
        kreis_name: String(r["kreis_name"]),
        wert: r["wert"] as number | null,
        rang: r["rang"] as number | null,
      }));
    const emp = empfaenger.get(ags) ?? [];
    const total = emp.find((e) => e.gesamt);
    const summe: Summe = total
      ? {
          zuwendungen: total.zuwendungen,
          empfaenger: total.empfaenger,
          bewilligt_eur: total.bewilligt_eur,
          ausgezahlt_eur: total.ausgezahlt_eur,
          rueckforderung_eur: total.rueckforderung_eur,
        }
      : { zuwendungen: 0, empfaenger: 0, bewilligt_eur: 0, ausgezahlt_eur: 0, rueckforderung_eur: 0 };
    out.set(ags, {
      bezug,
      kreis,
      kennzahlen: eigene,
      vergleich,
      mittel_jahr: mittel.get(ags) ?? [],
      mittel_jahr_gesamt: mittelGesamt.get(ags) ?? [],
      abdeckung: abdeckung.get(ags) ?? [],
      empfaenger: emp
        .filter((e) => !e.gesamt)
        .map(({ gesamt: _g, empfaenger: _e, ...rest }) => rest),
      summe,
      zuwendungen: zuwendungen.get(ags) ?? [],
      ...(antraege ? { antraege: antraege.get(ags) ?? [] } : {}),
      regierungsbezirk: kreise
        .filter((o) => o["regierungsbezirk"] === kreis.regierungsbezirk && o["kreis_ags"] !== ags)
        .map((o) => ({
          kreis_ags: String(o["kreis_ags"]),
          kreis_name: String(o["kreis_name"]),
          kreis_typ: o["kreis_typ"] as Nachbar["kreis_typ"],
        })),
    });
  }
  return out;
}
