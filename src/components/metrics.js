// The browser's side of the metric registry (loaders/queries/metrics.ts): where a
// page adds up a reader's selection itself (several years, several Kreise), it
// evaluates the registry's formula (data/kennzahlen.json) on integer units
// (cents, ten-thousandths of a VZÄ) with the SQL's rounding, half away from zero.
// test/queries/metrics.test.ts checks every metric against DuckDB.

const POW10 = [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000];

/** n ÷ d for safe integers, rounded half away from zero; null when d is 0 or a side is missing. */
export function divideRounded(n, d) {
  if (n == null || d == null || d === 0) return null;
  const a = Math.abs(n);
  const b = Math.abs(d);
  let q = Math.floor(a / b);
  let r = a - q * b; // exact: all operands are safe integers
  if (r < 0) (q -= 1), (r += b);
  else if (r >= b) (q += 1), (r -= b);
  return Math.sign(n) * Math.sign(d) * (2 * r >= b ? q + 1 : q);
}

/** A value in integer units of 10^-from, rounded to `to` places (as a number). */
export function roundUnits(units, from, to) {
  if (units == null) return null;
  return from <= to ? units / POW10[from] : divideRounded(units, POW10[from - to]) / POW10[to];
}

/** Does a member row (inputs in integer units) count in a group's sums for metric `m`? */
export function counts(m, row) {
  return m.zaehlt.every((z) => (z.bedingung === "bekannt" ? row[z.input] != null : row[z.input] > 0));
}

/**
 * The sums of a metric's inputs over member rows (integer units), over the
 * members that count. An input that no counting member has stays null.
 */
export function groupSums(m, rows) {
  const sums = Object.fromEntries(Object.keys(m.inputScale).map((i) => [i, null]));
  for (const row of rows) {
    if (!counts(m, row)) continue;
    for (const i of Object.keys(sums)) if (row[i] != null) sums[i] = (sums[i] ?? 0) + row[i];
  }
  return sums;
}

/** The metric's value from input sums in integer units, as the registry's SQL computes it. */
export function metricValue(m, sums) {
  const {zaehler, nenner, faktor = 1} = m.formel;
  const zs = m.inputScale[zaehler];
  if (sums[zaehler] == null) return null;
  if (!nenner) return roundUnits(sums[zaehler] * faktor, zs, m.scale);
  const ns = m.inputScale[nenner];
  if (sums[nenner] == null) return null;
  // decimalRatio: (Z·10^(ns+scale)) ÷ (N·10^zs), in units of 10^-scale; the common powers of ten cancel,
  // which keeps multi-year Land sums in cents far below 2^53.
  const e = ns + m.scale - zs;
  const units = divideRounded(sums[zaehler] * faktor * POW10[Math.max(e, 0)], sums[nenner] * POW10[Math.max(-e, 0)]);
  return units == null ? null : units / POW10[m.scale];
}

/** A value with `scale` places rounded half away from zero to `places` (for display in a table). */
export function roundHalfAway(x, scale, places) {
  return x == null ? null : roundUnits(Math.round(x * POW10[scale]), scale, places);
}

/**
 * Ranks of values, highest first; equal values share a rank (1, 2, 2, 4), as
 * SQL rank() on the Kreis pages. Missing values get no rank.
 * @returns {Map<any, number>} key → rank
 */
export function ranksDescending(items, value, key = (d) => d) {
  const withValue = items.filter((d) => value(d) != null).sort((a, b) => value(b) - value(a));
  const out = new Map();
  withValue.forEach((d, i) => out.set(key(d), i > 0 && value(d) === value(withValue[i - 1]) ? out.get(key(withValue[i - 1])) : i + 1));
  return out;
}
