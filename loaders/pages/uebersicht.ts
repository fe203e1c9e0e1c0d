/**
 * Queries of the page „Übersicht“ (src/index.md): the statewide key figures of
 * the latest complete year and the year before, coverage with integration
 * managers at the latest stichtag, uptake, and the Kreise that stand out.
 *
 * All arithmetic is done by DuckDB on the published tables (contract §3); the
 * page only formats. Amounts and ratios come back as exact decimal strings
 * ("1234.56", "0.1234"), counts as numbers.
 *
 * Definitions (the page states them in German):
 * - Latest complete year J: the last calendar year that ends on or before the
 *   data's Stand (Stand 30.11.2025 → 2024; Stand 31.12.2025 → 2025). Without a
 *   Stand, the latest booking date stands in for it, then today's date.
 * - Money of a year: sum over all Förderbereiche of `main.haushalt_jahr`.
 *   Change = J − (J−1); relative change = change ÷ value of J−1 (4 places).
 * - Coverage at the latest stichtag T of `main.abdeckung_kreis`: filled VZÄ =
 *   Σ vzae_besetzt over the Kreise that reported positions for T; refugees per
 *   filled VZÄ: the registry's metric gefluechtete_je_vzae and its group rule
 *   (loaders/queries/metrics.ts).
 * - Recipients: distinct `empfaenger_ags` with a granted grant whose funding
 *   period overlaps the year.
 * - Kreise with integration management: Kreise with a granted grant in
 *   `integrationsmanagement` whose funding period contains T.
 * - Antragslage (intern edition only, loaders/queries/edition.ts): pending =
 *   applications with status `beantragt` (as of the Stand); rejected and
 *   withdrawn = all applications with status `abgelehnt` / `zurueckgezogen`;
 *   days to decision = median of bescheid_datum − antrag_datum (days) over the
 *   applications decided (status bewilligt or abgelehnt) with a decision date in
 *   the year and both dates given. The public edition computes none of it.
 * - Lowest coverage: the Kreise with the most refugees per filled VZÄ at T;
 *   Kreise with refugees but no filled VZÄ (0 VZÄ reported) first.
 * - Slowest payers: the Kreise with the lowest payout ratio in J = ausgezahlt
 *   (net, booked in J) ÷ bewilligt (pro rata for J), all Förderbereiche,
 *   Kreise with money committed for J only.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import { decimalRatio } from "../tables/sql.ts";
import { columnsOf, counts, groupSums, groupValue, metric, value } from "../queries/metrics.ts";
import { includes, type Edition } from "../queries/edition.ts";

/** A statewide amount of year J with the year before and the change. */
export interface UebersichtKennzahl {
  kennzahl: "ansatz_eur" | "bewilligt_eur" | "ausgezahlt_eur" | "rueckforderung_eur";
  /** Value in J (sum over the Förderbereiche); null if there is none (e.g. no appropriation). */
  wert: string | null;
  /** Value in J − 1. */
  vorjahr: string | null;
  /** wert − vorjahr. */
  veraenderung: string | null;
  /** (wert − vorjahr) ÷ vorjahr, 4 places; null if vorjahr is 0 or missing. */
  veraenderung_quote: string | null;
  /** wert ÷ Ansatz of J, 4 places (Bindungs-/Abflussquote for bewilligt/ausgezahlt). */
  anteil_ansatz: string | null;
}

export interface Abdeckung {
  stichtag: string;
  /** The stichtag one year earlier, if the staffing reports have it. */
  vorjahr_stichtag: string | null;
  /** Kreise with positions reported for the stichtag. */
  kreise_gemeldet: number;
  /** Kreise in the ratio: positions reported and a refugee count. */
  kreise_quote: number;
  vzae_besetzt: string | null;
  vzae_besetzt_vorjahr: string | null;
  /** Numerator and denominator of the Land's gefluechtete_je_vzae (registry group rule). */
  gefluechtete_au: number | null;
  vzae_quote: string | null;
  gefluechtete_je_vzae: string | null;
  gefluechtete_je_vzae_vorjahr: string | null;
  /** Earliest and latest date of the refugee counts used. */
  zaehlung_von: string | null;
  zaehlung_bis: string | null;
  /** Running IM grants without a staffing report for the stichtag (their positions are missing). */
  zuwendungen_ohne_meldung: number;
}

export interface Nutzung {
  empfaenger: number;
  empfaenger_vorjahr: number;
  kreise_mit_im: number;
  kreise_gesamt: number;
}

