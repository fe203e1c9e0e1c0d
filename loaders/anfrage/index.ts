/**
 * Anfrage-Assistent: the table a written answer to a parliamentary question
 * needs – one row per selected Kreis (name, AGS), one column per measure × year,
 * amounts over all Förderbereiche or one of them (the list is data: ref.foerderbereiche),
 * the sum of the selection (when not all Kreise are chosen) and the Land total,
 * plus footnotes (definitions from PUBLISHED_TABLES, Stand, Quelle, Release,
 * „synthetisch“).
 *
 * DuckDB does the arithmetic: `BASIS_SQL` is one row per Kreis × year (all 44
 * Kreise, every year with money), `aggregateSql` sums it over a group. The same
 * basis is the page's data artifact (src/data/anfrage.json.ts), where the browser
 * adds up the selected rows with the same rules.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { counts, metric, value, type Input, type Metric, type MetricKey } from "../queries/metrics.ts";

/**
 * A measure of the assistant: a metric of the registry (formula, Land rule,
 * definition), shown with 2 decimal places.
 */
export interface AnfrageKennzahl {
  name: MetricKey;
  label: string;
  definition: string;
  unit: string;
  /** Decimal places in the table (the value itself is the registry's, rounded half away from zero). */
  scale: number;
  /** Decimal places of the registry value. */
  wertScale: number;
  art: Metric["art"];
  inputs: readonly Input[];
  /**
   * Amounts follow the chosen Förderbereich; staffing measures (VZÄ) always
   * describe integration management, whatever area the amounts show.
   */
  bereichsbezogen: boolean;
}

/** Staffing measures: the value at the year's last Stichtag. */
const STICHTAG = "Wert zum letzten Stichtag der Stellenmeldungen im Jahr.";

function fromRegistry(key: MetricKey): AnfrageKennzahl {
  const m = metric(key);
  const stichtag = m.inputs.some((i) => i.startsWith("vzae_"));
  return {
    name: key,
    label: m.label,
    definition: [m.definition, stichtag ? STICHTAG : "", m.gruppenregel].filter(Boolean).join(" "),
    unit: m.unit,
    scale: 2,
    wertScale: m.scale,
    art: m.art,
    inputs: m.inputs,
    bereichsbezogen: !stichtag && m.inputs.some((i) => i.endsWith("_eur")),
  };
}

/** The measures the assistant offers, in display order. */
export const ANFRAGE_KENNZAHLEN: readonly AnfrageKennzahl[] = (
  [
    "bewilligt_eur",
    "ausgezahlt_eur",
    "rueckforderung_eur",
    "bewilligt_je_1000_ew",
    "ausgezahlt_je_1000_ew",
    "rueckforderung_je_1000_ew",
    "vzae_bewilligt",
    "vzae_besetzt",
    "gefluechtete_je_vzae",
  ] as const
).map(fromRegistry);

/** Names of earlier releases (permalinks, scripts) that still work. */
const ALIASES: Record<string, MetricKey> = {
  bewilligt_eur_je_1000_ew: "bewilligt_je_1000_ew",
  ausgezahlt_eur_je_1000_ew: "ausgezahlt_je_1000_ew",
  rueckforderung_eur_je_1000_ew: "rueckforderung_je_1000_ew",
};

export const kennzahl = (name: string): AnfrageKennzahl | undefined => ANFRAGE_KENNZAHLEN.find((k) => k.name === (ALIASES[name] ?? name));

/** A Förderbereich as the assistant names it (from ref.foerderbereiche). */
export interface Bereich {
  foerderbereich: string;
  name: string;
  kurzname: string;
}

/** The sentence that says which Förderbereiche a measure's figures cover. */
export function scopeSentence(k: AnfrageKennzahl, bereich: Bereich | null): string {
  if (k.bereichsbezogen) return bereich ? `Nur Förderbereich „${bereich.name}“.` : "Summe über alle Förderbereiche.";
  return bereich && bereich.foerderbereich !== "integrationsmanagement" ? "Betrifft stets das Integrationsmanagement." : "";
}

/** A measure's label in a column header: amounts of one area carry its short name. */
export function headerLabel(k: AnfrageKennzahl, bereich: Bereich | null): string {
  return k.bereichsbezogen && bereich ? `${k.label}, ${bereich.kurzname}` : k.label;
}

/** The footnote of a measure (without its number). */
export function footnote(k: AnfrageKennzahl, bereich: Bereich | null): string {
  return [`${k.label} (${k.unit}): ${k.definition}`, scopeSentence(k, bereich)].filter(Boolean).join(" ");
}

