/**
 * The published tables of the data contract (§3): one definition per table –
 * German title, what a row is, columns with label, definition, unit and SQL type,
 * key and the SELECT that computes it from the warehouse.
 *
 * These definitions are the one place where the metrics are defined: the SQL
 * below computes them, and the data dictionary and the methodology page print
 * the German `definition`s of the same columns.
 *
 * Warehouse layout: `eingang.*` accepted input rows, `ref.kreise`, `ref.gemeinden`
 * and `ref.foerderbereiche` reference data,
 * `meta.befunde` findings, `main.*` the published tables (and two helper views).
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import { z } from "zod";
import { ags, columnMeta, date, dec, euro, int, oneOf, schluessel, text, type ColumnMeta } from "../schema/columns.ts";
import { GRANTED_GRANTS, decimalRatio, fromUnits, kreisOf, roundDiv, toUnits } from "./sql.ts";

/* ------------------------------------------------------------------ */
/* Findings table (written by the validator, published as pruefbericht) */
/* ------------------------------------------------------------------ */

/** The findings of reading and checking the input; one row per finding (see `Finding`). */
export const BEFUNDE_DDL = `CREATE TABLE meta.befunde (
  datei VARCHAR NOT NULL,
  zeile INTEGER,
  spalte VARCHAR,
  wert VARCHAR,
  regel VARCHAR NOT NULL,
  meldung VARCHAR NOT NULL,
  schwere VARCHAR NOT NULL CHECK (schwere IN ('fehler', 'warnung'))
)`;

/* ------------------------------------------------------------------ */
/* Definition types                                                    */
/* ------------------------------------------------------------------ */

/** A published table (or helper view) as consumers see it. */
export interface PublishedTable {
  /** Table name in schema `main` and file name of the export. */
  name: string;
  /** German title. */
  title: string;
  /** German: what one row is, e.g. „eine Zeile je Kreis“. */
  rowsAre: string;
  /** German remarks for the methodology page (which rows are included, rounding). */
  notes?: string;
  /** Columns in output order; metadata via the builders of `columns.ts` (read it with `publishedColumns`). */
  columns: { readonly shape: Readonly<Record<string, z.core.$ZodType>> };
  /** Columns that identify a row (unique, checked after the build); empty if rows have no key. */
  key: readonly string[];
  /** Sort order of the stored table; defaults to `key`. NULLs sort first. */
  orderBy?: readonly string[];
  /** The SELECT; must yield exactly the declared columns (checked, then cast to the declared types). */
  sql: string;
}

/** The typed form used to write a definition: key and order name declared columns. */
interface TableDefinition<N extends string, S extends z.ZodRawShape> extends PublishedTable {
  name: N;
  columns: z.ZodObject<S>;
  key: readonly (keyof S & string)[];
  orderBy?: readonly (keyof S & string)[];
}

const defineTable = <const N extends string, S extends z.ZodRawShape>(t: TableDefinition<N, S>): TableDefinition<N, S> => t;

/** Column metadata of a published column; `nullable` columns may be empty. */
export type PublishedColumnMeta = ColumnMeta & { nullable?: boolean };

/** A column that may be empty (NULL); without this wrapper a NULL is a build error. */
const orNull = <T extends z.ZodType>(s: T) => s.nullable().meta({ ...columnMeta(s), nullable: true });

export interface PublishedColumn {
  name: string;
  label: string;
  definition: string;
  unit?: string;
  sqlType: string;
  nullable: boolean;
}

/** The columns of a published table for the data dictionary, in output order. */
export function publishedColumns(table: PublishedTable): PublishedColumn[] {
  return Object.entries(table.columns.shape).map(([name, s]) => {
    const m = columnMeta(s as z.ZodType) as PublishedColumnMeta;
    return {
      name,
      label: m.label,
      definition: m.definition,
      ...(m.unit !== undefined ? { unit: m.unit } : {}),
      sqlType: m.sqlType,
      nullable: m.nullable === true,
    };
  });
}

/* ------------------------------------------------------------------ */
/* Shared columns and definitions                                      */
/* ------------------------------------------------------------------ */

const kreisAgs = ags({
  digits: "kreis",
  label: "AGS Kreis",
  definition: "Amtlicher Gemeindeschlüssel (AGS) des Stadt- oder Landkreises, 5 Stellen.",
});
const zuwendungKreis = ags({
  digits: "kreis",
  label: "AGS Kreis",
  definition: "Kreis der Zuwendung: die ersten fünf Stellen des AGS des Empfängers.",
});
const foerderbereich = schluessel({
  label: "Förderbereich",
  definition: "Schlüssel des Förderbereichs (Maßnahme) des Pakts für Integration; Name in foerderbereich_name.",
  reference: "foerderbereiche",
});
/** The German name beside every `foerderbereich` key, from `ref.foerderbereiche` (added by `createStatement`). */
const foerderbereichName = text({
  label: "Förderbereich (Name)",
  definition: "Deutscher Name des Förderbereichs aus der Liste der Förderbereiche (Standardliste oder Tabelle foerderbereiche).",
});
const jahr = int({ label: "Jahr", definition: "Kalenderjahr." });
const aktenzeichen = text({ label: "Aktenzeichen", definition: "Aktenzeichen der Zuwendung." });

const DEF_BEWILLIGT_JAHR =
  "Auf das Kalenderjahr entfallender Teil der bewilligten Beträge: Jeder bewilligte Betrag wird gleichmäßig " +
  "auf die Kalendertage seines Förderzeitraums verteilt (Beginn und Ende eingeschlossen) und je Kalenderjahr " +
  "summiert. Gerundet wird je Zuwendung kumulativ auf Cent, sodass die Jahresbeträge einer Zuwendung zusammen " +
  "genau den bewilligten Betrag ergeben. Nur Zuwendungen mit Status „bewilligt“.";
