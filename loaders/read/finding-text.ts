/**
 * How raw file content appears in a finding: cut short, because a finding is
 * read in a table or a terminal, and a runaway record (an unclosed quote) can
 * be megabytes long.
 */

/** Longest raw value a finding carries. */
export const MAX_WERT = 200;

export const truncate = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
