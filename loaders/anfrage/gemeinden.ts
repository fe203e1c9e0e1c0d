/**
 * Anfrage-Assistent for Gemeinden: one row per chosen Gemeinde (8-digit AGS),
 * the sum of the selection, for context the total of each Kreis the Gemeinden
 * belong to and the Land total, with footnotes.
 *
 * The money of a Gemeinde is the published table mittel_gemeinde_jahr (grants
 * with the Gemeinde as recipient). Grants to a Kreis itself (5-digit recipient
 * AGS) belong to no Gemeinde: they are only in the Kreis and Land rows
 * (mittel_kreis_jahr), so the Gemeinden of a Kreis may add up to less than the
 * Kreis.
 *
 * Measures: the amounts; per 1.000 inhabitants only when the warehouse has
 * Gemeinde populations (optional input table `gemeinden`); staffing measures
 * (VZÄ, refugees per VZÄ) are refused, since the warehouse publishes them per
 * Kreis only (abdeckung_kreis) and refugees are counted per Kreis only.
 * Ratios are the registry's formulas (`measureSql`); all values reach SQL as
 * bound parameters.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { metric } from "../queries/metrics.ts";
import {
  AnfrageError,
  BASIS_SQL,
  resolveBereich,
  headerLabel,
  checkedKennzahlen,
  ANFRAGE_KENNZAHLEN,
  LAND_NAME,
  measureSql,
  scopeSentence,
  type AnfrageMeta,
  type AnfrageSpalte,
  type AnfrageTabelle,
  type AnfrageZeile,
  type Bereich,
  type AnfrageKennzahl,
} from "./index.ts";

export interface GemeindeAuswahl {
  /** 8-digit AGS of single Gemeinden. */
  gemeinden: string[];
  /** 5-digit AGS of Kreise whose Gemeinden are all chosen (`kreis:08115`). */
  kreise: string[];
  von: number;
  bis: number;
  kennzahlen: string[];
  foerderbereich?: string | null;
}

export const AUSWAHL_GEMEINDEN_NAME = "Summe der ausgewählten Gemeinden";
export const kreisZeileName = (typ: string, name: string) => `${typ} ${name} insgesamt`;

export const QUELLE_GEMEINDEN =
  "PIK-Monitor, veröffentlichte Tabellen mittel_gemeinde_jahr (Gemeinden), mittel_kreis_jahr und kreise (Kreise, Land); " +
  "Daten der Bewilligungsstelle (Bewilligungen, Auszahlungen); Gemeindenamen: BKG, Verwaltungsgebiete VG5000; " +
  "Einwohner der Gemeinden: Eingabetabelle gemeinden, der Kreise: Destatis, Gemeindeverzeichnis GV-ISys (CC BY 4.0) bzw. Eingabetabelle kreise";

/** Why staffing measures have no Gemeinde values. */
export const NICHT_JE_GEMEINDE =
  "Stellen (VZÄ) und Geflüchtete in der Anschlussunterbringung veröffentlicht der PIK-Monitor nur je Kreis (Tabelle abdeckung_kreis); " +
  "Geflüchtete werden nur je Kreis gezählt, eine Gemeindetabelle dieser Kennzahlen gibt es nicht.";
export const OHNE_EINWOHNER =
  "Kennzahlen je 1.000 Einwohner gibt es für Gemeinden nur mit Einwohnerzahlen der Gemeinden (optionale Eingabetabelle gemeinden); " +
  "das Data Warehouse enthält keine.";

/** The footnote that says what a Gemeinde's money is and what the Kreis and Land rows add. */
export const HINWEIS_GEMEINDEN =
  "Gemeinden: Zuwendungen mit der Gemeinde als Empfänger (8-stelliger AGS, Tabelle mittel_gemeinde_jahr); eine Gemeinde ohne " +
  "Zuwendung im Jahr hat die Beträge 0,00. Die Zeilen „… insgesamt“ zeigen den ganzen Kreis bzw. das Land (Tabelle mittel_kreis_jahr) " +
  "einschließlich der Zuwendungen an den Kreis selbst (5-stelliger AGS), die keiner Gemeinde zuzurechnen sind; die Summe der " +
  "Gemeinden eines Kreises kann daher kleiner sein als der Kreiswert.";
export const HINWEIS_EINWOHNER =
  "Je 1.000 Einwohner: Gemeinden mit der Einwohnerzahl der Eingabetabelle gemeinden, Kreise und Land mit der Einwohnerzahl der " +
  "Kreise; ohne Einwohnerzahl einer Gemeinde bleibt ihr Wert und der Wert jeder Summe mit ihr leer.";