const DEF_AUSGEZAHLT_JAHR =
  "Nettosumme der im Kalenderjahr gebuchten Beträge zu bewilligten Zuwendungen (Buchungsdatum): " +
  "Abschläge und Schlusszahlungen zählen positiv, Rückforderungen negativ.";
const DEF_RUECKFORDERUNG_JAHR = "Im Kalenderjahr gebuchte Rückforderungen, als positiver Betrag.";

/**
 * The CTE `alle` of the per-year money tables: the CTEs `bewilligt` (granted, pro
 * rata) and `gebucht` (booked) joined on `key` × year × Förderbereich, 0 where a
 * side has nothing, so a year with only a payment or only a grant is kept.
 */
const alleBetraege = (key: string): string => `alle AS (
  SELECT coalesce(b.${key}, z.${key}) AS ${key},
    coalesce(b.jahr, z.jahr) AS jahr,
    coalesce(b.foerderbereich, z.foerderbereich) AS foerderbereich,
    coalesce(b.bewilligt_eur, 0) AS bewilligt_eur,
    coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur
  FROM bewilligt AS b
  FULL OUTER JOIN gebucht AS z
    ON z.${key} = b.${key} AND z.jahr = b.jahr AND z.foerderbereich = b.foerderbereich
)`;

/** The three amounts of a year, as every per-year money table publishes them (Kreis, Gemeinde). */
const BETRAEGE_JAHR = {
  bewilligt_eur: euro({ label: "Bewilligt (anteilig)", definition: DEF_BEWILLIGT_JAHR }),
  ausgezahlt_eur: euro({ label: "Ausgezahlt (netto)", definition: DEF_AUSGEZAHLT_JAHR }),
  rueckforderung_eur: euro({ label: "Zurückgefordert", definition: DEF_RUECKFORDERUNG_JAHR }),
};
const DEF_QUOTE = (zaehler: string) =>
  `${zaehler} geteilt durch ansatz_eur, als Dezimalzahl (0,25 = 25 %), kaufmännisch auf 4 Nachkommastellen ` +
  "gerundet; leer, wenn der Ansatz 0 ist oder fehlt.";

/** Net sum of bookings (recoveries are stored negative). */
const NETTO = "coalesce(sum(betrag_eur), 0)";
/** Recoveries as a positive amount. */
const RUECKFORDERUNG = "coalesce(-sum(betrag_eur) FILTER (WHERE art = 'rueckforderung'), 0)";

/** Where `einwohner` comes from when the input table `kreise` supplies it. */
export const EINWOHNER_QUELLE_EINGABE = "Eingabetabelle kreise";

/* ------------------------------------------------------------------ */
/* Helper views: the pro-rata split and the bookings, defined once     */
/* ------------------------------------------------------------------ */

/**
 * A granted grant's amount per calendar year, in cents, by cumulative rounding:
 *
 *   cum(y)   = round_half_up(betrag_cent × tage_bis_jahresende(y) / tage_gesamt)
 *   share(y) = cum(y) − cum(y−1)
 *
 * where tage_bis_jahresende(y) counts the days from `beginn` through the end of
 * year y (at most `ende`), both ends inclusive. cum(last year) = betrag_cent, so
 * the shares of one grant add up exactly to its amount. Integer arithmetic only
 * (HUGEINT), no DOUBLE.
 */
export const bewilligtJahr = defineTable({
  name: "bewilligt_jahr",
  title: "Bewilligte Beträge je Zuwendung und Kalenderjahr (Hilfssicht)",
  rowsAre: "eine Zeile je bewilligter Zuwendung und Kalenderjahr ihres Förderzeitraums",
  notes:
    "Die Aufteilung eines bewilligten Betrags auf Kalenderjahre, einmal definiert für mittel_kreis_jahr und " +
    "haushalt_jahr: Der Betrag wird gleichmäßig auf die Kalendertage des Förderzeitraums verteilt (Beginn und " +
    "Ende eingeschlossen, Schaltjahre mit 366 Tagen). Gerundet wird kumulativ in Cent: Für jedes Jahr wird der " +
    "Anteil vom Beginn bis zum Jahresende kaufmännisch auf Cent gerundet (ab einem halben Cent aufgerundet); " +
    "der Betrag des Jahres ist die Differenz zum so gerundeten Anteil bis zum Ende des Vorjahres. Im letzten " +
    "Jahr ist der Anteil der ganze Betrag, daher ergeben die Jahresbeträge zusammen genau den bewilligten Betrag.",
  columns: z.object({
    aktenzeichen,
    kreis_ags: zuwendungKreis,
    foerderbereich,
    jahr,
    tage: int({
      label: "Tage im Jahr",
      definition: "Kalendertage des Förderzeitraums, die in das Jahr fallen.",
      unit: "Tage",
    }),
    tage_gesamt: int({
      label: "Tage gesamt",
      definition: "Kalendertage des ganzen Förderzeitraums, Beginn und Ende eingeschlossen.",
      unit: "Tage",
    }),
    bewilligt_eur: euro({ label: "Bewilligt im Jahr", definition: DEF_BEWILLIGT_JAHR }),
  }),
  key: ["aktenzeichen", "jahr"],
  sql: `WITH zuwendung AS (
  SELECT aktenzeichen, kreis_ags, foerderbereich, beginn, ende,
    ${toUnits("bewilligt_eur", 2)} AS betrag_cent,
    CAST(ende - beginn + 1 AS HUGEINT) AS tage_gesamt
  FROM ${GRANTED_GRANTS}
),
je_jahr AS (
  SELECT zuwendung.*, unnest(generate_series(year(beginn), year(ende))) AS jahr
  FROM zuwendung
),
tage AS (
  SELECT je_jahr.*,
    CAST(least(ende, make_date(jahr, 12, 31)) - greatest(beginn, make_date(jahr, 1, 1)) + 1 AS HUGEINT) AS tage,
    CAST(least(ende, make_date(jahr, 12, 31)) - beginn + 1 AS HUGEINT) AS tage_bis_jahresende
  FROM je_jahr
)
SELECT aktenzeichen, kreis_ags, foerderbereich, jahr, tage, tage_gesamt,
  ${fromUnits(
    `${roundDiv("betrag_cent * tage_bis_jahresende", "tage_gesamt")} - ${roundDiv("betrag_cent * (tage_bis_jahresende - tage)", "tage_gesamt")}`,
    2,
  )} AS bewilligt_eur
FROM tage`,
});

