/**
 * The metric registry: every published Kennzahl once – its key, German label and
 * unit, the definition readers see (methodology page, data dictionary,
 * tooltips), how a value for several Kreise (the Land, a Regierungsbezirk, a
 * selection) is formed, its rounding, and the SQL that computes it.
 *
 * One formula serves every level. A metric is an expression over its inputs
 * (`value(m, col)`, `col` saying where each input is); a Kreis row has
 * them, and a group of Kreise has them as sums (`groupInputs`) over the members
 * that count (`counts`). So the Land value of a ratio is always the ratio of the
 * sums over the same Kreise, never a mean of Kreis ratios, and two pages that
 * show one metric cannot disagree: both call this module.
 *
 * Arithmetic is exact (`decimalRatio`: integers in the smallest unit, rounded
 * half away from zero); browser code that aggregates a user's selection uses
 * the same rule on integer cents (src/components/metrics.js, checked against
 * this SQL by test/queries/metrics.test.ts).
 */
import { abdeckungKreis, haushaltJahr, kreise as kreiseTable, mittelKreisJahr, publishedColumns, type PublishedTable } from "../tables/index.ts";
import { FORMELN, INPUT_SCALE, formelSql, type Col, type Formel, type Input } from "../tables/formulas.ts";

export type MetricKey =
  | "bewilligt_eur"
  | "ausgezahlt_eur"
  | "rueckforderung_eur"
  | "bewilligt_je_1000_ew"
  | "ausgezahlt_je_1000_ew"
  | "rueckforderung_je_1000_ew"
  | "gefluechtete_au"
  | "bewilligt_je_gefluechteten"
  | "ausgezahlt_je_gefluechteten"
  | "vzae_bewilligt"
  | "vzae_besetzt"
  | "anteil_besetzt"
  | "gefluechtete_je_vzae"
  | "auszahlungsquote"
  | "bindungsquote"
  | "abflussquote";

export { INPUT_SCALE, type Col, type Input } from "../tables/formulas.ts";

export interface Metric {
  key: MetricKey;
  label: string;
  /** Unit for tables and downloads, e.g. „EUR je 1.000 Einwohner“. */
  unit: string;
  /** Unit word for running text and chart subtitles, e.g. „Euro“, „Prozent“. */
  einheit: string;
  /** Decimal places of the value (those of `formel`). */
  scale: number;
  /** What the value of one Kreis is, with its rounding (German). */
  definition: string;
  /** How the value of several Kreise is formed (German, one sentence). */
  gruppenregel: string;
  /** "summe": the group value is the sum of its Kreise; "quote": a ratio of sums. */
  art: "summe" | "quote";
  /** The inputs of `formel` (numerator, then denominator). */
  inputs: readonly Input[];
  /**
   * The formula as data (tables/formulas.ts for ratios), so that the published
   * tables, SQL (`value`) and the browser (src/components/metrics.js) evaluate
   * the same thing: the sum of `zaehler`, or `zaehler × faktor ÷ nenner`,
   * rounded half away from zero to `scale` places.
   */
  formel: Formel;
  /** Conditions a member must meet to count in a group's sums (none: every member). */
  zaehlt?: readonly { input: Input; bedingung: "bekannt" | "positiv" }[];
}

/** The inputs as columns of the row alias `r`. */
export const columnsOf =
  (r: string): Col =>
  (i) =>
    `${r}.${i}`;

const column = (t: PublishedTable, name: string) => {
  const c = publishedColumns(t).find((x) => x.name === name);
  if (!c) throw new Error(`Spalte ${t.name}.${name} fehlt`);
  return c;
};

const SUMME = "Für mehrere Kreise und das Land: Summe der Kreise.";

/** A metric as written below: its inputs and decimal places follow from its formula. */
type MetricDef = Omit<Metric, "inputs" | "scale">;

/** A metric that is a published column summed over Kreise. */

function summe(key: MetricKey & Input, t: PublishedTable, einheit: string): MetricDef {
  const c = column(t, key);
  return {
    key,
    label: c.label,
    unit: c.unit ?? "",
    einheit,
    definition: c.definition,
    gruppenregel: SUMME,
    art: "summe",
    formel: { zaehler: key, scale: INPUT_SCALE[key] },
  };
}