/**
 * One row per Kreis × year: all 44 Kreise, every year that has money in
 * mittel_kreis_jahr or a Stichtag in abdeckung_kreis. Amounts summed over the
 * Förderbereiche, or of the one named by the bound parameter `$bereich` (NULL:
 * all); VZÄ and refugee count at the last Stichtag of the year.
 */
export const BASIS_SQL = `WITH mittel AS (
  SELECT kreis_ags, jahr, sum(bewilligt_eur) AS bewilligt_eur, sum(ausgezahlt_eur) AS ausgezahlt_eur,
    sum(rueckforderung_eur) AS rueckforderung_eur
  FROM main.mittel_kreis_jahr
  WHERE $bereich IS NULL OR foerderbereich = $bereich
  GROUP BY kreis_ags, jahr
),
stichtag AS (
  SELECT year(stichtag) AS jahr, max(stichtag) AS stichtag FROM main.abdeckung_kreis GROUP BY year(stichtag)
),
jahre AS (
  SELECT jahr FROM mittel UNION SELECT jahr FROM stichtag
),
abdeckung AS (
  SELECT a.kreis_ags, s.jahr, a.vzae_bewilligt, a.vzae_besetzt, a.gefluechtete_au
  FROM main.abdeckung_kreis AS a
  JOIN stichtag AS s ON s.stichtag = a.stichtag
)
SELECT k.kreis_ags, k.kreis_name, k.regierungsbezirk, k.einwohner, j.jahr,
  coalesce(m.bewilligt_eur, 0) AS bewilligt_eur,
  coalesce(m.ausgezahlt_eur, 0) AS ausgezahlt_eur,
  coalesce(m.rueckforderung_eur, 0) AS rueckforderung_eur,
  s.stichtag AS vzae_stichtag,
  CASE WHEN s.stichtag IS NOT NULL THEN coalesce(a.vzae_bewilligt, 0) END AS vzae_bewilligt,
  a.vzae_besetzt,
  a.gefluechtete_au
FROM main.kreise AS k
CROSS JOIN jahre AS j
LEFT JOIN mittel AS m ON m.kreis_ags = k.kreis_ags AND m.jahr = j.jahr
LEFT JOIN stichtag AS s ON s.jahr = j.jahr
LEFT JOIN abdeckung AS a ON a.kreis_ags = k.kreis_ags AND a.jahr = j.jahr`;

/**
 * The SQL of one measure over a group of basis rows (as VARCHAR, exact
 * decimals): the registry's formula over the sums of its inputs over the rows
 * that count, rounded to the table's places.
 */
export function measureSql(k: AnfrageKennzahl): string {
  const m = metric(k.name);
  const c = counts(m, (i) => i);
  const wert = value(m, (i) => `sum(${i})${c ? ` FILTER (WHERE ${c})` : ""}`);
  return `CAST(CAST(${wert} AS DECIMAL(38,${k.scale})) AS VARCHAR)`;
}

export interface Auswahl {
  /** AGS of the chosen Kreise; empty = all 44. */
  kreise: string[];
  /** Regierungsbezirk instead of a list (ignored when `kreise` is given). */
  regierungsbezirk?: string;
  von: number;
  bis: number;
  kennzahlen: string[];
  /** Key of one Förderbereich for the amounts; absent or null: all. */
  foerderbereich?: string | null;
}

export interface AnfrageSpalte {
  key: string;
  kennzahl: string;
  jahr: number;
  /** German header, e.g. „Bewilligt (anteilig) 2018 (EUR)“. */
  header: string;
  scale: number;
}

export interface AnfrageZeile {
  /** "gemeinde" rows only in a Gemeinde table, where "kreis" rows are the Kreis totals for context. */
  art: "gemeinde" | "kreis" | "auswahl" | "land";
  /** AGS of the row (a Gemeinde's 8 digits in a Gemeinde row), null for sums. */
  kreis_ags: string | null;
  /** Name of the row. */
  kreis_name: string;
  /** Exact decimal text (`1234.50`) per column key, or null. */
  werte: Record<string, string | null>;
}

export interface AnfrageMeta {
  synthetisch: boolean;
  stand: string | null;
  release: string;
}

export interface AnfrageTabelle {
  /** Rows are Kreise (default) or Gemeinden (loaders/anfrage/gemeinden.ts). */
  ebene?: "kreise" | "gemeinden";
  spalten: AnfrageSpalte[];
  zeilen: AnfrageZeile[];
  fussnoten: string[];
}


export const LAND_NAME = "Baden-Württemberg insgesamt";
export const AUSWAHL_NAME = "Summe der ausgewählten Kreise";
export const QUELLE =
  "PIK-Monitor, veröffentlichte Tabellen mittel_kreis_jahr, abdeckung_kreis und kreise; Daten der Bewilligungsstelle " +
  "(Bewilligungen, Auszahlungen, Stellenmeldungen), Zählung der Geflüchteten in der Anschlussunterbringung (§ 29d FAG), " +
  "Einwohner: Destatis, Gemeindeverzeichnis GV-ISys (CC BY 4.0) bzw. Eingabetabelle kreise";