/** Bookings of granted grants, with the grant's Kreis and Förderbereich. */
export const buchungen = defineTable({
  name: "buchungen",
  title: "Buchungen zu bewilligten Zuwendungen (Hilfssicht)",
  rowsAre: "eine Zeile je Buchung zu einer bewilligten Zuwendung",
  columns: z.object({
    zahlung_id: text({ label: "Zahlungs-ID", definition: "Kennung der Buchung." }),
    aktenzeichen,
    kreis_ags: zuwendungKreis,
    foerderbereich,
    buchungsdatum: date({ label: "Buchungsdatum", definition: "Tag der Buchung." }),
    jahr: int({ label: "Jahr", definition: "Kalenderjahr des Buchungsdatums." }),
    monat: int({ label: "Monat", definition: "Kalendermonat des Buchungsdatums (1 = Januar).", min: 1, max: 12 }),
    art: text({ label: "Art", definition: "Abschlag, Schlusszahlung oder Rückforderung." }),
    betrag_eur: euro({ label: "Betrag", definition: "Gebuchter Betrag; Rückforderungen negativ." }),
  }),
  key: ["zahlung_id"],
  sql: `SELECT a.zahlung_id, a.aktenzeichen, g.kreis_ags, g.foerderbereich, a.buchungsdatum,
  year(a.buchungsdatum) AS jahr, month(a.buchungsdatum) AS monat, a.art, a.betrag_eur
FROM eingang.auszahlungen AS a
JOIN ${GRANTED_GRANTS} AS g ON g.aktenzeichen = a.aktenzeichen`,
});

/** Helper views, created before the published tables (which read them). */
export const HELPER_VIEWS = [bewilligtJahr, buchungen] as const;

/* ------------------------------------------------------------------ */
/* Published tables                                                    */
/* ------------------------------------------------------------------ */

export const kreise = defineTable({
  name: "kreise",
  title: "Kreise",
  rowsAre: "eine Zeile je Stadt- oder Landkreis",
  notes:
    "Referenzdaten der 44 Kreise aus dem Gemeindeverzeichnis (Destatis, GV-ISys, Lizenz CC BY 4.0). " +
    "Die Einwohnerzahl eines Kreises wird durch die Eingabetabelle kreise ersetzt, wenn diese eine Zahl für ihn enthält.",
  columns: z.object({
    kreis_ags: kreisAgs,
    kreis_name: text({ label: "Kreis", definition: "Name des Kreises." }),
    kreis_typ: oneOf(["Stadtkreis", "Landkreis"], {
      label: "Kreistyp",
      definition: "Stadtkreis (kreisfreie Stadt) oder Landkreis.",
    }),
    regierungsbezirk: text({
      label: "Regierungsbezirk",
      definition: "Regierungsbezirk, zu dem der Kreis gehört (Stuttgart, Karlsruhe, Freiburg oder Tübingen).",
    }),
    einwohner: int({
      label: "Einwohner",
      definition:
        "Einwohnerzahl des Kreises: aus der Eingabetabelle kreise, wenn diese eine Zahl für den Kreis enthält; " +
        "sonst aus den Referenzdaten (Destatis, Stand 31.12.2018).",
      min: 0,
    }),
    einwohner_stand: date({ label: "Stand Einwohner", definition: "Stichtag der Einwohnerzahl." }),
    einwohner_quelle: text({
      label: "Quelle Einwohner",
      definition: `Herkunft der Einwohnerzahl: „${EINWOHNER_QUELLE_EINGABE}“ oder die Referenzdaten mit Quelle und Lizenz.`,
    }),
    flaeche_km2: dec({
      label: "Fläche",
      definition: "Fläche des Kreises (Referenzdaten, Destatis).",
      unit: "km²",
      scale: 2,
      precision: 10,
    }),
  }),
  key: ["kreis_ags"],
  sql: `SELECT r.kreis_ags, r.kreis_name, r.kreis_typ, r.regierungsbezirk,
  CASE WHEN o.kreis_ags IS NULL THEN r.einwohner ELSE o.einwohner END AS einwohner,
  CASE WHEN o.kreis_ags IS NULL THEN r.einwohner_stand ELSE o.stand END AS einwohner_stand,
  CASE WHEN o.kreis_ags IS NULL THEN r.einwohner_quelle ELSE '${EINWOHNER_QUELLE_EINGABE}' END AS einwohner_quelle,
  r.flaeche_km2
FROM ref.kreise AS r
LEFT JOIN eingang.kreise AS o ON o.kreis_ags = r.kreis_ags`,
});

