/**
 * Disclosure control for counts of persons split by a characteristic: primary
 * suppression of small groups and secondary suppression so that no suppressed
 * group can be recovered from published totals by subtraction.
 *
 * The table is, per stichtag and characteristic, a grid of cells (row: the Land
 * or one Kreis; column: one category). Published sums tie the cells together:
 * every row adds up to a published total (stellen_besetzt / vzae_besetzt of
 * abdeckung_kreis, and their Land sums), and every column's Kreis cells add up
 * to its Land cell. A "line" is one such relation: a row (its cells) or a
 * column (its Kreis cells plus the Land cell). A line with exactly one
 * suppressed cell reveals it; so after suppression every line has either none
 * or at least two suppressed cells.
 *
 * Why TypeScript and not SQL: the secondary step is a greedy fixed point: each
 * complement chosen for one line may break another line, and which cell is
 * chosen next depends on every choice before. A recursive CTE can express it
 * only by carrying the whole suppression pattern through each step. This step
 * does no arithmetic – it compares counts that DuckDB computed and decides
 * which cells to hide; the caller nulls their values.
 */

/** Groups with fewer persons than this (and more than 0) are not published. */
export const MIN_PERSONEN = 3;

/** One cell of the grid. `zeile` null is the Land row (the column totals). */
export interface Zelle {
  zeile: string | null;
  spalte: string;
  /** Persons in the group (0 allowed: a known empty group). */
  personen: number;
}

export type Sperre = "primaer" | "sekundaer";

/**
 * Primary: 0 < personen < MIN_PERSONEN. A 0 is shown: it says no person is in
 * the group, nothing about any person.
 */
export const istPrimaer = (personen: number): boolean => personen > 0 && personen < MIN_PERSONEN;

/**
 * The cells to suppress in one grid (one stichtag, one characteristic), by
 * index into `zellen`, with the reason. Deterministic: complements are the
 * unsuppressed cell of the line with the fewest persons, non-zero cells before
 * zero cells (a zero is hidden only when a line has no other candidate, e.g. a
 * Kreis whose persons all fall into one category), ties broken by the cell's
 * position in `zellen`. Terminates: each round suppresses at least one more
 * cell or stops.
 *
 * Expects a full grid: every row that has a published total lists every
 * category (0 where empty); rows with no person at all are left out (their
 * cells are known zeros and cannot hide anything).
 */
export function unterdruecken(zellen: readonly Zelle[]): Map<number, Sperre> {
  const sperre = new Map<number, Sperre>();
  zellen.forEach((z, i) => {
    if (istPrimaer(z.personen)) sperre.set(i, "primaer");
  });
  const linien = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const l = linien.get(key);
    if (l) l.push(i);
    else linien.set(key, [i]);
  };
  zellen.forEach((z, i) => {
    add(`z:${z.zeile ?? ""}`, i);
    add(`s:${z.spalte}`, i);
  });
  // Line keys in a fixed order, so the result does not depend on Map insertion quirks.
  const keys = [...linien.keys()].sort();
  for (;;) {
    let changed = false;
    for (const key of keys) {
      const l = linien.get(key)!;
      if (l.filter((i) => sperre.has(i)).length !== 1) continue;
      const kandidaten = l.filter((i) => !sperre.has(i));
      if (kandidaten.length === 0) continue; // a line of one cell: cannot happen in a grid of ≥ 2 categories
      const personen = (i: number) => zellen[i]?.personen ?? 0;
      const leer = (i: number) => (personen(i) === 0 ? 1 : 0);
      kandidaten.sort((a, b) => leer(a) - leer(b) || personen(a) - personen(b) || a - b);
      sperre.set(kandidaten[0]!, "sekundaer");
      changed = true;
    }
    if (!changed) return sperre;
  }
}