/** An amount per 1.000 inhabitants, in euros with cents. */
function je1000(key: MetricKey & keyof typeof FORMELN): MetricDef {
  const formel = FORMELN[key];
  const c = column(mittelKreisJahr, formel.zaehler);
  return {
    key,
    label: `${c.label} je 1.000 Einwohner`,
    unit: "EUR je 1.000 Einwohner",
    einheit: "Euro",
    definition: `${c.label} geteilt durch die Einwohnerzahl (${column(kreiseTable, "einwohner").definition}) mal 1.000, kaufmännisch auf Cent gerundet.`,
    gruppenregel: `Für mehrere Kreise und das Land: Summe der Beträge geteilt durch die Summe der Einwohner, mal 1.000.`,
    art: "quote",
    formel,
  };
}

/** An amount per refugee in follow-up housing, in euros with cents; only Kreise with a count take part. */
function jeGefluechteten(key: MetricKey & keyof typeof FORMELN): MetricDef {
  const formel = FORMELN[key];
  const c = column(mittelKreisJahr, formel.zaehler);
  return {
    key,
    label: `${c.label} je Geflüchteten`,
    unit: "EUR je Person",
    einheit: "Euro",
    definition:
      `${c.label} geteilt durch die Geflüchteten in der Anschlussunterbringung (§ 29d FAG, letzte Zählung bis zum ` +
      "Jahresende), kaufmännisch auf Cent gerundet; leer ohne Zählung.",
    gruppenregel: "Für mehrere Kreise und das Land: Summe der Beträge geteilt durch die Summe der Geflüchteten, beides über die Kreise mit Zählung.",
    art: "quote",
    formel,
    zaehlt: [{ input: "gefluechtete_au", bedingung: "positiv" }],
  };
}

/** A ratio of the budget (haushalt_jahr): per Förderbereich and year, and for all areas of a year. */
function haushaltsquote(key: "bindungsquote" | "abflussquote"): MetricDef {
  const c = column(haushaltJahr, key);
  const betrag = column(haushaltJahr, FORMELN[key].zaehler).label;
  return {
    key,
    label: c.label,
    unit: "Anteil (0,25 = 25 %)",
    einheit: "Prozent",
    definition: c.definition,
    gruppenregel:
      `Für alle Förderbereiche eines Jahres: Summe „${betrag}“ geteilt durch die Summe der Ansätze; ` +
      "ein Förderbereich ohne Ansatz zählt im Zähler mit und wird genannt.",
    art: "quote",
    formel: FORMELN[key],
  };
}

const defs: MetricDef[] = [
  summe("bewilligt_eur", mittelKreisJahr, "Euro"),
  summe("ausgezahlt_eur", mittelKreisJahr, "Euro"),
  summe("rueckforderung_eur", mittelKreisJahr, "Euro"),
  je1000("bewilligt_je_1000_ew"),
  je1000("ausgezahlt_je_1000_ew"),
  je1000("rueckforderung_je_1000_ew"),
  summe("gefluechtete_au", abdeckungKreis, "Personen"),
  jeGefluechteten("bewilligt_je_gefluechteten"),
  jeGefluechteten("ausgezahlt_je_gefluechteten"),
  summe("vzae_bewilligt", abdeckungKreis, "VZÄ"),
  summe("vzae_besetzt", abdeckungKreis, "VZÄ"),
  {
    key: "anteil_besetzt",
    label: "Besetzungsquote",
    unit: "Anteil (0,25 = 25 %)",
    einheit: "Prozent",
    definition:
      "Anteil der bewilligten VZÄ, die besetzt sind: VZÄ besetzt geteilt durch VZÄ bewilligt am Stichtag, kaufmännisch auf 4 Nachkommastellen gerundet (0,25 = 25 %); " +
      "leer, wenn keine VZÄ bewilligt sind oder der Kreis keine Stelle gemeldet hat.",
    gruppenregel:
      "Für mehrere Kreise und das Land: Summe der besetzten geteilt durch Summe der bewilligten VZÄ, beides über die " +
      "Kreise mit Stellenmeldung (ein Kreis ohne Meldung zählt weder im Zähler noch im Nenner).",
    art: "quote",
    formel: FORMELN.anteil_besetzt,
    zaehlt: [
      { input: "vzae_besetzt", bedingung: "bekannt" },
      { input: "vzae_bewilligt", bedingung: "positiv" },
    ],
  },
  {
    key: "gefluechtete_je_vzae",
    label: column(abdeckungKreis, "gefluechtete_je_vzae").label,
    unit: column(abdeckungKreis, "gefluechtete_je_vzae").unit ?? "Personen je VZÄ",
    einheit: "Personen je VZÄ",
    definition: column(abdeckungKreis, "gefluechtete_je_vzae").definition,
    // A Kreis whose positions are all vacant has no value of its own (division by 0), but its refugees
    // count for the Land: leaving them out would make the Land look better served than it is.
    gruppenregel:
      "Für mehrere Kreise und das Land: Summe der Geflüchteten geteilt durch Summe der besetzten VZÄ, beides über die " +
      "Kreise mit Zählung und Stellenmeldung; ein Kreis, dessen Stellen alle unbesetzt sind, zählt mit seinen Geflüchteten mit.",
    art: "quote",
    formel: FORMELN.gefluechtete_je_vzae,
    zaehlt: [
      { input: "gefluechtete_au", bedingung: "bekannt" },
      { input: "vzae_besetzt", bedingung: "bekannt" },
    ],
  },
  {
    key: "auszahlungsquote",
    label: "Auszahlungsquote",
    unit: "Anteil (0,25 = 25 %)",
    einheit: "Prozent",
    definition:
      "Im Jahr ausgezahlt (netto) geteilt durch den auf das Jahr entfallenden Teil der Bewilligungen, alle " +
      "Förderbereiche, kaufmännisch auf 4 Nachkommastellen gerundet (0,25 = 25 %); leer, wenn im Jahr nichts bewilligt ist.",
    gruppenregel: "Für das Land: Summe der Auszahlungen geteilt durch Summe der Bewilligungen aller Kreise.",
    art: "quote",
    formel: FORMELN.auszahlungsquote,
  },
  haushaltsquote("bindungsquote"),
  haushaltsquote("abflussquote"),
];

