/**
 * Calendar days as integers (days since 1970-01-01, UTC) and the text forms the
 * sample files use. Integers keep the generator free of time zones and DST.
 */

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function day(y: number, m: number, d: number): Day {
  return Math.round(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

export function fromIso(s: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`Kein ISO-Datum: ${s}`);
  return day(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parts(d: Day): { y: number; m: number; d: number } {
  const dt = new Date(d * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export const yearOf = (d: Day): number => parts(d).y;

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `2018-12-31` */
export function iso(d: Day): string {
  const p = parts(d);
  return `${p.y}-${pad2(p.m)}-${pad2(p.d)}`;
}

/** `31.12.2018` */
export function german(d: Day): string {
  const p = parts(d);
  return `${pad2(p.d)}.${pad2(p.m)}.${p.y}`;
}

/** A JS Date at UTC midnight (what exceljs turns into a whole Excel serial). */
export function toUtcDate(d: Day): Date {
  return new Date(d * MS_PER_DAY);
}

/** Same day of month `n` months later (clamped to the month's last day). */
export function addMonths(d: Day, n: number): Day {
  const p = parts(d);
  const total = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = lastOfMonth(y, m);
  return day(y, m, Math.min(p.d, parts(last).d));
}

export function lastOfMonth(y: number, m: number): Day {
  return day(y, m + 1, 1) - 1;
}

export function firstOfNextMonth(d: Day): Day {
  const p = parts(d);
  return day(p.y, p.m + 1, 1);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** The day itself if Monday–Friday, else the following Monday. */
export function workday(d: Day): Day {
  const w = weekday(d);
  return w === 6 ? d + 2 : w === 0 ? d + 1 : d;
}

/** Reporting dates of the staffing reports (30.06. and 31.12.) in [from, to]. */
export function halfYearEnds(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let y = parts(from).y; y <= parts(to).y; y++) {
    for (const s of [day(y, 6, 30), day(y, 12, 31)]) if (s >= from && s <= to) out.push(s);
  }
  return out;
}

/** Whole months between `beginn` and `ende` inclusive, e.g. 01.07.2017–30.06.2019 = 24. */
export function monthsInclusive(beginn: Day, ende: Day): number {
  const a = parts(beginn);
  const b = parts(ende + 1);
  return (b.y - a.y) * 12 + (b.m - a.m) + (b.d - a.d) / 31;
}