const isoToDe = (iso: string | null) => (iso ? iso.slice(0, 10).split("-").reverse().join(".") : "unbekannt");

/** Footnotes below the table: definitions of the chosen measures, then Stand, Quelle, Release, synthetic notice. */
export function footnotes(kennzahlen: readonly AnfrageKennzahl[], meta: AnfrageMeta, bereich: Bereich | null = null): string[] {
  const out = kennzahlen.map((k, i) => `${i + 1}) ${footnote(k, bereich)}`);
  out.push(`Stand: ${isoToDe(meta.stand)}`);
  out.push(`Quelle: ${QUELLE}`);
  out.push(`Release: ${meta.release}`);
  if (meta.synthetisch) {
    out.push("Synthetische Beispieldaten: Alle Zahlen je Kreis sind erfunden und keine amtlichen Angaben; nicht zitieren.");
  }
  return out;
}

export class AnfrageError extends Error {}

/** The Förderbereiche of the warehouse, in their order. */
export async function bereiche(conn: DuckDBConnection): Promise<Bereich[]> {
  return (
    await conn.runAndReadAll("SELECT foerderbereich, name, coalesce(kurzname, name) AS kurzname FROM ref.foerderbereiche ORDER BY reihenfolge, foerderbereich")
  ).getRowObjectsJS() as unknown as Bereich[];
}

export async function resolveBereich(conn: DuckDBConnection, key: string | null | undefined): Promise<Bereich | null> {
  if (key === null || key === undefined || key === "" || key === "alle") return null;
  const all = await bereiche(conn);
  const b = all.find((x) => x.foerderbereich === key);
  if (!b) throw new AnfrageError(`Unbekannter Förderbereich: ${key} (möglich: alle, ${all.map((x) => x.foerderbereich).join(", ")})`);
  return b;
}

/** Checks a selection against the warehouse: known Kreise, Regierungsbezirk and measures, sensible years. */
async function resolveKreise(conn: DuckDBConnection, a: Auswahl): Promise<string[]> {
  const all = (await conn.runAndReadAll("SELECT kreis_ags, regierungsbezirk FROM main.kreise ORDER BY kreis_ags")).getRowObjectsJS() as {
    kreis_ags: string;
    regierungsbezirk: string;
  }[];
  if (a.kreise.length > 0) {
    const known = new Set(all.map((k) => k.kreis_ags));
    const unknown = a.kreise.filter((k) => !known.has(k));
    if (unknown.length > 0) throw new AnfrageError(`Unbekannte Kreise (AGS): ${unknown.join(", ")}`);
    return [...new Set(a.kreise)].sort();
  }
  if (a.regierungsbezirk) {
    const rb = a.regierungsbezirk.toLowerCase();
    const sel = all.filter((k) => k.regierungsbezirk.toLowerCase() === rb).map((k) => k.kreis_ags);
    if (sel.length === 0) throw new AnfrageError(`Unbekannter Regierungsbezirk: ${a.regierungsbezirk}`);
    return sel;
  }
  return all.map((k) => k.kreis_ags);
}

/**
 * The checks every inquiry starts with, for Kreise and Gemeinden alike: a sensible
 * year range and known measures (an unknown one is named with those `offered`).
 */
export function checkedKennzahlen(a: Pick<Auswahl, "von" | "bis" | "kennzahlen">, offered: readonly AnfrageKennzahl[]): AnfrageKennzahl[] {
  if (!Number.isInteger(a.von) || !Number.isInteger(a.bis) || a.von > a.bis) {
    throw new AnfrageError(`Ungültiger Jahresbereich: ${a.von}–${a.bis}`);
  }
  if (a.kennzahlen.length === 0) throw new AnfrageError("Keine Kennzahl gewählt.");
  return a.kennzahlen.map((n) => {
    const k = kennzahl(n);
    if (!k) throw new AnfrageError(`Unbekannte Kennzahl: ${n} (möglich: ${offered.map((x) => x.name).join(", ")})`);
    return k;
  });
}