export const zuwendungen = defineTable({
  name: "zuwendungen",
  title: "Bewilligte Zuwendungen",
  rowsAre: "eine Zeile je bewilligter Zuwendung (Status „bewilligt“)",
  notes: "Anträge mit Status beantragt, abgelehnt oder zurückgezogen sind nicht enthalten.",
  columns: z.object({
    aktenzeichen,
    kreis_ags: zuwendungKreis,
    empfaenger_ags: ags({
      digits: "kreis_oder_gemeinde",
      label: "AGS Empfänger",
      definition:
        "Amtlicher Gemeindeschlüssel des Zuwendungsempfängers: 5 Stellen für einen Stadt- oder Landkreis, 8 Stellen für eine Gemeinde.",
    }),
    empfaenger_name: text({ label: "Empfänger", definition: "Name des Zuwendungsempfängers." }),
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    bescheid_datum: date({ label: "Bescheiddatum", definition: "Datum des Bewilligungsbescheids." }),
    beginn: date({ label: "Beginn", definition: "Beginn des Förderzeitraums." }),
    ende: date({ label: "Ende", definition: "Ende des Förderzeitraums (einschließlich)." }),
    bewilligt_eur: euro({ label: "Bewilligt", definition: "Bewilligter Betrag für den ganzen Förderzeitraum." }),
    ausgezahlt_eur: euro({
      label: "Ausgezahlt (netto)",
      definition:
        "Nettosumme aller Buchungen zur Zuwendung, unabhängig vom Buchungsjahr: Abschläge und Schlusszahlungen " +
        "abzüglich Rückforderungen; 0, wenn nichts gebucht ist.",
    }),
    rueckforderung_eur: euro({
      label: "Zurückgefordert",
      definition: "Summe der Rückforderungen zur Zuwendung, als positiver Betrag; 0, wenn keine.",
    }),
    vzae_bewilligt: orNull(
      dec({
        label: "VZÄ bewilligt",
        definition: "Bewilligte Vollzeitäquivalente; im Integrationsmanagement angegeben, sonst meist leer.",
        unit: "VZÄ",
        scale: 4,
        precision: 10,
      }),
    ),
  }),
  key: ["aktenzeichen"],
  sql: `WITH gebucht AS (
  SELECT aktenzeichen, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen
  GROUP BY aktenzeichen
)
SELECT g.aktenzeichen, g.kreis_ags, g.empfaenger_ags, g.empfaenger_name, g.foerderbereich, g.bescheid_datum,
  g.beginn, g.ende, g.bewilligt_eur,
  coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
  coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur,
  g.vzae_bewilligt
FROM ${GRANTED_GRANTS} AS g
LEFT JOIN gebucht AS z ON z.aktenzeichen = g.aktenzeichen`,
});

export const mittelKreisJahr = defineTable({
  name: "mittel_kreis_jahr",
  title: "Mittel je Kreis, Jahr und Förderbereich",
  rowsAre: "eine Zeile je Kreis, Kalenderjahr und Förderbereich, in dem Geld bewilligt, ausgezahlt oder zurückgefordert wurde",
  notes:
    "Kombinationen, in denen alle drei Beträge 0 sind, sind nicht enthalten. Summiert über die Jahre ergibt " +
    "bewilligt_eur genau die bewilligten Beträge der Zuwendungen.",
  columns: z.object({
    kreis_ags: zuwendungKreis,
    jahr,
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ...BETRAEGE_JAHR,
  }),
  key: ["kreis_ags", "jahr", "foerderbereich"],
  sql: `WITH bewilligt AS (
  SELECT kreis_ags, jahr, foerderbereich, sum(bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr
  GROUP BY kreis_ags, jahr, foerderbereich
),
gebucht AS (
  SELECT kreis_ags, jahr, foerderbereich, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen
  GROUP BY kreis_ags, jahr, foerderbereich
),
${alleBetraege("kreis_ags")}
SELECT * FROM alle
WHERE bewilligt_eur <> 0 OR ausgezahlt_eur <> 0 OR rueckforderung_eur <> 0`,
});