/** Applications that did not (yet) lead to a grant, and processing times: intern edition only. */
export interface Antragslage {
  beantragt: number;
  /** Oldest application date among the pending ones. */
  beantragt_seit: string | null;
  median_tage: number | null;
  median_tage_vorjahr: number | null;
  entschieden: number;
  entschieden_vorjahr: number;
  abgelehnt: number;
  zurueckgezogen: number;
}

export interface KreisAbdeckung {
  kreis_ags: string;
  kreis_name: string;
  kreis_typ: string;
  /** 1 = most refugees per filled VZÄ; equal values share a rank. */
  rang: number;
  gefluechtete_au: number;
  vzae_besetzt: string;
  gefluechtete_je_vzae: string | null;
}

export interface KreisAbfluss {
  kreis_ags: string;
  kreis_name: string;
  kreis_typ: string;
  /** 1 = lowest quota; equal quotas share a rank. */
  rang: number;
  bewilligt_eur: string;
  ausgezahlt_eur: string;
  auszahlungsquote: string;
}

export interface Uebersicht {
  /** The Stand the year was derived from (ISO date). */
  stand: string;
  jahr: number;
  vorjahr: number;
  kennzahlen: UebersichtKennzahl[];
  /** Förderbereiche with money in J but no appropriation (the Ansatz sum misses them). */
  ohne_ansatz: string[];
  abdeckung: Abdeckung | null;
  nutzung: Nutzung;
  /** Only in the intern edition; the key is absent in the public one. */
  antragslage?: Antragslage;
  niedrigste_abdeckung: KreisAbdeckung[];
  langsamster_abfluss: KreisAbfluss[];
  /** Payout ratio of the whole Land in J, for comparison. */
  auszahlungsquote_land: string | null;
}

type Row = Record<string, unknown>;


const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const first = (rs: Row[]): Row => rs[0] ?? {};

/** J, J−1 and the Stand they come from; `stand` is the Stand of meta (ISO date) or null. */
export async function latestCompleteYear(conn: DuckDBConnection, stand: string | null): Promise<{ stand: string; jahr: number }> {
  if (stand !== null && !/^\d{4}-\d{2}-\d{2}$/.test(stand)) throw new Error(`Stand ist kein Datum: ${stand}`);
  const r = first(
    await rows(conn,
      `WITH s AS (
  SELECT coalesce(CAST($stand AS DATE), (SELECT max(buchungsdatum) FROM main.buchungen), current_date) AS stand
)
SELECT strftime(stand, '%Y-%m-%d') AS stand,
  CASE WHEN month(stand) = 12 AND day(stand) = 31 THEN year(stand) ELSE year(stand) - 1 END AS jahr
FROM s`,
      { stand },
    ),
  );
  return { stand: String(r["stand"]), jahr: Number(r["jahr"]) };
}

const UEBERSICHT_KENNZAHLEN = ["ansatz_eur", "bewilligt_eur", "ausgezahlt_eur", "rueckforderung_eur"] as const;

async function kennzahlen(conn: DuckDBConnection, jahr: number): Promise<UebersichtKennzahl[]> {
  const rs = await rows(conn,
    `WITH werte AS (
  SELECT jahr, kennzahl, sum(wert) AS wert
  FROM (
    UNPIVOT (SELECT jahr, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur
             FROM main.haushalt_jahr WHERE jahr IN ($jahr, $jahr - 1))
    ON ${UEBERSICHT_KENNZAHLEN.join(", ")} INTO NAME kennzahl VALUE wert
  )
  GROUP BY jahr, kennzahl
),
k AS (SELECT * FROM (VALUES ${UEBERSICHT_KENNZAHLEN.map((k, i) => `('${k}', ${i})`).join(", ")}) AS k(kennzahl, pos)),
paar AS (
  SELECT k.kennzahl, k.pos, cur.wert AS wert, prev.wert AS vorjahr,
    (SELECT wert FROM werte WHERE jahr = $jahr AND kennzahl = 'ansatz_eur') AS ansatz
  FROM k
  LEFT JOIN werte AS cur ON cur.kennzahl = k.kennzahl AND cur.jahr = $jahr
  LEFT JOIN werte AS prev ON prev.kennzahl = k.kennzahl AND prev.jahr = $jahr - 1
)
SELECT kennzahl, wert, vorjahr, wert - vorjahr AS veraenderung,
  ${decimalRatio("wert - vorjahr", 2, "vorjahr", 2, 4)} AS veraenderung_quote,
  ${decimalRatio("wert", 2, "ansatz", 2, 4)} AS anteil_ansatz
FROM paar
ORDER BY pos`,
    { jahr },
  );
  return rs.map((r) => ({
    kennzahl: r["kennzahl"] as UebersichtKennzahl["kennzahl"],
    wert: str(r["wert"]),
    vorjahr: str(r["vorjahr"]),
    veraenderung: str(r["veraenderung"]),
    veraenderung_quote: str(r["veraenderung_quote"]),
    anteil_ansatz: str(r["anteil_ansatz"]),
  }));
}

