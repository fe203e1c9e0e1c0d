/**
 * SQL building blocks shared by the published tables (`published.ts`).
 *
 * Money and ratios are computed without floating point: DuckDB turns a division
 * of DECIMALs into DOUBLE, so every division here is done on integers (HUGEINT)
 * in the smallest unit of the result (cents, ten-thousandths) and rounded
 * explicitly, half away from zero ("kaufmännisch").
 */

/** Schema of the accepted input rows (see `loaders/schema/ddl.ts`). */
const IN = "eingang";

/** `10^n` as an integer literal. */
const pow10 = (n: number): string => {
  if (!Number.isInteger(n) || n < 0) throw new Error(`pow10: ${n}`);
  return `CAST(1${"0".repeat(n)} AS HUGEINT)`;
};

/**
 * A DECIMAL (or integer) with `scale` places as an exact HUGEINT count of its
 * smallest unit, e.g. `toUnits("12.34", 2)` = 1234.
 */
export const toUnits = (expr: string, scale: number): string =>
  scale === 0
    ? `CAST(${expr} AS HUGEINT)`
    : `CAST(CAST(${expr} AS DECIMAL(38,${scale})) * ${pow10(scale)} AS HUGEINT)`;

/** The inverse of `toUnits`: an integer count of 10^-scale as DECIMAL(38,scale), exactly. */
export const fromUnits = (expr: string, scale: number): string =>
  scale === 0
    ? `CAST(${expr} AS DECIMAL(38,0))`
    : `(CAST(${expr} AS DECIMAL(38,0)) * CAST('0.${"0".repeat(scale - 1)}1' AS DECIMAL(${scale + 1},${scale})))`;

/**
 * Integer division `n / d` of HUGEINT expressions, rounded half away from zero
 * (2.5 → 3, −2.5 → −3). NULL when `d` is 0 or NULL.
 */
export const roundDiv = (n: string, d: string): string =>
  `(CASE WHEN (${d}) <> 0 THEN ` +
  `sign(${n}) * sign(${d}) * ((2 * abs(${n}) + abs(${d})) // (2 * abs(${d}))) END)`;

/**
 * `num / den` as an exact DECIMAL(38,outScale), rounded half away from zero;
 * NULL when `den` is 0 or NULL. `numScale` and `denScale` are the decimal places
 * of the operands' types (0 for integers).
 *
 * With num = A·10^-ns and den = B·10^-ds, the result in units of 10^-os is
 * A·10^(ds+os) / (B·10^ns).
 */
export const decimalRatio = (
  num: string,
  numScale: number,
  den: string,
  denScale: number,
  outScale: number,
): string => {
  const n = `(${toUnits(num, numScale)} * ${pow10(denScale + outScale)})`;
  const d = `(${toUnits(den, denScale)} * ${pow10(numScale)})`;
  return fromUnits(roundDiv(n, d), outScale);
};

/** A grant's Kreis: the first five digits of the recipient's AGS. */
export const kreisOf = (ags: string): string => `substr(${ags}, 1, 5)`;

/**
 * The committed grants: rows of `eingang.bewilligungen` with status `bewilligt`,
 * with their Kreis. The only place where "committed" is defined.
 */
export const GRANTED_GRANTS = `(
  SELECT b.*, ${kreisOf("b.empfaenger_ags")} AS kreis_ags
  FROM ${IN}.bewilligungen AS b
  WHERE b.status = 'bewilligt'
)`;