/** The inquiry table for a selection. */
export async function anfrageTabelle(conn: DuckDBConnection, a: Auswahl, meta: AnfrageMeta): Promise<AnfrageTabelle> {
  const ks = checkedKennzahlen(a, ANFRAGE_KENNZAHLEN);
  const kreise = await resolveKreise(conn, a);
  const bereich = await resolveBereich(conn, a.foerderbereich);
  const allCount = Number((await conn.runAndReadAll("SELECT count(*) FROM main.kreise")).getRows()[0]?.[0] ?? 0);
  const jahre: number[] = [];
  for (let y = a.von; y <= a.bis; y++) jahre.push(y);

  const measures = ks.map((k) => `${measureSql(k)} AS ${k.name}`).join(",\n  ");
  const jahrFilter = `jahr BETWEEN ${a.von} AND ${a.bis}`;
  // The chosen Kreise as one bound parameter (validated AGS, comma-separated), as for the Gemeinden.
  const kreisFilter = "list_contains(string_split($kreise, ','), kreis_ags)";
  const sql = `WITH basis AS (${BASIS_SQL}),
raster AS (
  SELECT b.* FROM basis AS b WHERE ${jahrFilter}
)
SELECT 'kreis' AS art, kreis_ags, any_value(kreis_name) AS kreis_name, jahr,
  ${measures}
FROM raster WHERE ${kreisFilter} GROUP BY kreis_ags, jahr
UNION ALL
SELECT 'auswahl', NULL, NULL, jahr,
  ${measures}
FROM raster WHERE ${kreisFilter} GROUP BY jahr
UNION ALL
SELECT 'land', NULL, NULL, jahr,
  ${measures}
FROM raster GROUP BY jahr`;
  const result = (await conn.runAndReadAll(sql, { bereich: bereich?.foerderbereich ?? null, kreise: kreise.join(",") })).getRowObjectsJS() as Record<
    string,
    string | number | bigint | null
  >[];

  const spalten: AnfrageSpalte[] = ks.flatMap((k) =>
    jahre.map((jahr) => ({ key: `${k.name}_${jahr}`, kennzahl: k.name, jahr, header: `${headerLabel(k, bereich)} ${jahr} (${k.unit})`, scale: k.scale })),
  );
  const names = (await conn.runAndReadAll(`SELECT kreis_ags, kreis_name FROM main.kreise WHERE ${kreisFilter} ORDER BY kreis_ags`, { kreise: kreise.join(",") })).getRowObjectsJS() as {
    kreis_ags: string;
    kreis_name: string;
  }[];
  const empty = () => Object.fromEntries(spalten.map((s) => [s.key, null])) as Record<string, string | null>;
  const zeilen: AnfrageZeile[] = names.map((n) => ({ art: "kreis", kreis_ags: n.kreis_ags, kreis_name: n.kreis_name, werte: empty() }));
  const auswahl: AnfrageZeile = { art: "auswahl", kreis_ags: null, kreis_name: AUSWAHL_NAME, werte: empty() };
  const land: AnfrageZeile = { art: "land", kreis_ags: null, kreis_name: LAND_NAME, werte: empty() };
  for (const r of result) {
    const target = r["art"] === "kreis" ? zeilen.find((z) => z.kreis_ags === r["kreis_ags"]) : r["art"] === "auswahl" ? auswahl : land;
    if (!target) continue;
    for (const k of ks) {
      const v = r[k.name];
      target.werte[`${k.name}_${Number(r["jahr"])}`] = v === null || v === undefined ? null : String(v);
    }
  }
  if (kreise.length < allCount) zeilen.push(auswahl);
  zeilen.push(land);
  return { spalten, zeilen, fussnoten: footnotes(ks, meta, bereich) };
}

/** `2018-2020` or `2019` → {von, bis}. */
export function parseJahre(s: string): { von: number; bis: number } {
  const m = /^\s*(\d{4})\s*(?:[-–]\s*(\d{4}))?\s*$/.exec(s);
  if (!m) throw new AnfrageError(`Jahre „${s}“: erwartet JJJJ oder JJJJ-JJJJ`);
  const von = Number(m[1]);
  const bis = Number(m[2] ?? m[1]);
  if (von > bis) throw new AnfrageError(`Jahre „${s}“: Anfang nach Ende`);
  return { von, bis };
}

/** `08111,08115` / `alle` / `rb:Stuttgart` → kreise + regierungsbezirk. */
export function parseKreise(s: string | undefined): Pick<Auswahl, "kreise" | "regierungsbezirk"> {
  const v = (s ?? "alle").trim();
  if (v === "" || v.toLowerCase() === "alle") return { kreise: [] };
  const rb = /^(?:rb|regierungsbezirk):(.+)$/i.exec(v);
  if (rb) return { kreise: [], regierungsbezirk: rb[1]!.trim() };
  const list = v.split(/[,;\s]+/).filter(Boolean);
  const bad = list.filter((x) => !/^\d{4,5}$/.test(x));
  if (bad.length > 0) throw new AnfrageError(`Kein Kreis-AGS: ${bad.join(", ")}`);
  return { kreise: list.map((x) => x.padStart(5, "0")) };
}
