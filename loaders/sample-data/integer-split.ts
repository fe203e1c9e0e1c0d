/**
 * Splitting integer totals (cents, quarters, persons) into parts that add up
 * exactly, so that the control totals in the manifest match the rows to the cent.
 */
import { day, yearOf, type Day } from "./dates.ts";

/** Splits `total` (integer) by weights so that the parts add up exactly (largest remainder). */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) throw new Error("splitInteger: weights sum to 0");
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map((x) => Math.floor(x));
  let rest = total - out.reduce((s, x) => s + x, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (let j = 0; rest > 0; j = (j + 1) % order.length, rest--) {
    const idx = (order[j] as { i: number }).i;
    out[idx] = (out[idx] as number) + 1;
  }
  return out;
}

/**
 * A grant's amount spread over the calendar days of its period (both ends
 * inclusive), per calendar year; cents rounded cumulatively so that the years add
 * up exactly to the amount (the contract's definition of `bewilligt_eur` per year).
 */
export function proRataByYear(cents: number, beginn: Day, ende: Day): Map<number, number> {
  const out = new Map<number, number>();
  const total = ende - beginn + 1;
  let done = 0;
  let booked = 0;
  for (let y = yearOf(beginn); y <= yearOf(ende); y++) {
    const from = Math.max(beginn, day(y, 1, 1));
    const to = Math.min(ende, day(y, 12, 31));
    done += to - from + 1;
    const cum = Math.round((cents * done) / total);
    out.set(y, cum - booked);
    booked = cum;
  }
  return out;
}