async function ohneAnsatz(conn: DuckDBConnection, jahr: number): Promise<string[]> {
  const rs = await rows(conn,
    `SELECT foerderbereich FROM main.haushalt_jahr
WHERE jahr = $jahr AND ansatz_eur IS NULL AND (bewilligt_eur <> 0 OR ausgezahlt_eur <> 0)
ORDER BY foerderbereich`,
    { jahr },
  );
  return rs.map((r) => String(r["foerderbereich"]));
}

/** The latest stichtag of the staffing reports, or null if there are none. */
async function latestStichtag(conn: DuckDBConnection): Promise<string | null> {
  return str(first(await rows(conn, "SELECT strftime(max(stichtag), '%Y-%m-%d') AS t FROM main.abdeckung_kreis"))["t"]);
}

async function abdeckung(conn: DuckDBConnection, stichtag: string): Promise<Abdeckung> {
  const r = first(
    await rows(conn,
      `WITH tage AS (
  SELECT CAST($t AS DATE) AS t,
    (SELECT max(stichtag) FROM main.abdeckung_kreis WHERE stichtag = CAST($t AS DATE) - INTERVAL 1 YEAR) AS v
),
je_tag AS (
  SELECT a.stichtag,
    count(*) FILTER (WHERE a.vzae_besetzt IS NOT NULL) AS kreise_gemeldet,
    count(*) FILTER (WHERE ${counts(metric("gefluechtete_je_vzae"), columnsOf("a"))}) AS kreise_quote,
    sum(a.vzae_besetzt) AS vzae_besetzt,
    ${groupSums(["gefluechtete_je_vzae"], columnsOf("a"))},
    min(a.gefluechtete_stichtag) FILTER (WHERE a.vzae_besetzt IS NOT NULL) AS zaehlung_von,
    max(a.gefluechtete_stichtag) FILTER (WHERE a.vzae_besetzt IS NOT NULL) AS zaehlung_bis,
    sum(a.zuwendungen_ohne_meldung) AS zuwendungen_ohne_meldung
  FROM main.abdeckung_kreis AS a, tage
  WHERE a.stichtag IN (tage.t, tage.v)
  GROUP BY a.stichtag
),
quote AS (
  SELECT je_tag.*, je_tag.gefluechtete_je_vzae__gefluechtete_au AS gefluechtete_au,
    je_tag.gefluechtete_je_vzae__vzae_besetzt AS vzae_quote,
    ${groupValue("gefluechtete_je_vzae", "je_tag")} AS gefluechtete_je_vzae
  FROM je_tag
)
SELECT strftime(tage.t, '%Y-%m-%d') AS stichtag, strftime(tage.v, '%Y-%m-%d') AS vorjahr_stichtag,
  cur.kreise_gemeldet, cur.kreise_quote, cur.vzae_besetzt, prev.vzae_besetzt AS vzae_besetzt_vorjahr,
  cur.gefluechtete_au, cur.vzae_quote, cur.gefluechtete_je_vzae, prev.gefluechtete_je_vzae AS gefluechtete_je_vzae_vorjahr,
  strftime(cur.zaehlung_von, '%Y-%m-%d') AS zaehlung_von, strftime(cur.zaehlung_bis, '%Y-%m-%d') AS zaehlung_bis,
  cur.zuwendungen_ohne_meldung
FROM tage
LEFT JOIN quote AS cur ON cur.stichtag = tage.t
LEFT JOIN quote AS prev ON prev.stichtag = tage.v`,
      { t: stichtag },
    ),
  );
  return {
    stichtag: String(r["stichtag"]),
    vorjahr_stichtag: str(r["vorjahr_stichtag"]),
    kreise_gemeldet: num(r["kreise_gemeldet"]) ?? 0,
    kreise_quote: num(r["kreise_quote"]) ?? 0,
    vzae_besetzt: str(r["vzae_besetzt"]),
    vzae_besetzt_vorjahr: str(r["vzae_besetzt_vorjahr"]),
    gefluechtete_au: num(r["gefluechtete_au"]),
    vzae_quote: str(r["vzae_quote"]),
    gefluechtete_je_vzae: str(r["gefluechtete_je_vzae"]),
    gefluechtete_je_vzae_vorjahr: str(r["gefluechtete_je_vzae_vorjahr"]),
    zaehlung_von: str(r["zaehlung_von"]),
    zaehlung_bis: str(r["zaehlung_bis"]),
    zuwendungen_ohne_meldung: num(r["zuwendungen_ohne_meldung"]) ?? 0,
  };
}

