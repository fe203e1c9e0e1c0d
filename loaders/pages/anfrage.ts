/**
 * Data of the page „Anfrage-Assistent“ (src/anfrage.md): the basis of the
 * inquiry table (loaders/anfrage), one row per Kreis × year, small (44 × years).
 * Amounts in integer cents and VZÄ in ten-thousandths, so the browser adds up the
 * selected Kreise exactly; ratios are formed from those sums with the rules of
 * `measureSql`.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { rows } from "../queries/site.ts";
import {
  AUSWAHL_NAME,
  BASIS_SQL,
  bereiche as loadBereiche,
  footnote,
  footnotes,
  headerLabel,
  ANFRAGE_KENNZAHLEN,
  LAND_NAME,
  QUELLE,
  type AnfrageMeta,
  type Bereich,
  type AnfrageKennzahl,
} from "../anfrage/index.ts";
import {
  AUSWAHL_GEMEINDEN_NAME,
  footnoteGemeinde,
  gemeindeEinwohnerAnzahl,
  GEMEINDEN_SQL,
  HINWEIS_EINWOHNER,
  jeGemeinde,
  kreisZeileName,
  NICHT_JE_GEMEINDE,
  OHNE_EINWOHNER,
  schlussGemeinden,
} from "../anfrage/gemeinden.ts";
import { metricTexts, type MetricText } from "../queries/metrics.ts";

export interface AnfrageBasisZeile {
  kreis_ags: string;
  jahr: number;
  einwohner: number;
  bewilligt_ct: number;
  ausgezahlt_ct: number;
  rueckforderung_ct: number;
  /** VZÄ × 10.000 (integer); null when no Stichtag falls into the year. */
  vzae_bewilligt_e4: number | null;
  vzae_besetzt_e4: number | null;
  gefluechtete_au: number | null;
  /** Amounts of single Förderbereiche in cents: [bewilligt, ausgezahlt, rueckforderung]; areas without money are absent. */
  bereiche: Record<string, [number, number, number]>;
}

export interface AnfrageDaten {
  kreise: { kreis_ags: string; kreis_name: string; regierungsbezirk: string }[];
  regierungsbezirke: string[];
  jahre: number[];
  /** Per measure, the footnote and the header label by Förderbereich key ("alle": all areas). */
  /** The registry's text and formula (MetricText: formel, zaehlt, inputScale), `scale` the table's places. */
  kennzahlen: (AnfrageKennzahl & MetricText & { fussnote: Record<string, string>; kopf: Record<string, string> })[];
  /** The Förderbereiche with money in the published tables, in the list's order. */
  foerderbereiche: Bereich[];
  /** Footnotes after the measures' definitions: Stand, Quelle, Release, synthetic notice. */
  schluss: string[];
  quelle: string;
  land_name: string;
  auswahl_name: string;
  basis: AnfrageBasisZeile[];
}

type Row = Record<string, unknown>;
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export async function anfrageDaten(conn: DuckDBConnection, meta: AnfrageMeta): Promise<AnfrageDaten> {
  const kreise = (await rows(conn, "SELECT kreis_ags, kreis_name, regierungsbezirk FROM main.kreise ORDER BY kreis_ags")) as AnfrageDaten["kreise"];
  const basis = (
    await rows(conn,
      `SELECT kreis_ags, jahr, einwohner,
  CAST(bewilligt_eur * 100 AS BIGINT) AS bewilligt_ct,
  CAST(ausgezahlt_eur * 100 AS BIGINT) AS ausgezahlt_ct,
  CAST(rueckforderung_eur * 100 AS BIGINT) AS rueckforderung_ct,
  CAST(vzae_bewilligt * 10000 AS BIGINT) AS vzae_bewilligt_e4,
  CAST(vzae_besetzt * 10000 AS BIGINT) AS vzae_besetzt_e4,
  gefluechtete_au
FROM (${BASIS_SQL}) ORDER BY jahr, kreis_ags`,
      { bereich: null },
    )
  ).map((r) => ({
    kreis_ags: String(r["kreis_ags"]),
    jahr: Number(r["jahr"]),
    einwohner: Number(r["einwohner"]),
    bewilligt_ct: Number(r["bewilligt_ct"]),
    ausgezahlt_ct: Number(r["ausgezahlt_ct"]),
    rueckforderung_ct: Number(r["rueckforderung_ct"]),
    vzae_bewilligt_e4: n(r["vzae_bewilligt_e4"]),
    vzae_besetzt_e4: n(r["vzae_besetzt_e4"]),
    gefluechtete_au: n(r["gefluechtete_au"]),
    bereiche: {} as AnfrageBasisZeile["bereiche"],
  }));
  const perBereich = await rows(conn,
    `SELECT kreis_ags, jahr, foerderbereich,
  CAST(sum(bewilligt_eur) * 100 AS BIGINT) AS b, CAST(sum(ausgezahlt_eur) * 100 AS BIGINT) AS a,
  CAST(sum(rueckforderung_eur) * 100 AS BIGINT) AS r
FROM main.mittel_kreis_jahr GROUP BY ALL
HAVING sum(bewilligt_eur) <> 0 OR sum(ausgezahlt_eur) <> 0 OR sum(rueckforderung_eur) <> 0`,
  );
  const byKey = new Map(basis.map((b) => [`${b.kreis_ags}|${b.jahr}`, b]));
  for (const r of perBereich) {
    const b = byKey.get(`${r["kreis_ags"]}|${r["jahr"]}`);
    if (b) b.bereiche[String(r["foerderbereich"])] = [Number(r["b"]), Number(r["a"]), Number(r["r"])];
  }
  const mitGeld = new Set(perBereich.map((r) => String(r["foerderbereich"])));
  const foerderbereiche = (await loadBereiche(conn)).filter((b) => mitGeld.has(b.foerderbereich));
  const jahre = [...new Set(basis.map((b) => b.jahr))].sort((a, b) => a - b);
  const texts = new Map(metricTexts().map((t) => [t.key, t]));
  const byBereich = (f: (b: Bereich | null) => string) =>
    Object.fromEntries([["alle", f(null)], ...foerderbereiche.map((b) => [b.foerderbereich, f(b)])]) as Record<string, string>;
  return {
    kreise,
    regierungsbezirke: [...new Set(kreise.map((k) => k.regierungsbezirk))].sort(),
    jahre,
    kennzahlen: ANFRAGE_KENNZAHLEN.map((k) => ({
      ...k,
      ...texts.get(k.name)!,
      scale: k.scale,
      fussnote: byBereich((b) => footnote(k, b)),
      kopf: byBereich((b) => headerLabel(k, b)),
    })),
    foerderbereiche,
    schluss: footnotes([], meta),
    quelle: QUELLE,
    land_name: LAND_NAME,
    auswahl_name: AUSWAHL_NAME,
    basis,
  };
}