export const ohneZuwendung = (n: string, von: number, bis: number) =>
  `Keine Zuwendung ${von === bis ? `im Jahr ${von}` : `in den Jahren ${von} bis ${bis}`}: ${n} der ausgewählten Gemeinden (Beträge 0,00).`;
export const SYNTHETISCH_GEMEINDEN =
  "Synthetische Beispieldaten: Alle Zahlen je Gemeinde und Kreis sind erfunden und keine amtlichen Angaben; nicht zitieren.";

/** Is a measure available per Gemeinde at all (amounts and per inhabitant), or staffing only (refused)? */
export const jeGemeinde = (k: AnfrageKennzahl) => !k.inputs.some((i) => i.startsWith("vzae_") || i === "gefluechtete_au");
const braucheEinwohner = (k: AnfrageKennzahl) => k.inputs.includes("einwohner");

/** How a measure's value for several Gemeinden is formed (German). */
function gemeindeRegel(k: AnfrageKennzahl): string {
  return k.art === "summe"
    ? "Für mehrere Gemeinden: Summe der Gemeinden."
    : "Für mehrere Gemeinden: Summe der Beträge geteilt durch die Summe der Einwohner, mal 1.000.";
}

/** The footnote of a measure in the Gemeinde table (without its number). */
export function footnoteGemeinde(k: AnfrageKennzahl, bereich: Bereich | null): string {
  const m = metric(k.name);
  const definition = braucheEinwohner(k)
    ? `${metric(m.formel.zaehler as "bewilligt_eur").label} geteilt durch die Einwohnerzahl mal 1.000, kaufmännisch auf Cent gerundet.`
    : m.definition;
  return [`${k.label} (${k.unit}): ${definition}`, gemeindeRegel(k), scopeSentence(k, bereich)].filter(Boolean).join(" ");
}

const isoToDe = (iso: string | null) => (iso ? iso.slice(0, 10).split("-").reverse().join(".") : "unbekannt");

/** Footnotes after the measures' definitions: the Gemeinde note, Stand, Quelle, Release, synthetic notice. */
export function schlussGemeinden(meta: AnfrageMeta): string[] {
  const out = [HINWEIS_GEMEINDEN, `Stand: ${isoToDe(meta.stand)}`, `Quelle: ${QUELLE_GEMEINDEN}`, `Release: ${meta.release}`];
  if (meta.synthetisch) out.push(SYNTHETISCH_GEMEINDEN);
  return out;
}

/** `08111000,08115003` / `kreis:08115` (also mixed) → gemeinden + kreise. */
export function parseGemeinden(s: string): Pick<GemeindeAuswahl, "gemeinden" | "kreise"> {
  const list = s.split(/[,;\s]+/).filter(Boolean);
  if (list.length === 0) throw new AnfrageError("Keine Gemeinde gewählt (--gemeinden 08111000,08115003 oder kreis:08115).");
  const gemeinden: string[] = [];
  const kreise: string[] = [];
  const bad: string[] = [];
  for (const x of list) {
    const k = /^kreis:(\d{4,5})$/i.exec(x);
    if (k) kreise.push(k[1]!.padStart(5, "0"));
    else if (/^\d{7,8}$/.test(x)) gemeinden.push(x.padStart(8, "0"));
    else bad.push(x);
  }
  if (bad.length > 0) throw new AnfrageError(`Kein Gemeinde-AGS (8 Stellen) und kein kreis:AGS: ${bad.join(", ")}`);
  return { gemeinden, kreise };
}

/**
 * All Gemeinden the assistant knows: the reference list plus any recipient key
 * it does not know (named as mittel_gemeinde_jahr names it), with the
 * population of the input table `gemeinden` (null without).
 */
export const GEMEINDEN_SQL = `WITH alle AS (
  SELECT gemeinde_ags, gemeinde_name, kreis_ags FROM ref.gemeinden
  UNION ALL
  SELECT DISTINCT m.gemeinde_ags, m.gemeinde_name, m.kreis_ags
  FROM main.mittel_gemeinde_jahr AS m
  WHERE m.gemeinde_ags NOT IN (SELECT gemeinde_ags FROM ref.gemeinden)
)
SELECT a.gemeinde_ags, a.gemeinde_name, a.kreis_ags, e.einwohner
FROM alle AS a
LEFT JOIN eingang.gemeinden AS e ON e.gemeinde_ags = a.gemeinde_ags`;

interface GemeindeRow {
  gemeinde_ags: string;
  gemeinde_name: string;
  kreis_ags: string;
  einwohner: number | null;
}

