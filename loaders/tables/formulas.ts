/**
 * The formulas of the published ratios, as data: numerator, denominator, factor
 * and decimal places. The published tables compute a Kreis's value from them, the
 * metric registry (queries/metrics.ts) adds the German texts and the Land rule and
 * computes any group's value from them, and the browser evaluates the same data
 * (src/components/metrics.js): so a ratio's formula is written exactly once.
 */
import { decimalRatio } from "./sql.ts";

/** Input columns the formulas read, with their decimal places. */
export const INPUT_SCALE = {
  bewilligt_eur: 2,
  ausgezahlt_eur: 2,
  rueckforderung_eur: 2,
  ansatz_eur: 2,
  einwohner: 0,
  gefluechtete_au: 0,
  vzae_bewilligt: 4,
  vzae_besetzt: 4,
} as const;
export type Input = keyof typeof INPUT_SCALE;

/**
 * `zaehler × faktor ÷ nenner` (or the sum of `zaehler` alone), rounded half away
 * from zero to `scale` decimal places; empty where the denominator is 0 or empty.
 */
export interface Formel {
  zaehler: Input;
  nenner?: Input;
  faktor?: number;
  scale: number;
}

export const FORMELN = {
  bewilligt_je_1000_ew: { zaehler: "bewilligt_eur", nenner: "einwohner", faktor: 1000, scale: 2 },
  ausgezahlt_je_1000_ew: { zaehler: "ausgezahlt_eur", nenner: "einwohner", faktor: 1000, scale: 2 },
  rueckforderung_je_1000_ew: { zaehler: "rueckforderung_eur", nenner: "einwohner", faktor: 1000, scale: 2 },
  bewilligt_je_gefluechteten: { zaehler: "bewilligt_eur", nenner: "gefluechtete_au", scale: 2 },
  ausgezahlt_je_gefluechteten: { zaehler: "ausgezahlt_eur", nenner: "gefluechtete_au", scale: 2 },
  anteil_besetzt: { zaehler: "vzae_besetzt", nenner: "vzae_bewilligt", scale: 4 },
  gefluechtete_je_vzae: { zaehler: "gefluechtete_au", nenner: "vzae_besetzt", scale: 4 },
  auszahlungsquote: { zaehler: "ausgezahlt_eur", nenner: "bewilligt_eur", scale: 4 },
  bindungsquote: { zaehler: "bewilligt_eur", nenner: "ansatz_eur", scale: 4 },
  abflussquote: { zaehler: "ausgezahlt_eur", nenner: "ansatz_eur", scale: 4 },
} as const satisfies Record<string, Formel>;

/** Where an input is: `(i) => \`b.${i}\`` for the columns of a row aliased b. */
export type Col = (input: Input) => string;

/** The inputs as plain column names (the row being computed). */
export const ownColumns: Col = (i) => i;

/** The SQL of a formula over inputs at `col` (a row's columns, or a group's sums). */
export function formelSql(f: Formel, col: Col): string {
  const { zaehler, nenner, faktor, scale } = f;
  const num = faktor ? `${col(zaehler)} * ${faktor}` : col(zaehler);
  if (!nenner) return scale === INPUT_SCALE[zaehler] ? num : `CAST(${num} AS DECIMAL(38,${scale}))`;
  return decimalRatio(num, INPUT_SCALE[zaehler], col(nenner), INPUT_SCALE[nenner], scale);
}