async function nutzung(conn: DuckDBConnection, jahr: number, stichtag: string | null): Promise<Nutzung> {
  const r = first(
    await rows(conn,
      `WITH jahre AS (SELECT * FROM (VALUES ($jahr), ($jahr - 1)) AS j(jahr)),
empfaenger AS (
  SELECT j.jahr, count(DISTINCT z.empfaenger_ags) AS n
  FROM jahre AS j
  LEFT JOIN main.zuwendungen AS z ON z.beginn <= make_date(j.jahr, 12, 31) AND z.ende >= make_date(j.jahr, 1, 1)
  GROUP BY j.jahr
)
SELECT
  (SELECT n FROM empfaenger WHERE jahr = $jahr) AS empfaenger,
  (SELECT n FROM empfaenger WHERE jahr = $jahr - 1) AS empfaenger_vorjahr,
  (SELECT count(DISTINCT kreis_ags) FROM main.zuwendungen
    WHERE foerderbereich = 'integrationsmanagement' AND CAST($t AS DATE) BETWEEN beginn AND ende) AS kreise_mit_im,
  (SELECT count(*) FROM main.kreise) AS kreise_gesamt`,
      { jahr, t: stichtag },
    ),
  );
  return {
    empfaenger: num(r["empfaenger"]) ?? 0,
    empfaenger_vorjahr: num(r["empfaenger_vorjahr"]) ?? 0,
    kreise_mit_im: num(r["kreise_mit_im"]) ?? 0,
    kreise_gesamt: num(r["kreise_gesamt"]) ?? 0,
  };
}

/** Pending, rejected and withdrawn applications and the days to decision (intern edition). */
export async function antragslage(conn: DuckDBConnection, jahr: number): Promise<Antragslage> {
  const r = first(
    await rows(conn,
      `WITH jahre AS (SELECT * FROM (VALUES ($jahr), ($jahr - 1)) AS j(jahr)),
entschieden AS (
  SELECT j.jahr, count(b.aktenzeichen) AS n, median(b.bescheid_datum - b.antrag_datum) AS median_tage
  FROM jahre AS j
  LEFT JOIN eingang.bewilligungen AS b
    ON b.status IN ('bewilligt', 'abgelehnt') AND year(b.bescheid_datum) = j.jahr AND b.antrag_datum IS NOT NULL
  GROUP BY j.jahr
)
SELECT
  (SELECT count(*) FROM eingang.bewilligungen WHERE status = 'beantragt') AS beantragt,
  (SELECT strftime(min(antrag_datum), '%Y-%m-%d') FROM eingang.bewilligungen WHERE status = 'beantragt') AS beantragt_seit,
  (SELECT median_tage FROM entschieden WHERE jahr = $jahr) AS median_tage,
  (SELECT median_tage FROM entschieden WHERE jahr = $jahr - 1) AS median_tage_vorjahr,
  (SELECT n FROM entschieden WHERE jahr = $jahr) AS entschieden,
  (SELECT n FROM entschieden WHERE jahr = $jahr - 1) AS entschieden_vorjahr,
  (SELECT count(*) FROM eingang.bewilligungen WHERE status = 'abgelehnt') AS abgelehnt,
  (SELECT count(*) FROM eingang.bewilligungen WHERE status = 'zurueckgezogen') AS zurueckgezogen`,
      { jahr },
    ),
  );
  return {
    beantragt: num(r["beantragt"]) ?? 0,
    beantragt_seit: str(r["beantragt_seit"]),
    median_tage: num(r["median_tage"]),
    median_tage_vorjahr: num(r["median_tage_vorjahr"]),
    entschieden: num(r["entschieden"]) ?? 0,
    entschieden_vorjahr: num(r["entschieden_vorjahr"]) ?? 0,
    abgelehnt: num(r["abgelehnt"]) ?? 0,
    zurueckgezogen: num(r["zurueckgezogen"]) ?? 0,
  };
}