/** Number of Gemeinde populations in the warehouse (input table `gemeinden`). */
export async function gemeindeEinwohnerAnzahl(conn: DuckDBConnection): Promise<number> {
  return Number((await conn.runAndReadAll("SELECT count(*) FROM eingang.gemeinden WHERE einwohner IS NOT NULL")).getRows()[0]?.[0] ?? 0);
}

/** The inquiry table for Gemeinden. */
export async function anfrageTabelleGemeinden(conn: DuckDBConnection, a: GemeindeAuswahl, meta: AnfrageMeta): Promise<AnfrageTabelle> {
  const ks = checkedKennzahlen(a, ANFRAGE_KENNZAHLEN.filter(jeGemeinde));
  const staff = ks.filter((k) => !jeGemeinde(k));
  if (staff.length > 0) throw new AnfrageError(`Für Gemeinden nicht verfügbar: ${staff.map((k) => k.name).join(", ")}. ${NICHT_JE_GEMEINDE}`);
  if (ks.some(braucheEinwohner) && (await gemeindeEinwohnerAnzahl(conn)) === 0) {
    throw new AnfrageError(`Für Gemeinden nicht verfügbar: ${ks.filter(braucheEinwohner).map((k) => k.name).join(", ")}. ${OHNE_EINWOHNER}`);
  }
  if (a.gemeinden.length === 0 && a.kreise.length === 0) throw new AnfrageError("Keine Gemeinde gewählt.");

  const alle = (await conn.runAndReadAll(`${GEMEINDEN_SQL} ORDER BY a.gemeinde_ags`)).getRowObjectsJS() as unknown as GemeindeRow[];
  const kreisInfo = (await conn.runAndReadAll("SELECT kreis_ags, kreis_name, kreis_typ FROM main.kreise ORDER BY kreis_ags")).getRowObjectsJS() as {
    kreis_ags: string;
    kreis_name: string;
    kreis_typ: string;
  }[];
  const unknownKreise = a.kreise.filter((k) => !kreisInfo.some((x) => x.kreis_ags === k));
  if (unknownKreise.length > 0) throw new AnfrageError(`Unbekannte Kreise (AGS): ${unknownKreise.join(", ")}`);
  const known = new Set(alle.map((g) => g.gemeinde_ags));
  const unknown = a.gemeinden.filter((g) => !known.has(g));
  if (unknown.length > 0) throw new AnfrageError(`Unbekannte Gemeinden (AGS): ${unknown.join(", ")}`);
  const wanted = new Set([...a.gemeinden, ...alle.filter((g) => a.kreise.includes(g.kreis_ags)).map((g) => g.gemeinde_ags)]);
  const gewaehlt = alle.filter((g) => wanted.has(g.gemeinde_ags));
  const kreise = kreisInfo.filter((k) => gewaehlt.some((g) => g.kreis_ags === k.kreis_ags));
  const bereich = await resolveBereich(conn, a.foerderbereich);

  // Gemeinde rows: the selected Gemeinden × the years of the Kreis basis, amounts from mittel_gemeinde_jahr (0 without money).
  const gemeindeMeasures = ks
    .map((k) => {
      const sql = measureSql(k);
      // A group with a Gemeinde whose population is unknown has no value per inhabitant.
      return `${braucheEinwohner(k) ? `CASE WHEN count(*) FILTER (WHERE einwohner IS NULL) > 0 THEN NULL ELSE ${sql} END` : sql} AS ${k.name}`;
    })
    .join(",\n  ");
  const kreisMeasures = ks.map((k) => `${measureSql(k)} AS ${k.name}`).join(",\n  ");
  const sql = `WITH basis AS (${BASIS_SQL}),
raster AS (SELECT * FROM basis WHERE jahr BETWEEN $von AND $bis),
jahre AS (SELECT DISTINCT jahr FROM raster),
sel AS (
  SELECT g.gemeinde_ags, g.einwohner FROM (${GEMEINDEN_SQL}) AS g
  WHERE list_contains(string_split($gemeinden, ','), g.gemeinde_ags)
),
geld AS (
  SELECT gemeinde_ags, jahr, sum(bewilligt_eur) AS bewilligt_eur, sum(ausgezahlt_eur) AS ausgezahlt_eur,
    sum(rueckforderung_eur) AS rueckforderung_eur
  FROM main.mittel_gemeinde_jahr
  WHERE $bereich IS NULL OR foerderbereich = $bereich
  GROUP BY gemeinde_ags, jahr
),
gemeinde_basis AS (
  SELECT s.gemeinde_ags, j.jahr, s.einwohner,
    coalesce(m.bewilligt_eur, 0) AS bewilligt_eur, coalesce(m.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    coalesce(m.rueckforderung_eur, 0) AS rueckforderung_eur
  FROM sel AS s CROSS JOIN jahre AS j
  LEFT JOIN geld AS m ON m.gemeinde_ags = s.gemeinde_ags AND m.jahr = j.jahr
)
SELECT 'gemeinde' AS art, gemeinde_ags AS ags, jahr, ${gemeindeMeasures}
FROM gemeinde_basis GROUP BY gemeinde_ags, jahr
UNION ALL
SELECT 'auswahl', NULL, jahr, ${gemeindeMeasures}
FROM gemeinde_basis GROUP BY jahr
UNION ALL
SELECT 'kreis', kreis_ags, jahr, ${kreisMeasures}
FROM raster WHERE list_contains(string_split($kreise, ','), kreis_ags) GROUP BY kreis_ags, jahr
UNION ALL
SELECT 'land', NULL, jahr, ${kreisMeasures}
FROM raster GROUP BY jahr`;
  const result = (
    await conn.runAndReadAll(sql, {
      bereich: bereich?.foerderbereich ?? null,
      von: a.von,
      bis: a.bis,
      gemeinden: gewaehlt.map((g) => g.gemeinde_ags).join(","),
      kreise: kreise.map((k) => k.kreis_ags).join(","),
    })
  ).getRowObjectsJS() as Record<string, string | number | bigint | null>[];

  const jahre: number[] = [];
  for (let y = a.von; y <= a.bis; y++) jahre.push(y);
  const spalten: AnfrageSpalte[] = ks.flatMap((k) =>
    jahre.map((jahr) => ({ key: `${k.name}_${jahr}`, kennzahl: k.name, jahr, header: `${headerLabel(k, bereich)} ${jahr} (${k.unit})`, scale: k.scale })),
  );
  const empty = () => Object.fromEntries(spalten.map((s) => [s.key, null])) as Record<string, string | null>;
  const zeile = (art: AnfrageZeile["art"], ags: string | null, name: string): AnfrageZeile => ({ art, kreis_ags: ags, kreis_name: name, werte: empty() });
  const gemeindeZeilen = gewaehlt.map((g) => zeile("gemeinde", g.gemeinde_ags, g.gemeinde_name));
  const auswahl = zeile("auswahl", null, AUSWAHL_GEMEINDEN_NAME);
  const kreisZeilen = kreise.map((k) => zeile("kreis", k.kreis_ags, kreisZeileName(k.kreis_typ, k.kreis_name)));
  const land = zeile("land", null, LAND_NAME);
  for (const r of result) {
    const art = r["art"];
    const target =
      art === "gemeinde" ? gemeindeZeilen.find((z) => z.kreis_ags === r["ags"])
      : art === "kreis" ? kreisZeilen.find((z) => z.kreis_ags === r["ags"])
      : art === "auswahl" ? auswahl
      : land;
    if (!target) continue;
    for (const k of ks) {
      const v = r[k.name];
      target.werte[`${k.name}_${Number(r["jahr"])}`] = v === null || v === undefined ? null : String(v);
    }
  }
  // Gemeinden without any grant in the period (amounts all 0 over the chosen area).
  const ohne = await ohneZuwendungAnzahl(conn, gewaehlt.map((g) => g.gemeinde_ags), a.von, a.bis, bereich);
  const fussnoten = [
    ...ks.map((k, i) => `${i + 1}) ${footnoteGemeinde(k, bereich)}`),
    ...(ks.some(braucheEinwohner) ? [HINWEIS_EINWOHNER] : []),
    ...(ohne > 0 ? [ohneZuwendung(`${ohne} von ${gewaehlt.length}`, a.von, a.bis)] : []),
    ...schlussGemeinden(meta),
  ];
  return { ebene: "gemeinden", spalten, zeilen: [...gemeindeZeilen, auswahl, ...kreisZeilen, land], fussnoten };
}

/** How many of the Gemeinden have no row in mittel_gemeinde_jahr in the years (and area). */
async function ohneZuwendungAnzahl(conn: DuckDBConnection, ags: string[], von: number, bis: number, bereich: Bereich | null): Promise<number> {
  const r = await conn.runAndReadAll(
    `SELECT count(*) FROM (SELECT unnest(string_split($ags, ',')) AS gemeinde_ags)
WHERE gemeinde_ags NOT IN (
  SELECT gemeinde_ags FROM main.mittel_gemeinde_jahr
  WHERE jahr BETWEEN $von AND $bis AND ($bereich IS NULL OR foerderbereich = $bereich)
)`,
    { ags: ags.join(","), von, bis, bereich: bereich?.foerderbereich ?? null },
  );
  return Number(r.getRows()[0]?.[0] ?? 0);
}