export const abdeckungKreis = defineTable({
  name: "abdeckung_kreis",
  title: "Integrationsmanagement: Stellen und Geflüchtete je Kreis und Stichtag",
  rowsAre:
    "eine Zeile je Kreis und Stichtag der Stellenmeldungen, für jeden Kreis, der zum Stichtag Stellen gemeldet hat " +
    "oder eine bewilligte Zuwendung im Integrationsmanagement hat, deren Förderzeitraum den Stichtag einschließt",
  notes:
    "Gezählt werden nur Stellenmeldungen zu bewilligten Zuwendungen im Integrationsmanagement; die Stichtage sind " +
    "die Stichtage dieser Meldungen. Hat ein Kreis zum Stichtag keine Stelle gemeldet, sind vzae_besetzt und " +
    "stellen_besetzt leer (nicht 0) und stellen_gemeldet ist 0.",
  columns: z.object({
    kreis_ags: kreisAgs,
    stichtag: date({ label: "Stichtag", definition: "Stichtag der Stellenmeldungen." }),
    vzae_bewilligt: dec({
      label: "VZÄ bewilligt",
      definition:
        "Summe der bewilligten VZÄ der bewilligten Zuwendungen im Integrationsmanagement des Kreises, deren " +
        "Förderzeitraum den Stichtag einschließt; 0, wenn keine läuft.",
      unit: "VZÄ",
      scale: 4,
    }),
    vzae_besetzt: orNull(
      dec({
        label: "VZÄ besetzt",
        definition:
          "Summe der VZÄ der zum Stichtag als besetzt gemeldeten Stellen; leer, wenn der Kreis zum Stichtag keine Stelle gemeldet hat.",
        unit: "VZÄ",
        scale: 4,
      }),
    ),
    stellen_besetzt: orNull(
      int({
        label: "Stellen besetzt",
        definition:
          "Anzahl der zum Stichtag als besetzt gemeldeten Stellen; leer, wenn der Kreis zum Stichtag keine Stelle gemeldet hat.",
        unit: "Stellen",
      }),
    ),
    stellen_gemeldet: int({
      label: "Stellen gemeldet",
      definition: "Anzahl der zum Stichtag gemeldeten Stellen, besetzt oder unbesetzt; 0 heißt: keine Meldung.",
      unit: "Stellen",
    }),
    zuwendungen_ohne_meldung: int({
      label: "Zuwendungen ohne Meldung",
      definition:
        "Anzahl der laufenden bewilligten Zuwendungen im Integrationsmanagement des Kreises, zu denen für den " +
        "Stichtag keine Stelle gemeldet ist. Ist sie größer als 0, fehlen deren Stellen in vzae_besetzt.",
    }),
    gefluechtete_au: orNull(
      int({
        label: "Geflüchtete in Anschlussunterbringung",
        definition:
          "Geflüchtete in der Anschlussunterbringung im Kreis (Zählung nach § 29d FAG) aus der letzten Zählung " +
          "am oder vor dem Stichtag; leer, wenn es keine gibt.",
        unit: "Personen",
      }),
    ),
    gefluechtete_stichtag: orNull(
      date({ label: "Stichtag Zählung", definition: "Stichtag der Zählung, aus der gefluechtete_au stammt." }),
    ),
    gefluechtete_je_vzae: orNull(
      dec({
        label: "Geflüchtete je besetzter VZÄ",
        definition:
          "gefluechtete_au geteilt durch vzae_besetzt, kaufmännisch auf 4 Nachkommastellen gerundet; leer, wenn " +
          "vzae_besetzt 0 oder leer ist oder keine Zählung vorliegt.",
        unit: "Personen je VZÄ",
        scale: 4,
      }),
    ),
  }),
  key: ["kreis_ags", "stichtag"],
  orderBy: ["stichtag", "kreis_ags"],
  sql: `WITH im AS (
  SELECT aktenzeichen, kreis_ags, beginn, ende, vzae_bewilligt
  FROM ${GRANTED_GRANTS}
  WHERE foerderbereich = 'integrationsmanagement'
),
meldung AS (
  SELECT im.kreis_ags, s.aktenzeichen, s.stichtag, s.vzae, s.besetzt
  FROM eingang.stellen AS s
  JOIN im ON im.aktenzeichen = s.aktenzeichen
),
stichtage AS (SELECT DISTINCT stichtag FROM meldung),
gemeldet AS (
  SELECT kreis_ags, stichtag,
    count(*) AS stellen_gemeldet,
    count(*) FILTER (WHERE besetzt) AS stellen_besetzt,
    coalesce(sum(vzae) FILTER (WHERE besetzt), 0) AS vzae_besetzt
  FROM meldung
  GROUP BY kreis_ags, stichtag
),
laufend AS (
  SELECT im.kreis_ags, t.stichtag, im.aktenzeichen, im.vzae_bewilligt
  FROM im
  JOIN stichtage AS t ON t.stichtag BETWEEN im.beginn AND im.ende
),
bewilligt AS (
  SELECT l.kreis_ags, l.stichtag,
    sum(l.vzae_bewilligt) AS vzae_bewilligt,
    count(*) FILTER (WHERE m.aktenzeichen IS NULL) AS zuwendungen_ohne_meldung
  FROM laufend AS l
  LEFT JOIN (SELECT DISTINCT aktenzeichen, stichtag FROM meldung) AS m
    ON m.aktenzeichen = l.aktenzeichen AND m.stichtag = l.stichtag
  GROUP BY l.kreis_ags, l.stichtag
),
paare AS (
  SELECT kreis_ags, stichtag FROM gemeldet
  UNION
  SELECT kreis_ags, stichtag FROM bewilligt
),
basis AS (
  SELECT p.kreis_ags, p.stichtag,
    coalesce(b.vzae_bewilligt, 0) AS vzae_bewilligt,
    g.vzae_besetzt,
    g.stellen_besetzt,
    coalesce(g.stellen_gemeldet, 0) AS stellen_gemeldet,
    coalesce(b.zuwendungen_ohne_meldung, 0) AS zuwendungen_ohne_meldung
  FROM paare AS p
  LEFT JOIN gemeldet AS g ON g.kreis_ags = p.kreis_ags AND g.stichtag = p.stichtag
  LEFT JOIN bewilligt AS b ON b.kreis_ags = p.kreis_ags AND b.stichtag = p.stichtag
),
mit_zaehlung AS (
  SELECT basis.*, au.personen AS gefluechtete_au, au.stichtag AS gefluechtete_stichtag
  FROM basis
  ASOF LEFT JOIN eingang.gefluechtete_au AS au
    ON au.kreis_ags = basis.kreis_ags AND basis.stichtag >= au.stichtag
)
SELECT kreis_ags, stichtag, vzae_bewilligt, vzae_besetzt, stellen_besetzt, stellen_gemeldet,
  zuwendungen_ohne_meldung, gefluechtete_au, gefluechtete_stichtag,
  CASE WHEN vzae_besetzt > 0 THEN ${decimalRatio("gefluechtete_au", 0, "vzae_besetzt", 4, 4)} END AS gefluechtete_je_vzae
FROM mit_zaehlung`,
});