async function niedrigsteAbdeckung(conn: DuckDBConnection, stichtag: string, n: number): Promise<KreisAbdeckung[]> {
  const rs = await rows(conn,
    // One rank rule on every page: equal values share a rank (rank()); refugees without any filled VZÄ first.
    `SELECT a.kreis_ags, k.kreis_name, k.kreis_typ, a.gefluechtete_au, a.vzae_besetzt, a.gefluechtete_je_vzae,
  rank() OVER (ORDER BY (a.vzae_besetzt = 0) DESC, a.gefluechtete_je_vzae DESC NULLS LAST) AS rang
FROM main.abdeckung_kreis AS a
JOIN main.kreise AS k ON k.kreis_ags = a.kreis_ags
WHERE a.stichtag = CAST($t AS DATE) AND a.vzae_besetzt IS NOT NULL AND a.gefluechtete_au > 0
ORDER BY rang, a.gefluechtete_au DESC, a.kreis_ags
LIMIT $n`,
    { t: stichtag, n },
  );
  return rs.map((r) => ({
    kreis_ags: String(r["kreis_ags"]),
    kreis_name: String(r["kreis_name"]),
    kreis_typ: String(r["kreis_typ"]),
    rang: Number(r["rang"]),
    gefluechtete_au: Number(r["gefluechtete_au"]),
    vzae_besetzt: String(r["vzae_besetzt"]),
    gefluechtete_je_vzae: str(r["gefluechtete_je_vzae"]),
  }));
}

async function abfluss(conn: DuckDBConnection, jahr: number, n: number): Promise<{ kreise: KreisAbfluss[]; land: string | null }> {
  const rs = await rows(conn,
    `WITH je_kreis AS (
  SELECT kreis_ags, sum(bewilligt_eur) AS bewilligt_eur, sum(ausgezahlt_eur) AS ausgezahlt_eur
  FROM main.mittel_kreis_jahr
  WHERE jahr = $jahr
  GROUP BY kreis_ags
  HAVING sum(bewilligt_eur) > 0
)
SELECT j.kreis_ags, k.kreis_name, k.kreis_typ, j.bewilligt_eur, j.ausgezahlt_eur,
  ${value(metric("auszahlungsquote"), columnsOf("j"))} AS auszahlungsquote,
  -- Rank 1 = the lowest quota; equal quotas share a rank (the one rank rule).
  rank() OVER (ORDER BY ${value(metric("auszahlungsquote"), columnsOf("j"))}) AS rang
FROM je_kreis AS j
JOIN main.kreise AS k ON k.kreis_ags = j.kreis_ags
ORDER BY rang, j.kreis_ags
LIMIT $n`,
    { jahr, n },
  );
  const land = first(
    await rows(conn,
      `SELECT ${value(metric("auszahlungsquote"), (i) => `sum(${i})`)} AS q FROM main.mittel_kreis_jahr WHERE jahr = $jahr`,
      { jahr },
    ),
  );
  return {
    kreise: rs.map((r) => ({
      kreis_ags: String(r["kreis_ags"]),
      kreis_name: String(r["kreis_name"]),
      kreis_typ: String(r["kreis_typ"]),
      rang: Number(r["rang"]),
      bewilligt_eur: String(r["bewilligt_eur"]),
      ausgezahlt_eur: String(r["ausgezahlt_eur"]),
      auszahlungsquote: String(r["auszahlungsquote"]),
    })),
    land: str(land["q"]),
  };
}

/** The artifact `uebersicht.json`: everything the page „Übersicht“ shows in the given edition. */
export async function uebersicht(
  conn: DuckDBConnection,
  { stand, top = 5, edition = "oeffentlich" }: { stand: string | null; top?: number; edition?: Edition },
): Promise<Uebersicht> {
  const { stand: s, jahr } = await latestCompleteYear(conn, stand);
  const t = await latestStichtag(conn);
  const ab = await abfluss(conn, jahr, top);
  return {
    stand: s,
    jahr,
    vorjahr: jahr - 1,
    kennzahlen: await kennzahlen(conn, jahr),
    ohne_ansatz: await ohneAnsatz(conn, jahr),
    abdeckung: t === null ? null : await abdeckung(conn, t),
    nutzung: await nutzung(conn, jahr, t),
    ...(includes(edition, "antragslage") ? { antragslage: await antragslage(conn, jahr) } : {}),
    niedrigste_abdeckung: t === null ? [] : await niedrigsteAbdeckung(conn, t, top),
    langsamster_abfluss: ab.kreise,
    auszahlungsquote_land: ab.land,
  };
}