const metrics: Metric[] = defs.map((m) => ({
  ...m,
  scale: m.formel.scale,
  inputs: m.formel.nenner ? [m.formel.zaehler, m.formel.nenner] : [m.formel.zaehler],
}));

export const METRICS: ReadonlyMap<MetricKey, Metric> = new Map(metrics.map((m) => [m.key, m]));

export function metric(key: MetricKey): Metric {
  const m = METRICS.get(key);
  if (!m) throw new Error(`Unbekannte Kennzahl ${key}`);
  return m;
}

/**
 * The sums of a metric's inputs over the members of a group (their columns given
 * by `member`), as `sum(…) FILTER (WHERE counts) AS <prefix><input>`, for a
 * SELECT … GROUP BY over the members.
 */
/** The SQL of a metric's value from its inputs (those of a Kreis row, or a group's sums). */
export function value(m: Metric, col: Col): string {
  return formelSql(m.formel, col);
}

/** SQL condition: does a member (its inputs at `col`) count in a group's sums? null: always. */
export function counts(m: Metric, col: Col): string | null {
  if (!m.zaehlt?.length) return null;
  return m.zaehlt.map((z) => (z.bedingung === "bekannt" ? `${col(z.input)} IS NOT NULL` : `${col(z.input)} > 0`)).join(" AND ");
}

export function groupInputs(m: Metric, member: Col, prefix: string): string {
  const c = counts(m, member);
  const filter = c ? ` FILTER (WHERE ${c})` : "";
  return m.inputs.map((i) => `sum(${member(i)})${filter} AS ${prefix}${i}`).join(", ");
}

/** Where a metric's group sums are: the columns `<prefix><input>` of the row alias `g`. */
export const groupColumns =
  (g: string, prefix: string): Col =>
  (i) =>
    `${g}.${prefix}${i}`;

/**
 * Several metrics' group sums in one SELECT list (one prefix per metric,
 * `<key>__`), and each one's value over that row: the Land or any group.
 */
export const groupSums = (keys: readonly MetricKey[], member: Col): string =>
  keys.map((k) => groupInputs(metric(k), member, `${k}__`)).join(",\n    ");
export const groupValue = (key: MetricKey, g: string): string => value(metric(key), groupColumns(g, `${key}__`));

/** The German text of a metric for pages and the data dictionary, with its formula for the browser. */
export type MetricText = Pick<Metric, "key" | "label" | "unit" | "einheit" | "scale" | "definition" | "gruppenregel" | "art" | "formel"> & {
  zaehlt: NonNullable<Metric["zaehlt"]>;
  /** Decimal places of each input (integer units in the browser: cents, ten-thousandths). */
  inputScale: Partial<Record<Input, number>>;
};

export function metricTexts(): MetricText[] {
  return metrics.map(({ key, label, unit, einheit, scale, definition, gruppenregel, art, formel, zaehlt, inputs }) => ({
    key,
    label,
    unit,
    einheit,
    scale,
    definition,
    gruppenregel,
    art,
    formel,
    zaehlt: zaehlt ?? [],
    inputScale: Object.fromEntries(inputs.map((i) => [i, INPUT_SCALE[i]])),
  }));
}