export const haushaltJahr = defineTable({
  name: "haushalt_jahr",
  title: "Haushaltsvollzug je Jahr und Förderbereich",
  rowsAre: "eine Zeile je Kalenderjahr und Förderbereich, für das ein Haushaltsansatz vorliegt oder Geld bewilligt, ausgezahlt oder zurückgefordert wurde",
  notes:
    "Die Beträge umfassen alle Kreise (Summe von mittel_kreis_jahr). Quoten sind Dezimalzahlen (0,25 = 25 %), " +
    "exakt berechnet und kaufmännisch auf 4 Nachkommastellen gerundet (ab 0,00005 aufgerundet, negative Werte " +
    "spiegelbildlich).",
  columns: z.object({
    jahr: int({ label: "Jahr", definition: "Haushalts- bzw. Kalenderjahr." }),
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ansatz_eur: orNull(
      euro({
        label: "Ansatz",
        definition: "Haushaltsansatz für Jahr und Förderbereich; leer, wenn kein Ansatz geliefert wurde.",
      }),
    ),
    bewilligt_eur: euro({ label: "Bewilligt (anteilig)", definition: `${DEF_BEWILLIGT_JAHR} Alle Kreise.` }),
    ausgezahlt_eur: euro({ label: "Ausgezahlt (netto)", definition: `${DEF_AUSGEZAHLT_JAHR} Alle Kreise.` }),
    rueckforderung_eur: euro({ label: "Zurückgefordert", definition: `${DEF_RUECKFORDERUNG_JAHR} Alle Kreise.` }),
    bindungsquote: orNull(
      dec({ label: "Bindungsquote", definition: DEF_QUOTE("bewilligt_eur"), scale: 4 }),
    ),
    abflussquote: orNull(
      dec({ label: "Abflussquote", definition: DEF_QUOTE("ausgezahlt_eur"), scale: 4 }),
    ),
  }),
  key: ["jahr", "foerderbereich"],
  sql: `WITH ansatz AS (
  SELECT haushaltsjahr AS jahr, foerderbereich, ansatz_eur FROM eingang.haushalt
),
bewilligt AS (
  SELECT jahr, foerderbereich, sum(bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr
  GROUP BY jahr, foerderbereich
),
gebucht AS (
  SELECT jahr, foerderbereich, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen
  GROUP BY jahr, foerderbereich
),
schluessel AS (
  SELECT jahr, foerderbereich FROM ansatz
  UNION SELECT jahr, foerderbereich FROM bewilligt WHERE bewilligt_eur <> 0
  UNION SELECT jahr, foerderbereich FROM gebucht WHERE ausgezahlt_eur <> 0 OR rueckforderung_eur <> 0
),
werte AS (
  SELECT k.jahr, k.foerderbereich, a.ansatz_eur,
    coalesce(b.bewilligt_eur, 0) AS bewilligt_eur,
    coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur,
    coalesce(z.rueckforderung_eur, 0) AS rueckforderung_eur
  FROM schluessel AS k
  LEFT JOIN ansatz AS a ON a.jahr = k.jahr AND a.foerderbereich = k.foerderbereich
  LEFT JOIN bewilligt AS b ON b.jahr = k.jahr AND b.foerderbereich = k.foerderbereich
  LEFT JOIN gebucht AS z ON z.jahr = k.jahr AND z.foerderbereich = k.foerderbereich
)
SELECT jahr, foerderbereich, ansatz_eur, bewilligt_eur, ausgezahlt_eur, rueckforderung_eur,
  ${decimalRatio("bewilligt_eur", 2, "ansatz_eur", 2, 4)} AS bindungsquote,
  ${decimalRatio("ausgezahlt_eur", 2, "ansatz_eur", 2, 4)} AS abflussquote
FROM werte`,
});

export const zahlungenMonat = defineTable({
  name: "zahlungen_monat",
  title: "Auszahlungen je Monat und Förderbereich",
  rowsAre: "eine Zeile je Kalenderjahr, Monat und Förderbereich",
  notes:
    "Enthalten sind die Jahre und Förderbereiche mit mindestens einer Buchung, jeweils mit allen Monaten von " +
    "Januar bis Dezember (Monate ohne Buchung mit 0); im letzten Jahr nur bis zum Monat der jüngsten Buchung " +
    "(Datenstand), damit die kumulierte Summe nicht in die Zukunft reicht.",
  columns: z.object({
    jahr,
    monat: int({ label: "Monat", definition: "Kalendermonat (1 = Januar).", min: 1, max: 12 }),
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ausgezahlt_eur: euro({
      label: "Ausgezahlt (netto)",
      definition:
        "Nettosumme der im Monat gebuchten Beträge zu bewilligten Zuwendungen: Abschläge und Schlusszahlungen " +
        "positiv, Rückforderungen negativ; 0, wenn nichts gebucht ist.",
    }),
    kumuliert_eur: euro({
      label: "Ausgezahlt kumuliert",
      definition: "Laufende Summe von ausgezahlt_eur von Januar bis einschließlich dieses Monats, je Jahr und Förderbereich.",
    }),
  }),
  key: ["jahr", "monat", "foerderbereich"],
  orderBy: ["jahr", "foerderbereich", "monat"],
  sql: `WITH stand AS (
  SELECT max(buchungsdatum) AS datum FROM main.buchungen
),
jahre AS (
  SELECT DISTINCT jahr, foerderbereich FROM main.buchungen
),
raster AS (
  SELECT j.jahr, m.monat, j.foerderbereich
  FROM jahre AS j
  CROSS JOIN range(1, 13) AS m(monat)
  CROSS JOIN stand AS s
  WHERE j.jahr < year(s.datum) OR m.monat <= month(s.datum)
),
gebucht AS (
  SELECT jahr, monat, foerderbereich, ${NETTO} AS ausgezahlt_eur
  FROM main.buchungen
  GROUP BY jahr, monat, foerderbereich
),
monate AS (
  SELECT r.jahr, r.monat, r.foerderbereich, coalesce(z.ausgezahlt_eur, 0) AS ausgezahlt_eur
  FROM raster AS r
  LEFT JOIN gebucht AS z ON z.jahr = r.jahr AND z.monat = r.monat AND z.foerderbereich = r.foerderbereich
)
SELECT jahr, monat, foerderbereich, ausgezahlt_eur,
  sum(ausgezahlt_eur) OVER (
    PARTITION BY jahr, foerderbereich ORDER BY monat ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW
  ) AS kumuliert_eur
FROM monate`,
});

