/**
 * Queries of the page „Prüfbericht“ (src/pruefbericht.md): what happened to
 * each input file, the findings, the cross-table warnings and a data-quality
 * scorecard per Kreis. One artifact, `pruefbericht.json`.
 *
 * Findings carry raw input values: the page renders every one of them as text.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import type { Finding } from "../base/finding.ts";
import type { FileSummary } from "../validate/index.ts";

type Row = Record<string, unknown>;


/** The rules of the cross-table warnings (validate/cross-table.ts). */
export const CROSS_TABLE_RULES = [
  "auszahlung_ueber_bewilligung",
  "vzae_ueber_bewilligung",
  "bindung_ueber_ansatz",
  "ausserhalb_laufzeit",
] as const;

/** At most this many findings go to the page (the published table pruefbericht has all). */
export const MAX_BEFUNDE = 5000;

/** A file's counts as the validator recorded them (meta.dateien), with its errors. */
export type Datei = FileSummary & { fehler: number };

/** A finding, as in the published table pruefbericht. */
export type Befund = Finding;

export interface KreisQualitaet {
  kreis_ags: string;
  kreis_name: string;
  regierungsbezirk: string;
  /** Stichtage of staffing reports at which the Kreis had a running IM grant. */
  stichtage_laufend: number;
  /** … of those, the ones where every running grant has a report. */
  stichtage_vollstaendig: number;
  /** Stichtage (ISO) with at least one running grant without a report. */
  stichtage_luecke: string[];
  /** Latest refugee count of the Kreis (ISO) or null. */
  letzte_zaehlung: string | null;
  /** Whether the Kreis has a count at the expected Stichtag (latest 15.09. up to the Stand). */
  zaehlung_vorhanden: boolean;
  zuwendungen: number;
  /** Granted grants whose net payments exceed the granted amount. */
  ueber_bewilligung: number;
}

export interface Pruefbericht {
  dateien: Datei[];
  befunde: Befund[];
  befunde_gesamt: number;
  querpruefungen: { regel: string; anzahl: number }[];
  /** Expected Stichtag of the refugee count (ISO): the latest 15 September up to the Stand. */
  zaehlung_stichtag: string | null;
  kreise: KreisQualitaet[];
}

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));

export async function pruefbericht(conn: DuckDBConnection, { stand }: { stand: string | null }): Promise<Pruefbericht> {
  const dateien = (
    await rows(conn,
      `SELECT d.*, coalesce(f.fehler, 0) AS fehler
FROM meta.dateien AS d
LEFT JOIN (SELECT datei, count(*) AS fehler FROM meta.befunde WHERE schwere = 'fehler' GROUP BY datei) AS f ON f.datei = d.datei
ORDER BY d.datei`,
    )
  ).map((r) => ({
    ...(r as unknown as Datei),
    kopfzeile: r["kopfzeile"] === null ? null : num(r["kopfzeile"]),
    gelesen: num(r["gelesen"]),
    akzeptiert: num(r["akzeptiert"]),
    abgelehnt: num(r["abgelehnt"]),
    warnungen: num(r["warnungen"]),
    leerzeilen: num(r["leerzeilen"]),
    fehler: num(r["fehler"]),
  }));
  const befunde = (await rows(conn,
    // Causes first (findings on whole files, then rows), follow-on rejections last: as the console report.
    `SELECT datei, zeile, spalte, wert, regel, meldung, schwere FROM main.pruefbericht
ORDER BY zeile IS NOT NULL, starts_with(regel, 'folge_'), datei, zeile, spalte, regel LIMIT ${MAX_BEFUNDE}`,
  )) as unknown as Befund[];
  const gesamt = num((await rows(conn, "SELECT count(*) AS n FROM main.pruefbericht"))[0]?.["n"]);
  const rules = CROSS_TABLE_RULES.map((r) => `('${r}')`).join(", ");
  const querpruefungen = (
    await rows(conn,
      `SELECT r.regel, count(b.regel) AS anzahl
FROM (VALUES ${rules}) AS r(regel)
LEFT JOIN meta.befunde AS b ON b.regel = r.regel
GROUP BY r.regel ORDER BY r.regel`,
    )
  ).map((r) => ({ regel: String(r["regel"]), anzahl: num(r["anzahl"]) }));

  const zaehlung = (
    await rows(conn,
      `SELECT strftime(CASE WHEN s < make_date(year(s), 9, 15) THEN make_date(year(s) - 1, 9, 15) ELSE make_date(year(s), 9, 15) END, '%Y-%m-%d') AS stichtag
FROM (SELECT coalesce(CAST($stand AS DATE), (SELECT max(stichtag) FROM eingang.gefluechtete_au)) AS s) WHERE s IS NOT NULL`,
      { stand: stand ? stand.slice(0, 10) : null },
    )
  )[0]?.["stichtag"];
  const zaehlungStichtag = typeof zaehlung === "string" ? zaehlung : null;
  const kreise = (
    await rows(conn,
      `WITH laufend AS (
  SELECT kreis_ags, count(*) AS stichtage_laufend,
    count(*) FILTER (WHERE zuwendungen_ohne_meldung = 0) AS stichtage_vollstaendig,
    list(strftime(stichtag, '%Y-%m-%d') ORDER BY stichtag) FILTER (WHERE zuwendungen_ohne_meldung > 0) AS stichtage_luecke
  FROM main.abdeckung_kreis
  WHERE vzae_bewilligt > 0
  GROUP BY kreis_ags
),
zaehlung AS (
  SELECT kreis_ags, max(stichtag) AS letzte_zaehlung,
    bool_or(stichtag = CAST($zaehlung AS DATE)) AS vorhanden
  FROM eingang.gefluechtete_au GROUP BY kreis_ags
),
zuwendung AS (
  SELECT kreis_ags, count(*) AS zuwendungen, count(*) FILTER (WHERE ausgezahlt_eur > bewilligt_eur) AS ueber_bewilligung
  FROM main.zuwendungen GROUP BY kreis_ags
)
SELECT k.kreis_ags, k.kreis_name, k.regierungsbezirk,
  coalesce(l.stichtage_laufend, 0) AS stichtage_laufend,
  coalesce(l.stichtage_vollstaendig, 0) AS stichtage_vollstaendig,
  coalesce(l.stichtage_luecke, []) AS stichtage_luecke,
  strftime(z.letzte_zaehlung, '%Y-%m-%d') AS letzte_zaehlung,
  coalesce(z.vorhanden, false) AS zaehlung_vorhanden,
  coalesce(w.zuwendungen, 0) AS zuwendungen,
  coalesce(w.ueber_bewilligung, 0) AS ueber_bewilligung
FROM main.kreise AS k
LEFT JOIN laufend AS l ON l.kreis_ags = k.kreis_ags
LEFT JOIN zaehlung AS z ON z.kreis_ags = k.kreis_ags
LEFT JOIN zuwendung AS w ON w.kreis_ags = k.kreis_ags
ORDER BY k.kreis_ags`,
      { zaehlung: zaehlungStichtag },
    )
  ).map((r) => ({
    ...(r as unknown as KreisQualitaet),
    stichtage_laufend: num(r["stichtage_laufend"]),
    stichtage_vollstaendig: num(r["stichtage_vollstaendig"]),
    zuwendungen: num(r["zuwendungen"]),
    ueber_bewilligung: num(r["ueber_bewilligung"]),
  }));
  return { dateien, befunde, befunde_gesamt: gesamt, querpruefungen, zaehlung_stichtag: zaehlungStichtag, kreise };
}