/* ------------------------------------------------------------------ */
/* Gemeinden (data/anfrage-gemeinden.json, loaded when the page's       */
/* level „Gemeinden“ is chosen)                                         */
/* ------------------------------------------------------------------ */

export interface AnfrageGemeindenDaten {
  /** All Gemeinden (reference list plus unknown recipient keys): [AGS, name, Kreis-AGS, Einwohner or null]. */
  gemeinden: [string, string, string, number | null][];
  /** Förderbereich keys that `mittel` refers to by index. */
  foerderbereiche: string[];
  /** mittel_gemeinde_jahr in cents: [AGS, Jahr, Förderbereich-Index, bewilligt, ausgezahlt, zurückgefordert]. */
  mittel: [string, number, number, number, number, number][];
  /** True when the input table `gemeinden` gave populations: then per-inhabitant measures are offered. */
  einwohner_vorhanden: boolean;
  /** Measures offered for Gemeinden with their footnote by Förderbereich key ("alle": all areas). */
  kennzahlen: { name: string; fussnote: Record<string, string> }[];
  /** Why other measures are not offered. */
  nicht_je_gemeinde: string;
  ohne_einwohner: string;
  hinweis_einwohner: string;
  /** Footnotes after the measures' definitions: Gemeinde note, Stand, Quelle, Release, synthetic notice. */
  schluss: string[];
  auswahl_name: string;
  /** Name of a Kreis's total row („Landkreis Böblingen insgesamt“) by Kreis-AGS. */
  kreis_zeile: Record<string, string>;
}

export async function anfrageGemeindenDaten(conn: DuckDBConnection, meta: AnfrageMeta): Promise<AnfrageGemeindenDaten> {
  const gemeinden = await rows(conn, `${GEMEINDEN_SQL} ORDER BY a.gemeinde_ags`);
  const fbs = await loadBereiche(conn);
  const keys = fbs.map((b) => b.foerderbereich);
  const mittel = await rows(conn,
    `SELECT gemeinde_ags, jahr, foerderbereich, CAST(bewilligt_eur * 100 AS BIGINT) AS b,
  CAST(ausgezahlt_eur * 100 AS BIGINT) AS a, CAST(rueckforderung_eur * 100 AS BIGINT) AS r
FROM main.mittel_gemeinde_jahr ORDER BY gemeinde_ags, jahr, foerderbereich`,
  );
  const kreise = await rows(conn, "SELECT kreis_ags, kreis_name, kreis_typ FROM main.kreise ORDER BY kreis_ags");
  const einwohner = (await gemeindeEinwohnerAnzahl(conn)) > 0;
  const byBereich = (f: (b: Bereich | null) => string) =>
    Object.fromEntries([["alle", f(null)], ...fbs.map((b) => [b.foerderbereich, f(b)])]) as Record<string, string>;
  return {
    gemeinden: gemeinden.map((g) => [String(g["gemeinde_ags"]), String(g["gemeinde_name"]), String(g["kreis_ags"]), n(g["einwohner"])]),
    foerderbereiche: keys,
    mittel: mittel.map((r) => [
      String(r["gemeinde_ags"]),
      Number(r["jahr"]),
      keys.indexOf(String(r["foerderbereich"])),
      Number(r["b"]),
      Number(r["a"]),
      Number(r["r"]),
    ]),
    einwohner_vorhanden: einwohner,
    kennzahlen: ANFRAGE_KENNZAHLEN.filter((k) => jeGemeinde(k) && (einwohner || !k.inputs.includes("einwohner"))).map((k) => ({
      name: k.name,
      fussnote: byBereich((b) => footnoteGemeinde(k, b)),
    })),
    nicht_je_gemeinde: NICHT_JE_GEMEINDE,
    ohne_einwohner: OHNE_EINWOHNER,
    hinweis_einwohner: HINWEIS_EINWOHNER,
    schluss: schlussGemeinden(meta),
    auswahl_name: AUSWAHL_GEMEINDEN_NAME,
    kreis_zeile: Object.fromEntries(kreise.map((k) => [String(k["kreis_ags"]), kreisZeileName(String(k["kreis_typ"]), String(k["kreis_name"]))])),
  };
}