export const mittelGemeindeJahr = defineTable({
  name: "mittel_gemeinde_jahr",
  title: "Mittel je Gemeinde, Jahr und Förderbereich",
  rowsAre:
    "eine Zeile je Gemeinde als Zuwendungsempfänger (8-stelliger AGS), Kalenderjahr und Förderbereich, in dem Geld " +
    "bewilligt, ausgezahlt oder zurückgefordert wurde",
  notes:
    "Die Gemeinde einer Zuwendung ist der 8-stellige AGS des Empfängers. Zuwendungen an einen Stadt- oder Landkreis " +
    "selbst (5-stelliger AGS) haben keine Gemeinde und sind nicht enthalten; sie stehen in mittel_kreis_jahr. " +
    "Kombinationen, in denen alle drei Beträge 0 sind, sind nicht enthalten. Dieselben Definitionen wie in " +
    "mittel_kreis_jahr: Summiert über die Gemeinden eines Kreises und die Zuwendungen an den Kreis selbst ergibt " +
    "sich mittel_kreis_jahr.",
  columns: z.object({
    gemeinde_ags: ags({
      digits: "gemeinde",
      label: "AGS Gemeinde",
      definition: "Amtlicher Gemeindeschlüssel (AGS) der Gemeinde, die die Zuwendung erhalten hat: der 8-stellige AGS des Empfängers.",
    }),
    gemeinde_name: text({
      label: "Gemeinde",
      definition:
        "Amtlicher Name der Gemeinde (BKG, Verwaltungsgebiete VG5000, Stand 01.01.2021); für einen Schlüssel, der dort " +
        "fehlt, der Empfängername der Zuwendung mit dem jüngsten Förderbeginn.",
    }),
    kreis_ags: zuwendungKreis,
    jahr,
    foerderbereich,
    foerderbereich_name: foerderbereichName,
    ...BETRAEGE_JAHR,
  }),
  key: ["gemeinde_ags", "jahr", "foerderbereich"],
  sql: `WITH gemeinde_zuwendung AS (
  SELECT aktenzeichen, empfaenger_ags AS gemeinde_ags, empfaenger_name, beginn
  FROM ${GRANTED_GRANTS}
  WHERE length(empfaenger_ags) = 8
),
bewilligt AS (
  SELECT g.gemeinde_ags, b.jahr, b.foerderbereich, sum(b.bewilligt_eur) AS bewilligt_eur
  FROM main.bewilligt_jahr AS b
  JOIN gemeinde_zuwendung AS g ON g.aktenzeichen = b.aktenzeichen
  GROUP BY g.gemeinde_ags, b.jahr, b.foerderbereich
),
gebucht AS (
  SELECT g.gemeinde_ags, z.jahr, z.foerderbereich, ${NETTO} AS ausgezahlt_eur, ${RUECKFORDERUNG} AS rueckforderung_eur
  FROM main.buchungen AS z
  JOIN gemeinde_zuwendung AS g ON g.aktenzeichen = z.aktenzeichen
  GROUP BY g.gemeinde_ags, z.jahr, z.foerderbereich
),
${alleBetraege("gemeinde_ags")},
empfaengername AS (
  SELECT gemeinde_ags, arg_max(empfaenger_name, (beginn, aktenzeichen)) AS name
  FROM gemeinde_zuwendung
  GROUP BY gemeinde_ags
)
SELECT a.gemeinde_ags, coalesce(r.gemeinde_name, n.name) AS gemeinde_name, ${kreisOf("a.gemeinde_ags")} AS kreis_ags,
  a.jahr, a.foerderbereich, a.bewilligt_eur, a.ausgezahlt_eur, a.rueckforderung_eur
FROM alle AS a
LEFT JOIN ref.gemeinden AS r ON r.gemeinde_ags = a.gemeinde_ags
LEFT JOIN empfaengername AS n ON n.gemeinde_ags = a.gemeinde_ags
WHERE a.bewilligt_eur <> 0 OR a.ausgezahlt_eur <> 0 OR a.rueckforderung_eur <> 0`,
});

export const pruefbericht = defineTable({
  name: "pruefbericht",
  title: "Prüfbericht",
  rowsAre: "eine Zeile je Befund",
  notes:
    "Alle Befunde beim Lesen und Prüfen der Eingabedateien, sortiert nach Datei, Zeile und Spalte; Befunde zur " +
    "ganzen Datei stehen vorne.",
  columns: z.object({
    datei: text({ label: "Datei", definition: "Eingabedatei, auf die sich der Befund bezieht." }),
    zeile: orNull(
      int({
        label: "Zeile",
        definition: "Zeile in der CSV-Datei bzw. Tabellenzeile in der XLSX-Datei; leer bei Befunden zur ganzen Datei.",
      }),
    ),
    spalte: orNull(
      text({ label: "Spalte", definition: "Betroffene Spalte; leer, wenn der Befund keine einzelne Spalte betrifft." }),
    ),
    wert: orNull(text({ label: "Wert", definition: "Der Wert, wie er in der Datei steht." })),
    regel: text({ label: "Regel", definition: "Kennung der Prüfregel." }),
    meldung: text({ label: "Meldung", definition: "Beschreibung des Befunds." }),
    schwere: oneOf(["fehler", "warnung"], {
      label: "Schwere",
      definition: "fehler: die Zeile bzw. Datei wird zurückgewiesen; warnung: die Daten werden übernommen, sind aber auffällig.",
    }),
  }),
  key: [],
  orderBy: ["datei", "zeile", "spalte", "regel"],
  sql: `SELECT datei, zeile, spalte, wert, regel, meldung, schwere FROM meta.befunde`,
});

/** The published tables in the order of the data contract (§3). */
export const PUBLISHED_TABLES = [
  kreise,
  zuwendungen,
  mittelKreisJahr,
  abdeckungKreis,
  haushaltJahr,
  zahlungenMonat,
  mittelGemeindeJahr,
  pruefbericht,
] as const;
export type PublishedTableName = (typeof PUBLISHED_TABLES)[number]["name"];

/* ------------------------------------------------------------------ */
/* Build                                                               */
/* ------------------------------------------------------------------ */

const columnsOf = (t: PublishedTable) =>
  Object.entries(t.columns.shape).map(([name, s]) => ({
    name,
    meta: columnMeta(s as z.ZodType) as PublishedColumnMeta,
  }));

/**
 * The table's SELECT; a table that declares `foerderbereich_name` gets it here,
 * joined from `ref.foerderbereiche`, so no query repeats the join and every
 * download names the area in German from the one list.
 */
function selectOf(t: PublishedTable): string {
  if (!("foerderbereich_name" in t.columns.shape)) return t.sql;
  return `SELECT q0.*, fb.name AS foerderbereich_name FROM (\n${t.sql}\n) AS q0
LEFT JOIN ref.foerderbereiche AS fb ON fb.foerderbereich = q0.foerderbereich`;
}

/** The statement that creates `main.<name>`: the SELECT, cast to the declared types, sorted. */
export function createStatement(t: PublishedTable, kind: "TABLE" | "VIEW" = "TABLE"): string {
  const cols = columnsOf(t).map((c) => `  CAST(q.${c.name} AS ${c.meta.sqlType}) AS ${c.name}`);
  const order = t.orderBy ?? t.key;
  const orderBy =
    kind === "TABLE" && order.length > 0 ? `\nORDER BY ${order.map((c) => `${c} NULLS FIRST`).join(", ")}` : "";
  return `CREATE OR REPLACE ${kind} main.${t.name} AS\nSELECT\n${cols.join(",\n")}\nFROM (\n${selectOf(t)}\n) AS q${orderBy}`;
}

/** The SELECT must yield exactly the declared columns (extra columns would be dropped silently). */
async function checkColumns(conn: DuckDBConnection, t: PublishedTable): Promise<void> {
  const reader = await conn.runAndReadAll(`DESCRIBE SELECT * FROM (\n${selectOf(t)}\n) AS q`);
  const got = reader.getRowObjectsJS().map((r) => String(r["column_name"]));
  const want = columnsOf(t).map((c) => c.name);
  const missing = want.filter((c) => !got.includes(c));
  const extra = got.filter((c) => !want.includes(c));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `Tabelle ${t.name}: SELECT passt nicht zur Definition (fehlt: ${missing.join(", ") || "–"}; zu viel: ${extra.join(", ") || "–"})`,
    );
  }
}

/** After the build: no NULL in a column not declared nullable, no duplicate key. */
async function checkInvariants(conn: DuckDBConnection, t: PublishedTable): Promise<void> {
  const notNull = columnsOf(t).filter((c) => !c.meta.nullable);
  const parts = notNull.map((c) => `count(*) FILTER (WHERE ${c.name} IS NULL) AS "null:${c.name}"`);
  if (t.key.length > 0) {
    const k = t.key.join(", ");
    parts.push(`(SELECT count(*) FROM (SELECT ${k} FROM main.${t.name} GROUP BY ${k} HAVING count(*) > 1)) AS "doppelt"`);
  }
  if (parts.length === 0) return;
  const reader = await conn.runAndReadAll(`SELECT ${parts.join(", ")} FROM main.${t.name}`);
  const row = reader.getRowObjectsJS()[0] ?? {};
  const problems = Object.entries(row)
    .filter(([, n]) => Number(n) > 0)
    .map(([what, n]) =>
      what === "doppelt"
        ? `${n} doppelte Schlüssel (${t.key.join(", ")})`
        : `${n} leere Werte in ${what.slice("null:".length)}`,
    );
  if (problems.length > 0) throw new Error(`Tabelle ${t.name}: ${problems.join("; ")}`);
}

/**
 * Creates the helper views and then the published tables in schema `main`
 * (CREATE OR REPLACE), from `eingang.*` (all input tables must exist, possibly
 * empty), `ref.kreise` and `meta.befunde`. Each table's SELECT is checked
 * against its declared columns before, and its NOT NULL and key constraints
 * after, the build; a violation throws. Runs in the caller's transaction, if any.
 *
 * `only` rebuilds just the named tables (e.g. `["pruefbericht"]` once all
 * findings are in); the helper views are (re)created in any case.
 */
export async function buildPublishedTables(
  conn: DuckDBConnection,
  only?: readonly PublishedTableName[],
): Promise<void> {
  for (const v of HELPER_VIEWS) {
    await checkColumns(conn, v);
    await conn.run(createStatement(v, "VIEW"));
  }
  for (const t of PUBLISHED_TABLES) {
    if (only && !only.includes(t.name)) continue;
    await checkColumns(conn, t);
    await conn.run(createStatement(t, "TABLE"));
    await checkInvariants(conn, t);
  }
}
